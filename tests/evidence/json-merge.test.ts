import { describe, expect, it } from "vitest";
import { formatValue } from "../../src/core/value.js";
import { checkEvidence } from "../../src/evidence/check.js";
import { readEvidenceJson, readJsonText } from "../../src/evidence/json.js";
import { mergeEvidence } from "../../src/evidence/merge.js";
import { readEvidenceCsv } from "../../src/evidence/reader.js";
import { loadEvidence, readEvidenceFile, readUnitsFile } from "../../src/node/evidence.js";
import { WARD_SCHEMA, fixtureBytes, fixturePath } from "./helpers.js";

const text = (name: string): string => new TextDecoder().decode(fixtureBytes(name));

describe("JSON evidence", () => {
  it("reads inputs (numbers exactly, strings in locale en) and points", () => {
    const part = readJsonText(text("evidence.json"), WARD_SCHEMA, { file: "evidence.json" });
    expect(part.kind).toBe("evidence-json");
    expect(part.diagnostics).toEqual([]);
    expect(part.stats).toEqual({ rowsRead: 10, rowsUsed: 10, rowsRejected: 0 });
    const unit = part.byUnit.get("thuong-cat");
    const inputs = Object.fromEntries([...(unit?.inputs ?? [])].map(([k, v]) => [k, formatValue(v.value)]));
    expect(inputs).toMatchObject({ dossiers_on_time: "5102", online_rate: "0.965", sipas_overall: "90.12", has_inspection: "true" });
    expect(unit?.inputs.get("online_rate")?.where).toEqual({ file: "evidence.json", path: ["units", "thuong-cat", "inputs", "online_rate"] });
    expect(unit?.points.get("1.1")?.appraised?.toString()).toBe("1.5");
    expect(unit?.points.get("1.1")?.note).toBe("Thiếu minh chứng");
  });

  it("reports value problems with a path and, from the text, a line and column", () => {
    const json = `{\n  "units": {\n    "phuc-dien": {\n      "inputs": { "online_rate": 99.33, "nope": 1 },\n      "points": { "9.9": { "self": "x" } }\n    }\n  }\n}`;
    const part = readJsonText(json, WARD_SCHEMA, { file: "e.json" });
    expect(part.diagnostics.map((d) => [d.code, d.line, d.column, d.path?.join(".")])).toEqual([
      ["evidence-out-of-bounds", 4, 19, "units.phuc-dien.inputs.online_rate"],
      ["evidence-unknown-input", 4, 41, "units.phuc-dien.inputs.nope"],
      ["evidence-unknown-criterion", 5, 19, "units.phuc-dien.points.9.9"],
      ["evidence-wrong-type", 5, 28, "units.phuc-dien.points.9.9.self"],
    ]);
    expect(part.stats).toEqual({ rowsRead: 3, rowsUsed: 0, rowsRejected: 3 });
  });

  it("checks units against a registry: one diagnostic per unknown unit, its rows rejected", () => {
    const data = { units: { "phuc-dien": { inputs: { budget_spent: 1 } }, "ha-dong": { inputs: { budget_spent: 1, remarks: "x" } } } };
    const part = readEvidenceJson(data, WARD_SCHEMA, { registry: new Set(["phuc-dien"]) });
    expect(part.diagnostics.map((d) => [d.code, d.unit, d.path?.join(".")])).toEqual([["evidence-unknown-unit", "ha-dong", "units.ha-dong"]]);
    expect(part.stats).toEqual({ rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
  });

  it("reads a JSON registry as a list or {units: [...]}", () => {
    const part = readJsonText(text("units.json"), WARD_SCHEMA, { file: "units.json" });
    expect(part.kind).toBe("registry");
    expect(part.registry?.map((u) => u.name)).toEqual(["Phúc Diễn", "Cổ Nhuế 1", "Xuân Đỉnh"]);
    expect(part.registry?.[0]?.attributes).toEqual({ district: "Bắc Từ Liêm" });
    const list = readJsonText(`[{"code":"a","name":"A"},{"code":"a","name":"B"},{"name":"C"}]`, WARD_SCHEMA);
    expect(list.diagnostics.map((d) => [d.code, d.path?.join("."), d.line, d.column])).toEqual([
      ["evidence-duplicate-unit", "1.code", 1, 27],
      ["evidence-empty-cell", "2.code", 1, 50],
    ]);
    expect(list.stats).toEqual({ rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
  });
});

describe("mergeEvidence", () => {
  const units = readEvidenceCsv(fixtureBytes("units.csv"), WARD_SCHEMA, { file: "units.csv" });

  it("merges files by unit; the registry gives the units; counts add up", () => {
    const long = readEvidenceCsv(fixtureBytes("inputs-long.vi.csv"), WARD_SCHEMA, { file: "l.csv", locale: "vi" });
    const points = readEvidenceCsv(fixtureBytes("points.vi.csv"), WARD_SCHEMA, { file: "p.csv", locale: "vi" });
    const json = readJsonText(text("evidence.json"), WARD_SCHEMA, { file: "e.json" });
    const set = mergeEvidence([units, long, points, json]);
    expect(set.units.map((u) => u.code)).toEqual(["phuc-dien", "co-nhue-1", "co-nhue-2", "xuan-dinh", "dong-ngac", "thuong-cat"]);
    expect(set.diagnostics).toEqual([]);
    expect(set.stats).toEqual({ rowsRead: 6 + 23 + 6 + 10, rowsUsed: 45, rowsRejected: 0 });
    expect(set.byUnit.get("phuc-dien")?.inputs.size).toBe(9);
    expect(set.byUnit.get("phuc-dien")?.points.size).toBe(3);
    expect(set.byUnit.get("co-nhue-2")?.inputs.size).toBe(0);
    expect(long.byUnit.get("phuc-dien")?.inputs.size).toBe(9); // parts are not modified
  });

  it("without a registry, the units are those seen, in order", () => {
    const long = readEvidenceCsv(fixtureBytes("inputs-long.en.csv"), WARD_SCHEMA);
    const wide = readEvidenceCsv(fixtureBytes("inputs-wide.vi.csv"), WARD_SCHEMA, { locale: "vi" });
    const set = mergeEvidence([long, wide]);
    expect(set.units.map((u) => [u.code, u.name])).toEqual([
      ["dong-ngac", "dong-ngac"],
      ["phuc-dien", "phuc-dien"],
      ["co-nhue-1", "co-nhue-1"],
    ]);
    // dong-ngac: 6530 in both files (repeated), 0.975 in both (repeated)
    expect(set.diagnostics.map((d) => d.code)).toEqual(["evidence-repeated", "evidence-repeated", "evidence-conflict"]);
    expect(set.diagnostics[2]).toMatchObject({ input: "has_inspection", unit: "dong-ngac", line: 4, column: 6 });
    expect(set.stats.rowsRejected).toBe(1);
  });

  it("a registry given to the merge rejects units of parts read without it", () => {
    const part = readEvidenceCsv("unit,input,value\nphuc-dien,budget_spent,1\nhoan-kiem,budget_spent,2\nhoan-kiem,remarks,x\n", WARD_SCHEMA, { file: "x.csv" });
    const set = mergeEvidence([part], units.registry);
    expect(set.diagnostics.map((d) => [d.code, d.unit, d.line])).toEqual([["evidence-unknown-unit", "hoan-kiem", 3]]);
    expect(set.stats).toEqual({ rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
    expect(set.byUnit.has("hoan-kiem")).toBe(false);
  });

  it("a wide row rejected for one cell keeps its other cells and is never counted as rejected twice", () => {
    const a = readEvidenceCsv("unit,budget_spent,online_rate\nphuc-dien,5,2\n", WARD_SCHEMA, { file: "a.csv" });
    expect(a.stats).toEqual({ rowsRead: 1, rowsUsed: 0, rowsRejected: 1 });
    expect(a.byUnit.get("phuc-dien")?.inputs.get("budget_spent")?.value.toString()).toBe("5");
    const b = readEvidenceCsv("unit,budget_spent\nphuc-dien,6\n", WARD_SCHEMA, { file: "b.csv" });
    const c = readEvidenceCsv("unit,input,value\nphuc-dien,budget_spent,7\n", WARD_SCHEMA, { file: "c.csv" });
    const set = mergeEvidence([b, a, c]);
    expect(set.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ["evidence-out-of-bounds", "a.csv"],
      ["evidence-conflict", "a.csv"],
      ["evidence-conflict", "c.csv"],
    ]);
    expect(set.stats).toEqual({ rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
  });

  it("points conflicts name both files", () => {
    const a = readEvidenceCsv("unit,criterion,self,appraised\nphuc-dien,1.1,2,2\n", WARD_SCHEMA, { file: "a.csv" });
    const b = readEvidenceCsv("unit,criterion,self,appraised\nphuc-dien,1.1,2,1.5\n", WARD_SCHEMA, { file: "b.csv" });
    const set = mergeEvidence([a, b]);
    expect(set.diagnostics.map((d) => [d.code, d.criterion, d.file, d.line])).toEqual([["evidence-conflict", "1.1", "b.csv", 2]]);
    expect(set.diagnostics[0]?.message).toContain("a.csv:2");
  });
});

describe("checkEvidence", () => {
  it("lists the required inputs each unit has not provided (blank counts as not provided)", () => {
    const units = readEvidenceCsv(fixtureBytes("units.csv"), WARD_SCHEMA);
    const long = readEvidenceCsv(fixtureBytes("inputs-long.vi.csv"), WARD_SCHEMA, { locale: "vi" });
    const report = checkEvidence(WARD_SCHEMA, mergeEvidence([units, long]));
    const byUnit = Object.fromEntries(report.map((r) => [r.unit, r.missing]));
    expect(byUnit["phuc-dien"]).toEqual([]);
    expect(byUnit["co-nhue-1"]).toEqual([]);
    // sipas_overall is not_applicable and remarks is zero: never required
    expect(byUnit["xuan-dinh"]).toEqual(["dossiers_on_time", "budget_spent"]);
    expect(byUnit["co-nhue-2"]).toEqual([
      "dossiers_received",
      "dossiers_on_time",
      "online_rate",
      "plan_issued_on",
      "has_inspection",
      "report_status",
      "budget_spent",
    ]);
    expect(report.find((r) => r.unit === "co-nhue-2")?.name).toBe("Cổ Nhuế 2");
  });
});

describe("node loader", () => {
  it("loads registry, evidence (CSV and JSON) and points files with per-file locales and progress", async () => {
    const progress: string[] = [];
    const files: string[] = [];
    const set = await loadEvidence(
      {
        units: fixturePath("units.csv"),
        evidence: [fixturePath("inputs-long.vi.csv"), { path: fixturePath("inputs-long.en.csv"), locale: "en" }, fixturePath("evidence.json")],
        points: [fixturePath("points.vi.csv")],
        locale: "vi",
        progressEvery: 5,
        onProgress: (p) => progress.push(`${p.file.split("/").pop()}:${p.rows}`),
        onFile: (f) => files.push(`${f.file.split("/").pop()} ${f.kind} ${f.delimiter ?? "-"} ${f.locale}`),
      },
      WARD_SCHEMA,
    );
    expect(set.diagnostics).toEqual([]);
    expect(set.stats).toEqual({ rowsRead: 6 + 23 + 6 + 10 + 6, rowsUsed: 51, rowsRejected: 0 });
    expect(set.units).toHaveLength(6);
    expect(progress).toContain("inputs-long.vi.csv:5");
    expect(progress).toContain("inputs-long.vi.csv:23");
    expect(progress).toContain("evidence.json:10");
    expect(files).toEqual([
      "units.csv registry , vi",
      "inputs-long.vi.csv inputs-long ; vi",
      "inputs-long.en.csv inputs-long , en",
      "evidence.json evidence-json - en",
      "points.vi.csv points ; vi",
    ]);
  });

  it("reports unknown units on their own line when a registry is given", async () => {
    const set = await loadEvidence({ units: fixturePath("units.csv"), evidence: [fixturePath("broken/unknown-unit.csv")] }, WARD_SCHEMA);
    expect(set.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["evidence-unknown-unit", 3, 1]]);
  });

  it("rejects a file of the wrong kind and reports unreadable files", async () => {
    const wrong = await readUnitsFile(fixturePath("inputs-long.en.csv"));
    expect(wrong.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["evidence-wrong-file-kind", 1, 1]]);
    expect(wrong.stats).toEqual({ rowsRead: 6, rowsUsed: 0, rowsRejected: 6 });
    const points = await loadEvidence({ points: [fixturePath("inputs-long.en.csv")] }, WARD_SCHEMA);
    expect(points.diagnostics.map((d) => d.code)).toEqual(["evidence-wrong-file-kind"]);
    const missing = await readEvidenceFile(fixturePath("no-such-file.csv"), WARD_SCHEMA);
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["evidence-unreadable"]);
    const json = await readUnitsFile(fixturePath("units.json"));
    expect(json.registry).toHaveLength(3);
  });
});

describe("JSON evidence keys that reach object internals", () => {
  it("refuses __proto__ as a unit code with forbidden-key at its line and column, and counts its entries as rejected", () => {
    const text = '{\n  "units": {\n    "__proto__": { "points": { "total": { "appraised": 1 } } },\n    "dong-da": { "points": { "total": { "appraised": 90 } } }\n  }\n}\n';
    const schema = { inputs: new Map(), criteria: new Set(["total"]) };
    const part = readJsonText(text, schema, { file: "p.json" });
    expect(part.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["forbidden-key", 3, 5]]);
    expect([...part.byUnit.keys()]).toEqual(["dong-da"]);
    expect(part.stats).toEqual({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(Object.prototype.hasOwnProperty.call({}, "total")).toBe(false);
  });
});
