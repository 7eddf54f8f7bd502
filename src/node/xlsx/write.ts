/**
 * Writes {@link WorkbookData} (plain tables) as an .xlsx file with exceljs, loaded
 * lazily so that nothing of it is loaded until a workbook is written. Every text
 * is a text cell (never a formula), numbers are numeric cells with their column's
 * number format, the header row is frozen with an autofilter.
 */
import { writeFile } from "node:fs/promises";
import type { CellData, ColumnSpec, SheetData, Validation, WorkbookData } from "../../report/workbook.js";
import { numberFormat } from "../../report/workbook.js";

type ExcelJs = typeof import("exceljs");
type Worksheet = import("exceljs").Worksheet;
type DataValidation = import("exceljs").DataValidation;

let loaded: Promise<ExcelJs> | undefined;
async function excel(): Promise<ExcelJs> {
  loaded ??= import("exceljs").then((m) => ((m as { default?: ExcelJs }).default ?? m) as ExcelJs);
  return loaded;
}

function columnLetters(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function displayLength(cell: CellData, column: ColumnSpec): number {
  if (cell === null) return 0;
  if (typeof cell === "number") return String(cell).length + (column.decimals ?? 0) + 1;
  if (typeof cell === "object") return 10;
  return [...String(cell)].length;
}

function toExcelValue(cell: CellData): string | number | boolean | Date | null {
  if (cell === null) return null;
  if (typeof cell === "object") {
    const [y, m, d] = cell.date.split("-").map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  // XML turns a carriage return into a line feed: store it as Excel does (_x000D_), escaping a literal "_xHHHH_".
  if (typeof cell === "string" && (cell.includes("\r") || cell.includes("_x"))) {
    return cell.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/\r/g, "_x000D_");
  }
  return cell;
}

/** The data validation of one cell, for exceljs. */
function validationOf(rule: Validation, address: string): DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop" as const, ...(rule.message === undefined ? {} : { error: rule.message }) };
  switch (rule.kind) {
    case "decimal":
      if (rule.step !== undefined) {
        // A multiple of the step, compared on integers so that 0.25 steps are exact.
        const scale = 1_000_000;
        const formula = `AND(ISNUMBER(${address}),${address}>=${rule.min},${address}<=${rule.max},MOD(ROUND(${address}*${scale},0),ROUND(${rule.step}*${scale},0))=0)`;
        return { type: "custom", formulae: [formula], ...common };
      }
      return { type: "decimal", operator: "between", formulae: [rule.min, rule.max], ...common };
    case "whole":
      return { type: "whole", operator: "between", formulae: [rule.min ?? 0, rule.max ?? 2_147_483_647], ...common };
    case "list":
      return { type: "list", formulae: [`"${rule.values.map((v) => v.replace(/"/g, '""')).join(",")}"`], ...common };
    case "date":
      return { type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1900, 0, 1))], ...common };
  }
}

function addSheet(ws: Worksheet, sheet: SheetData): void {
  const n = sheet.columns.length;
  let row = 1;
  for (const line of sheet.title ?? []) {
    const cell = ws.getCell(row, 1);
    cell.value = line;
    cell.font = { bold: true, size: row === 1 ? 13 : 11 };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: false };
    if (n > 1) ws.mergeCells(row, 1, row, n);
    row++;
  }
  if ((sheet.title?.length ?? 0) > 0) row++; // a blank line under the title block
  const headerStyle = (cell: import("exceljs").Cell): void => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  };
  if (sheet.groups !== undefined && sheet.groups.length > 0) {
    for (const [text, from, to] of sheet.groups) {
      const cell = ws.getCell(row, from + 1);
      cell.value = text;
      headerStyle(cell);
      if (to > from) ws.mergeCells(row, from + 1, row, to + 1);
    }
    row++;
  }
  const headerRow = row;
  sheet.columns.forEach((c, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = c.header;
    headerStyle(cell);
  });
  const formats = sheet.columns.map(numberFormat);
  const widths = sheet.columns.map((c) => Math.max(6, ...c.header.split(/\s+/).map((w) => [...w].length + 2)));
  sheet.rows.forEach((cells, r) => {
    const excelRow = ws.getRow(headerRow + 1 + r);
    sheet.columns.forEach((column, i) => {
      const value = cells[i] ?? null;
      if (value === null || value === "") return;
      const cell = excelRow.getCell(i + 1);
      // A string is always written as a text cell (exceljs writes formulas only from { formula }).
      cell.value = toExcelValue(value);
      const fmt = formats[i];
      if (fmt !== undefined && (typeof value === "number" || typeof value === "object")) cell.numFmt = fmt;
      if (column.wrap) cell.alignment = { wrapText: true, vertical: "top" };
      widths[i] = Math.max(widths[i] ?? 6, Math.min(60, displayLength(value, column) + 2));
    });
  });
  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? widths[i] ?? 10;
  });
  for (const v of sheet.validations ?? []) {
    const address = `${columnLetters(v.column + 1)}${headerRow + 1 + v.row}`;
    ws.getCell(address).dataValidation = validationOf(v.rule, address);
  }
  for (const f of sheet.formats ?? []) ws.getCell(headerRow + 1 + f.row, f.column + 1).numFmt = f.format;
  if (sheet.filter !== false) {
    ws.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
    if (n > 0) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: n } };
  }
}

/** The .xlsx bytes of a workbook. */
export async function workbookBytes(data: WorkbookData): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  wb.creator = "par-index";
  // No time stamps: the same inputs give the same workbook content.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  for (const sheet of data.sheets) addSheet(wb.addWorksheet(sheet.name), sheet);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Writes a workbook to `path`. */
export async function writeWorkbook(path: string, data: WorkbookData): Promise<void> {
  await writeFile(path, await workbookBytes(data));
}
