import { describe, expect, it } from "vitest";
import { explainText } from "../../src/engine/index.js";
import { enginePlan } from "../../src/engine/plan.js";
import { framework, nodeOf, run, unitOf } from "./helpers.js";

// Bands on a derived quotient are decided without dividing; the quotient is computed for explanations.
const bandsOn = (extra = "") =>
  framework(`
inputs:
  done: { type: integer }
  total: { type: integer }
derived:
  rate: "done / total"
criteria:
  - id: "1"
    max: 2
    rule:
      bands:
        value: rate
        bands:
          - { above: 0.9, points: 2 }
          - { at_least: 0.7, points: 1 }
          - { equals: 0.5, points: 0.5 }
          - { otherwise: 0 }
${extra}`);

describe("bands on a quotient", () => {
  const lazy = bandsOn();
  // The same bands, but `rate` is also read by an applies_if, so it is computed for every unit.
  const eager = bandsOn(`  - { id: "2", max: 1, applies_if: "rate > 0.5", rule: { expr: "1" } }`);
  // Read by a numeric expression too, which also has an exact-fraction form: still on demand.
  const alsoExpr = bandsOn(`  - { id: "2", max: 1, rule: { expr: "min(rate, 1)" } }`);

  it("computes the quotient only on demand when nothing reads its slot", () => {
    expect([...enginePlan(lazy).lazyDerived]).toEqual([1]);
    expect([...enginePlan(alsoExpr).lazyDerived]).toEqual([1]);
    expect([...enginePlan(eager).lazyDerived]).toEqual([0]);
  });

  it.each([
    [9, 10, "1"], // exactly 0.9 is not above 0.9
    [91, 100, "2"],
    [7, 10, "1"],
    [1, 2, "0.5"],
    [69, 100, "0"],
    [-9, -10, "1"], // a negative divisor flips the comparison
    [2, 3, "0"],
  ])("%i / %i → %s points, as when dividing", (done, total, points) => {
    for (const fw of [lazy, eager, alsoExpr]) expect(nodeOf(run(fw, { u: { inputs: { done, total } } }), "u", "1").points.toString()).toBe(points);
  });

  it("explains with the quotient's value", () => {
    const r = run(lazy, { u: { inputs: { done: 2, total: 3 } } });
    const e = nodeOf(r, "u", "1").explanation!;
    expect(e.values.map((v) => [v.name, String(v.value), v.via])).toEqual([
      ["rate", "0.6666666666666666666666666666666666666667", undefined],
      ["done", "2", "rate"],
      ["total", "3", "rate"],
    ]);
    expect(e.branch).toBe("otherwise → 0");
    expect(explainText(unitOf(r, "u"), lazy)).toContain("rate ≈ 0.666667\n"); // exact in the data, 6 places in the text
  });

  it("a zero divisor makes the criterion not applicable; a missing operand makes it missing", () => {
    const zero = run(lazy, { u: { inputs: { done: 0, total: 0 } } });
    expect(nodeOf(zero, "u", "1").status).toBe("not_applicable");
    expect(nodeOf(zero, "u", "1").explanation!.branch).toBe("not applicable (division by zero) → excluded");
    const missing = run(lazy, { u: { inputs: { total: 10 } } });
    expect(nodeOf(missing, "u", "1").status).toBe("missing");
    expect(missing.diagnostics.map((d) => [d.code, d.input])).toEqual([["missing-input", "done"]]);
  });
});

describe("storage of exact counts", () => {
  const big = (max: string) =>
    framework(`
inputs:
  v: { type: number }
criteria:
  - id: "1"
    children:
      - { id: "1.1", max: ${max}, rule: { ratio: { value: v, lower: 0, upper: 3 } } }
      - { id: "1.2", max: 1.25, rule: { manual: { step: 0.25 } } }
adjustments:
  - { id: "P1", kind: penalty, max: 2, rule: { deduct: { value: v, per: 0.5 } } }
`);

  it.each([
    ["100", true, true], // Int32Array
    ["100000000", true, false], // 10^10 hundredths: Float64Array of safe integers
    ["100000000000000000", false, false], // beyond 2^50: BigInt
  ])("max %s (safe %s, 32-bit %s) scores the same way", (max, safe, small) => {
    const fw = big(max);
    expect([enginePlan(fw).safe, enginePlan(fw).small]).toEqual([safe, small]);
    const r = run(fw, { u: { inputs: { v: 1 }, points: { "1.2": { appraised: 0.75, self: 1 } } } });
    const u = unitOf(r, "u");
    const third = BigInt(max) * 100n / 3n; // max ÷ 3 in hundredths, rounded half up (a third never ends in 5)
    const third2 = (BigInt(max) * 100n) % 3n === 2n ? third + 1n : third;
    const expected = `${third2 / 100n}.${String(third2 % 100n).padStart(2, "0")}`.replace(/\.?0+$/, "");
    expect(nodeOf(r, "u", "1.1").points.toString()).toBe(expected);
    expect(nodeOf(r, "u", "1").points.eq(nodeOf(r, "u", "1.1").points.plus("0.75"))).toBe(true);
    expect(u.adjustments[0]!.signed.toString()).toBe("-0.5");
    expect(u.points.eq(nodeOf(r, "u", "1").points.minus("0.5"))).toBe(true);
    const json = r.toJSON().units[0]!;
    expect(json.adjustments).toEqual([{ id: "P1", points: -0.5 }]);
    expect(json.criteria[2]).toEqual({ id: "1.2", points: 0.75, max: 1.25, index: 60, status: "scored", self: 1, self_diff: 0.25 });
    expect(json.points).toBe(Number(u.points.toFixed(2)));
    const text = explainText(u, fw);
    expect(text).toContain(`1.1: ${expected} / ${max} (33.33), lost`);
    expect(text).toContain("1.2: 0.75 / 1.25 (60.00), lost 0.5, self 1 (diff 0.25)");
  });
});
