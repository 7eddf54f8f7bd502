import { describe, expect, it } from "vitest";
import type { AnalysisTable } from "../../src/analysis/tables.js";
import { analysisWorkbook } from "../../src/report/analysis-workbook.js";

const table = (id: string, title: string, rows: AnalysisTable["rows"], notes?: string[]): AnalysisTable => ({
  id,
  title,
  decimals: 2,
  columns: [
    { key: "id", heading: "Tiêu chí" },
    { key: "lost", heading: "Điểm mất", numeric: true },
    { key: "rank", heading: "Xếp hạng", numeric: true, integer: true },
  ],
  rows,
  ...(notes !== undefined && { notes }),
});

describe("analysisWorkbook", () => {
  it("maps each table to a sheet: column types from numeric/integer, the table's decimals, title and notes above", () => {
    const wb = analysisWorkbook([table("gaps", "Điểm bị mất theo tiêu chí (tất cả đơn vị: 228.59 điểm)", [["1.1.2", 14, 1]], ["Ghi chú: số liệu minh họa"])]);
    expect(wb.sheets).toHaveLength(1);
    const s = wb.sheets[0]!;
    expect(s.name).toBe("Điểm bị mất theo tiêu chí");
    expect(s.title).toEqual(["Điểm bị mất theo tiêu chí (tất cả đơn vị: 228.59 điểm)", "Ghi chú: số liệu minh họa"]);
    expect(s.columns).toEqual([{ header: "Tiêu chí" }, { header: "Điểm mất", type: "number", decimals: 2 }, { header: "Xếp hạng", type: "integer" }]);
    expect(s.rows).toEqual([["1.1.2", 14, 1]]);
  });

  it("sheet names are valid and unique for Excel: forbidden characters replaced, at most 31 characters, cut at a word", () => {
    const long = "Số tiêu chí ít nhất để đạt mục tiêu xếp hạng";
    const wb = analysisWorkbook([table("a", "Đơn vị", []), table("b", "Đơn vị", []), table("c", long, []), table("d", "Nhóm [a/b]*?", [])]);
    const names = wb.sheets.map((s) => s.name);
    expect(names).toEqual(["Đơn vị", "Đơn vị (2)", "Số tiêu chí ít nhất để đạt mục", "Nhóm  a b"]);
    for (const n of names) {
      expect([...n].length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(analysisWorkbook([table("a", "Đơn vị", [])], { taken: new Set(["đơn vị"]) }).sheets[0]!.name).toBe("Đơn vị (2)");
  });

  it("keeps formula-like text as text, empty cells as null, and writes −0 as 0; short rows are padded", () => {
    const wb = analysisWorkbook([table("t", "T", [["=SUM(A1:A9)", -0, null], ["+84 912", -1.5]])]);
    expect(wb.sheets[0]!.rows).toEqual([
      ["=SUM(A1:A9)", 0, null],
      ["+84 912", -1.5, null],
    ]);
    expect(Object.is(wb.sheets[0]!.rows[0]![1], -0)).toBe(false);
  });
});
