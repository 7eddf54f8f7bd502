/**
 * The rule kinds: a value (already evaluated) in, points and the branch that
 * applied out. Manual rules read the points table and live in {@link evaluateManual}.
 */
import { type Decimal, roundTo, ZERO, ONE } from "../core/decimal.js";
import { isCalendarDate, type CalendarDate, type Missing, type Value } from "../core/value.js";
import type { PointsEntry } from "../evidence/model.js";
import type { BandCondition, BandPlan, RulePlan } from "../framework/ir.js";
import type { EnginePlan } from "./plan.js";
import { scaledSafeInteger } from "./fixed.js";
import { isMiss as isMissing, isNum as isDecimal } from "./values.js";
import { compareNumbers } from "../expr/compile.js";
import { divideAndRound, exactDiv, exactMinus, exactTimes, isInexact } from "../core/exact.js";

export type RuleOutcome =
  | {
      readonly kind: "points";
      /** Rounded to the framework's decimals. */
      readonly points: Decimal;
      readonly branch: string;
      /** Set for an `expr` rule whose value was clamped into [0, max]. */
      readonly clampedFrom?: Decimal;
      /** The points are a framework constant (rounded by {@link EnginePlan.roundConst}). */
      readonly constant?: boolean;
    }
  | { readonly kind: "missing"; readonly missing: Missing }
  | { readonly kind: "invalid"; readonly value: Value; readonly expected: string };

const bandBranchCache = new WeakMap<BandPlan, string>();

function bandBranch(band: BandPlan): string {
  let s = bandBranchCache.get(band);
  if (s === undefined) {
    s = `${band.label} → ${band.points.toString()}`;
    bandBranchCache.set(band, s);
  }
  return s;
}

/** Whether `value` meets one band condition (`above` strict, `at_least` not); a type mismatch never holds. */
export function conditionHolds(value: Value, condition: BandCondition): boolean {
  const bound = condition.bound;
  if (isDecimal(value)) {
    if (!isDecimal(bound)) return false;
    const c = compareNumbers(value, bound);
    switch (condition.op) {
      case "at_least":
        return c >= 0;
      case "above":
        return c > 0;
      case "at_most":
        return c <= 0;
      case "below":
        return c < 0;
      case "equals":
        return c === 0;
    }
  }
  return condition.op === "equals" && value === bound;
}

/** Whether every condition holds (an empty list, `otherwise`, always does). */
export function conditionsHold(value: Value, conditions: readonly BandCondition[]): boolean {
  for (const c of conditions) if (!conditionHolds(value, c)) return false;
  return true;
}

/** Rounds to the framework's decimals, skipping the work when there is nothing to round. */
function roundPoints(plan: EnginePlan, v: Decimal): Decimal {
  return v.decimalPlaces() <= plan.framework.rounding.decimals && !isInexact(v) ? v : roundTo(v, plan.framework.rounding);
}

function points(plan: EnginePlan, p: Decimal, branch: string): RuleOutcome {
  return { kind: "points", points: plan.roundConst(p), branch, constant: true };
}

/**
 * Applies a value rule (every kind but `manual`) to its evaluated value.
 * Missing values come back as `missing` (except for `deadline`, which scores
 * its own `missing` points); the caller applies the missing-data policies.
 * For a penalty, the points are the amount deducted: a `deduct` rule gives
 * min(per × value, max − floor), not below 0 (0 violations → no penalty); every
 * other kind gives its points as the amount (`boolean` true → max by default).
 */
export function evaluateValueRule(
  plan: EnginePlan,
  rule: Exclude<RulePlan, { kind: "manual" }>,
  max: Decimal,
  value: Value,
  describe = false,
  /** A penalty adjustment: a `deduct` rule gives the amount deducted (see {@link evaluateValueRule}). */
  penalty = false,
): RuleOutcome {
  if (isMissing(value) && rule.kind !== "deadline") return { kind: "missing", missing: value };
  switch (rule.kind) {
    case "boolean":
      if (value === true) return points(plan, rule.truePoints, describe ? `true → ${rule.truePoints.toString()}` : "");
      if (value === false) return points(plan, rule.falsePoints, describe ? `false → ${rule.falsePoints.toString()}` : "");
      return { kind: "invalid", value, expected: "true or false" };
    case "bands": {
      for (const band of rule.bands) {
        if (conditionsHold(value, band.conditions)) return points(plan, band.points, bandBranch(band));
      }
      return isDecimal(value) || typeof value === "string" || typeof value === "boolean"
        ? { kind: "points", points: ZERO, branch: "no band matched → 0" }
        : { kind: "invalid", value, expected: "a number, a name or true/false" };
    }
    case "ratio": {
      if (!isDecimal(value)) return { kind: "invalid", value, expected: "a number" };
      const { lower, upper } = rule;
      const lowerIsBetter = upper.lt(lower);
      const toLower = compareNumbers(value, lower);
      const toUpper = compareNumbers(value, upper);
      // At or beyond a goalpost the fraction is 0 or 1: no division needed.
      const atLower = lowerIsBetter ? toLower >= 0 : toLower <= 0;
      const atUpper = lowerIsBetter ? toUpper <= 0 : toUpper >= 0;
      const flat = upper.eq(lower);
      const { decimals, mode } = plan.framework.rounding;
      let p: Decimal;
      if (flat ? toLower >= 0 : atUpper) p = plan.roundConst(max);
      else if (flat || atLower) p = ZERO;
      // max × (value − lower) ÷ (upper − lower) as an exact fraction, rounded once: a quotient
      // rounded to 40 digits first could misround an exact tie (3 × (50/96 − 0.5) ÷ 0.5 = 0.125).
      else p = divideAndRound(exactTimes(max, exactMinus(value, lower)), exactMinus(upper, lower), decimals, mode);
      if (!describe) return { kind: "points", points: p, branch: "" };
      const fraction = flat ? (toLower >= 0 ? ONE : ZERO) : atUpper ? ONE : atLower ? ZERO : exactDiv(exactMinus(value, lower), exactMinus(upper, lower));
      return {
        kind: "points",
        points: p,
        branch: `ratio (${value.toString()} − ${lower.toString()}) ÷ (${upper.toString()} − ${lower.toString()}) → ${max.toString()} × ${fraction.toDecimalPlaces(4).toString()} = ${p.toString()}`,
      };
    }
    case "deadline": {
      if (!describe) {
        if (isMissing(value)) return points(plan, rule.missingPoints, "");
        if (!isCalendarDate(value)) return { kind: "invalid", value, expected: "a date" };
        if (value.compare(rule.due) <= 0) return points(plan, max, "");
        if (rule.lateUntil === undefined || value.compare(rule.lateUntil) <= 0) return points(plan, rule.late, "");
        return { kind: "points", points: ZERO, branch: "" };
      }
      if (isMissing(value)) return points(plan, rule.missingPoints, `missing → ${rule.missingPoints.toString()}`);
      if (!isCalendarDate(value)) return { kind: "invalid", value, expected: "a date" };
      if (value.compare(rule.due) <= 0) return points(plan, max, `on or before ${rule.due.toString()} → ${max.toString()}`);
      if (rule.lateUntil === undefined) return points(plan, rule.late, `after ${rule.due.toString()} → ${rule.late.toString()}`);
      if (value.compare(rule.lateUntil) <= 0) {
        return points(plan, rule.late, `after ${rule.due.toString()}, on or before ${rule.lateUntil.toString()} → ${rule.late.toString()}`);
      }
      return { kind: "points", points: ZERO, branch: `after late_until ${rule.lateUntil.toString()} → 0` };
    }
    case "choice": {
      const name = typeof value === "string" ? value : typeof value === "boolean" ? String(value) : undefined;
      const p = name === undefined ? undefined : rule.points.get(name);
      if (p === undefined) return { kind: "invalid", value, expected: `one of ${[...rule.points.keys()].join(", ")}` };
      return points(plan, p, describe ? `${JSON.stringify(name)} → ${p.toString()}` : "");
    }
    case "deduct": {
      if (!isDecimal(value)) return { kind: "invalid", value, expected: "a number" };
      if (penalty) {
        // A penalty deducts per × value from the total, at most max − floor and never less than 0.
        const limit = exactMinus(max, rule.floor);
        let amount = exactTimes(rule.per, value);
        let note = "";
        if (compareNumbers(amount, limit) > 0) {
          amount = limit.isNegative() ? ZERO : limit;
          note = ` (at most max − floor = ${amount.toString()})`;
        } else if (amount.isNegative()) {
          amount = ZERO;
          note = " (not below 0)";
        }
        const r = roundPoints(plan, amount);
        if (!describe) return { kind: "points", points: r, branch: "" };
        return { kind: "points", points: r, branch: `penalty ${rule.per.toString()} × ${value.toString()}${note} → deducts ${r.toString()}` };
      }
      let p = exactMinus(max, exactTimes(rule.per, value));
      let note = "";
      if (compareNumbers(p, rule.floor) < 0) {
        p = rule.floor;
        note = ` (floor ${rule.floor.toString()})`;
      } else if (compareNumbers(p, max) > 0) {
        p = max;
        note = " (at most max)";
      }
      const r = roundPoints(plan, p);
      if (!describe) return { kind: "points", points: r, branch: "" };
      return {
        kind: "points",
        points: r,
        branch: `${max.toString()} − ${rule.per.toString()} × ${value.toString()}${note} → ${r.toString()}`,
      };
    }
    case "expr": {
      if (!isDecimal(value)) return { kind: "invalid", value, expected: "a number" };
      if (value.isNegative() || compareNumbers(value, max) > 0) {
        const used = value.isNegative() ? ZERO : max;
        return { kind: "points", points: roundPoints(plan, used), branch: describe ? `${value.toString()} clamped → ${used.toString()}` : "", clampedFrom: value };
      }
      const r = roundPoints(plan, value);
      return { kind: "points", points: r, branch: describe ? `= ${r.toString()}` : "" };
    }
  }
}

/** Whether `value` is a whole multiple of `step`, by integers where they are exact. */
function isMultiple(value: Decimal, step: Decimal): boolean {
  const places = Math.max(value.decimalPlaces(), step.decimalPlaces());
  const v = scaledSafeInteger(value, places);
  const s = scaledSafeInteger(step, places);
  if (v !== undefined && s !== undefined && s !== 0) return v % s === 0;
  return value.mod(step).isZero();
}

/** A manual rule's outcome and the problems found in the points table. */
export interface ManualOutcome {
  readonly kind: "points" | "absent";
  readonly points: Decimal;
  readonly branch: string;
  readonly usedSelf: boolean;
  /** The given points, when outside [0, max] (the clamped value is used). */
  readonly outOfRange?: Decimal;
  /** Set when the points are not a multiple of the step. */
  readonly offStep?: boolean;
}

/** Reads a manual leaf's points: the appraised score, else the self-assessed one. */
export function evaluateManual(
  plan: EnginePlan,
  step: Decimal | undefined,
  max: Decimal,
  entry: PointsEntry | undefined,
  describe = false,
): ManualOutcome {
  const given = entry?.appraised ?? entry?.self;
  if (given === undefined) return { kind: "absent", points: ZERO, branch: "manual: no points-table entry → 0", usedSelf: false };
  const usedSelf = entry?.appraised === undefined;
  let p = given;
  let outOfRange: Decimal | undefined;
  if (p.isNegative() || p.gt(max)) {
    outOfRange = p;
    p = p.isNegative() ? ZERO : max;
  }
  const offStep = step !== undefined && !step.isZero() && !isMultiple(given, step);
  const r = roundPoints(plan, p);
  const branch = !describe
    ? ""
    : usedSelf
    ? `manual: self ${given.toString()} (no appraised)${outOfRange ? ` clamped` : ""} → ${r.toString()}`
    : `manual: appraised ${given.toString()}${entry?.self !== undefined ? ` (self ${entry.self.toString()})` : ""}${outOfRange ? " clamped" : ""} → ${r.toString()}`;
  return {
    kind: "points",
    points: r,
    branch,
    usedSelf,
    ...(outOfRange !== undefined && { outOfRange }),
    ...(offStep && { offStep: true }),
  };
}
