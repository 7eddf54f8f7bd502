import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { cli } from "../../cli/helpers.js";
import { workbookBytes } from "../../../src/node/xlsx/write.js";
import { openWorkbook } from "../../../src/node/xlsx/workbook.js";
import { sheetName } from "../../../src/report/workbook.js";

const W = "fixtures/hanoi/wards";
const FW = ["--framework", "frameworks/hanoi-ward-2024.yaml"];
const dir = mkdtempSync(join(tmpdir(), "par-xlsx-w-"));

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every worksheet's XML: no formula element anywhere. */
async function formulas(path: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  let n = 0;
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))) {
    n += ((await zip.file(name)!.async("string")).match(/<f[ >]/g) ?? []).length;
  }
  return n;
}

describe("score --format xlsx", () => {
  it("writes the results decision's table, one sheet per ranking.within group, tidy detail and diagnostics, read back cell by cell", async () => {
    const out = join(dir, "ket-qua.xlsx");
    const args = [...FW, "--units", `${W}/units.csv`, "--points", `${W}/points.csv`, "--evidence", `${W}/sipas.csv`, "--locale", "vi"];
    const r = await cli("score", ...args, "--format", "xlsx", "--out", out);
    expect(r.code).toBe(0);
    const json = JSON.parse((await cli("score", ...args)).stdout);
    const wb = await load(out);
    const groups = [...new Set(json.units.map((u: { unit: string }) => u.unit.split("-")[0]))];
    expect(groups.length).toBeGreaterThan(0);
    const names = wb.worksheets.map((s) => s.name);
    expect(names[0]).toBe("Xếp hạng");
    expect(names.slice(-2)).toEqual(["Chi tiết", "Chẩn đoán"]);
    const ranking = wb.getWorksheet("Xếp hạng")!;
    // Title block (merged), a blank line, field captions, then the header row, frozen, with an autofilter.
    expect(ranking.getCell("A1").value).toBe("KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH");
    expect(ranking.getCell("A1").isMerged).toBe(true);
    const header = ranking.getRow(6).values as unknown[];
    expect(header.slice(1, 5)).toEqual(["STT", "Mã", "Đơn vị", "parent"]);
    expect(header).toContain("Tổng điểm");
    expect(header).toContain("Điểm tối đa");
    expect(header).toContain("Xếp loại");
    expect(header.at(-1)).toBe("Ghi chú");
    expect(ranking.getCell("E5").value).toMatch(/^1\. /);
    expect(ranking.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    expect(ranking.autoFilter).toBeTruthy();
    // Every unit once, each number a numeric cell with the framework's 2 decimals, equal to the JSON.
    const col = (h: string) => header.indexOf(h);
    const byCode = new Map(json.units.map((u: { unit: string }) => [u.unit, u]));
    for (let r = 7; r < 7 + json.units.length; r++) {
      const row = ranking.getRow(r);
      const u = byCode.get(row.getCell(2).value as string) as { index: number; points: number; max: number; rank: number; grade: string };
      expect(u).toBeDefined();
      const indexCell = row.getCell(header.lastIndexOf("Chỉ số (%)"));
      expect(indexCell.type).toBe(ExcelJS.ValueType.Number);
      expect(indexCell.value).toBe(u.index);
      expect(indexCell.numFmt).toBe("0.00");
      expect(row.getCell(col("Tổng điểm")).value).toBe(u.points);
      expect(row.getCell(col("Điểm tối đa")).value).toBe(u.max);
      expect(row.getCell(col("Xếp hạng")).value).toBe(u.rank);
      expect(row.getCell(col("Xếp loại")).value).toBe(u.grade);
      expect(row.getCell(1).value).toBe(r - 6);
    }
    // Group sheets hold each group's units, ranks 1, 2, ...
    const groupSheets = wb.worksheets.filter((s) => s.name.startsWith("Xếp hạng - "));
    expect(groupSheets.map((s) => s.name).sort()).toEqual(["Xếp hạng - bac-tu-liem", "Xếp hạng - cau-giay"]);
    for (const s of groupSheets) expect(s.getCell("A7").value).toBe(1);
    let rows = 0;
    for (const s of groupSheets) rows += s.actualRowCount - 5;
    expect(rows).toBe(json.units.length);
    // Tidy detail: one row per unit × node.
    const detail = wb.getWorksheet("Chi tiết")!;
    expect((detail.getRow(1).values as unknown[]).slice(1)).toEqual(["Mã", "Đơn vị", "Tiêu chí", "Nội dung", "Điểm", "Điểm tối đa", "Chỉ số (%)", "Trạng thái", "Điểm tự chấm", "Chênh lệch tự chấm"]);
    expect(detail.actualRowCount - 1).toBe(json.units.length * json.units[0].criteria.length);
    const first = json.units[0];
    expect(detail.getCell("A2").value).toBe(first.unit);
    expect(detail.getCell("C2").value).toBe(first.criteria[0].id);
    expect(detail.getCell("E2").value).toBe(first.criteria[0].points);
    expect(detail.getCell("H2").value).toBe("Đã chấm");
    expect(await formulas(out)).toBe(0);
  });

  it("never writes a formula: names starting with = + - @ tab or CR stay text; diagnostics land in Chẩn đoán", async () => {
    const units = join(dir, "units.csv");
    const hostile = ["=1+1", "+84912", "-5", "@SUM(A1)", '=HYPERLINK("http://x","y")', "-1+2"];
    writeFileSync(units, ["code,name,type,parent", ...hostile.map((n, i) => `u${i},"${n.replace(/"/g, '""')}",phuong,p`)].join("\n") + "\n");
    const points = join(dir, "points.csv");
    writeFileSync(points, ["unit,criterion,self,appraised", ...hostile.map((_, i) => `u${i},1.1.1,1,${i % 2 ? 1 : 0.5}`), "u9,1.1.1,1,1"].join("\n") + "\n");
    const out = join(dir, "hostile.xlsx");
    const r = await cli("score", ...FW, "--units", units, "--points", points, "--format", "xlsx", "--out", out, "--lang", "en");
    expect(r.code).toBe(1);
    const wb = await load(out);
    expect(wb.worksheets.map((s) => s.name).slice(-2)).toEqual(["Detail", "Diagnostics"]);
    const ranking = wb.getWorksheet("Ranking")!;
    const names: unknown[] = [];
    ranking.eachRow((row, n) => {
      if (n > 6) names.push(row.getCell(3).value);
    });
    expect(names.sort()).toEqual([...hostile].sort());
    for (const row of ranking.getRows(7, hostile.length) ?? []) expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    const diag = wb.getWorksheet("Diagnostics")!;
    const codes = (diag.getColumn(2).values as unknown[]).slice(2);
    expect(codes).toContain("evidence-unknown-unit");
    expect(codes).toContain("missing-points");
    expect(await formulas(out)).toBe(0);
  });

  it("sheet names are made valid and unique; --format xlsx without --out is a usage error", async () => {
    const taken = new Set<string>();
    expect(sheetName("Xếp hạng - a/b:c*d?[e]", taken)).toBe("Xếp hạng - a b c d  e");
    expect(sheetName("Xếp hạng - a/b:c*d?[e]", taken)).toBe("Xếp hạng - a b c d  e (2)");
    expect([...sheetName("x".repeat(40), taken)]).toHaveLength(31);
    const r = await cli("score", ...FW, "--points", `${W}/points.csv`, "--format", "xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format xlsx cần có --out");
    expect((await cli("score", ...FW, "--points", `${W}/points.csv`, "--lang", "fr")).code).toBe(2);
  });

  it("writes dates as dates, numbers with their decimals, validations, without time stamps", async () => {
    const bytes = await workbookBytes({
      sheets: [
        {
          name: "S",
          columns: [{ header: "d", type: "date" }, { header: "n", type: "number", decimals: 3 }, { header: "t" }],
          rows: [[{ date: "2024-01-15" }, 1.5, "=A1"], [null, null, "\tTab"], [null, null, "\r=CR"], [null, null, "@x"]],
          validations: [{ row: 0, column: 1, rule: { kind: "decimal", min: 0, max: 2, step: 0.25 } }],
        },
      ],
    });
    const path = join(dir, "typed.xlsx");
    writeFileSync(path, bytes);
    const s = (await load(path)).getWorksheet("S")!;
    expect(s.getCell("A2").value).toEqual(new Date(Date.UTC(2024, 0, 15)));
    expect(s.getCell("A2").numFmt).toBe("dd/mm/yyyy");
    expect(s.getCell("B2").numFmt).toBe("0.000");
    expect([s.getCell("C2").value, s.getCell("C3").value, s.getCell("C5").value]).toEqual(["=A1", "\tTab", "@x"]);
    // Our reader decodes Excel's _x000D_: the carriage return comes back as it was.
    const opened = await openWorkbook(path);
    if (!opened.ok) throw new Error(opened.reason);
    const texts: string[] = [];
    await opened.workbook.readSheet(opened.workbook.sheets[0]!, (_, cells) => {
      const c = cells[2];
      if (c?.kind === "text") texts.push(c.text);
    });
    expect(texts).toEqual(["t", "=A1", "\tTab", "\r=CR", "@x"]);
    for (const a of ["C2", "C3", "C4", "C5"]) expect(s.getCell(a).type).toBe(ExcelJS.ValueType.String);
    expect(s.getCell("B2").dataValidation).toMatchObject({ type: "custom" });
    expect(await formulas(path)).toBe(0);
    expect(Buffer.from(await workbookBytes({ sheets: [{ name: "S", columns: [{ header: "a" }], rows: [["x"]] }] })).length).toBeGreaterThan(0);
  });
});
