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

/** Scaled points for a rule value given as the exact fraction n ÷ d (d > 0), or NaN: ask rules.ts. */
export type FastRationalRule = (n: number, d: number) => number;

/**
 * The fast form of a numeric rule (`bands`, `ratio`, `expr`, `deduct`) on a value given as an
 * exact fraction of two safe integers (the fast form of its expression, src/expr/rational.ts):
 * `a / b`, `x / 100 * m`, … are scored without computing their Decimal. Every comparison is a
 * cross-multiplication and every rounding one integer division of the exact fraction, so the
 * points are those of rules.ts on the exact value, ties included (3 × (50/96 − 0.5) ÷ 0.5 = 0.125
 * → 0.13 half up). Undefined for other kinds; NaN when an integer would leave the safe range or
 * a diagnostic is due (an `expr` value outside [0, max]).
 */
export function fastRationalRule(ctx: FastContext, rule: Exclude<RulePlan, { kind: "manual" }>, max: Decimal, penalty: boolean): FastRationalRule | undefined {
  const { k, rounding } = ctx;
  const d = rounding.decimals;
  const mode = rounding.mode;
  const dk = pow10Num(k - d);
  const maxK = intAt(max, k);
  if (!isSafe(maxK) || !isSafe(dk)) return undefined;
  /** The fraction num ÷ den (den ≠ 0) of a count of 10^-s, rounded to d places and rescaled to k. */
  const rounded = (num: number, den: number, s: number): number => {
    const m = den * pow10Num(s - d);
    if (!isSafe(m)) return Number.NaN;
    return divRoundNum(num, m, mode) * dk || 0; // no −0
  };
  switch (rule.kind) {
    case "bands": {
      const bands: { conditions: { op: string; bn: number; bd: number }[] | undefined; points: number }[] = [];
      for (const b of rule.bands) {
        let conditions: { op: string; bn: number; bd: number }[] | undefined = [];
        for (const c of b.conditions) {
          if (!isNum(c.bound)) {
            conditions = undefined; // a number never meets a condition on a name or a boolean
            break;
          }
          const places = placesOf(c.bound);
          const bn = intAt(c.bound, places);
          const bd = pow10Num(places);
          if (!isSafe(bn) || !isSafe(bd)) return undefined;
          conditions.push({ op: c.op, bn, bd });
        }
        bands.push({ conditions, points: ctx.scaledConst(b.points) });
      }
      return (n, den) => {
        for (const band of bands) {
          const conditions = band.conditions;
          if (conditions === undefined) continue;
          let holds = true;
          for (const c of conditions) {
            const l = n * c.bd;
            const r = c.bn * den;
            if (!isSafe(l) || !isSafe(r)) return Number.NaN;
            const ok = c.op === "at_least" ? l >= r : c.op === "above" ? l > r : c.op === "at_most" ? l <= r : c.op === "below" ? l < r : l === r;
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
    case "ratio": {
      const full = ctx.scaledConst(max);
      const base = Math.max(placesOf(rule.lower), placesOf(rule.upper));
      const s = pow10Num(base);
      const lo = intAt(rule.lower, base);
      const hi = intAt(rule.upper, base);
      if (!isSafe(s) || !isSafe(lo) || !isSafe(hi) || !isSafe(hi - lo)) return undefined;
      return (n, den) => {
        const x = n * s;
        const lod = lo * den;
        const hid = hi * den;
        if (!isSafe(x) || !isSafe(lod) || !isSafe(hid)) return Number.NaN;
        if (hi === lo) return x >= lod ? full : 0;
        if (hi > lo ? x >= hid : x <= hid) return full;
        if (hi > lo ? x <= lod : x >= lod) return 0;
        // points = max × (v − lower) ÷ (upper − lower) = maxK × (x − lod) ÷ (den × (hi − lo)), at scale k.
        const num = maxK * (x - lod);
        const m = den * (hi - lo);
        if (!isSafe(x - lod) || !isSafe(num) || !isSafe(m)) return Number.NaN;
        return rounded(num, m, k);
      };
    }
    case "expr": {
      const pk = pow10Num(k);
      return (n, den) => {
        if (n < 0) return Number.NaN; // clamped with a warning, by rules.ts
        const x = n * pk;
        const limit = maxK * den;
        if (!isSafe(x) || !isSafe(limit) || x > limit) return Number.NaN;
        return rounded(x, den, k);
      };
    }
    case "deduct": {
      // Everything at scale s (≥ k, ≥ the floor's places), over the denominator D = 10^pp × den.
      const pp = placesOf(rule.per);
      const per = intAt(rule.per, pp);
      const s = Math.max(k, placesOf(rule.floor));
      const top = maxK * pow10Num(s - k);
      const floor = intAt(rule.floor, s);
      const ps = pow10Num(s);
      const scalePer = pow10Num(pp);
      if (!isSafe(per) || !isSafe(top) || !isSafe(floor) || !isSafe(ps) || !isSafe(scalePer) || !isSafe(top - floor)) return undefined;
      return (n, den) => {
        const D = scalePer * den;
        const product = per * n * ps; // per × value × 10^s × D
        const topD = top * D;
        const floorD = floor * D;
        if (!isSafe(D) || !isSafe(per * n) || !isSafe(product) || !isSafe(topD) || !isSafe(floorD)) return Number.NaN;
        if (penalty) {
          // The amount deducted: per × value, at most max − floor, not below 0.
          const limit = topD - floorD;
          if (!isSafe(limit)) return Number.NaN;
          const amount = product > limit ? (limit < 0 ? 0 : limit) : product < 0 ? 0 : product;
          return rounded(amount, D, s);
        }
        const p = topD - product;
        if (!isSafe(p)) return Number.NaN;
        return rounded(p < floorD ? floorD : p > topD ? topD : p, D, s);
      };
    }
    default:
      return undefined;
  }
}
