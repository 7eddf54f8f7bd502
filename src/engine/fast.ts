/**
 * Rules by exact integer arithmetic. Each rule's constants are converted once, at plan
 * time, to integer counts of 10^-k; scoring a leaf then costs a few integer operations
 * on the unit's value instead of several decimal.js operations and allocations.
 *
 * Every quantity is a safe integer (|n| < 2^53), so JS arithmetic on it is exact integer
 * arithmetic; every product or difference that could leave that range is checked. A fast
 * rule answers only when its answer is certain; otherwise (a value of the wrong kind, a
 * clamp that needs a diagnostic, a number beyond safe integers, ...) it returns NaN and
 * the engine asks the decimal.js evaluation of rules.ts, which gives the same points
 * (the property tests check both against each other).
 */
import type { Decimal, Rounding } from "../core/decimal.js";
import { isCalendarDate, type Value } from "../core/value.js";
import type { PointsEntry } from "../evidence/model.js";
import type { RulePlan } from "../framework/ir.js";
import { compareDecimals } from "../expr/compile.js";
import { isInexact } from "../core/exact.js";
import { divRoundNum, placesOf, pow10Num, scaledSafeInteger } from "./fixed.js";
import { conditionsHold } from "./rules.js";
import { isMiss, isNum } from "./values.js";

/** Scaled points (a count of 10^-k) for an evaluated rule value, or NaN: ask rules.ts. */
export type FastValueRule = (value: Value) => number;
/** Scaled points for a manual rule's points-table entry, or NaN: ask rules.ts. */
export type FastManualRule = (entry: PointsEntry | undefined) => number;

/** What the fast rules need from the plan. */
export interface FastContext {
  readonly k: number;
  readonly rounding: Rounding;
  /** A framework constant rounded to the framework's decimals, scaled to k (a safe integer). */
  readonly scaledConst: (value: Decimal) => number;
}

/** `d × 10^places` as a safe integer, or NaN when it is not one exactly. */
function intAt(d: Decimal, places: number): number {
  return scaledSafeInteger(d, places) ?? Number.NaN;
}

/** A memo of `intAt(d, places)` by places (the scale depends on each unit's value). */
function scaledBy(d: Decimal): (places: number) => number {
  const memo: number[] = [];
  return (places) => (memo[places] ??= intAt(d, places));
}

const isSafe = Number.isSafeInteger;

/** The fast form of a value rule (every kind but manual), or undefined when there is none. */
export function fastValueRule(ctx: FastContext, rule: Exclude<RulePlan, { kind: "manual" }>, max: Decimal, penalty: boolean): FastValueRule | undefined {
  const { k, rounding } = ctx;
  const d = rounding.decimals;
  const mode = rounding.mode;
  const dk = pow10Num(k - d); // k ≥ d: points rounded to d places, stored at k
  const maxK = intAt(max, k);
  if (!isSafe(maxK) || !isSafe(dk)) return undefined;
  /** Rounds an integer count of 10^-s to d places and rescales it to k. */
  const toK = (n: number, s: number): number => (s <= d ? n * pow10Num(k - s) : divRoundNum(n, pow10Num(s - d), mode) * dk) || 0; // no −0

  switch (rule.kind) {
    case "boolean": {
      const t = ctx.scaledConst(rule.truePoints);
      const f = ctx.scaledConst(rule.falsePoints);
      return (v) => (v === true ? t : v === false ? f : Number.NaN);
    }
    case "bands": {
      const bands = rule.bands.map((b) => ({ conditions: b.conditions, points: ctx.scaledConst(b.points) }));
      return (v) => {
        if (!isNum(v) && typeof v !== "string" && typeof v !== "boolean") return Number.NaN;
        for (const band of bands) if (conditionsHold(v, band.conditions)) return band.points;
        return 0;
      };
    }
    case "choice": {
      const points = new Map<string, number>();
      for (const [name, p] of rule.points) points.set(name, ctx.scaledConst(p));
      return (v) => {
        const name = typeof v === "string" ? v : typeof v === "boolean" ? (v ? "true" : "false") : undefined;
        const p = name === undefined ? undefined : points.get(name);
        return p === undefined ? Number.NaN : p;
      };
    }
    case "deadline": {
      const full = ctx.scaledConst(max);
      const late = ctx.scaledConst(rule.late);
      const missing = ctx.scaledConst(rule.missingPoints);
      const { due, lateUntil } = rule;
      return (v) => {
        if (isMiss(v)) return missing;
        if (!isCalendarDate(v)) return Number.NaN;
        if (v.compare(due) <= 0) return full;
        return lateUntil === undefined || v.compare(lateUntil) <= 0 ? late : 0;
      };
    }
    case "ratio": {
      const full = ctx.scaledConst(max);
      const base = Math.max(placesOf(rule.lower), placesOf(rule.upper));
      const lowerAt = scaledBy(rule.lower);
      const upperAt = scaledBy(rule.upper);
      return (v) => {
        if (!isNum(v) || isInexact(v)) return Number.NaN; // a kept fraction: rules.ts
        const pv = v.decimalPlaces();
        const p = pv > base ? pv : base;
        const x = intAt(v, p);
        const lo = lowerAt(p);
        const hi = upperAt(p);
        if (!isSafe(x) || !isSafe(lo) || !isSafe(hi)) return Number.NaN;
        if (hi === lo) return x >= lo ? full : 0;
        if (hi > lo ? x >= hi : x <= hi) return full;
        if (hi > lo ? x <= lo : x >= lo) return 0;
        // points = max × (x − lo) ÷ (hi − lo), rounded once: an exact quotient of integers.
        const num = maxK * (x - lo);
        const den = (hi - lo) * dk;
        if (!isSafe(x - lo) || !isSafe(hi - lo) || !isSafe(num) || !isSafe(den)) return Number.NaN;
        return divRoundNum(num, den, mode) * dk;
      };
    }
    case "deduct": {
      const pp = placesOf(rule.per);
      const per = intAt(rule.per, pp);
      const floorAt = scaledBy(rule.floor);
      if (!isSafe(per)) return undefined;
      return (v) => {
        if (!isNum(v) || isInexact(v)) return Number.NaN; // a kept fraction: rules.ts
        const pv = v.decimalPlaces();
        const x = intAt(v, pv);
        const ps = pp + pv; // places of per × value
        const s = ps > k ? ps : k;
        const product = per * x * pow10Num(s - ps);
        const top = maxK * pow10Num(s - k);
        const floor = floorAt(s);
        if (!isSafe(x) || !isSafe(per * x) || !isSafe(product) || !isSafe(top) || !isSafe(floor)) return Number.NaN;
        if (penalty) {
          // The amount deducted: per × value, at most max − floor, not below 0.
          const limit = top - floor;
          if (!isSafe(limit)) return Number.NaN;
          const amount = product > limit ? (limit < 0 ? 0 : limit) : product < 0 ? 0 : product;
          return toK(amount, s);
        }
        let p = top - product;
        if (!isSafe(p)) return Number.NaN;
        if (p < floor) p = floor;
        else if (p > top) p = top;
        return toK(p, s);
      };
    }
    case "expr":
      return (v) => {
        // Negative or above max: clamped with a warning, by rules.ts.
        if (!isNum(v) || isInexact(v) || v.s < 0 || compareDecimals(v, max) > 0) return Number.NaN;
        const pv = v.decimalPlaces();
        const x = intAt(v, pv);
        if (!isSafe(x) || pv - d > 22) return Number.NaN;
        return toK(x, pv);
      };
  }
}

/** The fast form of a manual rule: an appraised score within [0, max], on its step, with at most `decimals` places. */
export function fastManualRule(ctx: FastContext, step: Decimal | undefined, max: Decimal): FastManualRule | undefined {
  const { k } = ctx;
  const d = ctx.rounding.decimals;
  const maxK = intAt(max, k);
  const stepK = step === undefined || step.isZero() ? 0 : intAt(step, k);
  if (!isSafe(maxK) || !isSafe(stepK)) return undefined;
  return (entry) => {
    const given = entry?.appraised;
    // No appraised score (self is used, with a warning) or anything to report: rules.ts decides.
    if (given === undefined || given.s < 0 || given.decimalPlaces() > d) return Number.NaN;
    const g = intAt(given, k);
    if (!(g <= maxK) || (stepK !== 0 && g % stepK !== 0)) return Number.NaN;
    return g;
  };
}

/** Bands on a quotient, decided without the quotient (see {@link fastQuotientBands}). */
export type FastQuotientRule = (dividend: Value, divisor: Value) => number;

/**
 * Bands whose value is a derived `a / b` of two slots: each condition `a ÷ b OP c` is
 * decided by the sign of a − c × b (times the sign of b), in exact integers, so the
 * division itself (the costliest decimal.js operation) is left to explanations. This is
 * the same decision as comparing the 40-digit quotient with c: with every integer below
 * 2^53, a ÷ b ≠ c differs from c by at least 10^-16, far more than the quotient's rounding.
 * NaN (a value that is not a number, b = 0, numbers beyond safe integers): compute the quotient.
 */
export function fastQuotientBands(ctx: FastContext, rule: Extract<RulePlan, { kind: "bands" }>): FastQuotientRule {
  const bands = rule.bands.map((b) => ({
    conditions: b.conditions.map((c) => {
      const bound = isNum(c.bound) ? c.bound : undefined;
      const places = bound === undefined ? 0 : placesOf(bound);
      return { op: c.op, places, bound: bound === undefined ? Number.NaN : intAt(bound, places), numeric: bound !== undefined };
    }),
    points: ctx.scaledConst(b.points),
  }));
  return (a, b) => {
    if (!isNum(a) || !isNum(b) || isInexact(a) || isInexact(b)) return Number.NaN;
    const pa = a.decimalPlaces();
    const pb = b.decimalPlaces();
    const x = intAt(a, pa);
    const y = intAt(b, pb);
    if (!isSafe(x) || !isSafe(y) || y === 0) return Number.NaN;
    for (const band of bands) {
      let holds = true;
      for (const c of band.conditions) {
        if (!c.numeric) {
          holds = false; // a number never equals a name or a boolean
          break;
        }
        const s = pa > c.places + pb ? pa : c.places + pb;
        const lhs = x * pow10Num(s - pa);
        const cb = c.bound * y;
        const rhs = cb * pow10Num(s - c.places - pb);
        const scaledDivisor = y * pow10Num(s - pb);
        if (!isSafe(lhs) || !isSafe(cb) || !isSafe(rhs) || !isSafe(scaledDivisor)) return Number.NaN;
        const sign = lhs === rhs ? 0 : (lhs > rhs) === y > 0 ? 1 : -1;
        const ok =
          c.op === "at_least" ? sign >= 0 : c.op === "above" ? sign > 0 : c.op === "at_most" ? sign <= 0 : c.op === "below" ? sign < 0 : sign === 0;
        if (!ok) {
          holds = false;
          break;
        }
      }
      if (holds) return band.points;
    }
    return 0;
  };
}
