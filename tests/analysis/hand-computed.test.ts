import { describe, expect, it } from "vitest";
import { compare, gaps, parseCrosswalk, parseLineage, planUnit, readPublished, rollup, inferStructure } from "../../src/analysis/index.js";
import { dec } from "../../src/core/decimal.js";
import { makeEvidence } from "../../fixtures/engine/evidence.js";
import { POINTS_2024, REGISTRY_2024, scored, TINY_2024, TINY_2025 } from "./helpers.js";

const y2024 = scored(TINY_2024, POINTS_2024, REGISTRY_2024);

describe("gaps (hand-computed)", () => {
  it("counts units, full points, points lost, their mean, share and who lost most", () => {
    const g = gaps(y2024.published, y2024.structure);
    // Lost per leaf (max − points):
    //   1.1: cat-que 0, an-khanh 1, tay-tuu 2, duc-giang 0      = 3    (full: 2)
    //   1.2: 0, 0, 3, 1                                         = 4    (full: 2)
    //   2.1: 0, 2, 1, 3.5                                       = 6.5  (full: 1)
    // total_lost = 13.5; share 2.1 = 6.5 ÷ 13.5 × 100 = 48.148… → 48.15;
    // 1.2 = 29.629… → 29.63; 1.1 = 22.222… → 22.22. lost_mean 2.1 = 6.5 ÷ 4 = 1.625 → 1.63.
    expect(g.total_lost).toBe(13.5);
    expect(g.criteria.map((c) => [c.id, c.units, c.full, c.lost, c.lost_mean, c.share])).toEqual([
      ["2.1", 4, 1, 6.5, 1.63, 48.15],
      ["1.2", 4, 2, 4, 1, 29.63],
      ["1.1", 4, 2, 3, 0.75, 22.22],
    ]);
    expect(g.criteria[0]).toMatchObject({ title: "Bộ phận Một cửa", max: 10 });
    // Who lost most on 2.1: duc-giang 3.5, an-khanh 2, tay-tuu 1 (cat-que lost nothing).
    expect(g.criteria[0]!.top).toEqual([
      { unit: "duc-giang", lost: 3.5 },
      { unit: "an-khanh", lost: 2 },
      { unit: "tay-tuu", lost: 1 },
    ]);
  });

  it("--level all adds parents, sorted with the leaves, not counted in total_lost", () => {
    const g = gaps(y2024.published, y2024.structure, { level: "all" });
    // Parent 1 lost 3 + 4 = 7; parent 2 = 2.1 = 6.5 (2 comes before 2.1 in framework order).
    expect(g.total_lost).toBe(13.5);
    expect(g.criteria.map((c) => [c.id, c.lost])).toEqual([
      ["1", 7],
      ["2", 6.5],
      ["2.1", 6.5],
      ["1.2", 4],
      ["1.1", 3],
    ]);
    // 7 ÷ 13.5 × 100 = 51.851… → 51.85
    expect(g.criteria[0]!.share).toBe(51.85);
  });

  it("reads the same from a results file alone (tree inferred from dotted ids, titles unknown)", () => {
    const saved = readPublished(JSON.parse(JSON.stringify(TINY_JSON)));
    const g = gaps(saved.published!, inferStructure(saved.published!));
    expect(g.criteria.map((c) => [c.id, c.lost, c.title])).toEqual([
      ["2.1", 6.5, null],
      ["1.2", 4, null],
      ["1.1", 3, null],
    ]);
  });
});

/** The 2024 results as `score --format json` writes them. */
const TINY_JSON = {
  framework: { id: "tiny-2024", year: 2024 },
  units: Object.entries(POINTS_2024).map(([unit, p], i) => {
    const f1 = p["1.1"] + p["1.2"];
    const total = f1 + p["2.1"];
    return {
      unit,
      name: unit,
      rank: i + 1,
      points: total,
      max: 20,
      index: (total / 20) * 100,
      complete: true,
      parts: { default: { points: total, max: 20 } },
      adjustments: [],
      criteria: [
        { id: "1", points: f1, max: 10, index: f1 * 10, status: "scored" },
        { id: "1.1", points: p["1.1"], max: 4, status: "scored" },
        { id: "1.2", points: p["1.2"], max: 6, status: "scored" },
        { id: "2", points: p["2.1"], max: 10, status: "scored" },
        { id: "2.1", points: p["2.1"], max: 10, status: "scored" },
      ],
    };
  }),
  diagnostics: [],
};

describe("plan (hand-computed)", () => {
  // duc-giang: 15.5 of 20 = 77.5, rank 3 (cat-que 100, an-khanh 85 above).
  it("lists each lost leaf at full points and reaches the next rank up with the fewest criteria", () => {
    const r = planUnit(y2024.published, y2024.structure, {}, "duc-giang");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.plan;
    expect(p).toMatchObject({ unit: "duc-giang", index: 77.5, rank: 3, grade: "C" });
    // Next rank up: an-khanh, rank 2, index 85.
    expect(p.target).toEqual({ rank: 2, index: 85 });
    // 2.1 at full: 15.5 + 3.5 = 19 → 95 (gain 17.5), rank 2 behind cat-que's 100;
    // 1.2 at full: 15.5 + 1 = 16.5 → 82.5 (gain 5), still rank 3 behind 85.
    expect(p.options.map((o) => [o.id, o.available, o.index, o.index_gain, o.rank])).toEqual([
      ["2.1", 3.5, 95, 17.5, 2],
      ["1.2", 1, 82.5, 5, 3],
    ]);
    expect(p.plan).toEqual({ criteria: ["2.1"], points: 3.5, index: 95, rank: 2, reached: true });
  });

  it("takes more criteria for a higher target, and says when it cannot be reached", () => {
    // Index 99: 2.1 gives 95 < 99; with 1.2 too: 20/20 = 100 ≥ 99, tying cat-que at rank 1.
    const high = planUnit(y2024.published, y2024.structure, {}, "duc-giang", { kind: "index", index: dec(99) });
    expect(high.ok && high.plan.plan).toEqual({ criteria: ["2.1", "1.2"], points: 4.5, index: 100, rank: 1, reached: true });
    // Target rank 1 = cat-que's index 100; grade A = 90 (reached with 2.1 alone).
    const top = planUnit(y2024.published, y2024.structure, {}, "duc-giang", { kind: "rank", rank: 1 });
    expect(top.ok && [top.plan.target, top.plan.plan.reached]).toEqual([{ rank: 1, index: 100 }, true]);
    const gradeA = planUnit(y2024.published, y2024.structure, { grades: TINY_2024.grades! }, "duc-giang", { kind: "grade", grade: "A" });
    expect(gradeA.ok && [gradeA.plan.target, gradeA.plan.plan.criteria]).toEqual([{ grade: "A", index: 90 }, ["2.1"]]);
    // With a cap of 18 points, everything gives 18/20 = 90 at most: 99 is out of reach.
    const capped = planUnit(y2024.published, y2024.structure, { cap: dec(18) }, "duc-giang", { kind: "index", index: dec(99) });
    expect(capped.ok && capped.plan.plan).toEqual({ criteria: ["2.1", "1.2"], points: 4.5, index: 90, rank: 2, reached: false });
    expect(planUnit(y2024.published, y2024.structure, {}, "nowhere")).toEqual({ ok: false, reason: "unknown-unit" });
    expect(planUnit(y2024.published, y2024.structure, { grades: TINY_2024.grades! }, "duc-giang", { kind: "grade", grade: "Z" })).toEqual({ ok: false, reason: "unknown-grade" });
  });

  it("a unit ranked first is already at its target", () => {
    const r = planUnit(y2024.published, y2024.structure, {}, "cat-que");
    expect(r.ok && r.plan).toMatchObject({ target: { rank: 1, index: 100 }, options: [], plan: { criteria: [], reached: true, rank: 1 } });
  });
});

describe("rollup (hand-computed)", () => {
  const registry = new Map(makeEvidence(TINY_2024, {}, REGISTRY_2024).units.map((u) => [u.code, u]));

  it("groups by parent: mean, median, min, max, grades, field means, ranked", () => {
    const r = rollup(y2024.published, y2024.structure, registry, { by: "parent" });
    // hoai-duc: cat-que 100, an-khanh 85 → mean = median = 92.5; fields: 1 = (100 + 90) ÷ 2 = 95,
    //   2 = (100 + 80) ÷ 2 = 90. dan-phuong: tay-tuu 70, duc-giang 77.5 → 73.75; field 1 = (50 + 90) ÷ 2 = 70,
    //   field 2 = (90 + 65) ÷ 2 = 77.5.
    expect(r.rollup!.groups).toEqual([
      { group: "hoai-duc", rank: 1, units: 2, complete: 2, mean: 92.5, median: 92.5, min: { unit: "an-khanh", index: 85 }, max: { unit: "cat-que", index: 100 }, grades: { A: 1, B: 1 }, fields: { "1": 95, "2": 90 } },
      { group: "dan-phuong", rank: 2, units: 2, complete: 2, mean: 73.75, median: 73.75, min: { unit: "tay-tuu", index: 70 }, max: { unit: "duc-giang", index: 77.5 }, grades: { C: 2 }, fields: { "1": 70, "2": 77.5 } },
    ]);
  });

  it("weights the mean by a numeric column", () => {
    const r = rollup(y2024.published, y2024.structure, registry, { by: "parent", weight: "dan_so" });
    // hoai-duc: (100 × 1000 + 85 × 3000) ÷ 4000 = 355000 ÷ 4000 = 88.75; dan-phuong: equal weights → 73.75.
    expect(r.rollup!.groups.map((g) => [g.group, g.mean, g.median])).toEqual([
      ["hoai-duc", 88.75, 92.5],
      ["dan-phuong", 73.75, 73.75],
    ]);
  });

  it("rounds once: the mean of 80.01, 80.02, 80.02 is 80.0166… → 80.02, a median of two is their mean", () => {
    const three = scored(TINY_2024, {
      a: { "1.1": 4, "1.2": 6, "2.1": 6.002 },
      b: { "1.1": 4, "1.2": 6, "2.1": 6.004 },
      c: { "1.1": 4, "1.2": 6, "2.1": 6.004 },
    });
    // Leaves round to 2 places: 6.00 → 16/20 = 80; the engine's indices here are 80, 80, 80.
    const reg = new Map(makeEvidence(TINY_2024, {}, [{ code: "a", parent: "g" }, { code: "b", parent: "g" }, { code: "c", parent: "g" }]).units.map((u) => [u.code, u]));
    expect(rollup(three.published, three.structure, reg, { by: "parent" }).rollup!.groups[0]!.mean).toBe(80);
    const saved = readPublished({
      framework: { id: "x", year: 2024 },
      units: [
        { unit: "a", name: "a", rank: 2, points: 80.01, max: 100, index: 80.01, complete: true, parts: {}, adjustments: [], criteria: [] },
        { unit: "b", name: "b", rank: 1, points: 80.02, max: 100, index: 80.02, complete: true, parts: {}, adjustments: [], criteria: [] },
        { unit: "c", name: "c", rank: 1, points: 80.02, max: 100, index: 80.02, complete: true, parts: {}, adjustments: [], criteria: [] },
      ],
      diagnostics: [],
    }).published!;
    const g = rollup(saved, inferStructure(saved), reg, { by: "parent" }).rollup!.groups[0]!;
    // (80.01 + 80.02 + 80.02) ÷ 3 = 240.05 ÷ 3 = 80.01666… → 80.02; median 80.02.
    expect([g.mean, g.median]).toEqual([80.02, 80.02]);
  });
});

describe("compare (hand-computed)", () => {
  // 2025: cat-que and an-khanh merged into "an-khanh" (weights 1 and 3), tay-tuu and duc-giang
  // into "tay-tuu"; "son-dong" is new.
  //   an-khanh 1.1=4 1.2=6 2.1=5 2.2=4 → 19/20 = 95
  //   tay-tuu  1.1=3 1.2=5 2.1=4 2.2=4 → 16/20 = 80
  //   son-dong 2, 2, 2, 2              → 8/20 = 40
  const y2025 = scored(TINY_2025, {
    "an-khanh": { "1.1": 4, "1.2": 6, "2.1": 5, "2.2": 4 },
    "tay-tuu": { "1.1": 3, "1.2": 5, "2.1": 4, "2.2": 4 },
    "son-dong": { "1.1": 2, "1.2": 2, "2.1": 2, "2.2": 2 },
  });
  const lineage = parseLineage("from,to,weight\ncat-que,an-khanh,1\nan-khanh,an-khanh,3\ntay-tuu,tay-tuu\nduc-giang,tay-tuu,1\n", "l.csv").lineage!;
  const crosswalk = parseCrosswalk(
    'format: par-index/crosswalk-v1\nbase: tiny-2024\ncurrent: tiny-2025\npairs:\n  - { base: ["1"], current: ["1"] }\n  - { base: ["2.1"], current: ["2.1", "2.2"] }\n',
    "c.yaml",
  ).crosswalk!;

  it("carries old units into new ones with weighted means, base ranks among the new units, and pairs split criteria", () => {
    const c = compare(y2024.published, y2025.published, { lineage, crosswalk });
    expect(c.diagnostics).toEqual([]);
    const out = c.compare!;
    expect(out.base).toEqual({ framework: "tiny-2024", year: 2024 });
    expect(out.current).toEqual({ framework: "tiny-2025", year: 2025 });
    // an-khanh: base = (100 × 1 + 85 × 3) ÷ 4 = 88.75, delta 95 − 88.75 = 6.25.
    // tay-tuu: (70 + 77.5) ÷ 2 = 73.75, delta 6.25. Base ranks among the new units: 1 and 2.
    expect(out.units.map((u) => [u.unit, u.status, u.from, u.base_index, u.index, u.delta, u.base_rank, u.rank, u.rank_change])).toEqual([
      ["an-khanh", "both", ["cat-que", "an-khanh"], 88.75, 95, 6.25, 1, 1, 0],
      ["tay-tuu", "both", ["tay-tuu", "duc-giang"], 73.75, 80, 6.25, 2, 2, 0],
      ["son-dong", "new", [], null, 40, null, null, 3, null],
    ]);
    // an-khanh's pairs: field 1 now 10/10 = 100, then (100 × 1 + 90 × 3) ÷ 4 = 92.5;
    // 2.1+2.2 now 9/10 = 90, then 2.1 of (100 × 1 + 80 × 3) ÷ 4 = 85.
    expect(out.units[0]!.criteria).toEqual([
      { id: "1", base: ["1"], base_index: 92.5, index: 100, delta: 7.5 },
      { id: "2.1+2.2", base: ["2.1"], base_index: 85, index: 90, delta: 5 },
    ]);
    // Criteria means over an-khanh and tay-tuu: field 1 now (100 + 80) ÷ 2 = 90, then (92.5 + (50 + 90) ÷ 2) ÷ 2 = 81.25;
    // 2.1+2.2 now (90 + 80) ÷ 2 = 85, then (85 + (90 + 65) ÷ 2) ÷ 2 = 81.25.
    expect(out.criteria).toEqual([
      { id: "1", base: ["1"], base_mean: 81.25, mean: 90, delta: 8.75 },
      { id: "2.1+2.2", base: ["2.1"], base_mean: 81.25, mean: 85, delta: 3.75 },
    ]);
  });

  it("without a lineage pairs units by code: new and gone units have nulls on the other side, gone last", () => {
    const c = compare(y2024.published, y2025.published, { crosswalk }).compare!;
    expect(c.units.map((u) => [u.unit, u.status, u.base_index, u.index])).toEqual([
      ["an-khanh", "both", 85, 95],
      ["tay-tuu", "both", 70, 80],
      ["son-dong", "new", null, 40],
      ["cat-que", "gone", 100, null],
      ["duc-giang", "gone", 77.5, null],
    ]);
  });

  it("frameworks that differ without a crosswalk: the ids that cannot be paired are named", () => {
    const c = compare(y2024.published, y2025.published);
    expect(c.compare).toBeUndefined();
    expect(c.diagnostics.map((d) => [d.code, d.params])).toEqual([
      ["compare-unpaired", { base: "tiny-2024", current: "tiny-2025", baseOnly: [], currentOnly: ["2.2"] }],
    ]);
  });
});
