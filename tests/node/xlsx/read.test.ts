import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../../cli/helpers.js";
import { type Cell, excelLike, type SheetSpec } from "./excel-like.js";
import { serialToIso, classifyFormat } from "../../../src/node/xlsx/workbook.js";
import { formatDiagnostic } from "../../../src/diagnostics/index.js";
import { formatValue } from "../../../src/core/value.js";
import { readEvidenceParts } from "../../../src/node/evidence.js";
import { WARD_SCHEMA } from "../../evidence/helpers.js";

const W = "fixtures/hanoi/wards";
const dir = mkdtempSync(join(tmpdir(), "par-xlsx-"));

function csvRows(path: string): string[][] {
  return readFileSync(path, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l !== "")
    .map((l) => l.split(";"));
}

/** A Vietnamese number cell ("0,5") as the number Excel would store; other text as text. */
function typed(text: string, percent = false): Cell {
  if (text === "") return null;
  if (/^-?\d+(,\d+)?$/.test(text)) {
    const n = Number(text.replace(",", "."));
    return percent ? { n: Number((n / 100).toPrecision(15)), fmt: "pct" } : n;
  }
  return text;
}

/** A sheet with a merged two-row title block above the header, as offices lay them out. */
function sheetOf(name: string, rows: string[][], percentFrom = Infinity): SheetSpec {
  const [header, ...data] = rows;
  return {
    name,
    rows: [
      ["UBND QUẬN BẮC TỪ LIÊM"],
      ["BẢNG TỔNG HỢP SỐ LIỆU CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"],
      null,
      header!,
      ...data.map((r) => r.map((c, i) => (i === 0 ? c : typed(c, i >= percentFrom)))),
    ],
    merges: ["A1:F1", "A2:F2"],
  };
}

async function write(name: string, sheets: SheetSpec[], options: { date1904?: boolean } = {}): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await excelLike(sheets, options));
  return path;
}

const FW = ["--framework", "frameworks/hanoi-ward-2024.yaml"];

describe("reading .xlsx evidence", () => {
  it("scores a workbook (title block, merged title cells, numbers, percent-formatted cells) exactly as the same data in CSV", async () => {
    const book = await write("wards.xlsx", [
      sheetOf("Đơn vị", csvRows(`${W}/units.csv`)),
      sheetOf("Tự chấm", csvRows(`${W}/points.csv`)),
      sheetOf("SIPAS", csvRows(`${W}/sipas.csv`), 1),
    ]);
    const viaCsv = await cli("score", ...FW, "--units", `${W}/units.csv`, "--points", `${W}/points.csv`, "--evidence", `${W}/sipas.csv`, "--locale", "vi");
    const viaXlsx = await cli("score", ...FW, "--units", book, "--evidence", book);
    expect(viaCsv.code).toBe(0);
    const csv = JSON.parse(viaCsv.stdout);
    const xlsx = JSON.parse(viaXlsx.stdout);
    expect(xlsx.units).toEqual(csv.units);
    expect(xlsx.units.length).toBe(21);
    // The units workbook's other sheets are not registries: skipped with a warning naming them.
    const skipped = xlsx.diagnostics.filter((d: { code: string }) => d.code === "xlsx-sheet-skipped");
    expect(skipped.map((d: { sheet: string; severity: string }) => `${d.severity} ${d.sheet}`).sort()).toEqual(["warning SIPAS", "warning Tự chấm"]);
    expect(viaXlsx.code).toBe(0);
    const verbose = await cli("score", ...FW, "--units", book, "--evidence", book, "--verbose", "--format", "csv", "--lang", "en");
    expect(verbose.stderr).toContain(`${book}:Tự chấm: points table (unit,criterion,self,appraised), locale en; rows read 802, used 802, rejected 0`);
  });

  it("reads dates (1900 and 1904 systems, dd/mm/yyyy formats and typed text), booleans, ratios, formulas' cached values", async () => {
    expect(serialToIso(45306, false)).toBe("2024-01-15");
    expect(serialToIso(43844, true)).toBe("2024-01-15");
    expect(serialToIso(59, false)).toBe("1900-02-28");
    expect(serialToIso(61, false)).toBe("1900-03-01");
    expect(serialToIso(60, false)).toBeUndefined();
    expect(classifyFormat(164, "dd/mm/yyyy;@")).toBe("date");
    expect(classifyFormat(165, '[$-42A]dd" tháng "mm" năm "yyyy')).toBe("date");
    expect(classifyFormat(166, "0.00%")).toBe("percent");
    expect(classifyFormat(167, "#,##0.00")).toBe("number");
    expect(classifyFormat(168, "[Red]#,##0")).toBe("number");
    expect(classifyFormat(21, undefined)).toBe("time");
    for (const date1904 of [false, true]) {
      const serial = date1904 ? 43844 : 45306;
      const book = await write(`dates-${date1904}.xlsx`, [
        { name: "Hướng dẫn", rows: [["Điền số liệu vào sheet Số liệu"], ["Mỗi dòng một chỉ tiêu"]] },
        {
          name: "Số liệu",
          firstColumn: 2,
          rows: [
            ["Bảng số liệu năm 2024"],
            ["unit", "input", "value", "note"],
            ["phuc-dien", "plan_issued_on", { n: serial, fmt: "dmy" }, "ngày ký"],
            ["co-nhue-1", "plan_issued_on", { n: serial + 1.75, fmt: "date" }],
            ["dong-ngac", "plan_issued_on", "15/01/2024"],
            ["phuc-dien", "has_inspection", { b: true }],
            ["co-nhue-1", "has_inspection", { b: false, f: "D9>0" }],
            ["dong-ngac", "has_inspection", "có"],
            ["phuc-dien", "online_rate", { n: 0.9933, fmt: "pct" }],
            ["co-nhue-1", "online_rate", { n: 0.1 + 0.2, f: "0.1+0.2" }],
            ["dong-ngac", "online_rate", "99,33%"],
            ["phuc-dien", "sipas_overall", { n: 0.9427, fmt: "pct" }],
            ["co-nhue-1", "sipas_overall", { n: 94.27 }],
            ["phuc-dien", "dossiers_received", { n: 397857, f: "SUM(D20:D30)" }],
            ["co-nhue-1", "dossiers_received", "397.857"],
            ["phuc-dien", "report_status", { str: "on_time", f: "IF(D3>0,\"on_time\",\"late\")" }],
            ["co-nhue-1", "remarks", { inline: "=SUM(A1)" }],
          ],
        },
      ], { date1904 });
      const parts = await readEvidenceParts(book, WARD_SCHEMA, { locale: "vi" });
      expect(parts.map((p) => p.kind)).toEqual(["unknown", "inputs-long"]);
      expect(parts[0]!.diagnostics.map((d) => [d.code, d.sheet])).toEqual([["xlsx-no-header", "Hướng dẫn"]]);
      const part = parts[1]!;
      expect(part.diagnostics).toEqual([]);
      expect(part.stats).toEqual({ rowsRead: 15, rowsUsed: 15, rowsRejected: 0 });
      const v = (unit: string, input: string) => formatValue(part.byUnit.get(unit)!.inputs.get(input)!.value);
      expect([v("phuc-dien", "plan_issued_on"), v("co-nhue-1", "plan_issued_on"), v("dong-ngac", "plan_issued_on")]).toEqual(["2024-01-15", "2024-01-16", "2024-01-15"]);
      expect([v("phuc-dien", "has_inspection"), v("co-nhue-1", "has_inspection"), v("dong-ngac", "has_inspection")]).toEqual(["true", "false", "true"]);
      expect([v("phuc-dien", "online_rate"), v("co-nhue-1", "online_rate"), v("dong-ngac", "online_rate")]).toEqual(["0.9933", "0.30000000000000004", "0.9933"]);
      expect([v("phuc-dien", "sipas_overall"), v("co-nhue-1", "sipas_overall")]).toEqual(["94.27", "94.27"]);
      expect([v("phuc-dien", "dossiers_received"), v("co-nhue-1", "dossiers_received")]).toEqual(["397857", "397857"]);
      expect(v("phuc-dien", "report_status")).toBe('"on_time"');
      expect(v("co-nhue-1", "remarks")).toBe('"=SUM(A1)"');
      expect(part.byUnit.get("phuc-dien")!.inputs.get("plan_issued_on")!.where).toMatchObject({ sheet: "Số liệu", line: 3, column: 4 });
    }
  });

  it("reports error values, merged data cells, unknown columns and Vietnamese numbers in an en file at their sheet and cell", async () => {
    const book = await write("bad.xlsx", [
      {
        name: "Số liệu",
        rows: [
          ["TỔNG HỢP"],
          null,
          ["unit", "sipas.access", "sipas.procedures", "ghi chu"],
          ["btl-co-nhue-1", { e: "#DIV/0!", f: "B10/C10" }, { n: 0.9541, fmt: "pct" }],
          ["btl-co-nhue-2", "87,32", { n: 0.8583, fmt: "pct" }],
          ["btl-dong-ngac", { n: 0.8181, fmt: "pct" }, { e: "#N/A" }],
          ["btl-lien-mac", 88.5, 90],
          [null, 80, 81],
          ["btl-minh-khai", "1.234,5", 90],
        ],
        merges: ["A1:D1", "A7:A8"],
      },
    ]);
    const r = await cli("score", ...FW, "--units", `${W}/units.csv`, "--locale", "vi", "--evidence", book, "--points", `${W}/points.csv`, "--lang", "en");
    const json = JSON.parse(r.stdout);
    const ds = json.diagnostics.filter((d: { file?: string }) => d.file === book);
    const at = (code: string) => ds.filter((d: { code: string }) => d.code === code).map((d: { sheet: string; line: number; column: number }) => `${d.sheet}!${d.line}:${d.column}`);
    expect(at("xlsx-error-value")).toEqual(["Số liệu!4:2", "Số liệu!6:3"]);
    expect(at("xlsx-merged-data")).toEqual(["Số liệu!7:1"]);
    expect(at("evidence-unknown-header")).toEqual(["Số liệu!3:4"]);
    expect(at("evidence-empty-cell")).toEqual(["Số liệu!8:1"]);
    expect(at("evidence-out-of-bounds")).toEqual(["Số liệu!9:2"]);
    // rows read = used + rejected, per sheet
    const part = (await readEvidenceParts(book, WARD_SCHEMA, { locale: "vi" }))[0]!;
    expect(part.stats.rowsRead).toBe(part.stats.rowsUsed + part.stats.rowsRejected);
    const err = ds.find((d: { code: string }) => d.code === "xlsx-error-value");
    expect(formatDiagnostic(err)).toContain(`${book}:Số liệu!B4: error xlsx-error-value: the cell holds the error value #DIV/0!`);
    // A second row under the header that numbers the columns, as official tables do: skipped with a warning.
    const numbered = await write("numbered.xlsx", [
      { name: "Số liệu", rows: [["unit", "online_rate", "sipas_overall"], ["(1)", "(2)", "(3)"], ["phuc-dien", 0.9288, 95.41]] },
    ]);
    const [np] = await readEvidenceParts(numbered, WARD_SCHEMA);
    expect(np!.diagnostics.map((d) => d.code)).toEqual(["xlsx-numbering-row"]);
    expect(np!.diagnostics.map((d) => `${d.severity} ${d.sheet}!${d.line}`)).toEqual(["warning Số liệu!2"]);
    expect(np!.stats).toEqual({ rowsRead: 1, rowsUsed: 1, rowsRejected: 0 });
    const vi = JSON.parse((await cli("score", ...FW, "--units", `${W}/units.csv`, "--locale", "vi", "--evidence", book, "--points", `${W}/points.csv`)).stdout);
    expect(vi.diagnostics.find((d: { code: string }) => d.code === "xlsx-merged-data").message).toContain("bị gộp (merge) trong vùng số liệu");
    expect(r.code).toBe(1);
  });
});

describe("files that are not readable workbooks", () => {
  const cfb = (extra: string): Uint8Array => {
    const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    return Buffer.concat([head, Buffer.alloc(504), Buffer.from(extra, "utf16le"), Buffer.alloc(512)]);
  };
  it.each([
    ["old.xlsx", cfb("Workbook"), "xlsx-not-workbook", "Excel 97-2003"],
    ["locked.xlsx", cfb("EncryptionInfo"), "xlsx-not-workbook", "password"],
    ["renamed.xlsx", Buffer.from("unit,input,value\nphuc-dien,online_rate,0.9\n"), "xlsx-not-workbook", "CSV file renamed"],
    ["binary.xlsx", Buffer.from([0, 1, 2, 3, 255, 254]), "xlsx-not-workbook", "not a zip package"],
    ["broken.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 7)]), "xlsx-not-workbook", "not a zip package"],
  ])("%s: one error naming the file and how to fix it", async (name, bytes, code, words) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const parts = await readEvidenceParts(path, WARD_SCHEMA);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.diagnostics.map((d) => [d.code, d.file])).toEqual([[code, path]]);
    expect(parts[0]!.diagnostics[0]!.message).toContain(words);
  });

  it("a zip package without a workbook part, and a sheet whose XML is cut off", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const path = join(dir, "letter.xlsx");
    writeFileSync(path, await zip.generateAsync({ type: "uint8array" }));
    expect((await readEvidenceParts(path, WARD_SCHEMA))[0]!.diagnostics[0]!.params).toEqual({ reason: "not-workbook" });
    const good = await JSZip.loadAsync(await excelLike([{ name: "S", rows: [["unit", "online_rate"], ["phuc-dien", 0.5]] }]));
    const sheet = (await good.file("xl/worksheets/sheet1.xml")!.async("string")).replace("</sheetData>", "<row><c r=\"A9\"><v>1</v>");
    good.file("xl/worksheets/sheet1.xml", sheet);
    const cut = join(dir, "cut.xlsx");
    writeFileSync(cut, await good.generateAsync({ type: "uint8array" }));
    const parts = await readEvidenceParts(cut, WARD_SCHEMA);
    expect(parts.map((p) => p.diagnostics.map((d) => `${d.code} ${d.sheet}`))).toEqual([["xlsx-unreadable S"]]);
  });

  it("a sheet with a row number beyond Excel's 1,048,576 rows is cut there with an error; the rows before are read", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await excelLike([{ name: "S", rows: [["unit", "online_rate"], ["phuc-dien", 0.5]] }]));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace(
      "</sheetData>",
      '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>co-nhue-1</t></is></c><c r="B1048576"><v>0.25</v></c></row><row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    );
    zip.file("xl/worksheets/sheet1.xml", sheet);
    const path = join(dir, "tall.xlsx");
    writeFileSync(path, await zip.generateAsync({ type: "uint8array" }));
    const [part] = await readEvidenceParts(path, WARD_SCHEMA);
    expect(part!.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(["xlsx-too-many-rows 1048577"]);
    expect(part!.stats).toEqual({ rowsRead: 2, rowsUsed: 2, rowsRejected: 0 });
    expect(part!.byUnit.get("co-nhue-1")!.inputs.get("online_rate")!.where).toMatchObject({ line: 1048576 });
  });
});

describe("survey responses from .xlsx", () => {
  it("score --survey --responses R.xlsx equals the same responses in CSV; a bad answer is named by sheet and cell", async () => {
    const rows = csvRows(`${W}/sipas-responses.csv`);
    const book = await write("phieu-khao-sat.xlsx", [
      { name: "Hướng dẫn", rows: [["Mỗi dòng là một phiếu khảo sát"]] },
      sheetOf("Phiếu", rows),
    ]);
    const common = [...FW, "--units", `${W}/units.csv`, "--points", `${W}/points.csv`, "--locale", "vi", "--survey", "frameworks/sipas-2023.yaml"];
    const viaCsv = await cli("score", ...common, "--responses", `${W}/sipas-responses.csv`);
    const viaXlsx = await cli("score", ...common, "--responses", book);
    expect(viaXlsx.code).toBe(0);
    expect(JSON.parse(viaXlsx.stdout).units).toEqual(JSON.parse(viaCsv.stdout).units);
    const bad = rows.map((r) => [...r]);
    bad[3]![5] = "9";
    const badBook = await write("phieu-sai.xlsx", [sheetOf("Phiếu", bad)]);
    const r = JSON.parse((await cli("score", ...common, "--responses", badBook)).stdout);
    const d = r.diagnostics.find((x: { file?: string }) => x.file === badBook);
    // Header on row 4, so data row 3 of the CSV is sheet row 7; the answer is in column F.
    expect(d).toMatchObject({ sheet: "Phiếu", line: 7, column: 6 });
    expect(formatDiagnostic(d)).toContain(`${badBook}:Phiếu!F7:`);
  });
});
