import { describe, expect, it } from "vitest";
import { diag } from "../../src/diagnostics/index.js";
import { score } from "../../src/engine/index.js";
import { framework, makeEvidence, rawFramework, nodeOf, run, unitOf } from "./helpers.js";

describe("applicability", () => {
  it("leaves a not-applicable criterion out of the denominator: 68.32 of an applicable 84 → 81.33", () => {
    const fw = framework(`
inputs:
  has_ethnic_minorities: { type: boolean }
criteria:
  - { id: "1", title: "Chỉ đạo điều hành", max: 84, rule: { manual: { step: 0.01 } } }
  - id: "2"
    title: "Công tác dân tộc"
    applies_if: "has_ethnic_minorities"
    children:
      - { id: "2.1", max: 10, rule: { manual: {} } }
      - { id: "2.2", max: 6, rule: { manual: {} } }
`);
    const r = run(fw, { "ban-dan-toc": { inputs: { has_ethnic_minorities: false }, points: { "1": { appraised: 68.32 } } } });
    const u = unitOf(r, "ban-dan-toc");
    expect(u.points.toString()).toBe("68.32");
    expect(u.max.toString()).toBe("84");
    expect(u.publishedIndex!.toFixed(2)).toBe("81.33");
    const json = r.toJSON().units[0]!;
    expect(json.index).toBe(81.33);
    expect(json.criteria).toEqual([
      { id: "1", points: 68.32, max: 84, index: 81.33, status: "scored" },
      { id: "2", points: 0, max: 0, status: "not_applicable" },
      { id: "2.1", points: 0, max: 0, status: "not_applicable" },
      { id: "2.2", points: 0, max: 0, status: "not_applicable" },
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it("applies the full and zero policies to the whole subtree and keeps their max", () => {
    const fw = framework(`
inputs:
  flag: { type: boolean }
criteria:
  - id: "1"
    applies_if: "flag"
    not_applicable: full
    children:
      - { id: "1.1", max: 2, rule: { manual: {} } }
      - { id: "1.2", max: 3, rule: { manual: {} } }
  - { id: "2", max: 5, applies_if: "flag", not_applicable: zero, rule: { manual: {} } }
`);
    const r = run(fw, { u: { inputs: { flag: false } } });
    expect(nodeOf(r, "u", "1").points.toString()).toBe("5");
    expect(nodeOf(r, "u", "1").policy).toBe("full");
    expect(nodeOf(r, "u", "1.2").points.toString()).toBe("3");
    expect(nodeOf(r, "u", "2").points.toString()).toBe("0");
    expect(nodeOf(r, "u", "2").max.toString()).toBe("5");
    expect(nodeOf(r, "u", "2").status).toBe("scored");
    const u = unitOf(r, "u");
    expect([u.points.toString(), u.max.toString(), u.complete]).toEqual(["5", "10", true]);
    expect(r.diagnostics).toEqual([]);
  });

  it("makes a division by zero apply the criterion's not_applicable policy", () => {
    const fw = framework(`
inputs:
  received: { type: integer }
  on_time: { type: integer }
derived:
  rate: "on_time / received"
criteria:
  - { id: "1", max: 2, rule: { ratio: { value: rate } } }
  - { id: "2", max: 2, not_applicable: full, rule: { ratio: { value: rate } } }
  - { id: "3", max: 1, rule: { boolean: { value: "received >= 0" } } }
`);
    const r = run(fw, { u: { inputs: { received: 0, on_time: 0 } } });
    expect(nodeOf(r, "u", "1").status).toBe("not_applicable");
    expect(nodeOf(r, "u", "2").points.toString()).toBe("2");
    expect(unitOf(r, "u").max.toString()).toBe("3");
    expect(r.diagnostics).toEqual([]);
    const e = nodeOf(r, "u", "1").explanation!;
    expect(e.values.map((v) => [v.name, v.via])).toEqual([
      ["rate", undefined],
      ["on_time", "rate"],
      ["received", "rate"],
    ]);
  });
});

describe("missing policies", () => {
  const fw = framework(`
inputs:
  a: { type: number }
  z: { type: number, missing: zero }
  b: { type: boolean, missing: zero }
  s: { type: percent, missing: not_applicable }
criteria:
  - { id: "1", max: 1, rule: { ratio: { value: a } } }
  - { id: "2", max: 1, rule: { ratio: { value: z } } }
  - { id: "3", max: 1, rule: { boolean: { value: b } } }
  - { id: "4", max: 1, rule: { ratio: { value: s, upper: 100 } } }
  - { id: "5", max: 1, rule: { ratio: { value: "a + 0" } } }
`);

  it("error: criterion missing, unit incomplete, one missing-input per unit and input", () => {
    const r = run(fw, { u: { inputs: { s: 50 } } });
    expect(nodeOf(r, "u", "1").status).toBe("missing");
    expect(nodeOf(r, "u", "1").points.toString()).toBe("0");
    expect(nodeOf(r, "u", "5").status).toBe("missing");
    expect(unitOf(r, "u").complete).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.unit, d.input, d.criterion])).toEqual([["missing-input", "u", "a", "1"]]);
  });

  it("zero: a missing number counts 0 and a missing boolean false", () => {
    const r = run(fw, { u: { inputs: { a: 1, s: 50 } } });
    expect(nodeOf(r, "u", "2").status).toBe("scored");
    expect(nodeOf(r, "u", "2").points.toString()).toBe("0");
    expect(nodeOf(r, "u", "3").points.toString()).toBe("0");
    expect(unitOf(r, "u").complete).toBe(true);
  });

  it("not_applicable: the criterion leaves the denominator", () => {
    const r = run(fw, { u: { inputs: { a: 1 } } });
    expect(nodeOf(r, "u", "4").status).toBe("not_applicable");
    expect(unitOf(r, "u").max.toString()).toBe("4");
    expect(r.diagnostics).toEqual([]);
  });

  it("scores a registry unit without any evidence as incomplete", () => {
    const r = run(fw, { u: { inputs: { a: 1 } } }, [{ code: "u" }, { code: "v", name: "Phường V" }]);
    expect(unitOf(r, "v").complete).toBe(false);
    expect(unitOf(r, "v").name).toBe("Phường V");
  });
});

describe("parts", () => {
  const fw = framework(`
parts:
  appraisal: { title: "Điểm thẩm định" }
  survey: { title: "Điểm điều tra xã hội học", optional: true }
inputs:
  plan: { type: boolean }
  sipas: { type: percent }
criteria:
  - { id: "1", max: 60, rule: { manual: {} } }
  - { id: "2", max: 10, rule: { boolean: { value: plan } } }
  - { id: "3", max: 30, part: survey, rule: { ratio: { value: sipas, upper: 100 } } }
`);

  it("reports points, max and index per part", () => {
    const r = run(fw, { u: { inputs: { plan: true, sipas: 80 }, points: { "1": { appraised: 50 } } } });
    const u = unitOf(r, "u");
    expect(u.parts.map((p) => [p.id, p.points.toString(), p.max.toString(), p.dropped])).toEqual([
      ["appraisal", "60", "70", false],
      ["survey", "24", "30", false],
    ]);
    expect(u.points.toString()).toBe("84");
    expect(r.toJSON().units[0]!.parts).toEqual({
      appraisal: { points: 60, max: 70, index: 85.71 },
      survey: { points: 24, max: 30, index: 80 },
    });
  });

  it("drops an optional part without data and renormalises the index (no missing-input)", () => {
    const r = run(fw, { u: { inputs: { plan: true }, points: { "1": { appraised: 50 } } } });
    const u = unitOf(r, "u");
    expect([u.points.toString(), u.max.toString(), u.publishedIndex!.toString(), u.complete]).toEqual(["60", "70", "85.71", true]);
    expect(u.parts[1]!.dropped).toBe(true);
    expect(nodeOf(r, "u", "3").status).toBe("not_applicable");
    expect(r.diagnostics).toEqual([]);
    expect(r.toJSON().units[0]!.parts["survey"]).toEqual({ points: 0, max: 0 });
  });
});

describe("adjustments, cap and grades", () => {
  const fw = framework(`
inputs:
  violations: { type: integer, missing: zero }
criteria:
  - { id: "1", max: 100, rule: { manual: {} } }
adjustments:
  - { id: "T1", title: "Sáng kiến CCHC", kind: bonus, max: 2, rule: { manual: { step: 0.5 } } }
  - { id: "P1", title: "Vi phạm", kind: penalty, max: 3, rule: { expr: "violations" } }
cap: 100
grades:
  - { at_least: 90, label: "A" }
  - { at_least: 80, label: "B" }
  - { otherwise: "C" }
`);

  it("adds a bonus, subtracts a penalty, keeps the max", () => {
    const r = run(fw, { u: { inputs: { violations: 2 }, points: { "1": { appraised: 88.5 }, T1: { appraised: 1.5 } } } });
    const u = unitOf(r, "u");
    expect([u.criteriaPoints.toString(), u.uncappedPoints.toString(), u.points.toString(), u.max.toString()]).toEqual(["88.5", "88", "88", "100"]);
    expect(u.grade).toBe("B");
    expect(r.toJSON().units[0]!.adjustments).toEqual([
      { id: "T1", points: 1.5 },
      { id: "P1", points: -2 },
    ]);
  });

  it("clamps the adjusted total to the cap", () => {
    const r = run(fw, { u: { points: { "1": { appraised: 99.5 }, T1: { appraised: 2 } } } });
    const u = unitOf(r, "u");
    expect([u.uncappedPoints.toString(), u.points.toString(), u.publishedIndex!.toString(), u.grade]).toEqual(["101.5", "100", "100", "A"]);
  });

  it("a penalty with a cap: total clamped at 0 from below", () => {
    const r = run(fw, { u: { inputs: { violations: 3 }, points: { "1": { appraised: 1 } } } });
    const u = unitOf(r, "u");
    expect([u.uncappedPoints.toString(), u.points.toString(), u.grade]).toEqual(["-2", "0", "C"]);
  });

  it("grades the published index: 89.995 rounds to 90.00 → A", () => {
    const g = framework(`
criteria:
  - { id: "1", max: 200, rule: { manual: {} } }
grades:
  - { at_least: 90, label: "A" }
  - { otherwise: "B" }
`);
    const r = run(g, { u: { points: { "1": { appraised: 179.99 } } } });
    expect(unitOf(r, "u").index!.toString()).toBe("89.995");
    expect(unitOf(r, "u").grade).toBe("A");
  });

  it("does not award a manual bonus without an entry, and omits grade when there are no grades", () => {
    const ng = framework(`
criteria:
  - { id: "1", max: 10, rule: { manual: {} } }
adjustments:
  - { id: "T1", kind: bonus, max: 1, rule: { manual: {} } }
`);
    const r = run(ng, { u: { points: { "1": { appraised: 5 } } } });
    expect(r.diagnostics).toEqual([]);
    expect("grade" in r.toJSON().units[0]!).toBe(false);
  });
});

describe("values missing without an absent input", () => {
  it("missing-value: an expression that gives no value (round to −1 places) makes the criterion missing", () => {
    const fw = framework(`
inputs:
  x: { type: number }
  n: { type: integer }
criteria:
  - { id: "1", max: 5, rule: { expr: "round(x, n)" } }
`);
    const r = run(fw, { u: { inputs: { x: 2.5, n: -1 } } });
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.unit, d.criterion])).toEqual([["error", "missing-value", "u", "1"]]);
    expect(r.diagnostics[0]!.message).toContain('"round(x, n)"');
    expect([nodeOf(r, "u", "1").status, unitOf(r, "u").complete]).toEqual(["missing", false]);
  });

  it("applies-if-invalid: an applies_if that is not a condition is reported and the criterion applies", () => {
    // The compiler rejects such a framework; the engine still copes with a plan built without checks.
    const fw = rawFramework(`
inputs:
  n: { type: integer }
criteria:
  - { id: "1", max: 1, applies_if: "n", rule: { boolean: { value: "n > 0" } } }
`);
    const r = run(fw, { u: { inputs: { n: 3 } } });
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.unit, d.criterion])).toEqual([["error", "applies-if-invalid", "u", "1"]]);
    expect([nodeOf(r, "u", "1").status, nodeOf(r, "u", "1").points.toString()]).toEqual(["scored", "1"]);
  });
});

describe("penalties: the rule gives the amount deducted", () => {
  // The spec's P1: "Vi phạm kỷ luật hành chính", kind: penalty, max: 3, rule: { deduct: ... }.
  const fw = framework(`
inputs:
  violations: { type: integer, missing: zero }
  disciplined: { type: boolean, missing: zero }
criteria:
  - { id: "1", max: 100, rule: { manual: {} } }
adjustments:
  - { id: "P1", title: "Vi phạm kỷ luật hành chính", kind: penalty, max: 3, rule: { deduct: { value: violations, per: 0.5 } } }
  - { id: "P2", title: "Bị kỷ luật", kind: penalty, max: 2, rule: { boolean: { value: disciplined } } }
  - { id: "P3", kind: penalty, max: 3, rule: { deduct: { value: violations, per: 1, floor: 1 } } }
cap: 100
`);
  const unit = (violations: number | null, disciplined: boolean | null, appraised = 90) =>
    unitOf(run(fw, { u: { inputs: { violations, disciplined }, points: { "1": { appraised } } } }), "u");
  const amounts = (u: ReturnType<typeof unit>) => u.adjustments.map((a) => [a.id, a.points.toString(), a.signed.toString()]);

  it("0 violations deduct nothing (not the full max)", () => {
    const u = unit(0, false);
    expect(amounts(u)).toEqual([["P1", "0", "0"], ["P2", "0", "0"], ["P3", "0", "0"]]);
    expect(u.points.toString()).toBe("90");
    // An absent count with `missing: zero` is 0 violations too.
    expect(unit(null, null).points.toString()).toBe("90");
  });

  it("2 violations at 0.5 each deduct 1; P3 (per 1) deducts 2", () => {
    const u = unit(2, false);
    expect(amounts(u)).toEqual([["P1", "1", "-1"], ["P2", "0", "0"], ["P3", "2", "-2"]]);
    expect([u.uncappedPoints.toString(), u.points.toString()]).toEqual(["87", "87"]);
  });

  it("many violations: capped at max − floor", () => {
    const u = unit(40, false);
    // P1: min(0.5 × 40, 3 − 0) = 3; P3: min(1 × 40, 3 − 1) = 2.
    expect(amounts(u)).toEqual([["P1", "3", "-3"], ["P2", "0", "0"], ["P3", "2", "-2"]]);
    expect(u.points.toString()).toBe("85");
  });

  it("a boolean penalty deducts its max when true", () => {
    const u = unit(0, true);
    expect(amounts(u)).toEqual([["P1", "0", "0"], ["P2", "2", "-2"], ["P3", "0", "0"]]);
    expect(u.points.toString()).toBe("88");
  });

  it("the total after penalties is clamped at 0 by the cap", () => {
    const u = unit(40, true, 4);
    // 4 − 3 − 2 − 2 = −3 → 0.
    expect([u.uncappedPoints.toString(), u.points.toString(), u.index!.toString()]).toEqual(["-3", "0", "0"]);
  });

  it("JSON points are signed; explanations say what was deducted", () => {
    const r = run(fw, { u: { inputs: { violations: 40, disciplined: true }, points: { "1": { appraised: 90 } } } });
    expect(r.toJSON().units[0]!.adjustments).toEqual([
      { id: "P1", points: -3 },
      { id: "P2", points: -2 },
      { id: "P3", points: -2 },
    ]);
    const u = unitOf(r, "u");
    expect(u.adjustments[0]!.explanation!.branch).toBe("penalty 0.5 × 40 (at most max − floor = 3) → deducts 3");
    expect(unitOf(run(fw, { u: { inputs: { violations: 2 } } }), "u").adjustments[0]!.explanation!.branch).toBe("penalty 0.5 × 2 → deducts 1");
    expect(u.adjustments[1]!.explanation!.branch).toBe("true → 2");
  });

  it("a bonus deduct rule keeps the leaf meaning (max − per × value)", () => {
    const b = framework(`
inputs:
  n: { type: integer }
criteria:
  - { id: "1", max: 10, rule: { manual: {} } }
adjustments:
  - { id: "T1", kind: bonus, max: 2, rule: { deduct: { value: n, per: 0.5 } } }
`);
    const u = unitOf(run(b, { u: { inputs: { n: 1 }, points: { "1": { appraised: 5 } } } }), "u");
    expect(u.adjustments[0]!.points.toString()).toBe("1.5");
    expect(u.points.toString()).toBe("6.5");
  });
});

describe("self and appraised on parents", () => {
  it("reports a self given directly on a parent, and never invents one", () => {
    const fw = framework(`
criteria:
  - id: "1"
    children:
      - { id: "1.1", max: 1, rule: { manual: {} } }
      - { id: "1.2", max: 1, rule: { manual: {} } }
`);
    const r = run(fw, { u: { points: { "1": { self: 2 }, "1.1": { appraised: 1 }, "1.2": { appraised: 0.5, self: 1 } } } });
    expect(nodeOf(r, "u", "1").self!.toString()).toBe("2");
    expect(nodeOf(r, "u", "1").selfDiff!.toString()).toBe("0.5");
    expect(nodeOf(r, "u", "1.1").self).toBeUndefined();
    expect(r.toJSON().units[0]!.criteria).toEqual([
      { id: "1", points: 1.5, max: 2, index: 75, status: "scored", self: 2, self_diff: 0.5 },
      { id: "1.1", points: 1, max: 1, index: 100, status: "scored" },
      { id: "1.2", points: 0.5, max: 1, index: 50, status: "scored", self: 1, self_diff: 0.5 },
    ]);
  });
});

describe("JSON", () => {
  it("matches the contract's shape and key order", () => {
    const fw = framework(`
id: hanoi-ward-2024
year: 2024
criteria:
  - { id: "1", max: 20, rule: { manual: {} } }
grades:
  - { at_least: 90, label: "A" }
  - { otherwise: "B" }
`);
    const r = run(fw, { "phuc-dien": { points: { "1": { appraised: 18.5 } } } }, [{ code: "phuc-dien", name: "Phúc Diễn" }]);
    const json = r.toJSON();
    expect(JSON.parse(JSON.stringify(r))).toEqual(json);
    expect(Object.keys(json.units[0]!)).toEqual(["unit", "name", "rank", "points", "max", "index", "grade", "complete", "parts", "adjustments", "criteria"]);
    expect(json).toEqual({
      framework: { id: "hanoi-ward-2024", year: 2024, decimals: 2, rounding: { decimals: 2, mode: "half_up" } },
      units: [
        {
          unit: "phuc-dien",
          name: "Phúc Diễn",
          rank: 1,
          points: 18.5,
          max: 20,
          index: 92.5,
          grade: "A",
          complete: true,
          parts: { total: { points: 18.5, max: 20, index: 92.5 } },
          adjustments: [],
          criteria: [{ id: "1", points: 18.5, max: 20, index: 92.5, status: "scored" }],
        },
      ],
      diagnostics: [],
    });
  });

  it("puts evidence diagnostics first, then scoring diagnostics with unit and criterion", async () => {
    const fw = framework(`
inputs:
  a: { type: number }
criteria:
  - { id: "1", max: 1, rule: { ratio: { value: a } } }
`);
    const ev = makeEvidence(fw, { u: {} });
    const evDiag = diag("engine-internal-error", { unit: "x", detail: "evidence" }, { file: "e.csv", line: 3, column: 1 });
    const r = score(fw, { ...ev, diagnostics: [evDiag] });
    const json = r.toJSON();
    expect(json.diagnostics.map((d) => [d.code, d.file, d.line, d.unit, d.criterion])).toEqual([
      ["engine-internal-error", "e.csv", 3, undefined, undefined],
      ["missing-input", undefined, undefined, "u", "1"],
    ]);
  });
});

describe("explanations", () => {
  it("can be turned off", async () => {
    const fw = framework(`
inputs:
  a: { type: number }
criteria:
  - { id: "1", max: 1, rule: { ratio: { value: a } } }
`);
    const r = score(fw, makeEvidence(fw, { u: { inputs: { a: 0.5 } } }), { explain: false });
    expect(r.units[0]!.nodes[0]!.explanation).toBeUndefined();
    expect(r.units[0]!.points.toString()).toBe("0.5");
  });
});
