/**
 * Mergeable per-unit state of a survey: counts by item and level, no-answer
 * counts, weighted sums, and counter ratings. Everything is exact, so
 * `merge` over any split of the rows gives exactly the one-pass state.
 *
 * Counts are plain numbers (exact integers below 2^53). Weighted sums are kept
 * as exact scaled integers: a weight with d decimals is the integer w·10^d;
 * each unit keeps its sums at the largest number of decimals seen (`scale`),
 * in float64 slots that are flushed into a BigInt "spill" before they could
 * lose exactness (above 2^52). Σw² is kept the same way at scale 2·scale.
 * This keeps the hot path on numbers while the index (Σw satisfied ÷ Σw) stays exact.
 */
import { Dec, type Decimal } from "../core/decimal.js";
import type { CompiledSurvey } from "./plan.js";

/** A parsed weight: `digits · 10^-decimals`, digits < 10^15, decimals ≤ 9. */
export interface ScaledWeight {
  readonly digits: number;
  readonly decimals: number;
}

/** The weight 1, used for rows of a file without the weight column of a weighted survey. */
export const UNIT_WEIGHT: ScaledWeight = Object.freeze({ digits: 1, decimals: 0 });

const SPILL_AT = 2 ** 52;
const MAX_WEIGHT_DECIMALS = 9;
const POW10 = Array.from({ length: 2 * MAX_WEIGHT_DECIMALS + 1 }, (_, i) => 10 ** i);

/**
 * Parses a positive decimal weight (`1`, `1.25`, `0.5`; with `decimalComma`, also `1,25`).
 * Undefined when it is not a positive decimal below 1,000,000 with at most 9 decimals.
 */
export function parseWeight(text: string, decimalComma = false): ScaledWeight | undefined {
  let t = text.trim();
  if (decimalComma) t = t.replace(",", ".");
  const m = /^\+?(\d{1,6})(?:\.(\d{0,9}))?$/.exec(t) ?? /^\+?()\.(\d{1,9})$/.exec(t);
  if (!m) return undefined;
  const frac = (m[2] ?? "").replace(/0+$/, "");
  const digits = Number((m[1] || "0") + frac);
  if (!(digits > 0)) return undefined;
  return { digits, decimals: frac.length };
}

/** Weighted sums of one unit, per item: Σw and Σw·[satisfied] at `scale`, Σw² at 2·scale. */
export class WeightedSums {
  scale = 0;
  readonly w: Float64Array;
  readonly w2: Float64Array;
  readonly ws: Float64Array;
  readonly spillW: bigint[];
  readonly spillW2: bigint[];
  readonly spillWs: bigint[];

  constructor(readonly itemCount: number) {
    this.w = new Float64Array(itemCount);
    this.w2 = new Float64Array(itemCount);
    this.ws = new Float64Array(itemCount);
    this.spillW = new Array<bigint>(itemCount).fill(0n);
    this.spillW2 = new Array<bigint>(itemCount).fill(0n);
    this.spillWs = new Array<bigint>(itemCount).fill(0n);
  }

  /** Raises the scale to `decimals`, multiplying every sum exactly (moved into the spill). */
  rescale(decimals: number): void {
    if (decimals <= this.scale) return;
    const k = BigInt(decimals - this.scale);
    const f = 10n ** k;
    const f2 = f * f;
    for (let i = 0; i < this.itemCount; i++) {
      this.spillW[i] = (this.spillW[i]! + BigInt(this.w[i]!)) * f;
      this.spillW2[i] = (this.spillW2[i]! + BigInt(this.w2[i]!)) * f2;
      this.spillWs[i] = (this.spillWs[i]! + BigInt(this.ws[i]!)) * f;
      this.w[i] = 0;
      this.w2[i] = 0;
      this.ws[i] = 0;
    }
    this.scale = decimals;
  }

  /** Exact totals for item `i`, as scaled BigInts at (scale, 2·scale, scale). */
  totals(i: number): { w: bigint; w2: bigint; ws: bigint } {
    return {
      w: this.spillW[i]! + BigInt(this.w[i]!),
      w2: this.spillW2[i]! + BigInt(this.w2[i]!),
      ws: this.spillWs[i]! + BigInt(this.ws[i]!),
    };
  }
}

/** The state of one unit. Mutable while reading; treat as read-only once handed out. */
export class UnitAccumulator {
  /** Rows (respondents) counted for this unit. */
  respondents = 0;
  /** Valid answers by item and level index: `byLevel[item * levelCount + level]`. */
  readonly byLevel: Float64Array;
  readonly noAnswer: Float64Array;
  /** Cells that were not a level of the scale (reported, not used). */
  readonly invalid: Float64Array;
  /** Present when the survey is weighted. */
  readonly weighted: WeightedSums | undefined;
  /** Counter / portal ratings by level index. */
  readonly ratings: Float64Array;
  /** Whether any ratings row was read for this unit (even with count 0). */
  hasRatings = false;

  constructor(
    readonly unit: string,
    readonly itemCount: number,
    readonly levelCount: number,
    weighted: boolean,
  ) {
    this.byLevel = new Float64Array(itemCount * levelCount);
    this.noAnswer = new Float64Array(itemCount);
    this.invalid = new Float64Array(itemCount);
    this.weighted = weighted ? new WeightedSums(itemCount) : undefined;
    this.ratings = new Float64Array(levelCount);
  }
}

/** Answer codes in a row buffer: a level index ≥ 0, or one of these. */
export const NO_ANSWER = -1;
export const INVALID_ANSWER = -2;
export const NOT_ASKED = -3;

/**
 * Adds one respondent. `levels[i]` is a level index, {@link NO_ANSWER},
 * {@link INVALID_ANSWER} or {@link NOT_ASKED}; `satisfied[l]` marks satisfied levels.
 * The hot path of the responses reader.
 */
export function addRespondent(
  u: UnitAccumulator,
  levels: Int32Array,
  satisfied: Uint8Array,
  weight: ScaledWeight | undefined,
): void {
  u.respondents++;
  const L = u.levelCount;
  const n = u.itemCount;
  const ws = u.weighted;
  if (ws === undefined || weight === undefined) {
    for (let i = 0; i < n; i++) {
      const l = levels[i]!;
      if (l >= 0) u.byLevel[i * L + l]!++;
      else if (l === NO_ANSWER) u.noAnswer[i]!++;
      else if (l === INVALID_ANSWER) u.invalid[i]!++;
    }
    return;
  }
  if (weight.decimals > ws.scale) ws.rescale(weight.decimals);
  const wv = weight.digits * POW10[ws.scale - weight.decimals]!;
  const sq = wv * wv;
  const exactSquare = sq <= SPILL_AT;
  for (let i = 0; i < n; i++) {
    const l = levels[i]!;
    if (l >= 0) {
      u.byLevel[i * L + l]!++;
      if ((ws.w[i]! += wv) > SPILL_AT) spill(ws.w, ws.spillW, i);
      if (exactSquare) {
        if ((ws.w2[i]! += sq) > SPILL_AT) spill(ws.w2, ws.spillW2, i);
      } else ws.spillW2[i]! += BigInt(wv) * BigInt(wv);
      if (satisfied[l] === 1 && (ws.ws[i]! += wv) > SPILL_AT) spill(ws.ws, ws.spillWs, i);
    } else if (l === NO_ANSWER) u.noAnswer[i]!++;
    else if (l === INVALID_ANSWER) u.invalid[i]!++;
  }
}

function spill(low: Float64Array, high: bigint[], i: number): void {
  high[i] = high[i]! + BigInt(low[i]!);
  low[i] = 0;
}

/** All units of a survey being read; create with {@link createSurveyAccumulator}. */
export interface SurveyAccumulator {
  readonly surveyId: string;
  readonly itemCount: number;
  readonly levelCount: number;
  readonly weighted: boolean;
  readonly units: Map<string, UnitAccumulator>;
}

/** An empty accumulator for `survey`. */
export function createSurveyAccumulator(survey: CompiledSurvey): SurveyAccumulator {
  return {
    surveyId: survey.id,
    itemCount: survey.items.length,
    levelCount: survey.scale.levels.length,
    weighted: survey.weightColumn !== undefined,
    units: new Map(),
  };
}

/** The unit's accumulator, created on first use. */
export function unitAccumulator(acc: SurveyAccumulator, unit: string): UnitAccumulator {
  let u = acc.units.get(unit);
  if (u === undefined) {
    u = new UnitAccumulator(unit, acc.itemCount, acc.levelCount, acc.weighted);
    acc.units.set(unit, u);
  }
  return u;
}

/** Adds `src` into `target` (same survey). Exact. */
export function addUnitInto(target: UnitAccumulator, src: UnitAccumulator): void {
  target.respondents += src.respondents;
  addArrays(target.byLevel, src.byLevel);
  addArrays(target.noAnswer, src.noAnswer);
  addArrays(target.invalid, src.invalid);
  addArrays(target.ratings, src.ratings);
  target.hasRatings ||= src.hasRatings;
  const a = target.weighted;
  const b = src.weighted;
  if (a && b) {
    const scale = Math.max(a.scale, b.scale);
    a.rescale(scale);
    const f = 10n ** BigInt(scale - b.scale);
    for (let i = 0; i < a.itemCount; i++) {
      const t = b.totals(i);
      a.spillW[i] = a.spillW[i]! + t.w * f;
      a.spillW2[i] = a.spillW2[i]! + t.w2 * f * f;
      a.spillWs[i] = a.spillWs[i]! + t.ws * f;
    }
  }
}

function addArrays(a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
}

/** A new accumulator holding `a` and `b` together; neither is changed. Associative and commutative. */
export function mergeAccumulators(a: SurveyAccumulator, b: SurveyAccumulator): SurveyAccumulator {
  const out: SurveyAccumulator = { ...a, units: new Map() };
  for (const src of [a, b]) {
    for (const [code, u] of src.units) addUnitInto(unitAccumulator(out, code), u);
  }
  return out;
}

/** One unit's state summed over all units (for the `all` result). */
export function totalOf(acc: SurveyAccumulator, unit = "all"): UnitAccumulator {
  const total = new UnitAccumulator(unit, acc.itemCount, acc.levelCount, acc.weighted);
  for (const u of acc.units.values()) addUnitInto(total, u);
  return total;
}

/** Exact per-item figures of a unit, as Decimals: the input of the index computation. */
export interface ItemTotals {
  readonly valid: number;
  readonly noAnswer: number;
  readonly invalid: number;
  readonly satisfied: number;
  readonly byLevel: readonly number[];
  /** Σw over valid answers (the weight of the index denominator); equals `valid` when unweighted. */
  readonly weight: Decimal;
  readonly weightSquared: Decimal;
  readonly satisfiedWeight: Decimal;
}

/** Exact totals of item `i` of `u`; `satisfied[l]` marks satisfied levels. */
export function itemTotals(u: UnitAccumulator, i: number, satisfied: readonly boolean[]): ItemTotals {
  const L = u.levelCount;
  const byLevel: number[] = [];
  let valid = 0;
  let sat = 0;
  for (let l = 0; l < L; l++) {
    const c = u.byLevel[i * L + l]!;
    byLevel.push(c);
    valid += c;
    if (satisfied[l]) sat += c;
  }
  let weight: Decimal, weightSquared: Decimal, satisfiedWeight: Decimal;
  const w = u.weighted;
  if (w) {
    const t = w.totals(i);
    const s = new Dec(10).pow(w.scale);
    weight = new Dec(t.w.toString()).div(s);
    weightSquared = new Dec(t.w2.toString()).div(s.times(s));
    satisfiedWeight = new Dec(t.ws.toString()).div(s);
  } else {
    weight = new Dec(valid);
    weightSquared = new Dec(valid);
    satisfiedWeight = new Dec(sat);
  }
  return { valid, noAnswer: u.noAnswer[i]!, invalid: u.invalid[i]!, satisfied: sat, byLevel, weight, weightSquared, satisfiedWeight };
}

/** A canonical, comparable view of an accumulator (for tests and checks): units sorted, exact totals as text. */
export function accumulatorSnapshot(acc: SurveyAccumulator, satisfied: readonly boolean[]): unknown {
  return [...acc.units.keys()].sort().map((code) => {
    const u = acc.units.get(code)!;
    return {
      unit: code,
      respondents: u.respondents,
      ratings: [...u.ratings],
      hasRatings: u.hasRatings,
      items: Array.from({ length: u.itemCount }, (_, i) => {
        const t = itemTotals(u, i, satisfied);
        return { ...t, weight: t.weight.toString(), weightSquared: t.weightSquared.toString(), satisfiedWeight: t.satisfiedWeight.toString() };
      }),
    };
  });
}
