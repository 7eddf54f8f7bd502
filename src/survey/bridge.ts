/**
 * SIPAS results as PAR INDEX evidence: per unit, the percent inputs
 * `sipas.overall`, `sipas.<group>` and `sipas.<element>`.
 *
 * Values are rounded to the survey's `rounding` (the published figure), so a
 * framework scores exactly what the SIPAS report prints. An index without any
 * valid answer is left out (the input is then missing for that unit).
 */
import { roundTo, type Decimal } from "../core/decimal.js";
import type { InputEntry } from "../evidence/model.js";
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
