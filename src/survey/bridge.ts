/**
 * SIPAS results as PAR INDEX evidence: per unit, the percent inputs
 * `sipas.overall`, `sipas.<group>` and `sipas.<element>`.
 *
 * Values are rounded to the survey's `rounding` (the published figure), so a
 * framework scores exactly what the SIPAS report prints. An index without any
 * valid answer is left out (the input is then missing for that unit).
 */
import { roundTo, type Decimal } from "../core/decimal.js";
import { diag, type Diagnostic, type Location } from "../diagnostics/index.js";
import type { EvidenceSet, InputEntry } from "../evidence/model.js";
import type { SurveyResult, UnitIndices } from "./indices.js";

/** The input name prefix. */
export const SURVEY_INPUT_PREFIX = "sipas";

export interface SurveyInput {
  readonly unit: string;
  /** `sipas.overall`, `sipas.<group>` or `sipas.<element>`. */
  readonly name: string;
  /** Percent (0..100), rounded to the survey's decimals. */
  readonly value: Decimal;
}

/** Every survey input of every unit, in unit order then overall, groups, elements. */
export function surveyInputs(result: SurveyResult): SurveyInput[] {
  const out: SurveyInput[] = [];
  for (const u of result.units) {
    for (const [name, value] of unitInputs(u)) {
      if (value !== undefined) out.push({ unit: u.unit, name, value: roundTo(value, result.survey.rounding) });
    }
  }
  return out;
}

/**
 * The same inputs shaped like `UnitEvidence.inputs`: unit → input name → entry,
 * ready to be merged into an EvidenceSet.
 */
export function surveyEvidence(result: SurveyResult): ReadonlyMap<string, ReadonlyMap<string, InputEntry>> {
  const file = result.survey.file;
  const out = new Map<string, Map<string, InputEntry>>();
  for (const input of surveyInputs(result)) {
    let m = out.get(input.unit);
    if (m === undefined) out.set(input.unit, (m = new Map()));
    m.set(input.name, {
      value: input.value,
      where: { ...(file !== undefined && { file }), unit: input.unit, input: input.name },
      note: `SIPAS ${result.survey.id}`,
    });
  }
  return out;
}

function* unitInputs(u: UnitIndices): Iterable<[string, Decimal | undefined]> {
  yield [`${SURVEY_INPUT_PREFIX}.overall`, u.overall];
  for (const [id, v] of u.groups) yield [`${SURVEY_INPUT_PREFIX}.${id}`, v];
  for (const [id, v] of u.elements) yield [`${SURVEY_INPUT_PREFIX}.${id}`, v];
}

/**
 * Adds survey inputs to an evidence set. Only inputs the framework declares are
 * added (a framework may use `sipas.overall` alone); an input the evidence files
 * already give for the unit is a conflict (error naming both places); a survey
 * unit missing from a non-empty registry is reported and not scored.
 */
export function withSurveyEvidence(
  evidence: EvidenceSet,
  survey: ReadonlyMap<string, ReadonlyMap<string, InputEntry>>,
  declared: ReadonlySet<string>,
): EvidenceSet {
  const byUnit = new Map(evidence.byUnit);
  const diagnostics: Diagnostic[] = [...evidence.diagnostics];
  const registry = new Set(evidence.units.map((u) => u.code));
  for (const [unit, inputs] of survey) {
    if (registry.size > 0 && !registry.has(unit)) {
      const first = inputs.values().next().value;
      diagnostics.push(diag("survey-unit-not-in-registry", { unit }, { ...first?.where, unit }));
      continue;
    }
    const current = byUnit.get(unit);
    const merged = new Map(current?.inputs ?? []);
    for (const [name, entry] of inputs) {
      if (!declared.has(name)) continue;
      const existing = merged.get(name);
      if (existing !== undefined) {
        diagnostics.push(
          diag("survey-input-conflict", { unit, input: name, other: describe(existing.where) }, { ...entry.where, unit, input: name }),
        );
        continue;
      }
      merged.set(name, entry);
    }
    byUnit.set(unit, { code: unit, inputs: merged, points: current?.points ?? new Map() });
  }
  return { ...evidence, byUnit, diagnostics };
}

function describe(where: Location | undefined): string {
  if (!where?.file) return "another file";
  return where.line !== undefined ? `${where.file}:${where.line}:${where.column ?? 1}` : where.file;
}
