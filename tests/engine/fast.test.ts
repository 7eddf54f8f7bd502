import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, type Decimal, type Rounding, roundTo } from "../../src/core/decimal.js";
import { MISSING, type Value } from "../../src/core/value.js";
import type { PointsEntry } from "../../src/evidence/model.js";
import type { CompiledExpr, RulePlan } from "../../src/framework/ir.js";
import { fastManualRule, fastValueRule, type FastContext } from "../../src/engine/fast.js";
import { divRoundNum, placesOf, scaledSafeInteger, toScaled } from "../../src/engine/fixed.js";
import type { EnginePlan } from "../../src/engine/plan.js";
import { evaluateManual, evaluateValueRule } from "../../src/engine/rules.js";

// The integer fast paths must give exactly the points of the decimal.js evaluation whenever they answer.

const VALUE: CompiledExpr = { kind: "expr", source: "v", names: ["v"], evaluate: () => MISSING };

/** A decimal with 0..6 places from an integer (the way evidence values look). */
const decimalArb = (maxAbs: number) =>
  fc.tuple(fc.integer({ min: -maxAbs, max: maxAbs }), fc.integer({ min: 0, max: 6 })).map(([n, p]) => dec(n).div(dec(10).pow(p)));
const positiveArb = (maxAbs: number) => decimalArb(maxAbs).map((d) => d.abs());
const roundingArb: fc.Arbitrary<Rounding> = fc.record({
  decimals: fc.integer({ min: 0, max: 4 }),
  mode: fc.constantFrom("half_up" as const, "half_even" as const, "down" as const),
});

function contexts(rounding: Rounding, constants: readonly Decimal[]): { ctx: FastContext; plan: EnginePlan; k: number } {
  const k = Math.max(rounding.decimals, ...constants.map(placesOf));
  const roundConst = (d: Decimal) => roundTo(d, rounding);
  const ctx: FastContext = { k, rounding, scaledConst: (d) => Number(toScaled(roundConst(d), k)) };
  const plan = { framework: { rounding }, roundConst, k } as unknown as EnginePlan;
  return { ctx, plan, k };
}

/** Checks one rule on many values; returns how many the fast path answered. */
function agree(rule: Exclude<RulePlan, { kind: "manual" }>, max: Decimal, rounding: Rounding, values: readonly Value[], penalty = false): number {
  const { ctx, plan, k } = contexts(rounding, [max]);
  const fast = fastValueRule(ctx, rule, max, penalty);
  if (!fast) return 0;
  let answered = 0;
  for (const v of values) {
    const f = fast(v);
    if (Number.isNaN(f)) continue;
    answered++;
    const ref = evaluateValueRule(plan, rule, max, v, false, penalty);
    expect(ref.kind).toBe("points");
    if (ref.kind === "points") expect(f).toBe(Number(toScaled(ref.points, k)));
  }
  return answered;
}

describe("fast rules agree with the decimal.js rules", () => {
  it("ratio (both directions)", () => {
    let answered = 0;
    fc.assert(
      fc.property(positiveArb(500), decimalArb(2000), decimalArb(2000), roundingArb, fc.array(decimalArb(3000), { minLength: 1, maxLength: 8 }), (max, lower, upper, rounding, values) => {
        fc.pre(!lower.eq(upper));
        answered += agree({ kind: "ratio", value: VALUE, lower, upper }, max, rounding, values);
      }),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThan(500);
  });

  it("deduct, for a leaf and for a penalty", () => {
    let answered = 0;
    fc.assert(
      fc.property(positiveArb(500), positiveArb(100), positiveArb(200), roundingArb, fc.boolean(), fc.array(decimalArb(500), { minLength: 1, maxLength: 8 }), (max, per, floor, rounding, penalty, values) => {
        answered += agree({ kind: "deduct", value: VALUE, per, floor }, max, rounding, values, penalty);
      }),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThan(500);
  });

  it("expr", () => {
    let answered = 0;
    fc.assert(
      fc.property(positiveArb(500), roundingArb, fc.array(decimalArb(800), { minLength: 1, maxLength: 8 }), (max, rounding, values) => {
        answered += agree({ kind: "expr", value: VALUE }, max, rounding, values);
      }),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThan(150);
  });

  it("bands, boolean and choice", () => {
    fc.assert(
      fc.property(positiveArb(100), positiveArb(100), roundingArb, fc.array(decimalArb(200), { maxLength: 8 }), (bound, points, rounding, values) => {
        const max = points.plus(1);
        const bands = {
          kind: "bands" as const,
          value: VALUE,
          bands: [
            { kind: "band" as const, conditions: [{ op: "above" as const, bound }], points, label: "above" },
            { kind: "band" as const, conditions: [{ op: "equals" as const, bound: "x" }], points: max, label: "x" },
            { kind: "band" as const, conditions: [], points: dec(0.5), label: "otherwise" },
          ],
        };
        agree(bands, max, rounding, [...values, "x", "y", true]);
        agree({ kind: "boolean", value: VALUE, truePoints: max, falsePoints: points }, max, rounding, [true, false, "z"]);
        agree({ kind: "choice", value: VALUE, points: new Map([["a", points], ["true", max]]) }, max, rounding, ["a", true, "b", false]);
      }),
      { numRuns: 200 },
    );
  });

  it("manual", () => {
    fc.assert(
      fc.property(positiveArb(400), fc.option(positiveArb(100), { nil: undefined }), roundingArb, fc.array(decimalArb(500), { minLength: 1, maxLength: 8 }), (max, step, rounding, values) => {
        const { ctx, plan, k } = contexts(rounding, step === undefined ? [max] : [max, step]);
        const fast = fastManualRule(ctx, step, max);
        for (const appraised of values) {
          const entry: PointsEntry = { appraised };
          const f = fast?.(entry) ?? Number.NaN;
          if (Number.isNaN(f)) continue;
          const ref = evaluateManual(plan, step, max, entry);
          // The fast path answers only when there is nothing to report.
          expect([ref.kind, ref.usedSelf, ref.outOfRange, ref.offStep]).toEqual(["points", false, undefined, undefined]);
          expect(f).toBe(Number(toScaled(ref.points, k)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("integer helpers", () => {
  it("divRoundNum rounds like decimal.js", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), roundingArb, (n, m, negate, rounding) => {
        const d = negate ? -m : m;
        const expected = roundTo(dec(n).div(dec(d)), { decimals: 0, mode: rounding.mode });
        expect(divRoundNum(n, d, rounding.mode)).toBe(expected.toNumber() || 0);
      }),
      { numRuns: 500 },
    );
  });

  it("scaledSafeInteger reads any decimal that is an exact safe integer once scaled", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 14 }), (n, places, k) => {
        const d = dec(n.toString()).div(dec(10).pow(places));
        const got = scaledSafeInteger(d, k);
        const exact = k >= places ? n * 10n ** BigInt(k - places) : n % 10n ** BigInt(places - k) === 0n ? n / 10n ** BigInt(places - k) : undefined;
        if (exact === undefined || exact > BigInt(Number.MAX_SAFE_INTEGER) || -exact > BigInt(Number.MAX_SAFE_INTEGER)) expect(got).toBeUndefined();
        else expect(got === undefined ? undefined : BigInt(got)).toBe(exact);
      }),
      { numRuns: 1000 },
    );
    expect(scaledSafeInteger(dec("12345678.9"), 2)).toBe(1234567890);
  });
});
