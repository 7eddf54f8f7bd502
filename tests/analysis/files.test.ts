import { describe, expect, it } from "vitest";
import { compare, parseCrosswalk, parseLineage, readPublished, rollup, rollupEvidence } from "../../src/analysis/index.js";
import { makeEvidence } from "../../fixtures/engine/evidence.js";
import { POINTS_2024, REGISTRY_2024, scored, TINY_2024, TINY_2025 } from "./helpers.js";

const at = (d: { code: string; line?: number | undefined; column?: number | undefined }) => [d.code, d.line, d.column];

describe("lineage files", () => {
  it("reads from,to[,weight] with ; or , and a BOM; weight defaults to 1, a decimal comma is accepted", () => {
    const r = parseLineage("\ufefffrom;to;weight\r\ncua-nam;hoan-kiem;0,5\r\nhang-bac;hoan-kiem;\r\n", "l.csv");
    expect(r.diagnostics).toEqual([]);
    expect(r.lineage!.rows.map((x) => [x.from, x.to, x.weight.toString(), x.line])).toEqual([
      ["cua-nam", "hoan-kiem", "0.5", 2],
      ["hang-bac", "hoan-kiem", "1", 3],
    ]);
  });

  it("reports every bad line at its line and column, in one pass, and gives no lineage", () => {
    const text = [
      "from,to,weight", // 1
      "a,x,0", // 2: zero
      "b,x,-1", // 3: negative
      "c,x,nhiều", // 4: not a number
      "d,x,1", // 5
      "d,x,2", // 6: duplicate of line 5
      ",x", // 7: empty old code
      "e,x,1,9", // 8: too many cells
    ].join("\n");
    const r = parseLineage(text, "l.csv");
    expect(r.lineage).toBeUndefined();
    expect(r.diagnostics.map(at)).toEqual([
      ["lineage-bad-weight", 2, 3],
      ["lineage-bad-weight", 3, 3],
      ["lineage-bad-weight", 4, 3],
      ["lineage-duplicate", 6, 1],
      ["lineage-row", 7, 1],
      ["lineage-row", 8, 4],
    ]);
    expect(r.diagnostics[2]!.message).toContain('"nhiều"');
  });

  it("a wrong header is an error at line 1", () => {
    const r = parseLineage("old,new\na,b\n", "l.csv");
    expect(r.diagnostics.map(at)).toEqual([["lineage-header", 1, 1]]);
  });

  it("a chain or a cycle (a new unit that is also merged elsewhere) is an error; a unit continuing as itself is not", () => {
    expect(parseLineage("from,to\na,b\nb,c\n").diagnostics.map((d) => [d.code, d.line, d.params])).toEqual([["lineage-chain", 3, { code: "b", to: "c", source: "a" }]]);
    expect(parseLineage("from,to\na,b\nb,a\n").diagnostics.map((d) => d.code)).toEqual(["lineage-chain", "lineage-chain"]);
    // Cửa Nam (2024) splits into Hoàn Kiếm and Cửa Nam (2025), and Hàng Bài goes into Cửa Nam: fine.
    expect(parseLineage("from,to\ncua-nam,hoan-kiem\ncua-nam,cua-nam\nhang-bai,cua-nam\n").diagnostics).toEqual([]);
  });

  it("codes missing from the results are errors at their line", () => {
    const y2024 = scored(TINY_2024, POINTS_2024);
    const y2025 = scored(TINY_2024, { "an-khanh": POINTS_2024["an-khanh"] });
    const lineage = parseLineage("from,to\ncat-que,an-khanh\nan-khan,an-khanh\ncat-que,son-dong\n", "l.csv").lineage!;
    const c = compare(y2024.published, y2025.published, { lineage });
    expect(c.compare).toBeUndefined();
    expect(c.diagnostics.map((d) => [...at(d), d.params])).toEqual([
      ["lineage-unknown-from", 3, 1, { code: "an-khan", hint: "an-khanh" }],
      ["lineage-unknown-to", 4, 2, { code: "son-dong" }],
    ]);
  });
});

describe("crosswalk files", () => {
  const ids = {
    base: { framework: "tiny-2024", ids: new Set(TINY_2024.nodes.map((n) => n.id)) },
    current: { framework: "tiny-2025", ids: new Set(TINY_2025.nodes.map((n) => n.id)) },
  };

  it("reads renamed, merged, split, dropped and new criteria", () => {
    const text = 'format: par-index/crosswalk-v1\nbase: tiny-2024\ncurrent: tiny-2025\npairs:\n  - { base: ["1.1", "1.2"], current: ["1"] }\n  - { base: ["2.1"], current: ["2.1", "2.2"] }\n  - { base: ["2"], current: [] }\n';
    const r = parseCrosswalk(text, "c.yaml", ids);
    expect(r.diagnostics).toEqual([]);
    expect(r.crosswalk!.pairs.map((p) => [p.base, p.current, p.line])).toEqual([
      [["1.1", "1.2"], ["1"], 5],
      [["2.1"], ["2.1", "2.2"], 6],
      [["2"], [], 7],
    ]);
  });

  it("an id not in its framework, an id paired twice and a wrong framework are errors at their position", () => {
    const text = [
      "format: par-index/crosswalk-v1", // 1
      "base: tiny-2023", // 2
      "current: tiny-2025", // 3
      "pairs:", // 4
      '  - { base: ["1"], current: ["1"] }', // 5
      '  - { base: ["1"], current: ["2.3"] }', // 6: 1 twice (base); 2.3 unknown
    ].join("\n");
    const r = parseCrosswalk(text, "c.yaml", ids);
    expect(r.crosswalk).toBeUndefined();
    expect(r.diagnostics.map(at)).toEqual([
      ["crosswalk-duplicate-id", 6, 14],
      ["crosswalk-unknown-id", 6, 30],
      ["crosswalk-framework", 2, 7],
    ]);
    expect(r.diagnostics[1]!.params).toMatchObject({ id: "2.3", hint: "2.1" });
  });

  it("a malformed crosswalk is reported with positions", () => {
    const r = parseCrosswalk("format: par-index/crosswalk-v2\nbase: a\npairs:\n  - { base: 1 }\n", "c.yaml");
    expect(r.diagnostics.map(at)).toEqual([
      ["crosswalk-invalid", 1, 9],
      ["crosswalk-invalid", 1, 1],
      ["crosswalk-invalid", 4, 13],
      ["crosswalk-invalid", 4, 5],
    ]);
  });

  it("compare checks the crosswalk against the results it is given", () => {
    const y2024 = scored(TINY_2024, POINTS_2024);
    const y2025 = scored(TINY_2025, { "an-khanh": { "1.1": 4, "1.2": 6, "2.1": 5, "2.2": 4 } });
    const cw = parseCrosswalk('format: par-index/crosswalk-v1\nbase: tiny-2024\ncurrent: tiny-2026\npairs:\n  - { base: ["9"], current: ["1"] }\n', "c.yaml").crosswalk!;
    const c = compare(y2024.published, y2025.published, { crosswalk: cw });
    expect(c.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["crosswalk-unknown-id", 5],
      ["crosswalk-framework", undefined],
    ]);
  });

  it("different frameworks whose ids all pair: a warning, and the comparison is made", () => {
    const a = scored(TINY_2024, POINTS_2024);
    const b = { ...a, published: { ...a.published, framework: { ...a.published.framework, id: "tiny-2024-b" } } };
    const c = compare(a.published, b.published);
    expect(c.diagnostics.map((d) => [d.code, d.severity])).toEqual([["compare-framework-differs", "warning"]]);
    expect(c.compare!.units).toHaveLength(4);
  });
});

describe("results files and roll-up problems", () => {
  it("a results file of the wrong shape is reported at its JSON path", () => {
    const r = readPublished({ framework: { id: "x", year: 2024 }, units: [{ unit: "a", rank: 1, points: "80", max: 100, criteria: [] }] }, "r.json");
    expect(r.diagnostics.map((d) => [d.code, d.file, d.path])).toEqual([["results-invalid", "r.json", ["units", 0, "points"]]]);
    expect(readPublished([], "r.json").diagnostics.map((d) => d.code)).toEqual(["results-invalid"]);
  });

  it("a unit missing from the registry, a unit without a group and a bad weight are each reported; nothing is dropped", () => {
    const y2024 = scored(TINY_2024, POINTS_2024);
    const registry = makeEvidence(TINY_2024, {}, [
      { ...REGISTRY_2024[0]!, dan_so: "nhiều" },
      { ...REGISTRY_2024[1]!, parent: "" },
      REGISTRY_2024[2]!,
    ]).units;
    const r = rollup(y2024.published, y2024.structure, new Map(registry.map((u) => [u.code, u])), { by: "parent", weight: "dan_so" });
    expect(r.rollup).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.unit]).sort()).toEqual([
      ["analysis-unknown-unit", "duc-giang"],
      ["rollup-bad-weight", "cat-que"],
      ["rollup-no-group", "an-khanh"],
    ]);
  });

  it("evidence from a roll-up: a group without a mean is reported, not written", () => {
    const out = rollupEvidence(
      {
        by: "parent",
        groups: [
          { group: "hoai-duc", rank: 1, units: 2, complete: 2, mean: 92.5, median: 92.5, min: null, max: null, grades: {}, fields: {} },
          { group: "dan-phuong", rank: 2, units: 1, complete: 0, mean: null, median: null, min: null, max: null, grades: {}, fields: {} },
        ],
      },
      "commune_mean",
    );
    expect(out.csv).toBe("unit,input,value\r\nhoai-duc,commune_mean,92.5\r\n");
    expect(out.diagnostics.map((d) => [d.code, d.severity])).toEqual([["rollup-no-mean", "warning"]]);
  });
});
