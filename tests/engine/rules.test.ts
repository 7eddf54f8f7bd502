import { describe, expect, it } from "vitest";
import { framework, leafPoints, nodeOf, run, unitOf } from "./helpers.js";

const bands = framework(`
inputs:
  rate: { type: ratio }
criteria:
  - id: "1"
    title: "Tỷ lệ hồ sơ đúng hạn"
    max: 2
    rule:
      bands:
        value: rate
        bands:
          - { above: 0.9, points: 2 }
          - { at_least: 0.7, points: 1 }
          - { otherwise: 0 }
`);

describe("bands", () => {
  it("treats above as strict and at_least as inclusive (exactly 0.9 falls to the next band)", () => {
    expect(leafPoints(bands, { rate: 0.9 })).toBe("1");
    expect(leafPoints(bands, { rate: 0.9001 })).toBe("2");
    expect(leafPoints(bands, { rate: 0.7 })).toBe("1");
    expect(leafPoints(bands, { rate: 0.6999 })).toBe("0");
  });

  it("explains the band that applied", () => {
    const r = run(bands, { u: { inputs: { rate: 0.9 } } });
    const e = nodeOf(r, "u", "1").explanation!;
    expect(e.branch).toBe("at_least 0.7 → 1");
    expect(e.values).toEqual([{ name: "rate", value: expect.anything() }]);
    expect(e.lost.toString()).toBe("1");
  });

  it("ANDs several conditions in one band and supports equals on names", () => {
    const fw = framework(`
inputs:
  v: { type: number }
  s: { type: enum, values: [a, b] }
criteria:
  - id: "1"
    max: 3
    rule:
      bands:
        value: v
        bands:
          - { at_least: 1, below: 2, points: 3 }
          - { otherwise: 1 }
  - id: "2"
    max: 1
    rule: { bands: { value: s, bands: [ { equals: a, points: 1 }, { otherwise: 0 } ] } }
`);
    expect(leafPoints(fw, { v: 1, s: "a" })).toBe("3");
    expect(leafPoints(fw, { v: 2, s: "a" })).toBe("1");
    expect(leafPoints(fw, { v: 1, s: "a" }, "2")).toBe("1");
    expect(leafPoints(fw, { v: 1, s: "b" }, "2")).toBe("0");
  });
});

describe("boolean", () => {
  const fw = framework(`
inputs:
  done: { type: boolean }
criteria:
  - { id: "1", max: 1, rule: { boolean: { value: done } } }
  - { id: "2", max: 1, rule: { boolean: { value: done, true: 0.5, false: 0.25 } } }
`);
  it("defaults true to max and false to 0", () => {
    expect(leafPoints(fw, { done: true })).toBe("1");
    expect(leafPoints(fw, { done: false })).toBe("0");
    expect(leafPoints(fw, { done: true }, "2")).toBe("0.5");
    expect(leafPoints(fw, { done: false }, "2")).toBe("0.25");
  });
});

describe("ratio", () => {
  const fw = framework(`
inputs:
  v: { type: number }
criteria:
  - { id: "1", max: 2, rule: { ratio: { value: v, lower: 0.5, upper: 1 } } }
  - { id: "2", max: 2, rule: { ratio: { value: v, lower: 10, upper: 2 } } }
  - { id: "3", max: 1, rule: { ratio: { value: v } } }
`);
  it("gives 0 at lower, max at upper, clamps beyond, interpolates between", () => {
    expect(leafPoints(fw, { v: 0.5 })).toBe("0");
    expect(leafPoints(fw, { v: 0.2 })).toBe("0");
    expect(leafPoints(fw, { v: 1 })).toBe("2");
    expect(leafPoints(fw, { v: 1.5 })).toBe("2");
    expect(leafPoints(fw, { v: 0.75 })).toBe("1");
  });
  it("rounds to the framework's decimals", () => {
    // 2 × (0.6667 − 0.5) / 0.5 = 0.6668 → 0.67
    expect(leafPoints(fw, { v: 0.6667 })).toBe("0.67");
  });
  it("treats upper < lower as lower-is-better", () => {
    expect(leafPoints(fw, { v: 10 }, "2")).toBe("0");
    expect(leafPoints(fw, { v: 2 }, "2")).toBe("2");
    expect(leafPoints(fw, { v: 1 }, "2")).toBe("2");
    expect(leafPoints(fw, { v: 6 }, "2")).toBe("1");
    expect(leafPoints(fw, { v: 12 }, "2")).toBe("0");
  });
  it("defaults to 0..1", () => {
    expect(leafPoints(fw, { v: 0.25 }, "3")).toBe("0.25");
  });
});

describe("deadline", () => {
  const fw = framework(`
inputs:
  issued: { type: date }
criteria:
  - id: "1"
    max: 1
    rule: { deadline: { value: issued, due: "2024-01-15", late: 0.5, late_until: "2024-02-01", missing: 0.25 } }
  - id: "2"
    max: 1
    rule: { deadline: { value: issued, due: "2024-01-15" } }
`);
  it("is on time on the due day, late the day after and on late_until, 0 after", () => {
    expect(leafPoints(fw, { issued: "2024-01-14" })).toBe("1");
    expect(leafPoints(fw, { issued: "2024-01-15" })).toBe("1");
    expect(leafPoints(fw, { issued: "2024-01-16" })).toBe("0.5");
    expect(leafPoints(fw, { issued: "2024-02-01" })).toBe("0.5");
    expect(leafPoints(fw, { issued: "2024-02-02" })).toBe("0");
  });
  it("scores the rule's missing points for a missing date only under missing: zero", () => {
    const fwZero = framework(`
inputs:
  issued: { type: date, missing: zero }
criteria:
  - id: "1"
    max: 1
    rule: { deadline: { value: issued, due: "2024-01-15", late: 0.5, late_until: "2024-02-01", missing: 0.25 } }
`);
    const r = run(fwZero, { u: {} });
    expect(nodeOf(r, "u", "1").points.toString()).toBe("0.25");
    expect(nodeOf(r, "u", "1").status).toBe("scored");
    expect(nodeOf(r, "u", "1").explanation!.branch).toBe("missing → 0.25");
    expect(r.diagnostics).toEqual([]);
    // Under the default policy (error) the same absence is an error.
    const e = run(fw, { u: {} });
    expect(nodeOf(e, "u", "1").status).toBe("missing");
    expect(nodeOf(e, "u", "1").points.toString()).toBe("0");
    expect(nodeOf(e, "u", "1").explanation!.branch).toBe("value missing → 0");
    expect(e.diagnostics.map((d) => d.code)).toEqual(["missing-input"]);
  });
  it("defaults late to 0 when there is no late_until", () => {
    expect(leafPoints(fw, { issued: "2024-01-16" }, "2")).toBe("0");
    expect(leafPoints(fw, { issued: "2024-01-15" }, "2")).toBe("1");
    const r = run(fw, { u: { inputs: { issued: "2024-01-15" } } });
    expect(nodeOf(r, "u", "1").explanation!.branch).toBe("on or before 2024-01-15 → 1");
  });
});

describe("choice", () => {
  const fw = framework(`
inputs:
  report: { type: enum, values: [on_time, late, none] }
criteria:
  - { id: "1", max: 1, rule: { choice: { value: report, points: { on_time: 1, late: 0.5, none: 0 } } } }
`);
  it("maps each value to its points", () => {
    expect(leafPoints(fw, { report: "on_time" })).toBe("1");
    expect(leafPoints(fw, { report: "late" })).toBe("0.5");
    expect(leafPoints(fw, { report: "none" })).toBe("0");
  });
  it("reports a value outside the choices as rule-value-invalid and the unit incomplete", () => {
    const r = run(fw, { u: { inputs: { report: "maybe" } } });
    expect(nodeOf(r, "u", "1").status).toBe("missing");
    expect(unitOf(r, "u").complete).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.unit, d.criterion])).toEqual([["rule-value-invalid", "u", "1"]]);
  });
});

describe("ratio rounding", () => {
  it("rounds the exact value max × (value − lower) ÷ (upper − lower) once (an exact tie rounds half up)", () => {
    // 1.75 × 5 ÷ 14 = 0.625 exactly. Rounding 5 ÷ 14 to 40 digits before multiplying gave 0.62.
    const fw = framework(`
inputs:
  v: { type: number }
criteria:
  - { id: "1", max: 1.75, rule: { ratio: { value: v, lower: 0, upper: 14 } } }
  - { id: "2", max: 0.75, rule: { ratio: { value: v, lower: 0, upper: 150 } } }
`);
    expect(leafPoints(fw, { v: 5 })).toBe("0.63");
    expect(leafPoints(fw, { v: 17 }, "2")).toBe("0.09"); // 12.75 ÷ 150 = 0.085
  });
});

describe("deduct", () => {
  const fw = framework(`
inputs:
  n: { type: integer }
criteria:
  - { id: "1", max: 2, rule: { deduct: { value: n, per: 0.5 } } }
  - { id: "2", max: 2, rule: { deduct: { value: n, per: 0.5, floor: 0.5 } } }
`);
  it("deducts per unit of value down to the floor", () => {
    expect(leafPoints(fw, { n: 0 })).toBe("2");
    expect(leafPoints(fw, { n: 1 })).toBe("1.5");
    expect(leafPoints(fw, { n: 4 })).toBe("0");
    expect(leafPoints(fw, { n: 9 })).toBe("0");
    expect(leafPoints(fw, { n: 3 }, "2")).toBe("0.5");
    expect(leafPoints(fw, { n: 4 }, "2")).toBe("0.5");
  });
});

describe("manual", () => {
  const fw = framework(`
criteria:
  - { id: "1", max: 2, rule: { manual: { step: 0.25 } } }
  - { id: "2", max: 1, rule: { manual: {} } }
`);
  it("uses the appraised score and reports self and self_diff", () => {
    const r = run(fw, { u: { points: { "1": { self: 2, appraised: 1.5 }, "2": { appraised: 1 } } } });
    const n = nodeOf(r, "u", "1");
    expect(n.points.toString()).toBe("1.5");
    expect(n.self!.toString()).toBe("2");
    expect(n.selfDiff!.toString()).toBe("0.5");
    expect(n.explanation!.branch).toBe("manual: appraised 1.5 (self 2) → 1.5");
    expect(r.diagnostics).toEqual([]);
  });
  it("falls back to self with a self-used warning", () => {
    const r = run(fw, { u: { points: { "1": { self: 1.75 }, "2": { appraised: 1 } } } });
    expect(nodeOf(r, "u", "1").points.toString()).toBe("1.75");
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.criterion])).toEqual([["warning", "self-used", "1"]]);
    expect(unitOf(r, "u").complete).toBe(true);
  });
  it("marks an absent entry missing with missing-points", () => {
    const r = run(fw, { u: { points: { "2": { appraised: 1 } } } });
    expect(nodeOf(r, "u", "1").status).toBe("missing");
    expect(unitOf(r, "u").complete).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["missing-points"]);
  });
  it("reports a step violation and an out-of-range value (clamped)", () => {
    const r = run(fw, { u: { points: { "1": { appraised: 0.3 }, "2": { appraised: 1.5 } } } });
    expect(nodeOf(r, "u", "1").points.toString()).toBe("0.3");
    expect(nodeOf(r, "u", "2").points.toString()).toBe("1");
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.criterion])).toEqual([
      ["error", "manual-points-step", "1"],
      ["error", "manual-points-out-of-range", "2"],
    ]);
    const neg = run(fw, { u: { points: { "1": { appraised: -0.25 }, "2": { appraised: 1 } } } });
    expect(nodeOf(neg, "u", "1").points.toString()).toBe("0");
    expect(neg.diagnostics.map((d) => d.code)).toEqual(["manual-points-out-of-range"]);
  });
  it("accepts exact multiples of the step at both ends", () => {
    const r = run(fw, { u: { points: { "1": { appraised: 0 }, "2": { appraised: 1 } } } });
    expect(r.diagnostics).toEqual([]);
    const r2 = run(fw, { u: { points: { "1": { appraised: 2 }, "2": { appraised: 0 } } } });
    expect(r2.diagnostics).toEqual([]);
  });
});

describe("expr", () => {
  const fw = framework(`
inputs:
  a: { type: number }
criteria:
  - { id: "1", max: 2, rule: { expr: "a * 0.5" } }
`);
  it("scores the expression's value, rounded", () => {
    expect(leafPoints(fw, { a: 3 })).toBe("1.5");
    expect(leafPoints(fw, { a: 1.111 })).toBe("0.56");
  });
  it("clamps into [0, max] with a warning", () => {
    const high = run(fw, { u: { inputs: { a: 5 } } });
    expect(nodeOf(high, "u", "1").points.toString()).toBe("2");
    expect(high.diagnostics.map((d) => [d.severity, d.code])).toEqual([["warning", "expr-points-clamped"]]);
    const low = run(fw, { u: { inputs: { a: -1 } } });
    expect(nodeOf(low, "u", "1").points.toString()).toBe("0");
    expect(low.diagnostics.map((d) => d.code)).toEqual(["expr-points-clamped"]);
    const edge = run(fw, { u: { inputs: { a: 4 } } });
    expect(edge.diagnostics).toEqual([]);
  });
});

describe("rounding", () => {
  it("rounds leaves with the framework's mode and sums the rounded leaves exactly", () => {
    const fw = framework(`
rounding: { decimals: 1, mode: down }
inputs:
  a: { type: number }
criteria:
  - id: "1"
    children:
      - { id: "1.1", max: 1, rule: { expr: "a" } }
      - { id: "1.2", max: 1, rule: { expr: "a" } }
`);
    const r = run(fw, { u: { inputs: { a: 0.36 } } });
    expect(nodeOf(r, "u", "1.1").points.toString()).toBe("0.3");
    expect(nodeOf(r, "u", "1").points.toString()).toBe("0.6");
  });
});
