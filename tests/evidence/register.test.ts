import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CalendarDate } from "../../src/core/value.js";
import { checkDocuments, namesTitle } from "../../src/evidence/documents.js";
import { mergeEvidence } from "../../src/evidence/merge.js";
import { readEvidenceCsv } from "../../src/evidence/reader.js";
import { readRegisterCsv } from "../../src/evidence/register.js";
import { readJsonText } from "../../src/evidence/json.js";
import { evidenceSchemaOf } from "../../src/evidence/schema.js";
import type { CompiledFramework } from "../../src/framework/ir.js";
import { parseFramework } from "../../src/framework/index.js";
import { loadFrameworkFile } from "../../src/node/framework.js";

function framework(): CompiledFramework {
  const r = loadFrameworkFile("fixtures/trust/xa-2025.yaml");
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.framework;
}

const FW = framework();
const CRITERIA = new Set([...FW.nodes.map((n) => n.id), ...FW.adjustments.map((a) => a.id)]);
const UNITS = new Set(["ba-dinh", "ngoc-ha", "giang-vo", "cua-nam"]);

function evidence() {
  const schema = evidenceSchemaOf(FW);
  const units = readEvidenceCsv(readFileSync("fixtures/trust/units.csv"), schema, { file: "units.csv", locale: "vi" });
  const points = readEvidenceCsv(readFileSync("fixtures/trust/points.csv"), schema, { file: "points.csv", locale: "vi", registry: units.registry! });
  return mergeEvidence([units, points], units.registry);
}

describe("framework: evidence as a list of documents", () => {
  it("keeps evidence as one text and lists the documents when given as a list", () => {
    const n12 = FW.nodeById.get("1.2")!;
    expect(n12.documents).toEqual(["Báo cáo CCHC quý I", "Báo cáo CCHC quý II", "Báo cáo CCHC quý III", "Báo cáo CCHC năm"]);
    expect(n12.evidence).toBe("Báo cáo CCHC quý I; Báo cáo CCHC quý II; Báo cáo CCHC quý III; Báo cáo CCHC năm");
    const n13 = FW.nodeById.get("1.3")!;
    expect(n13.documents).toBeUndefined();
    expect(n13.evidence).toBe("Kế hoạch kiểm tra và báo cáo kết quả kiểm tra CCHC");
  });

  it("an empty list or a list of non-texts is a schema error at its line", () => {
    const text = `format: par-index/v1
id: t
year: 2025
source: "thử"
criteria:
  - { id: "1", title: "A", max: 1, rule: { manual: {} }, evidence: [] }
  - { id: "2", title: "B", max: 1, rule: { manual: {} }, evidence: [1, 2] }
`;
    const r = parseFramework(text, { filename: "t.yaml" });
    expect(r.ok).toBe(false);
    expect([...new Set(r.diagnostics.map((d) => d.line))]).toEqual([6, 7]);
  });
});

describe("document register", () => {
  it("reads the Vietnamese register (BOM, ';', CRLF, dd/mm/yyyy)", () => {
    const r = readRegisterCsv(readFileSync("fixtures/trust/register.csv", "utf8"), { file: "register.csv", locale: "vi", units: UNITS, criteria: CRITERIA });
    expect(r.diagnostics).toEqual([]);
    expect(r.rows).toBe(11);
    expect(r.entries[0]).toMatchObject({ unit: "ba-dinh", criterion: "1.2", document: "Báo cáo CCHC quý I", number: "35/BC-UBND", where: { file: "register.csv", line: 2 } });
    expect(r.entries[0]!.date!.toString()).toBe("2025-03-28");
    expect(r.entries[4]!.link).toBe("https://example.org/ba-dinh/niem-yet.jpg");
  });

  it("reports an unknown unit, an unknown criterion, an empty document, a bad date and a document dated after the appraisal, each at its line and cell", () => {
    const text = [
      "unit;criterion;document;number;date;link",
      "ba-dinh;1.2;Báo cáo CCHC quý I;35/BC-UBND;28/03/2025;",
      "phuc-xa;1.2;Báo cáo CCHC quý I;35/BC-UBND;28/03/2025;",
      "ba-dinh;1.9;Báo cáo CCHC quý I;35/BC-UBND;28/03/2025;",
      "ba-dinh;1.2;;35/BC-UBND;28/03/2025;",
      "ba-dinh;1.2;Báo cáo CCHC năm;180/BC-UBND;31/02/2025;",
      "ba-dinh;1.2;Báo cáo CCHC năm;180/BC-UBND;05/12/2025;",
    ].join("\n");
    const r = readRegisterCsv(text, { file: "sổ.csv", locale: "vi", units: UNITS, criteria: CRITERIA, appraisedOn: CalendarDate.of(2025, 11, 30)! });
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["evidence-unknown-unit", 3, 1],
      ["evidence-unknown-criterion", 4, 2],
      ["evidence-empty-cell", 5, 3],
      ["evidence-wrong-type", 6, 5],
      ["register-document-after-appraisal", 7, 5],
    ]);
    expect(r.diagnostics[4]!.message).toContain("dated 05/12/2025, after the appraisal on 30/11/2025");
    expect(r.diagnostics[1]!.message).toContain("Did you mean");
    // Only the good row is kept: nothing is applied silently.
    expect(r.entries).toHaveLength(1);
    expect(r.rows).toBe(6);
  });

  it("a register without the document column, or with an unknown column, is refused at the header", () => {
    const r = readRegisterCsv("unit,criterion,number,date\nba-dinh,1.2,35/BC-UBND,28/03/2025\n", { criteria: CRITERIA });
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([["evidence-missing-header", 1]]);
    expect(r.entries).toEqual([]);
    const u = readRegisterCsv("unit,criterion,document,ngay\nba-dinh,1.2,x,1\n", { criteria: CRITERIA });
    expect(u.diagnostics.map((d) => d.code)).toEqual(["evidence-unknown-header"]);
    expect(readRegisterCsv("", { criteria: CRITERIA }).diagnostics.map((d) => d.code)).toEqual(["evidence-empty-file"]);
  });
});

describe("claims and their documents", () => {
  it("names a required title by the same text or the title followed by more words", () => {
    expect(namesTitle("Kế hoạch CCHC năm 2025 số 12/KH-UBND", "Kế hoạch CCHC năm")).toBe(true);
    expect(namesTitle("kế hoạch  cchc NĂM", "Kế hoạch CCHC năm")).toBe(true);
    expect(namesTitle("Báo cáo CCHC quý II", "Báo cáo CCHC quý I")).toBe(false);
    // Decomposed Vietnamese (o + combining marks) is the same text.
    expect(namesTitle("Báo cáo CCHC năm".normalize("NFD"), "Báo cáo CCHC năm")).toBe(true);
  });

  it("warns self-without-evidence for a claim with neither a document nor a note, and lists missing documents", () => {
    const reg = readRegisterCsv(readFileSync("fixtures/trust/register.csv", "utf8"), { file: "register.csv", locale: "vi", units: UNITS, criteria: CRITERIA });
    const check = checkDocuments(FW, evidence(), reg.entries);
    expect(check.diagnostics.map((d) => [d.code, d.unit, d.criterion, d.file, d.line])).toEqual([
      ["self-without-evidence", "ngoc-ha", "2.1", "points.csv", 9],
      ["self-without-evidence", "giang-vo", "1.1", "points.csv", 10],
    ]);
    const claim = (u: string, c: string) => check.claims.find((x) => x.unit === u && x.criterion === c)!;
    // Explained by a note: no warning, but still a claim without documents.
    expect(claim("ngoc-ha", "1.1")).toMatchObject({ explained: true, documents: [], missing: ["Kế hoạch CCHC năm"] });
    expect(claim("ba-dinh", "1.2").missing).toEqual(["Báo cáo CCHC quý III", "Báo cáo CCHC năm"]);
    expect(claim("ba-dinh", "1.1").documents).toEqual([{ document: "Kế hoạch CCHC năm 2025 số 12/KH-UBND", source: "points" }]);
    expect(claim("giang-vo", "1.2").missing).toEqual([]);
    expect(claim("cua-nam", "2.1").missing).toEqual(["Ảnh chụp nơi niêm yết"]);
    // evidence as one text: any document will do.
    expect(claim("ba-dinh", "1.3").missing).toEqual([]);
    // A self score of 0 is not a claim.
    expect(check.claims.some((c) => c.unit === "ngoc-ha" && c.criterion === "1.3")).toBe(false);
  });
});

describe("documents in the points table", () => {
  it("reads the CSV documents column as ';'-separated items (quoted in a ';' file), NFC", () => {
    const ev = evidence();
    expect(ev.byUnit.get("ngoc-ha")!.points.get("1.2")!.documents).toEqual([
      "Báo cáo CCHC quý I số 30/BC-UBND",
      "Báo cáo CCHC quý II số 71/BC-UBND",
      "Báo cáo CCHC quý III số 112/BC-UBND",
    ]);
    expect(ev.byUnit.get("ba-dinh")!.points.get("1.2")!.documents).toBeUndefined();
  });

  it("reads documents in JSON evidence as a list or one text; another shape is an error at its JSON path", () => {
    const schema = evidenceSchemaOf(FW);
    const ok = readJsonText(
      JSON.stringify({ units: { "ba-dinh": { points: { "1.1": { self: 1, documents: ["Kế hoạch CCHC năm 2025", " "] }, "1.2": { self: 2, documents: "Báo cáo CCHC quý I; Báo cáo CCHC quý II" } } } } }),
      schema,
      { file: "e.json" },
    );
    expect(ok.diagnostics).toEqual([]);
    expect(ok.byUnit.get("ba-dinh")!.points.get("1.1")!.documents).toEqual(["Kế hoạch CCHC năm 2025"]);
    expect(ok.byUnit.get("ba-dinh")!.points.get("1.2")!.documents).toEqual(["Báo cáo CCHC quý I", "Báo cáo CCHC quý II"]);
    const bad = readJsonText(JSON.stringify({ units: { "ba-dinh": { points: { "1.1": { self: 1, documents: [12] } } } } }), schema, { file: "e.json" });
    expect(bad.diagnostics.map((d) => [d.code, d.path?.join(".")])).toEqual([["evidence-json-shape", "units.ba-dinh.points.1.1.documents"]]);
    expect(bad.byUnit.get("ba-dinh")?.points.get("1.1")).toBeUndefined();
  });
});
