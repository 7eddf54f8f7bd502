import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../src/core/sha256.js";
import { cli } from "./helpers.js";

const DIR = "fixtures/trust";
const FILES = ["xa-2025.yaml", "xa-2025-ha-noi.yaml", "units.csv", "evidence.csv", "points.csv", "register.csv", "appraisals.jsonl"];

/** The README's workflow: units, inputs, self-assessment with documents, register, appraisal log. */
function flags(dir = DIR, framework = "xa-2025.yaml"): string[] {
  return [
    "--framework", join(dir, framework),
    "--units", join(dir, "units.csv"),
    "--evidence", join(dir, "evidence.csv"),
    "--points", join(dir, "points.csv"),
    "--register", join(dir, "register.csv"),
    "--appraisals", join(dir, "appraisals.jsonl"),
    "--locale", "vi",
  ];
}

/** A copy of the fixtures in a fresh folder (absolute paths), to change bytes in. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "par-index-trust-"));
  for (const f of FILES) copyFileSync(join(DIR, f), join(dir, f));
  return dir;
}

interface Unit {
  unit: string;
  points: number;
  criteria: { id: string; points: number }[];
}

interface Change {
  criterion: string;
  by: string;
  line: number;
  from: number | null;
  to: number | null;
  field: string;
  why: string;
  at: string;
}

interface Trust {
  unit: string;
  documents?: { claims: number; documented: number; undocumented: string[]; missing: { criterion: string; documents: string[] }[] };
  confidence: { data: number | null; documented: number | null; respondents?: number; fields: Record<string, { data: number | null; documented: number | null }> };
  changes: Change[];
}

const trustOf = (json: { trust: { units: Trust[] } }, code: string): Trust => json.trust.units.find((u) => u.unit === code)!;
const pointsOf = (json: { units: Unit[] }, code: string, id: string): number => json.units.find((u) => u.unit === code)!.criteria.find((c) => c.id === id)!.points;

describe("score: run manifest", () => {
  it("records the engine, the framework's hash and every input with its hash, role and rows", async () => {
    const r = await cli("score", ...flags());
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout).manifest;
    const bytes = (f: string) => readFileSync(join(DIR, f));
    expect(m.engine).toMatch(/^par-index \d+\.\d+\.\d+/);
    expect(m.framework).toEqual({
      id: "trust-phuong-2025",
      sha256: sha256(bytes("xa-2025.yaml")),
      files: [{ file: join(DIR, "xa-2025.yaml"), sha256: sha256(bytes("xa-2025.yaml")) }],
    });
    expect(m.inputs).toEqual([
      { file: join(DIR, "units.csv"), sha256: sha256(bytes("units.csv")), rows: 4, role: "units" },
      { file: join(DIR, "evidence.csv"), sha256: sha256(bytes("evidence.csv")), rows: 4, role: "evidence" },
      { file: join(DIR, "points.csv"), sha256: sha256(bytes("points.csv")), rows: 16, role: "points" },
      { file: join(DIR, "appraisals.jsonl"), sha256: sha256(bytes("appraisals.jsonl")), rows: 5, role: "appraisals" },
      { file: join(DIR, "register.csv"), sha256: sha256(bytes("register.csv")), rows: 11, role: "register" },
    ]);
    expect(m.options).toEqual({ locale: "vi", lang: "vi" });
    expect(m.stamp).toBeUndefined();
  });

  it("hashes an overlay's text and the framework it extends, in order", async () => {
    const r = await cli("score", ...flags(DIR, "xa-2025-ha-noi.yaml"));
    const fw = JSON.parse(r.stdout).manifest.framework;
    const overlay = readFileSync(join(DIR, "xa-2025-ha-noi.yaml"));
    const base = readFileSync(join(DIR, "xa-2025.yaml"));
    expect(fw.id).toBe("trust-phuong-2025-ha-noi");
    expect(fw.files.map((f: { sha256: string }) => f.sha256)).toEqual([sha256(overlay), sha256(base)]);
    expect(fw.sha256).toBe(sha256(Buffer.concat([overlay, base])));
  });

  it("gives byte-identical results for identical inputs; --stamp adds the time", async () => {
    const a = await cli("score", ...flags());
    const b = await cli("score", ...flags());
    expect(a.stdout).toBe(b.stdout);
    const s = await cli("score", ...flags(), "--stamp");
    expect(JSON.parse(s.stdout).manifest.stamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe("verify", () => {
  it("passes when the recorded files re-score to the same result", async () => {
    const dir = copy();
    const r = await cli("score", ...flags(dir), "--out", join(dir, "r.json"));
    expect(r.code).toBe(0);
    const v = await cli("verify", "--results", join(dir, "r.json"), "--format", "json");
    expect(v.code).toBe(0);
    const report = JSON.parse(v.stdout);
    expect(report.same).toBe(true);
    expect(report.files.map((f: { status: string }) => f.status)).toEqual(Array(6).fill("same"));
    const text = await cli("verify", "--results", join(dir, "r.json"), "--lang", "en");
    expect(text.stdout).toContain("The result is reproduced: 6 files unchanged");
    const vi = await cli("verify", "--results", join(dir, "r.json"));
    expect(vi.stdout).toContain("Kết quả được tái lập đúng");
    // A result worded in English re-scores in English.
    await cli("score", ...flags(dir), "--lang", "en", "--out", join(dir, "en.json"));
    expect(JSON.parse(readFileSync(join(dir, "en.json"), "utf8")).manifest.options.lang).toBe("en");
    expect((await cli("verify", "--results", join(dir, "en.json"))).code).toBe(0);
  });

  it("fails when one byte of the evidence changed, naming the file and where the result differs", async () => {
    const dir = copy();
    await cli("score", ...flags(dir), "--out", join(dir, "r.json"));
    const path = join(dir, "evidence.csv");
    // ba-dinh's on-time rate 98,7% becomes 88,7%: one byte.
    writeFileSync(path, readFileSync(path, "utf8").replace("98,7%", "88,7%"));
    const v = await cli("verify", "--results", join(dir, "r.json"), "--format", "json");
    expect(v.code).toBe(1);
    const report = JSON.parse(v.stdout);
    expect(report.same).toBe(false);
    expect(report.files.filter((f: { status: string }) => f.status !== "same")).toEqual([
      { file: path, role: "evidence", status: "changed", recorded: sha256(readFileSync(join(DIR, "evidence.csv"))), now: sha256(readFileSync(path)) },
    ]);
    const paths = report.differences.map((d: { path: string }) => d.path);
    expect(paths).toContain("units[0].points");
    const text = await cli("verify", "--results", join(dir, "r.json"), "--lang", "en");
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`File changed: ${path} (evidence)`);
    expect(text.stdout).toContain("The result is NOT reproduced.");
  });

  it("fails when a recorded file is gone, and when the saved result was edited", async () => {
    const dir = copy();
    await cli("score", ...flags(dir), "--out", join(dir, "r.json"));
    const saved = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
    saved.units[0].points = 100;
    writeFileSync(join(dir, "edited.json"), JSON.stringify(saved));
    const edited = JSON.parse((await cli("verify", "--results", join(dir, "edited.json"), "--format", "json")).stdout);
    expect(edited.same).toBe(false);
    expect(edited.differences[0]).toMatchObject({ path: "units[0].points", recorded: "100" });

    saved.manifest.inputs[0].file = join(dir, "no-such-units.csv");
    writeFileSync(join(dir, "gone.json"), JSON.stringify(saved));
    const gone = await cli("verify", "--results", join(dir, "gone.json"), "--format", "json");
    expect(gone.code).toBe(1);
    expect(JSON.parse(gone.stdout)).toMatchObject({ same: false, rescored: false });

    writeFileSync(join(dir, "none.json"), JSON.stringify({ framework: {}, units: [] }));
    const none = await cli("verify", "--results", join(dir, "none.json"));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("manifest");
  });
});

describe("score: documents, appraisal changes and confidence in the result", () => {
  it("lists per unit the claims lacking documents and per criterion the last change and who made it", async () => {
    const r = await cli("score", ...flags());
    const json = JSON.parse(r.stdout);
    // The contract's unit objects are unchanged; what backs them is in "trust", unit by unit in the same order.
    expect(Object.keys(json)).toEqual(["framework", "units", "diagnostics", "trust", "manifest"]);
    expect(json.trust.units.map((u: Trust) => u.unit)).toEqual(json.units.map((u: Unit) => u.unit));
    expect(Object.keys(json.units[0])).not.toContain("confidence");
    const unit = (code: string): Trust => trustOf(json, code);
    expect(unit("ngoc-ha").documents).toEqual({
      claims: 3,
      documented: 1,
      undocumented: ["1.1", "2.1"],
      missing: [
        { criterion: "1.1", documents: ["Kế hoạch CCHC năm"] },
        { criterion: "1.2", documents: ["Báo cáo CCHC năm"] },
        { criterion: "2.1", documents: ["Quyết định công bố danh mục TTHC", "Ảnh chụp nơi niêm yết"] },
      ],
    });
    expect(unit("ngoc-ha").confidence).toEqual({ data: 100, documented: 33.33, fields: { "1": { data: 100, documented: 50 }, "2": { data: 100, documented: 0 } } });
    expect(pointsOf(json, "ba-dinh", "1.2")).toBe(2);
    expect(unit("ba-dinh").changes).toEqual([{
      criterion: "1.2",
      at: "2025-11-24T08:30:00+07:00",
      by: "Hội đồng thẩm định Chỉ số CCHC",
      field: "appraised",
      from: 1.75,
      to: 2,
      why: "Hội đồng chấp nhận báo cáo năm gửi bổ sung",
      line: 4,
    }]);
    expect(unit("giang-vo").changes.map((c) => [c.criterion, c.field, c.by])).toEqual([["1.1", "self", "UBND phường Giảng Võ"]]);
    expect(json.diagnostics.map((d: { code: string; unit: string }) => [d.code, d.unit])).toEqual([
      ["self-without-evidence", "ngoc-ha"],
      ["self-without-evidence", "giang-vo"],
    ]);
  });

  it("without a register or a documents column, no documents key and no warning (as before)", async () => {
    const r = await cli("score", "--framework", "frameworks/hanoi-department-2023.yaml", "--units", "fixtures/hanoi/departments/units.csv",
      "--points", "fixtures/hanoi/departments/points.csv", "--evidence", "fixtures/hanoi/departments/survey.csv", "--locale", "vi");
    const json = JSON.parse(r.stdout);
    expect(json.trust.units[0].documents).toBeUndefined();
    expect(json.trust.units[0].confidence.documented).toBeNull();
    expect(json.trust.units[0].changes).toEqual([]);
    expect(json.diagnostics.filter((d: { code: string }) => d.code === "self-without-evidence")).toEqual([]);
  });

  it("the share of the maximum backed by data drops with a missing input", async () => {
    const dir = copy();
    const path = join(dir, "evidence.csv");
    writeFileSync(path, readFileSync(path, "utf8").replace(/\r\ncua-nam;on_time_rate;82,4%/, ""));
    const r = await cli("score", ...flags(dir));
    expect(r.code).toBe(1);
    const u = trustOf(JSON.parse(r.stdout), "cua-nam");
    // 2 of 8 points (criterion 2.2) have no data: 75%; field 2: 2 of 4.
    expect(u.confidence.data).toBe(75);
    expect(u.confidence.fields["2"]!.data).toBe(50);
    expect(u.confidence.fields["1"]!.data).toBe(100);
  });

  it("carries the survey sample size of each unit when a survey is scored", async () => {
    const r = await cli("score", "--framework", "frameworks/hanoi-ward-2024.yaml", "--units", "fixtures/hanoi/wards/units.csv",
      "--points", "fixtures/hanoi/wards/points.csv", "--locale", "vi",
      "--survey", "frameworks/sipas-2023.yaml", "--responses", "fixtures/hanoi/wards/sipas-responses.csv");
    const json = JSON.parse(r.stdout);
    expect(json.trust.units.every((u: Trust) => typeof u.confidence.respondents === "number")).toBe(true);
    expect(json.trust.units.some((u: Trust) => (u.confidence.respondents ?? 0) > 0)).toBe(true);
    expect(json.manifest.inputs.map((i: { role: string }) => i.role)).toEqual(["units", "points", "survey", "responses"]);
    expect(json.manifest.inputs[3].rows).toBeGreaterThan(0);
  });

  it("a document dated after --appraised-on, or after the logged appraisal of its claim, is an error at its line", async () => {
    const dir = copy();
    const reg = join(dir, "register.csv");
    writeFileSync(reg, readFileSync(reg, "utf8") + "ba-dinh;1.2;Báo cáo CCHC năm;190/BC-UBND;01/12/2025;\r\n");
    const r = await cli("score", ...flags(dir));
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.stdout).diagnostics.filter((d: { severity: string }) => d.severity === "error");
    expect(errors.map((d: { code: string; file: string; line: number }) => [d.code, d.file, d.line])).toEqual([["register-document-after-appraisal", reg, 13]]);
    expect(errors[0].message).toContain("sau ngày thẩm định 24/11/2025");
    const en = await cli("score", ...flags(dir), "--lang", "en");
    expect(JSON.parse(en.stdout).diagnostics.find((d: { code: string }) => d.code === "register-document-after-appraisal").message).toContain("after the appraisal on 24/11/2025");
    const on = await cli("score", ...flags(dir), "--appraised-on", "30/11/2025");
    expect(JSON.parse(on.stdout).manifest.options).toEqual({ locale: "vi", lang: "vi", appraised_on: "2025-11-30" });
    const bad = await cli("score", ...flags(dir), "--appraised-on", "mai");
    expect(bad.code).toBe(2);
  });
});

describe("appraise and history", () => {
  it("appends chained events that score applies; a stale --from is a lost update", async () => {
    const dir = copy();
    const log = join(dir, "appraisals.jsonl");
    const a = await cli("appraise", "--appraisals", log, "--unit", "ngoc-ha", "--criterion", "1.1", "--field", "appraised",
      "--from", "0,5", "--to", "1", "--by", "Hội đồng thẩm định Chỉ số CCHC", "--why", "Đơn vị nộp bổ sung kế hoạch", "--at", "2025-11-26T10:00:00+07:00");
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ unit: "ngoc-ha", from: 0.5, to: 1 });
    const r = await cli("score", ...flags(dir));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(pointsOf(json, "ngoc-ha", "1.1")).toBe(1);
    expect(trustOf(json, "ngoc-ha").changes.find((c) => c.criterion === "1.1")).toMatchObject({ line: 6, by: "Hội đồng thẩm định Chỉ số CCHC" });

    await cli("appraise", "--appraisals", log, "--unit", "ngoc-ha", "--criterion", "1.1", "--from", "0.5", "--to", "0", "--by", "Chuyên viên B", "--why", "Bản cũ");
    const lost = await cli("score", ...flags(dir));
    expect(lost.code).toBe(1);
    const d = JSON.parse(lost.stdout).diagnostics.find((x: { code: string }) => x.code === "appraisal-lost-update");
    expect(d).toMatchObject({ file: log, line: 7, unit: "ngoc-ha", criterion: "1.1" });

    const noBy = await cli("appraise", "--appraisals", log, "--unit", "ngoc-ha", "--criterion", "1.1", "--from", "1", "--to", "0", "--by", " ", "--why", "x");
    expect(noBy.code).toBe(2);
  });

  it("refuses to append to a broken log", async () => {
    const dir = copy();
    const log = join(dir, "appraisals.jsonl");
    const lines = readFileSync(log, "utf8").split("\n");
    writeFileSync(log, [lines[0], lines[2], lines[3], lines[4], ""].join("\n"));
    const before = readFileSync(log, "utf8");
    const a = await cli("appraise", "--appraisals", log, "--unit", "ba-dinh", "--criterion", "1.1", "--from", "1", "--to", "0.5", "--by", "A", "--why", "x");
    expect(a.code).toBe(1);
    expect(a.stderr).toContain("appraisal-log-removed");
    expect(readFileSync(log, "utf8")).toBe(before);
    const s = await cli("score", ...flags(dir));
    expect(s.code).toBe(1);
    // Nothing of a broken log is applied.
    expect(trustOf(JSON.parse(s.stdout), "ba-dinh").changes).toEqual([]);
    expect(pointsOf(JSON.parse(s.stdout), "ba-dinh", "1.2")).toBe(1.5);
  });

  it("history shows a unit's changes, oldest first", async () => {
    const r = await cli("history", "--appraisals", join(DIR, "appraisals.jsonl"), "--unit", "ba-dinh", "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((e: { line: number; to: number }) => [e.line, e.to])).toEqual([[3, 1.75], [4, 2]]);
    const vi = await cli("history", "--appraisals", join(DIR, "appraisals.jsonl"), "--unit", "ba-dinh");
    expect(vi.stdout).toContain("Hội đồng thẩm định Chỉ số CCHC: tiêu chí 1.2, điểm thẩm định 1,75 → 2. Lý do: Hội đồng chấp nhận báo cáo năm gửi bổ sung (dòng 4)");
    const en = await cli("history", "--appraisals", join(DIR, "appraisals.jsonl"), "--unit", "giang-vo", "--lang", "en");
    expect(en.stdout).toContain("criterion 1.1, self score 1 → 0.5");
  });

  it("history names a tampered line and says the history cannot be trusted", async () => {
    const dir = copy();
    const log = join(dir, "appraisals.jsonl");
    writeFileSync(log, readFileSync(log, "utf8").replace('"to":1.75', '"to":2'));
    const r = await cli("history", "--appraisals", log, "--unit", "ba-dinh", "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${log}:3:1: error appraisal-log-edited`);
    expect(r.stdout).toContain("cannot be trusted");
  });
});

describe("check-evidence: documents still missing", () => {
  it("lists per unit the claims that lack documents", async () => {
    const r = await cli("check-evidence", ...flags(), "--format", "json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const ngocHa = report.find((u: { unit: string }) => u.unit === "ngoc-ha");
    expect(ngocHa.documents).toEqual([
      { criterion: "1.1", undocumented: true, missing: ["Kế hoạch CCHC năm"] },
      { criterion: "1.2", undocumented: false, missing: ["Báo cáo CCHC năm"] },
      { criterion: "2.1", undocumented: true, missing: ["Quyết định công bố danh mục TTHC", "Ảnh chụp nơi niêm yết"] },
    ]);
    expect(report.find((u: { unit: string }) => u.unit === "giang-vo").documents).toEqual([{ criterion: "1.1", undocumented: true, missing: ["Kế hoạch CCHC năm"] }]);
    const text = await cli("check-evidence", ...flags(), "--lang", "en");
    expect(text.stdout).toContain("cua-nam (Phường Cửa Nam): criterion 2.1 lacks documents: Ảnh chụp nơi niêm yết");
    const vi = await cli("check-evidence", ...flags());
    expect(vi.stdout).toContain("ngoc-ha (Phường Ngọc Hà): tiêu chí 2.1 còn thiếu tài liệu kiểm chứng: Quyết định công bố danh mục TTHC; Ảnh chụp nơi niêm yết");
    expect(vi.stdout).toContain("4 trên 4 đơn vị còn phải bổ sung số liệu hoặc tài liệu kiểm chứng.");
  });
});
