/**
 * The tables of an analysis (`gaps`, `plan`, `rollup`, `compare`) as a workbook:
 * one sheet per table (named by the title's first words), its full title and
 * notes above the header, headings in the
 * tables' language, numbers as numeric cells shown with the table's decimals.
 * Pure: `writeWorkbook` in `par-index/node` writes the file.
 */
import type { AnalysisTable, Cell, TableColumn } from "../analysis/tables.js";
import { type CellData, type ColumnSpec, type SheetData, sheetName, type WorkbookData } from "./workbook.js";

export interface AnalysisWorkbookOptions {
  /** Sheet names already used (e.g. by other sheets of the same workbook); default none. */
  readonly taken?: ReadonlySet<string>;
}

function columnSpec(column: TableColumn, decimals: number): ColumnSpec {
  if (column.numeric && column.integer) return { header: column.heading, type: "integer" };
  if (column.numeric) return { header: column.heading, type: "number", decimals };
  return { header: column.heading };
}

function cellData(cell: Cell): CellData {
  // A negative zero is shown as 0; text stays text (the writer never writes a formula).
  return typeof cell === "number" && Object.is(cell, -0) ? 0 : cell;
}

/** A short sheet name: the title up to its first `(` or `:`, cut at a word within Excel's 31 characters (the full title stays above the table). */
function shortName(title: string): string {
  const head = title.split(/\s*[(:]/)[0]!.trim() || title.trim();
  const chars = [...head];
  if (chars.length <= 31) return head;
  const cut = chars.slice(0, 32).join("");
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : cut).trim();
}

function tableSheet(table: AnalysisTable, taken: Set<string>): SheetData {
  return {
    name: sheetName(shortName(table.title), taken),
    title: [table.title, ...(table.notes ?? [])],
    columns: table.columns.map((c) => columnSpec(c, table.decimals)),
    rows: table.rows.map((r) => table.columns.map((_, i) => cellData(r[i] ?? null))),
  };
}

/**
 * One sheet per analysis table, in order: sheet names from the tables' titles
 * (made valid and unique for Excel), the title and notes above a frozen, filtered
 * header, numeric columns as numbers (`integer` columns without decimals, the
 * others with the table's `decimals`).
 */
export function analysisWorkbook(tables: readonly AnalysisTable[], options: AnalysisWorkbookOptions = {}): WorkbookData {
  const taken = new Set([...(options.taken ?? [])].map((n) => n.toLowerCase()));
  return { sheets: tables.map((t) => tableSheet(t, taken)) };
}
