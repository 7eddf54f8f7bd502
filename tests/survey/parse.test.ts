import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSurvey } from "../../src/survey/index.js";
import { BASE } from "./helpers.js";

function problems(text: string) {
  const r = parseSurvey(text, { filename: "s.yaml" });
  return r.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, severity: d.severity, message: d.message }));
}

describe("parseSurvey", () => {
  it("compiles the bundled SIPAS 2023 definition", () => {
    const r = parseSurvey(readFileSync(new URL("../../frameworks/sipas-2023.yaml", import.meta.url), "utf8"), { filename: "sipas-2023.yaml" });
    expect(r.diagnostics).toEqual([]);
    if (!r.ok) return;
    const s = r.survey;
    expect(s.items.map((i) => i.id)).toEqual(Array.from({ length: 33 }, (_, i) => `q${i + 1}`));
    const sizes = Object.fromEntries(s.elements.map((e) => [e.id, e.items.length]));
    expect(sizes).toEqual({
      accountability: 2, participation: 2, policy_quality: 8, policy_results: 2,
      access: 4, procedures: 4, civil_servants: 5, results: 3, feedback: 3,
    });
    expect(s.groups.map((g) => [g.id, g.items.length])).toEqual([["policy", 14], ["services", 19]]);
    expect(s.scale.labels[0]).toBe("Rất không hài lòng");
    expect(s.scale.satisfied).toEqual([false, false, false, true, true]);
    expect(Object.isFrozen(s) && Object.isFrozen(s.items) && Object.isFrozen(s.items[0])).toBe(true);
    for (const e of s.elements) expect(e.id).toMatch(/^[a-z_][a-z0-9_]*$/);
  });

  it("never throws, even on garbage", () => {
    for (const t of ["", "[1, 2", "- a\n- b", "format: 3", "\u0000\u0001"]) {
      const r = parseSurvey(t);
      expect(r.ok).toBe(false);
    }
    expect(problems("- a\n")[0]!.code).toBe("survey-not-a-mapping");
  });

  it("reports an unknown key at the key with a did-you-mean hint", () => {
    const p = problems(BASE.replace("year: 2024", "year: 2024\nminimum_respondents: 3\nrounding: { decimals: 2, modes: half_up }"));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-unknown-key", line: 5, column: 1 }));
    const hint = p.find((d) => d.code === "survey-unknown-key" && d.line === 6)!;
    expect(hint.column).toBe(26);
    expect(hint.message).toContain('Did you mean "mode"?');
  });

  it("reports missing keys, wrong types, invalid values and ids", () => {
    const text = BASE.replace("title: T\n", "").replace("year: 2024", 'year: "2024"').replace("format: par-index/survey-v1", "format: par-index/v1")
      .replace("{ id: e2, group: g2 }", "{ id: E-2, group: g2 }");
    const p = problems(text);
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-invalid-value", line: 1, column: 9 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-missing-key", line: 1, column: 1 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-wrong-type", line: 3, column: 7 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-invalid-id", line: 13, column: 11 }));
  });

  it("reports unknown groups and elements, items without element, empty elements and groups, in one pass", () => {
    const text = BASE.replace("{ id: e2, group: g2 }", "{ id: e2, group: g3 }\n  - { id: e3, group: g1 }")
      .replace("{ id: i2, element: e1 }", "{ id: i2, element: e9 }\n  - { id: i4 }");
    const p = problems(text);
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-unknown-group", line: 14, column: 22 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-unknown-element", line: 18, column: 24 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-item-without-element", line: 19, column: 5 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-empty-element", line: 15, column: 11 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-empty-group", line: 11, column: 11 }));
    expect(p.find((d) => d.code === "survey-unknown-group")!.message).toContain('Did you mean "g1"?');
  });

  it("checks the scale: duplicate levels, satisfied levels, labels", () => {
    const text = BASE.replace("levels: [1, 2, 3, 4, 5]", "levels: [1, 2, 3, 4, 4, 5]")
      .replace('labels: { 4: "Hài lòng", 5: "Rất hài lòng" }', 'labels: { 4: "Hài lòng", 5: "hài lòng", 7: "x" }')
      .replace("satisfied: [4, 5]", "satisfied: [4, 6]");
    const p = problems(text);
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-duplicate-level", line: 6, column: 24 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-label-unknown-level", line: 7, column: 43 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-duplicate-label", line: 7, column: 31 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-satisfied-not-in-scale", line: 8, column: 18 }));
  });

  it("checks ids: duplicates across groups and elements, reserved ids", () => {
    const text = BASE.replace("{ id: e2, group: g2 }", "{ id: g2, group: g2 }\n  - { id: overall, group: g2 }\n  - { id: e2, group: g2 }")
      .replace("{ id: i3, element: e2 }", "{ id: i3, element: e2 }\n  - { id: i3, element: e2 }\n  - { id: unit, element: e2 }");
    const p = problems(text);
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-duplicate-id", line: 14, column: 11 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-reserved-id", line: 15, column: 11 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-duplicate-id", line: 21, column: 11 }));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-reserved-id", line: 22, column: 11 }));
  });

  it("checks overall weights exactly (decimal) and names", () => {
    const ok = parseSurvey(BASE + "aggregate:\n  overall: { weights: { g1: 0.7, g2: 0.3 } }\n");
    expect(ok.ok).toBe(true); // 0.7 + 0.3 is exactly 1 in decimals (not in floats: 0.1 + 0.2 style traps)
    const sum = problems(BASE + "aggregate:\n  overall:\n    weights: { g1: 0.6, g2: 0.3 }\n");
    expect(sum).toContainEqual(expect.objectContaining({ code: "survey-weights-sum", line: 21, column: 14 }));
    expect(sum.find((d) => d.code === "survey-weights-sum")!.message).toContain("0.9");
    const unknown = problems(BASE + "aggregate:\n  overall:\n    weights: { g1: 1, gg2: 0 }\n");
    expect(unknown).toContainEqual(expect.objectContaining({ code: "survey-weights-unknown-group", line: 21, column: 23 }));
    expect(unknown).toContainEqual(expect.objectContaining({ code: "survey-weights-missing-group", severity: "warning" }));
    const bad = problems(BASE + "aggregate:\n  overall: mean_of_all\n  elemnt: pooled\n");
    expect(bad).toContainEqual(expect.objectContaining({ code: "survey-invalid-value", line: 20, column: 12 }));
    expect(bad).toContainEqual(expect.objectContaining({ code: "survey-unknown-key", line: 21, column: 3 }));
  });

  it("checks the weight column name", () => {
    const p = problems(BASE.replace("year: 2024", "year: 2024\nweight: i1"));
    expect(p).toContainEqual(expect.objectContaining({ code: "survey-weight-column", line: 5, column: 9 }));
  });

  it("reports YAML errors with positions", () => {
    const p = problems("format: par-index/survey-v1\nid: t\nid: u\n");
    expect(p[0]).toMatchObject({ code: "yaml-duplicate-key", line: 3 });
  });
});
