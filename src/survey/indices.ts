/**
 * Satisfaction indices from an accumulator: per item (% satisfied of valid
 * answers, Wilson 95% interval), per element, group and overall by the
 * survey's declared aggregation. Indices are exact Decimals computed from
 * unrounded values; only the JSON/report output is rounded.
 */
import { Dec, HUNDRED, ZERO, type Decimal } from "../core/decimal.js";
import { diag, type Diagnostic } from "../diagnostics/index.js";
import { itemTotals, totalOf, type ItemTotals, type SurveyAccumulator, type UnitAccumulator } from "./accumulator.js";
import type { CompiledSurvey } from "./plan.js";
import { surveyResultToJson, type SurveyResultJson } from "./json.js";

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface ItemIndex {
  /** % satisfied of valid answers (weighted when the survey is); undefined without valid answers. */
  readonly index: Decimal | undefined;
  readonly valid: number;
  readonly noAnswer: number;
  /** Cells that were not a level of the scale (not used). */
  readonly invalid: number;
  readonly satisfied: number;
  /** Valid answers per level, in scale order. */
  readonly byLevel: readonly number[];
  /** The n of the interval: `valid`, or Kish's effective n with weights. */
  readonly effectiveN: number;
  /** Wilson 95% bounds, in percent (floating point); undefined without valid answers. */
  readonly low: number | undefined;
  readonly high: number | undefined;
  /** Exact sums behind the index (Σw = valid when unweighted). */
  readonly totals: ItemTotals;
}

export interface RatingsIndex {
  readonly total: number;
  readonly satisfied: number;
  readonly index: Decimal | undefined;
  readonly low: number | undefined;
  readonly high: number | undefined;
  /** Count per level, in scale order. */
  readonly byLevel: readonly number[];
}

export interface UnitIndices {
  /** The unit code, or `all` for all units together. */
  readonly unit: string;
  readonly respondents: number;
  readonly overall: Decimal | undefined;
  readonly groups: ReadonlyMap<string, Decimal | undefined>;
  readonly elements: ReadonlyMap<string, Decimal | undefined>;
  readonly items: ReadonlyMap<string, ItemIndex>;
  /** Present when ratings were read for the unit. */
  readonly ratings?: RatingsIndex;
}

export interface SurveyResult {
  readonly survey: CompiledSurvey;
  /** Units sorted by code (so the result does not depend on file order). */
  readonly units: readonly UnitIndices[];
  readonly all: UnitIndices;
  readonly diagnostics: readonly Diagnostic[];
  /** The JSON of the Results section, with numbers rounded per the survey. */
  toJSON(): SurveyResultJson;
}

/**
 * Computes every index of every unit and of all units together.
 * `diagnostics` (e.g. from the readers) are carried into the result, followed by
 * `survey-few-respondents` warnings. Never throws.
 */
export function computeSurveyResult(
  survey: CompiledSurvey,
  acc: SurveyAccumulator,
  diagnostics: readonly Diagnostic[] = [],
): SurveyResult {
  const codes = [...acc.units.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const units = codes.map((c) => unitIndices(survey, acc.units.get(c)!));
  const all = unitIndices(survey, totalOf(acc, "all"));
  const warnings: Diagnostic[] = [];
  if (survey.minRespondents !== undefined) {
    for (const u of units) warnings.push(...fewRespondents(survey, u, survey.minRespondents));
  }
  const result: SurveyResult = {
    survey,
    units: Object.freeze(units),
    all,
    diagnostics: Object.freeze([...diagnostics, ...warnings]),
    toJSON: () => surveyResultToJson(result),
  };
  return Object.freeze(result);
}

/** The indices of one unit's accumulator. */
export function unitIndices(survey: CompiledSurvey, u: UnitAccumulator): UnitIndices {
  const sat = survey.scale.satisfied;
  const totals = survey.items.map((_, i) => itemTotals(u, i, sat));
  const items = new Map<string, ItemIndex>();
  survey.items.forEach((it, i) => items.set(it.id, itemIndex(totals[i]!)));
  const itemIdx = survey.items.map((it) => items.get(it.id)!.index);
  const pooled = (list: readonly number[]) => pooledIndex(list.map((i) => totals[i]!));

  const elementIdx = survey.elements.map((e) =>
    survey.aggregate.element === "pooled" ? pooled(e.items) : meanOf(e.items.map((i) => itemIdx[i])),
  );
  const groupIdx = survey.groups.map((g) =>
    survey.aggregate.group === "pooled" ? pooled(g.items) : meanOf(g.elements.map((e) => elementIdx[e])),
  );
  const ov = survey.aggregate.overall;
  let overall: Decimal | undefined;
  switch (ov.kind) {
    case "mean_of_groups":
      overall = meanOf(groupIdx);
      break;
    case "mean_of_elements":
      overall = meanOf(elementIdx);
      break;
    case "pooled":
      overall = pooled(survey.items.map((_, i) => i));
      break;
    case "weights":
      overall = weightedMean(groupIdx, ov.weights);
      break;
  }
  return Object.freeze({
    unit: u.unit,
    respondents: u.respondents,
    overall,
    groups: new Map(survey.groups.map((g, i) => [g.id, groupIdx[i]])),
    elements: new Map(survey.elements.map((e, i) => [e.id, elementIdx[i]])),
    items,
    ...(u.hasRatings && { ratings: ratingsIndex(u.ratings, sat) }),
  });
}

function itemIndex(t: ItemTotals): ItemIndex {
  if (t.valid === 0) {
    return { index: undefined, valid: 0, noAnswer: t.noAnswer, invalid: t.invalid, satisfied: 0, byLevel: t.byLevel, effectiveN: 0, low: undefined, high: undefined, totals: t };
  }
  const index = t.satisfiedWeight.div(t.weight).times(HUNDRED);
  const n = effectiveN(t.weight, t.weightSquared);
  const { low, high } = wilson(t.satisfiedWeight.div(t.weight).toNumber(), n);
  return { index, valid: t.valid, noAnswer: t.noAnswer, invalid: t.invalid, satisfied: t.satisfied, byLevel: t.byLevel, effectiveN: n, low: low * 100, high: high * 100, totals: t };
}

/** All valid answers of the items together: Σ satisfied weight ÷ Σ weight × 100. */
function pooledIndex(list: readonly ItemTotals[]): Decimal | undefined {
  let w = ZERO;
  let s = ZERO;
  for (const t of list) {
    w = w.plus(t.weight);
    s = s.plus(t.satisfiedWeight);
  }
  return w.isZero() ? undefined : s.div(w).times(HUNDRED);
}

/** Mean of the defined values; undefined when none is defined. */
function meanOf(values: readonly (Decimal | undefined)[]): Decimal | undefined {
  let sum = ZERO;
  let n = 0;
  for (const v of values) {
    if (v === undefined) continue;
    sum = sum.plus(v);
    n++;
  }
  return n === 0 ? undefined : sum.div(n);
}

/** Σ wᵢ·xᵢ ÷ Σ wᵢ over the groups that have an index (so a group without answers does not pull the index to 0). */
function weightedMean(values: readonly (Decimal | undefined)[], weights: readonly Decimal[]): Decimal | undefined {
  let sum = ZERO;
  let wsum = ZERO;
  values.forEach((v, i) => {
    const w = weights[i] ?? ZERO;
    if (v === undefined || w.isZero()) return;
    sum = sum.plus(v.times(w));
    wsum = wsum.plus(w);
  });
  return wsum.isZero() ? undefined : sum.div(wsum);
}

/** Kish's effective sample size (Σw)² ÷ Σw² (= n without weights). */
export function effectiveN(sumW: Decimal, sumW2: Decimal): number {
  return sumW2.isZero() ? 0 : sumW.times(sumW).div(sumW2).toNumber();
}

/** Wilson score interval for a proportion `p` on `n` observations, as proportions in [0, 1]. */
export function wilson(p: number, n: number, z = Z95): { low: number; high: number } {
  if (!(n > 0)) return { low: Number.NaN, high: Number.NaN };
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt(Math.max(0, (p * (1 - p)) / n + z2 / (4 * n * n)));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function ratingsIndex(counts: Float64Array, satisfied: readonly boolean[]): RatingsIndex {
  let total = 0;
  let sat = 0;
  counts.forEach((c, l) => {
    total += c;
    if (satisfied[l]) sat += c;
  });
  const byLevel = [...counts];
  if (total === 0) return { total, satisfied: sat, index: undefined, low: undefined, high: undefined, byLevel };
  const { low, high } = wilson(sat / total, total);
  return { total, satisfied: sat, index: new Dec(sat).div(total).times(HUNDRED), low: low * 100, high: high * 100, byLevel };
}

/**
 * `survey-few-respondents`: one warning for the unit's overall index when it has
 * fewer respondents than `min`; otherwise one per item with fewer valid answers.
 */
function fewRespondents(survey: CompiledSurvey, u: UnitIndices, min: number): Diagnostic[] {
  const where = { ...(survey.file !== undefined && { file: survey.file }), unit: u.unit };
  if (u.respondents === 0) return []; // no index to read with caution (e.g. a unit with ratings only)
  if (u.respondents < min) {
    return [diag("survey-few-respondents", { unit: u.unit, index: "overall", valid: u.respondents, min }, where)];
  }
  const out: Diagnostic[] = [];
  for (const [id, it] of u.items) {
    if (it.valid < min) out.push(diag("survey-few-respondents", { unit: u.unit, index: id, valid: it.valid, min }, where));
  }
  return out;
}
