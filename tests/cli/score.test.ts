import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const D = "fixtures/hanoi/districts";
const DISTRICT = [
  "--framework", "frameworks/hanoi-district-2023.yaml",
  "--units", `${D}/units.csv`,
  "--evidence", `${D}/evidence.csv`, "--evidence", `${D}/sipas.csv`,
  "--points", `${D}/points.csv`,
  "--locale", "vi",
];

describe("par-index score", () => {
  it("prints the Results JSON: every node in framework order, ranked units, exit 1 for the incomplete unit", async () => {
    const r = await cli("score", ...DISTRICT);
    expect(r.code).toBe(1); // Mỹ Đức lacks dossiers_on_time: an evidence error
    const json = JSON.parse(r.stdout);
    expect(json.framework).toEqual({ id: "hanoi-district-2023", year: 2023, decimals: 2, rounding: { decimals: 2, mode: "half_up" } });
    expect(json.units).toHaveLength(30);
    const last = json.units.at(-1);
    expect(last).toMatchObject({ unit: "my-duc", complete: false });
    expect(json.units.slice(0, -1).every((u: { complete: boolean }) => u.complete)).toBe(true);
    expect(json.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", code: "missing-input", unit: "my-duc", input: "dossiers_on_time", criterion: "3.2.1" }),
    ]);
    const ranks = json.units.map((u: { rank: number }) => u.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const first = json.units[0];
    expect(Object.keys(first)).toEqual(["unit", "name", "rank", "points", "max", "index", "grade", "complete", "parts", "adjustments", "criteria"]);
    const ids = first.criteria.map((c: { id: string }) => c.id);
    expect(ids.slice(0, 3)).toEqual(["1", "1.1", "1.1.1"]);
    for (const c of first.criteria) {
      expect(c.points).toBeLessThanOrEqual(c.max);
      if (c.status === "not_applicable") expect(c).toMatchObject({ points: 0, max: 0 });
      if (c.self !== undefined) expect(c.self_diff).toBeCloseTo(c.self - c.points, 10);
    }
  });

  it("scores the complete set with exit 0 once the late file is added", async () => {
    const r = await cli("score", ...DISTRICT, "--evidence", `${D}/evidence-late.csv`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics).toEqual([]);
  });

  it("renders table, csv and md, with diagnostics on stderr", async () => {
    const table = await cli("score", ...DISTRICT, "--format", "table", "--lang", "en");
    expect(table.stdout).toMatch(/Rank\s+Unit/);
    expect(table.stdout).toContain("Đống Đa");
    expect(table.stdout).toContain("incomplete");
    expect(table.stderr).toMatch(/error missing-input: .*my-duc/);
    // Vietnamese by default; the files are read with --locale vi, so numbers are written with a decimal comma.
    const bang = await cli("score", ...DISTRICT, "--format", "table");
    expect(bang.stdout).toMatch(/^Xếp hạng\s+Đơn vị\s+1 \(%\)/);
    expect(bang.stdout).toMatch(/Mỹ Đức .*\d,\d\d\s+[A-Z]\s+chưa đủ số liệu/);
    expect(bang.stderr).toMatch(/error missing-input: đơn vị "my-duc"/);

    const csv = await cli("score", ...DISTRICT.filter((a, i, all) => a !== "--locale" && all[i - 1] !== "--locale"), "--format", "csv");
    const rows = csv.stdout.trim().split(/\r?\n/);
    expect(rows[0]).toMatch(/^rank,unit,name,points,max,index,grade,complete,1,2,3,4,5,6,7,8,9$/);
    expect(rows).toHaveLength(31);
    // --locale vi: as Excel in a Vietnamese locale expects (BOM, ";", decimal comma).
    const csvVi = await cli("score", ...DISTRICT, "--format", "csv");
    expect(csvVi.stdout.startsWith("\uFEFFrank;unit;name;points;max;index;grade;complete;1;2")).toBe(true);
    expect(csvVi.stdout.split("\r\n")[1]).toMatch(/^1;ba-vi;Ba Vì;92,37;96;96,22;A;true;97,37;/);

    const md = await cli("score", ...DISTRICT, "--format", "md");
    expect(md.stdout.split("\n")[1]).toMatch(/^\|[-:| ]+\|$/);
  });

  it("writes to --out", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "par-score-")), "result.json");
    const r = await cli("score", ...DISTRICT, "--out", out);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).units).toHaveLength(30);
  });

  it("still prints the JSON, with positioned diagnostics, when an evidence file has errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-bad-"));
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "unit;input;value\nba-dinh;plan_tasks;mười\nkhong-co;plan_tasks;5\n");
    const r = await cli("score", ...DISTRICT, "--evidence", `${D}/evidence-late.csv`, "--evidence", bad);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const codes = json.diagnostics.map((d: { code: string; file: string; line: number; column: number }) => `${d.code}@${d.file === bad ? "bad" : d.file}:${d.line}:${d.column}`);
    expect(codes).toEqual(["evidence-wrong-type@bad:2:3", "evidence-unknown-unit@bad:3:1"]);
    expect(json.diagnostics[0].message).toContain('"mười"');
    expect(json.diagnostics.every((d: { file?: string; line?: number }) => d.file === undefined || typeof d.line === "number")).toBe(true);
  });

  it("exits 1 without JSON when the framework is invalid, and 2 on usage errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-fw-"));
    const fw = join(dir, "fw.yaml");
    writeFileSync(fw, "format: par-index/v1\nid: x\nyear: 2024\nsource: s\ncriteria: []\n");
    const r = await cli("score", "--framework", fw, "--points", `${D}/points.csv`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`^${fw}:\\d+:\\d+: error `));
    expect((await cli("score", "--points", `${D}/points.csv`)).code).toBe(2);
    expect((await cli("score", "--framework", "frameworks/hanoi-district-2023.yaml")).code).toBe(2);
    expect((await cli("score", ...DISTRICT, "--format", "xlsx")).code).toBe(2);
    expect((await cli("score", ...DISTRICT.slice(0, -1), "fr")).code).toBe(2);
  });

  it("--verbose says which form each file was detected as", async () => {
    const r = await cli("score", ...DISTRICT, "--verbose", "--format", "csv", "--lang", "en");
    expect(r.stderr).toContain(`${D}/units.csv: unit registry, delimiter ";", locale vi`);
    expect(r.stderr).toContain(`${D}/evidence.csv: inputs, long form`);
    expect(r.stderr).toContain(`${D}/sipas.csv: inputs, wide form`);
    expect(r.stderr).toContain(`${D}/points.csv: points table`);
    expect(r.stderr).toMatch(/^framework hanoi-district-2023 \(2023\): 74 criteria, \d+ inputs$/m);
    const vi = await cli("score", ...DISTRICT, "--verbose", "--format", "csv");
    expect(vi.stderr).toContain(`${D}/units.csv: danh mục đơn vị, dấu phân cách ";", cách viết số vi; số dòng đã đọc 30, sử dụng 30, loại 0`);
    expect(vi.stderr).toContain(`${D}/evidence.csv: số liệu dạng dọc (unit,input,value)`);
    expect(vi.stderr).toContain(`${D}/sipas.csv: số liệu dạng ngang`);
    expect(vi.stderr).toContain(`${D}/points.csv: bảng điểm`);
    expect(vi.stderr).toMatch(/^bộ tiêu chí hanoi-district-2023 \(năm 2023\): 74 tiêu chí, \d+ số liệu$/m);
    expect(vi.stderr).toMatch(/^số liệu: 30 đơn vị; số dòng đã đọc \d+, sử dụng \d+, loại 0$/m);
    expect(vi.stderr).not.toMatch(/rows read|unit registry|points table|criteria,/);
  });

  it("turns survey responses into sipas.* inputs (--survey) with the same result as precomputed indices", async () => {
    const W = "fixtures/hanoi/wards";
    const common = ["--framework", "frameworks/hanoi-ward-2024.yaml", "--units", `${W}/units.csv`, "--points", `${W}/points.csv`, "--locale", "vi"];
    const viaSurvey = await cli("score", ...common, "--survey", "frameworks/sipas-2023.yaml", "--responses", `${W}/sipas-responses.csv`);
    const viaCsv = await cli("score", ...common, "--evidence", `${W}/sipas.csv`);
    expect(viaSurvey.code).toBe(0);
    expect(JSON.parse(viaSurvey.stdout).units).toEqual(JSON.parse(viaCsv.stdout).units);
    const both = await cli("score", ...common, "--evidence", `${W}/sipas.csv`, "--survey", "frameworks/sipas-2023.yaml", "--responses", `${W}/sipas-responses.csv`);
    expect(both.code).toBe(1);
    expect(JSON.parse(both.stdout).diagnostics.some((d: { code: string }) => d.code === "survey-input-conflict")).toBe(true);
  });
});

describe("par-index score --survey: units outside the registry", () => {
  it("reports survey answers for a unit the registry lacks (survey-unit-not-in-registry)", async () => {
    const W = "fixtures/hanoi/wards";
    const dir = mkdtempSync(join(tmpdir(), "par-reg-"));
    const units = join(dir, "units.csv");
    const lines = readFileSync(`${W}/units.csv`, "utf8").split(/\r?\n/).filter((l) => l !== "");
    const dropped = lines[1]!.split(";")[0]!.replace(/^\uFEFF/, "");
    writeFileSync(units, [lines[0], ...lines.slice(2)].join("\n") + "\n");
    const r = await cli("score", "--framework", "frameworks/hanoi-ward-2024.yaml", "--units", units, "--locale", "vi",
      "--points", `${W}/points.csv`, "--survey", "frameworks/sipas-2023.yaml", "--responses", `${W}/sipas-responses.csv`);
    const json = JSON.parse(r.stdout);
    const survey = json.diagnostics.filter((d: { code: string }) => d.code === "survey-unit-not-in-registry");
    expect(survey).toEqual([expect.objectContaining({ unit: dropped, file: "frameworks/sipas-2023.yaml" })]);
    expect(r.code).toBe(1);
  });
});

describe("par-index explain", () => {
  it("prints the unit's tree with values read, the band that applied and points lost", async () => {
    const r = await cli("explain", ...DISTRICT, "--unit", "dong-da", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Đống Đa");
    expect(r.stdout).toMatch(/1\.1\.1/);
    expect(r.stdout).toMatch(/lost/i);
  });

  it("exits 1 for an incomplete unit and 2 for an unknown one, with a suggestion", async () => {
    const incomplete = await cli("explain", ...DISTRICT, "--unit", "my-duc");
    expect(incomplete.code).toBe(1);
    expect(incomplete.stderr).toContain("missing-input");
    const unknown = await cli("explain", ...DISTRICT, "--unit", "dong-daa", "--lang", "en");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean "dong-da"?');
    const vi = await cli("explain", ...DISTRICT, "--unit", "dong-daa");
    expect(vi.stderr).toBe('par-index explain: không có đơn vị "dong-daa" trong kết quả. Có phải là "dong-da"? Ghi một mã đơn vị có trong danh mục đơn vị hoặc tệp số liệu.\nXem `par-index explain --help`.\n');
  });
});

describe("par-index check-evidence", () => {
  it("lists what each unit still has to provide", async () => {
    const r = await cli("check-evidence", ...DISTRICT.filter((a) => a !== "--points" && a !== `${D}/points.csv`), "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("my-duc (Mỹ Đức): missing dossiers_on_time");
    expect(r.stdout).toContain("1 of 30 units still have inputs to provide.");
    const vi = await cli("check-evidence", ...DISTRICT.filter((a) => a !== "--points" && a !== `${D}/points.csv`));
    expect(vi.stdout).toContain("my-duc (Mỹ Đức): còn thiếu số liệu dossiers_on_time");
    expect(vi.stdout).toContain("1 trên 30 đơn vị còn phải bổ sung số liệu.");
    const ok = await cli("check-evidence", ...DISTRICT, "--evidence", `${D}/evidence-late.csv`, "--format", "json");
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report).toHaveLength(30);
    expect(report.every((u: { missing: string[] }) => u.missing.length === 0)).toBe(true);
  });
});

describe("par-index demo", () => {
  it("prints the ranking, the over-claimers and where points were lost", async () => {
    const r = await cli("demo", "--lang", "en", "--out", mkdtempSync(join(tmpdir(), "par-demo-")));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/the ranking table ranking\.txt and the report report\.html/);
    expect(r.stdout).toMatch(/Rank\s+Unit/);
    expect(r.stdout).toContain("Over-claimed most in self-assessment");
    expect(r.stdout).toContain("Where the points were lost");
    expect(r.stdout).toContain("Mỹ Đức");
    expect(r.stdout).toContain("Nam Từ Liêm    +8.51 points over 15 criteria; most on 6.1: claimed 3, got 1");
  });

  it("speaks Vietnamese by default, and ends by writing the table and the report side by side", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-demo-"));
    const r = await cli("demo", "--out", dir);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe(
      `Đã ghi vào thư mục ${dir}: bảng xếp hạng bang-xep-hang.txt và báo cáo bao-cao.html đặt cạnh nhau (mở báo cáo bằng trình duyệt; in ra khổ A4 được).`,
    );
    expect(readFileSync(join(dir, "bang-xep-hang.txt"), "utf8")).toMatch(/^Xếp hạng\s+Đơn vị/);
    const html = readFileSync(join(dir, "bao-cao.html"), "utf8");
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('id="unit-dong-da"');
    expect(r.stdout).toMatch(/^Xếp hạng\s+Đơn vị/m);
    expect(r.stdout).toContain("Nam Từ Liêm    +8,51 điểm ở 15 tiêu chí; nhiều nhất ở 6.1: tự chấm 3, được 1");
    expect(r.stdout).toContain("Điểm chưa đạt theo lĩnh vực");
    expect(r.stdout).toMatch(/ 8 +128,41 điểm \(bình quân 4,28 điểm\/đơn vị, chiếm 46,22%\)/);
    expect(r.stdout).toContain('error missing-input: đơn vị "my-duc"');
    const prose = r.stdout.slice(0, r.stdout.indexOf("npx tsx"));
    expect(prose).not.toMatch(/\b(points|units|Rank|incomplete)\b/);
  });
});

describe("tables of a framework ranked within groups", () => {
  it("shows the group column and lists each group's ranks 1, 2, 3… together", async () => {
    const W = "fixtures/hanoi/wards";
    const r = await cli("score", "--framework", "frameworks/hanoi-ward-2024.yaml", "--units", `${W}/units.csv`,
      "--evidence", `${W}/sipas.csv`, "--points", `${W}/points.csv`, "--locale", "vi", "--format", "table", "--lang", "en");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^Rank\s+parent\s+Unit/);
    const rows = lines.slice(2).filter((l) => /^\s*\d+\s/.test(l)).map((l) => l.trim().split(/\s{2,}/));
    const byGroup = new Map<string, number[]>();
    for (const [rank, group] of rows) byGroup.set(group!, [...(byGroup.get(group!) ?? []), Number(rank)]);
    expect([...byGroup.keys()].sort()).toEqual(["bac-tu-liem", "cau-giay"]);
    for (const ranks of byGroup.values()) expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    // The JSON keeps the contract's order: by rank, then code.
    const json = JSON.parse((await cli("score", "--framework", "frameworks/hanoi-ward-2024.yaml", "--units", `${W}/units.csv`,
      "--evidence", `${W}/sipas.csv`, "--points", `${W}/points.csv`, "--locale", "vi")).stdout);
    const order = json.units.map((u: { rank: number; unit: string }) => [u.rank, u.unit]);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
  });
});

describe("par-index score with the specification's JSON evidence", () => {
  it("reads inputs and points from { units: { code: { inputs, points } } } and reports a bad value by its JSON path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-json-"));
    const file = join(dir, "evidence.json");
    writeFileSync(
      file,
      JSON.stringify(
        {
          units: {
            "dong-da": { points: { total: { self: 97, appraised: 96.3 } } },
            "hoan-kiem": { points: { total: { appraised: 95.7 } } },
            "nam-tu-liem": { points: { total: { appraised: "95.7" } } },
          },
        },
        null,
        2,
      ),
    );
    const r = await cli("score", "--framework", "fixtures/published/total-only.yaml", "--evidence", file);
    const json = JSON.parse(r.stdout);
    expect(json.units.map((u: { unit: string; rank: number; index: number }) => [u.unit, u.rank, u.index])).toEqual([
      ["dong-da", 1, 96.3],
      ["hoan-kiem", 2, 95.7],
      ["nam-tu-liem", 2, 95.7],
    ]);
    const dongDa = json.units[0].criteria.find((c: { id: string }) => c.id === "total");
    expect(dongDa).toMatchObject({ points: 96.3, self: 97, self_diff: 0.7 });
    expect(r.code).toBe(0);

    writeFileSync(file, '{\n  "units": {\n    "dong-da": { "points": { "totl": { "appraised": 96.3 } } }\n  }\n}\n');
    const bad = await cli("score", "--framework", "fixtures/published/total-only.yaml", "--evidence", file);
    expect(bad.code).toBe(1);
    const d = JSON.parse(bad.stdout).diagnostics.find((x: { code: string }) => x.code === "evidence-unknown-criterion");
    expect(d).toMatchObject({ file, line: 3, path: ["units", "dong-da", "points", "totl"] });
    expect(d.message).toContain('"total"');
  });
});
