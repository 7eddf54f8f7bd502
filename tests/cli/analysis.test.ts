import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dec } from "../../src/core/decimal.js";
import { roundTo } from "../../src/core/decimal.js";
import { cli } from "./helpers.js";

const W = "fixtures/hanoi/wards";
const WARDS = ["--framework", "frameworks/hanoi-ward-2024.yaml", "--units", `${W}/units.csv`, "--points", `${W}/points.csv`, "--evidence", `${W}/sipas.csv`, "--locale", "vi"];
const M = "fixtures/merger-2025";
const MERGER_2025 = ["--framework", `${M}/hanoi-ward-2025-demo.yaml`, "--units", `${M}/units-2025.csv`, "--points", `${M}/points-2025.csv`, "--evidence", `${M}/sipas-2025.csv`, "--locale", "vi"];

interface ResultsFile {
  units: { unit: string; index: number; rank: number; criteria: { id: string; points: number; max: number; status: string }[] }[];
}

let dir = "";
let resultsFile = "";
let results: ResultsFile;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "par-analysis-"));
  resultsFile = join(dir, "wards.json");
  const r = await cli("score", ...WARDS, "--format", "json", "--out", resultsFile);
  expect(r.code).toBe(0);
  results = JSON.parse(readFileSync(resultsFile, "utf8")) as ResultsFile;
});

describe("par-index gaps", () => {
  it("from a saved result: total_lost is the sum of every leaf's max − points over applicable units", async () => {
    const r = await cli("gaps", "--results", resultsFile);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout) as { total_lost: number; criteria: { id: string; lost: number; units: number; title: string }[] };
    const leaves = new Set(g.criteria.map((c) => c.id));
    let total = dec(0);
    for (const u of results.units) for (const c of u.criteria) if (leaves.has(c.id) && c.status !== "not_applicable") total = total.plus(dec(c.max).minus(dec(c.points)));
    expect(g.total_lost).toBe(Number(roundTo(total, { decimals: 2, mode: "half_up" }).toString()));
    // Titles come from the bundled framework the result names; survey leaves apply to the 14 surveyed wards only.
    expect(g.criteria.find((c) => c.id === "7.3.1")).toMatchObject({ title: "Tiếp cận dịch vụ", units: 14 });
    const sorted = [...g.criteria].sort((a, b) => b.lost - a.lost);
    expect(g.criteria.map((c) => c.lost)).toEqual(sorted.map((c) => c.lost));
  });

  it("scoring on the fly gives the same JSON as the saved result", async () => {
    const a = await cli("gaps", "--results", resultsFile, "--level", "all");
    const b = await cli("gaps", ...WARDS, "--level", "all");
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout));
  });

  it("writes Vietnamese tables by default and English with --lang en; csv with English keys", async () => {
    const vi = await cli("gaps", "--results", resultsFile, "--format", "table");
    expect(vi.stdout).toContain("Điểm bị mất theo tiêu chí");
    expect(vi.stdout).toContain("Mất nhiều nhất");
    const en = await cli("gaps", "--results", resultsFile, "--format", "md", "--lang", "en");
    expect(en.stdout).toMatch(/^### Points lost by criterion/);
    expect(en.stdout).toContain("| Criterion | Title | Max |");
    const csv = await cli("gaps", "--results", resultsFile, "--format", "csv");
    expect(csv.stdout.split("\r\n")[0]).toBe("id,title,max,units,full,lost,lost_mean,share,top");
  });

  it("a results file that is not JSON is an error at its line and column (exit 1); a bad flag is a usage error (exit 2)", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, '{\n  "framework": { "id": "x", "year": 2024 },\n  "units": [ oops ]\n}\n');
    const r = await cli("gaps", "--results", bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3:\\d+: error results-invalid:`));
    expect((await cli("gaps", "--results", resultsFile, "--level", "some")).code).toBe(2);
  });
});

describe("par-index plan", () => {
  it("from a saved result needs the registry when the framework ranks within groups", async () => {
    const r = await cli("plan", "--results", resultsFile, "--unit", "btl-dong-ngac");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--units");
  });

  it("the saved result and scoring on the fly give the same plan; the plan's rank beats the current one", async () => {
    const a = await cli("plan", "--results", resultsFile, "--units", `${W}/units.csv`, "--unit", "btl-dong-ngac", "--target-grade", "A");
    const b = await cli("plan", ...WARDS, "--unit", "btl-dong-ngac", "--target-grade", "A");
    expect(a.code).toBe(0);
    const plan = JSON.parse(a.stdout);
    expect(JSON.parse(b.stdout)).toEqual(plan);
    expect(plan.target).toEqual({ grade: "A", index: 90 });
    expect(plan.plan.reached).toBe(true);
    expect(plan.plan.index).toBeGreaterThanOrEqual(90);
    expect(plan.plan.rank).toBeLessThan(plan.rank);
    // Options by points available, largest first.
    const available = plan.options.map((o: { available: number }) => o.available);
    expect(available).toEqual([...available].sort((x: number, y: number) => y - x));
  });

  it("--set re-scores the unit: an appraised criterion and a survey input", async () => {
    const before = JSON.parse((await cli("plan", ...WARDS, "--unit", "btl-dong-ngac")).stdout);
    const option = before.options.find((o: { id: string }) => o.id === "1.1.2");
    const r = await cli("plan", ...WARDS, "--unit", "btl-dong-ngac", "--set", "1.1.2=2");
    expect(r.code).toBe(0);
    const w = JSON.parse(r.stdout).what_if;
    // Setting 1.1.2 to its max is the option "1.1.2 at full points".
    expect([w.index, w.rank]).toEqual([option.index, option.rank]);
    expect(w.set).toEqual({ "1.1.2": "2" });
    // A survey input at 100% gives its leaf (7.3.1, a ratio of sipas.access) full points.
    const survey = JSON.parse((await cli("plan", ...WARDS, "--unit", "btl-dong-ngac", "--set", "sipas.access=100")).stdout).what_if;
    const o731 = before.options.find((o: { id: string }) => o.id === "7.3.1");
    expect([survey.index, survey.rank]).toEqual([o731.index, o731.rank]);
    const bad = await cli("plan", ...WARDS, "--unit", "btl-dong-ngac", "--set", "sipas.acess=90", "--lang", "en");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Did you mean "sipas.access"');
    expect((await cli("plan", ...WARDS, "--unit", "btl-dong-ngac", "--set", "sipas.acess=90")).stderr).toContain('Có phải là "sipas.access"?');
    expect((await cli("plan", "--results", resultsFile, "--units", `${W}/units.csv`, "--unit", "btl-dong-ngac", "--set", "1.1.2=2")).code).toBe(2);
    expect((await cli("plan", ...WARDS, "--unit", "btl-dong-nga", "--lang", "en")).stderr).toContain('Did you mean "btl-dong-ngac"');
  });
});

describe("par-index rollup", () => {
  it("groups the wards by district, and writes the means as evidence for a parent framework", async () => {
    const r = await cli("rollup", "--results", resultsFile, "--units", `${W}/units.csv`, "--by", "parent");
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.stdout).groups as { group: string; units: number; mean: number }[];
    expect(groups.map((g) => [g.group, g.units])).toEqual([
      ["cau-giay", 8],
      ["bac-tu-liem", 13],
    ]);
    // The mean of the published indices, rounded once.
    const cg = results.units.filter((u) => u.unit.startsWith("cg-")).map((u) => dec(u.index));
    const mean = cg.reduce((s, x) => s.plus(x), dec(0)).div(cg.length);
    expect(groups[0]!.mean).toBe(Number(roundTo(mean, { decimals: 2, mode: "half_up" }).toString()));
    const ev = await cli("rollup", "--results", resultsFile, "--units", `${W}/units.csv`, "--by", "parent", "--format", "evidence", "--input", "ward_mean");
    expect(ev.stdout).toBe(`unit,input,value\r\ncau-giay,ward_mean,${groups[0]!.mean}\r\nbac-tu-liem,ward_mean,${groups[1]!.mean}\r\n`);
    expect((await cli("rollup", "--results", resultsFile, "--by", "parent")).code).toBe(2);
    const unknown = await cli("rollup", "--results", resultsFile, "--units", `${W}/units.csv`, "--by", "quan", "--lang", "en");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("group by one of: parent, type");
    expect((await cli("rollup", "--results", resultsFile, "--units", `${W}/units.csv`, "--by", "quan")).stderr).toContain('không đơn vị nào trong danh mục có giá trị ở cột "quan"; chọn một trong các cột: parent, type');
  });
});

describe("par-index compare across the 2025 merger (bundled demo)", () => {
  const args = ["compare", "--base", `${M}/results-2024.json`, ...MERGER_2025, "--lineage", `${M}/lineage.csv`, "--crosswalk", `${M}/crosswalk.yaml`];

  it("compares each 2025 ward with the weighted mean of the 2024 wards it was formed from", async () => {
    const r = await cli(...args);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.base).toEqual({ framework: "hanoi-ward-2024", year: 2024 });
    expect(c.current).toEqual({ framework: "hanoi-ward-2025-demo", year: 2025 });
    expect(c.units.map((u: { unit: string }) => u.unit).sort()).toEqual(["ba-dinh", "cua-nam", "hoan-kiem", "hong-ha"]);
    const base = JSON.parse(readFileSync(`${M}/results-2024.json`, "utf8")) as ResultsFile;
    const index = (code: string) => dec(base.units.find((u) => u.unit === code)!.index);
    // Hồng Hà: Chương Dương and Phúc Tân, whole (weight 1 each).
    const hongHa = c.units.find((u: { unit: string }) => u.unit === "hong-ha");
    expect(hongHa.from).toEqual(["hk-chuong-duong", "hk-phuc-tan"]);
    expect(hongHa.base_index).toBe(Number(roundTo(index("hk-chuong-duong").plus(index("hk-phuc-tan")).div(2), { decimals: 2, mode: "half_up" }).toString()));
    // Ba Đình: parts (0.5 each) of Cửa Nam, Cửa Đông and Đồng Xuân → their plain mean.
    const baDinh = c.units.find((u: { unit: string }) => u.unit === "ba-dinh");
    const parts = ["hk-cua-nam", "hk-cua-dong", "hk-dong-xuan"].map(index);
    expect(baDinh.base_index).toBe(Number(roundTo(parts.reduce((s, x) => s.plus(x)).div(3), { decimals: 2, mode: "half_up" }).toString()));
    // rank_change = base_rank − rank, for every unit.
    for (const u of c.units) expect(u.rank_change).toBe(u.base_rank - u.rank);
    // The crosswalk's dropped (6.4) and new (6.5) criteria have no mean on the other side.
    expect(c.criteria.find((k: { id: string }) => k.id === "6.4")).toMatchObject({ base: ["6.4"], mean: null, delta: null });
    expect(c.criteria.find((k: { id: string }) => k.id === "6.5")).toMatchObject({ base: [], base_mean: null });
  });

  it("from two saved results gives the same comparison; without the crosswalk the unpaired ids are named", async () => {
    const current = join(dir, "2025.json");
    await cli("score", ...MERGER_2025, "--format", "json", "--out", current);
    const a = await cli(...args);
    const b = await cli("compare", "--base", `${M}/results-2024.json`, "--current", current, "--lineage", `${M}/lineage.csv`, "--crosswalk", `${M}/crosswalk.yaml`);
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout));
    const r = await cli("compare", "--base", `${M}/results-2024.json`, "--current", current, "--lineage", `${M}/lineage.csv`, "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error compare-unpaired");
    expect(r.stderr).toContain('base only "6.4"; current only "6.5"');
  });

  it("a broken lineage stops the comparison with every problem at its line", async () => {
    const lineage = join(dir, "lineage.csv");
    writeFileSync(lineage, "from,to,weight\nhk-hang-bac,hoan-kiem,0\nhk-hang-bacc,hoan-kiem,1\n");
    const r = await cli("compare", "--base", `${M}/results-2024.json`, ...MERGER_2025, "--lineage", lineage, "--crosswalk", `${M}/crosswalk.yaml`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${lineage}:2:3: error lineage-bad-weight`);
    expect(r.stdout).toBe("");
  });

  it("table output in Vietnamese, md in English", async () => {
    const t = await cli(...args, "--format", "table");
    expect(t.stdout).toContain("Đơn vị: năm 2025 (hanoi-ward-2025-demo) so với năm 2024 (hanoi-ward-2024)");
    const md = await cli(...args, "--format", "md", "--lang", "en");
    expect(md.stdout).toContain("### Units: 2025 (hanoi-ward-2025-demo) against 2024 (hanoi-ward-2024)");
  });
});

describe("par-index validate with crosswalk files", () => {
  it("checks the bundled crosswalk's ids against both frameworks", async () => {
    const r = await cli("validate", `${M}/crosswalk.yaml`, "--lang", "en");
    expect(r.code).toBe(0);
    expect((await cli("validate", `${M}/crosswalk.yaml`)).stdout).toContain("tệp đối chiếu hợp lệ");
    expect(r.stdout).toContain("valid crosswalk (hanoi-ward-2024 → hanoi-ward-2025-demo, 10 pairs; ids checked against base hanoi-ward-2024 and current hanoi-ward-2025-demo)");
  });

  it("reports an unknown id at its line and column", async () => {
    const file = join(dir, "cw.yaml");
    writeFileSync(file, 'format: par-index/crosswalk-v1\nbase: hanoi-ward-2024\ncurrent: hanoi-ward-2024\npairs:\n  - { base: ["1"], current: ["1.9"] }\n');
    const r = await cli("validate", file, "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:5:30: error crosswalk-unknown-id: "1.9" is not a criterion of hanoi-ward-2024 (current).`);
  });
});

describe("par-index demo", () => {
  it("ends with the year-over-year comparison across the 2025 merger", async () => {
    const r = await cli("demo");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Nghị quyết 1656/NQ-UBTVQH15");
    expect(r.stdout).toContain("18 phường của quận Hoàn Kiếm");
    expect(r.stdout).toMatch(/hong-ha\s+Hồng Hà/);
  });
});
