import { describe, expect, it } from "vitest";
import { parseFramework } from "../../src/framework/index.js";
import { HEAD, diagnose, expectOne, loc } from "./helpers.js";

const LEAF = '  - { id: "9", max: 1, rule: { manual: {} } }\n';

describe("schema diagnostics", () => {
  it("unknown-key: at the key, with a did-you-mean hint", () => {
    const yaml = `${HEAD}titel: x\ncriteria:\n${LEAF}`;
    const d = expectOne(yaml, "unknown-key", { line: 5, column: 1 });
    expect(d.params.suggestion).toBe("title");
    expect(d.file).toBe("f.yaml");
  });

  it("unknown-key inside a rule suggests the rule kind", () => {
    const yaml = `${HEAD}inputs: { ok: { type: boolean } }\ncriteria:\n  - id: "1"\n    max: 1\n    rule: { bolean: { value: ok } }\n`;
    const d = expectOne(yaml, "unknown-key", loc(yaml, "bolean"));
    expect(d.params.suggestion).toBe("boolean");
  });

  it("missing-key: at the mapping that lacks it", () => {
    const yaml = `format: par-index/v1\nid: t\nyear: 2024\ncriteria:\n${LEAF}`;
    const d = expectOne(yaml, "missing-key", { line: 1, column: 1 });
    expect(d.params.key).toBe("source");
  });

  it("missing-key: a criterion without id", () => {
    const yaml = `${HEAD}criteria:\n  - title: "no id"\n    max: 1\n    rule: { manual: {} }\n`;
    expectOne(yaml, "missing-key", loc(yaml, "title"));
  });

  it("wrong-type: at the value", () => {
    const yaml = `${HEAD}criteria:\n  - id: "1"\n    max: "two"\n    rule: { manual: {} }\n`;
    const d = expectOne(yaml, "wrong-type", loc(yaml, '"two"'));
    expect(d.message).toContain('"two"');
  });

  it("invalid-value: an unknown enum member", () => {
    const yaml = `${HEAD}level: city\ncriteria:\n${LEAF}`;
    expectOne(yaml, "invalid-value", loc(yaml, "city"));
  });

  it("numeric-id (warning): the id is taken from its source text", () => {
    const yaml = `${HEAD}criteria:\n  - id: 1.10\n    max: 1\n    rule: { manual: {} }\n`;
    const result = parseFramework(yaml, { filename: "f.yaml" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.framework.nodes[0]!.id).toBe("1.10");
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([["numeric-id", "warning", 6, 9]]);
  });

  it("format-version", () => {
    const yaml = `format: par-index/v2\nid: t\nyear: 2024\nsource: s\ncriteria:\n${LEAF}`;
    expectOne(yaml, "format-version", { line: 1, column: 9 });
  });

  it("rounding-decimals: 0..10 only", () => {
    const yaml = `${HEAD}rounding: { decimals: 11 }\ncriteria:\n${LEAF}`;
    expectOne(yaml, "rounding-decimals", loc(yaml, "11"));
    expect(diagnose(`${HEAD}rounding: { decimals: 10 }\ncriteria:\n${LEAF}`)).toEqual([]);
  });

  it("invalid-name: at the name", () => {
    const yaml = `${HEAD}inputs:\n  Bad-Name: { type: number }\ncriteria:\n${LEAF}`;
    expectOne(yaml, "invalid-name", loc(yaml, "Bad-Name"));
  });

  it("duplicate-name: an input and a derived value with the same name", () => {
    const yaml = `${HEAD}inputs:\n  a: { type: number }\nderived:\n  a: "1"\ncriteria:\n${LEAF}`;
    expectOne(yaml, "duplicate-name", loc(yaml, "a:", 0, 2));
  });

  it("input-bounds: min above max", () => {
    const yaml = `${HEAD}inputs:\n  n: { type: number, min: 5, max: 1 }\ncriteria:\n${LEAF}`;
    expectOne(yaml, "input-bounds", loc(yaml, "5,"));
  });

  it("enum-values: an enum without values", () => {
    const yaml = `${HEAD}inputs:\n  s: { type: enum }\ncriteria:\n${LEAF}`;
    expectOne(yaml, "enum-values", loc(yaml, "  s:", 2));
  });
});

describe("tree diagnostics", () => {
  it("duplicate-id: names where the first one is", () => {
    const yaml = `${HEAD}criteria:\n  - { id: "1", max: 1, rule: { manual: {} } }\n  - { id: "1", max: 1, rule: { manual: {} } }\n`;
    const d = expectOne(yaml, "duplicate-id", loc(yaml, '"1"', 0, 2));
    expect(d.message).toContain("f.yaml:6:11");
  });

  it("duplicate-id between a criterion and an adjustment", () => {
    const yaml = `${HEAD}criteria:\n${LEAF}adjustments:\n  - { id: "9", kind: bonus, max: 1, rule: { manual: {} } }\n`;
    expectOne(yaml, "duplicate-id", loc(yaml, '"9"', 0, 2));
  });

  it("leaf-missing-max", () => {
    const yaml = `${HEAD}criteria:\n  - id: "1"\n    rule: { manual: {} }\n`;
    expectOne(yaml, "leaf-missing-max", loc(yaml, '"1"'));
  });

  it("leaf-missing-rule", () => {
    const yaml = `${HEAD}criteria:\n  - id: "1"\n    max: 1\n`;
    expectOne(yaml, "leaf-missing-rule", loc(yaml, '"1"'));
  });

  it("node-rule-and-children: at the rule key", () => {
    const yaml = `${HEAD}criteria:\n  - id: "1"\n    rule: { manual: {} }\n    children:\n      - { id: "1.1", max: 1, rule: { manual: {} } }\n`;
    expectOne(yaml, "node-rule-and-children", loc(yaml, "rule"));
  });

  it("max-not-positive", () => {
    const yaml = `${HEAD}criteria:\n  - { id: "1", max: 0, rule: { manual: {} } }\n`;
    expectOne(yaml, "max-not-positive", loc(yaml, "0,"));
  });

  it("max-mismatch: says both numbers", () => {
    const yaml = `${HEAD}criteria:\n  - id: "1"\n    max: 5\n    children:\n      - { id: "1.1", max: 1.5, rule: { manual: {} } }\n      - { id: "1.2", max: 2.25, rule: { manual: {} } }\n`;
    const d = expectOne(yaml, "max-mismatch", loc(yaml, "max: 5", 5));
    expect(d.params).toMatchObject({ declared: "5", sum: "3.75" });
    expect(d.message).toContain("5");
    expect(d.message).toContain("3.75");
  });

  it("max-mismatch uses exact decimals (0.1 + 0.2 = 0.3)", () => {
    const yaml = `${HEAD}criteria:\n  - id: "1"\n    max: 0.3\n    children:\n      - { id: "1.1", max: 0.1, rule: { manual: {} } }\n      - { id: "1.2", max: 0.2, rule: { manual: {} } }\n`;
    expect(diagnose(yaml)).toEqual([]);
  });

  it("rule-one-kind: two kinds in one rule", () => {
    const yaml = `${HEAD}criteria:\n  - id: "1"\n    max: 1\n    rule: { manual: {}, expr: "1" }\n`;
    expectOne(yaml, "rule-one-kind", loc(yaml, "{ manual"));
  });
});

describe("rule diagnostics", () => {
  const inputs = `inputs:\n  ok: { type: boolean }\n  n: { type: number }\n  d: { type: date }\n  s: { type: enum, values: [a, b, c] }\n`;

  it.each([
    ["boolean true", 'rule: { boolean: { value: ok, true: 3 } }', "3 }"],
    ["boolean false", 'rule: { boolean: { value: ok, false: 2.5 } }', "2.5"],
    ["bands points", "rule: { bands: { value: n, bands: [ { at_least: 1, points: 4 }, { otherwise: 0 } ] } }", "4 }"],
    ["bands otherwise", "rule: { bands: { value: n, bands: [ { at_least: 1, points: 1 }, { otherwise: 7 } ] } }", "7 }"],
    ["deadline late", "rule: { deadline: { value: d, due: 2024-01-15, late: 3 } }", "3 }"],
    ["deadline missing", "rule: { deadline: { value: d, due: 2024-01-15, missing: 3 } }", "3 }"],
    ["choice points", "rule: { choice: { value: s, points: { a: 2, b: 5, c: 0 } } }", "5,"],
    ["deduct floor", "rule: { deduct: { value: n, per: 1, floor: 3 } }", "3 }"],
  ])("points-above-max: %s", (_name, rule, needle) => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 2\n    ${rule}\n`;
    const d = expectOne(yaml, "points-above-max", loc(yaml, needle));
    expect(d.params.max).toBe("2");
  });

  it("points-above-max in an adjustment", () => {
    const yaml = `${HEAD}${inputs}criteria:\n${LEAF}adjustments:\n  - { id: P1, kind: penalty, max: 1, rule: { deduct: { value: n, per: 1, floor: 2 } } }\n`;
    expectOne(yaml, "points-above-max", loc(yaml, "2 }"));
  });

  it("points-negative", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 2\n    rule: { boolean: { value: ok, false: -1 } }\n`;
    expectOne(yaml, "points-negative", loc(yaml, "-1"));
  });

  it("invalid-date: a due date that does not exist", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 1\n    rule: { deadline: { value: d, due: 2024-02-30 } }\n`;
    expectOne(yaml, "invalid-date", loc(yaml, "2024-02-30"));
  });

  it("late-until-before-due", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 1\n    rule: { deadline: { value: d, due: 2024-02-01, late_until: 2024-01-01 } }\n`;
    expectOne(yaml, "late-until-before-due", loc(yaml, "2024-01-01"));
  });

  it("ratio-empty-range", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 1\n    rule: { ratio: { value: n, lower: 1 } }\n`;
    expectOne(yaml, "ratio-empty-range", loc(yaml, "1 }"));
  });

  it("step-not-positive", () => {
    const yaml = `${HEAD}criteria:\n  - id: "1"\n    max: 1\n    rule: { manual: { step: 0 } }\n`;
    expectOne(yaml, "step-not-positive", loc(yaml, "0 }"));
  });

  it("choice-missing-value: lists the enum values without points", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 2\n    rule: { choice: { value: s, points: { a: 2 } } }\n`;
    const d = expectOne(yaml, "choice-missing-value", loc(yaml, "points"));
    expect(d.message).toContain('"b", "c"');
  });

  it("choice-unknown-value: a value the enum lacks", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 2\n    rule: { choice: { value: s, points: { a: 2, b: 1, c: 0, cc: 1 } } }\n`;
    const d = expectOne(yaml, "choice-unknown-value", loc(yaml, "cc"));
    expect(d.params.suggestion).toBe("c");
  });

  it("band-malformed: a band without points", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 2\n    rule: { bands: { value: n, bands: [ { at_least: 1 }, { otherwise: 0 } ] } }\n`;
    expectOne(yaml, "band-malformed", loc(yaml, "{ at_least"));
  });

  it("band-shadowed: a band that earlier bands already cover", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 2\n    rule:\n      bands:\n        value: n\n        bands:\n          - { at_least: 0.5, points: 1 }\n          - { above: 0.6, points: 2 }\n          - { otherwise: 0 }\n`;
    const d = expectOne(yaml, "band-shadowed", loc(yaml, "{ above"));
    expect(d.params.band).toBe("2");
  });

  it("band-shadowed: a band after otherwise", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 2\n    rule:\n      bands:\n        value: n\n        bands:\n          - { otherwise: 0 }\n          - { above: 0.6, points: 2 }\n`;
    expectOne(yaml, "band-shadowed", loc(yaml, "{ above"));
  });

  it("band-shadowed: an empty band (at_least 5 and below 3)", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 2\n    rule:\n      bands:\n        value: n\n        bands:\n          - { at_least: 5, below: 3, points: 2 }\n          - { otherwise: 0 }\n`;
    expectOne(yaml, "band-shadowed", loc(yaml, "{ at_least"));
  });

  it("band-gap: names the uncovered interval, at the bands key", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 2\n    rule:\n      bands:\n        value: n\n        bands:\n          - { above: 0.9, points: 2 }\n          - { at_least: 0.7, points: 1 }\n`;
    const d = expectOne(yaml, "band-gap", loc(yaml, "bands:", 0, 2));
    expect(d.params.gap).toBe("below 0.7");
  });

  it("band-gap: equals covers only a point", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 2\n    rule:\n      bands:\n        value: n\n        bands:\n          - { above: 1, points: 2 }\n          - { equals: 1, points: 1 }\n          - { below: 0, points: 0 }\n`;
    const d = expectOne(yaml, "band-gap", loc(yaml, "bands:", 0, 2));
    expect(d.params.gap).toBe("in [0, 1)");
  });

  it("band-bound-type: a text bound for a number value", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 2\n    rule: { bands: { value: n, bands: [ { equals: "x", points: 1 }, { otherwise: 0 } ] } }\n`;
    expectOne(yaml, "band-bound-type", loc(yaml, '"x"'));
  });

  it("value-type: each rule kind needs its value type", () => {
    const yaml = `${HEAD}${inputs}criteria:\n  - id: "1"\n    max: 1\n    rule: { deadline: { value: n, due: 2024-01-15 } }\n  - id: "2"\n    max: 1\n    rule: { boolean: { value: "n + 1", true: 1 } }\n  - id: "3"\n    max: 1\n    applies_if: n\n    rule: { ratio: { value: ok } }\n`;
    const found = diagnose(yaml).filter((d) => d.code === "value-type");
    expect(found.map((d) => [d.line, d.column])).toEqual([
      [loc(yaml, "n,").line, loc(yaml, "n,").column],
      [loc(yaml, '"n + 1"').line, loc(yaml, '"n + 1"').column],
      [loc(yaml, "applies_if: n").line, loc(yaml, "applies_if: n", 12).column],
      [loc(yaml, "value: ok").line, loc(yaml, "value: ok", 7).column],
    ]);
  });

  it("unknown-part", () => {
    const yaml = `${HEAD}parts:\n  appraisal: {}\ncriteria:\n  - { id: "1", max: 1, part: apraisal, rule: { manual: {} } }\n`;
    const d = expectOne(yaml, "unknown-part", loc(yaml, "apraisal"));
    expect(d.params.suggestion).toBe("appraisal");
  });

  it("unknown-tiebreak", () => {
    const yaml = `${HEAD}criteria:\n${LEAF}ranking: { tiebreak: ["9", "10"] }\n`;
    expectOne(yaml, "unknown-tiebreak", loc(yaml, '"10"'));
  });

  it("derived-cycle: names the cycle", () => {
    const yaml = `${HEAD}derived:\n  a: "b + 1"\n  b: "c * 2"\n  c: "a"\ncriteria:\n${LEAF}`;
    const d = expectOne(yaml, "derived-cycle", loc(yaml, "a:"));
    expect(d.params.cycle).toBe("a → b → c → a");
  });
});

describe("grades", () => {
  it("grade-malformed", () => {
    const yaml = `${HEAD}criteria:\n${LEAF}grades:\n  - { at_least: 90 }\n  - { otherwise: C }\n`;
    expectOne(yaml, "grade-malformed", loc(yaml, "{ at_least"));
  });

  it("grade-shadowed", () => {
    const yaml = `${HEAD}criteria:\n${LEAF}grades:\n  - { at_least: 80, label: B }\n  - { at_least: 90, label: A }\n  - { otherwise: C }\n`;
    expectOne(yaml, "grade-shadowed", loc(yaml, "{ at_least: 90"));
  });

  it("grade-gap: the index from 0 up to the lowest grade", () => {
    const yaml = `${HEAD}criteria:\n${LEAF}grades:\n  - { at_least: 90, label: A }\n  - { at_least: 80, label: B }\n`;
    const d = expectOne(yaml, "grade-gap", loc(yaml, "grades"));
    expect(d.params.gap).toBe("in [0, 80)");
  });

  it("grades covering [0, ∞) without otherwise are accepted", () => {
    const yaml = `${HEAD}criteria:\n${LEAF}grades:\n  - { at_least: 90, label: A }\n  - { below: 90, label: B }\n`;
    expect(diagnose(yaml)).toEqual([]);
  });
});

describe("expressions", () => {
  it("a syntax error points inside a quoted expression", () => {
    const yaml = `${HEAD}inputs:\n  n: { type: number }\nderived:\n  x: "n + * 2"\ncriteria:\n${LEAF}`;
    const d = diagnose(yaml).find((x) => x.code.startsWith("expr-"))!;
    expect(d.severity).toBe("error");
    // `*` is at offset 4 of the expression; the scalar starts with a quote.
    expect({ line: d.line, column: d.column }).toEqual(loc(yaml, "* 2"));
  });

  it("an unknown name points at the name, in a plain scalar", () => {
    const yaml = `${HEAD}inputs:\n  dossiers_received: { type: integer }\ncriteria:\n  - id: "1"\n    max: 1\n    rule: { ratio: { value: dossiers_recieved } }\n`;
    const d = diagnose(yaml).find((x) => x.code === "expr-unknown-name")!;
    expect({ line: d.line, column: d.column }).toEqual(loc(yaml, "dossiers_recieved"));
    expect(d.params.suggestion).toBe("dossiers_received");
  });

  it("derived values see each other regardless of declaration order", () => {
    const yaml = `${HEAD}inputs:\n  a: { type: number }\nderived:\n  y: "x * 2"\n  x: "a + 1"\ncriteria:\n  - { id: "1", max: 1, rule: { ratio: { value: y } } }\n`;
    expect(diagnose(yaml)).toEqual([]);
  });
});

describe("one pass", () => {
  it("reports every fault of a file at once (schema and static faults together)", () => {
    const yaml = `${HEAD}titel: x\ncriteria:\n  - id: "1"\n    max: 5\n    children:\n      - { id: "1.1", max: 1, rule: { manual: {} } }\n      - { id: "1.1", max: 1, rule: { manual: {} } }\n`;
    const codes = diagnose(yaml).map((d) => `${d.code}@${d.line}:${d.column}`);
    expect(codes).toEqual(["unknown-key@5:1", "max-mismatch@8:10", "duplicate-id@11:15"]);
  });

  it("a cut-out value does not cause follow-on errors about it", () => {
    // max is not a number: the parent's sum cannot be checked, and no leaf-missing-max is reported.
    const yaml = `${HEAD}criteria:\n  - id: "1"\n    max: 2\n    children:\n      - { id: "1.1", max: one, rule: { manual: {} } }\n      - { id: "1.2", max: 1, rule: { manual: {} } }\n  - { id: "1.2", max: 1, rule: { manual: {} } }\n`;
    const codes = diagnose(yaml).map((d) => d.code);
    expect(codes).toEqual(["wrong-type", "duplicate-id"]);
  });

  it("the broken fixture file gives its three faults", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL("../../fixtures/framework/broken/three-faults.yaml", import.meta.url), "utf8");
    const codes = diagnose(text).map((d) => `${d.code}@${d.line}:${d.column}`);
    expect(codes).toEqual(["points-above-max@13:35", "band-gap@19:9", "unknown-tiebreak@21:28"]);
  });
});

describe("never throws", () => {
  it.each(["", "42", "- a\n- b", "format: [", "criteria: 5", "\u0000\u0001"])("returns diagnostics for %j", (text) => {
    const r = parseFramework(text);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });

  it("framework-internal-error: a resolver that throws is contained", () => {
    const yaml = "extends: base.yaml\nid: x\n";
    const r = parseFramework(yaml, {
      resolve: () => {
        throw new Error("boom");
      },
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["framework-internal-error"]);
  });
});
