/**
 * Workbooks as plain data: sheets of typed tables that any command can build
 * (pure, no file format here) and the Node writer (`par-index/node`,
 * `writeWorkbook`) turns into an .xlsx file. Text is always text in the file: a
 * value that starts with `=`, `+`, `-`, `@`, a tab or CR is never a formula.
 */

/** A date cell (ISO `yyyy-mm-dd`), shown as dd/mm/yyyy. */
export interface DateCell {
  readonly date: string;
}

/** One cell: text, a number (shown with its column's decimals), a boolean, a date, or empty (null). */
export type CellData = string | number | boolean | DateCell | null;

/** How a column's numbers are shown. */
export interface ColumnSpec {
  readonly header: string;
  /** `text` (default), `number` (with `decimals`), `integer`, `date`. */
  readonly type?: "text" | "number" | "integer" | "date";
  /** Decimal places of a `number` column (the framework's `rounding.decimals`). */
  readonly decimals?: number;
  /** Width in characters; default from the header and the cells. */
  readonly width?: number;
  /** Wrap long text (guidance, titles). */
  readonly wrap?: boolean;
}

/** Data validation of a cell: what Excel lets the user type. */
export type Validation =
  | { readonly kind: "decimal"; readonly min: number; readonly max: number; readonly step?: number; readonly message?: string }
  | { readonly kind: "list"; readonly values: readonly string[]; readonly message?: string }
  | { readonly kind: "date"; readonly message?: string }
  | { readonly kind: "whole"; readonly min?: number; readonly max?: number; readonly message?: string };

export interface SheetData {
  /** The sheet's name (at most 31 characters, none of `[]:*?/\`). */
  readonly name: string;
  /** Lines of a title block above the header, each merged across the table. */
  readonly title?: readonly string[];
  /** Captions above the header cells (e.g. a field's title spanning its columns): [text, first column, last column] (0-based). */
  readonly groups?: readonly (readonly [string, number, number])[];
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly CellData[])[];
  /** Validations by data row (0-based) and column (0-based). */
  readonly validations?: readonly { readonly row: number; readonly column: number; readonly rule: Validation }[];
  /** Number formats of single cells (filled or not), by data row and column (0-based). */
  readonly formats?: readonly { readonly row: number; readonly column: number; readonly format: string }[];
  /** Freeze the header and put an autofilter on it; default true. */
  readonly filter?: boolean;
}

export interface WorkbookData {
  readonly sheets: readonly SheetData[];
}

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/g;

/** A valid, unique sheet name from any text (Excel: at most 31 characters, none of `[]:*?/\`). */
export function sheetName(text: string, taken: Set<string>): string {
  let base = text.replace(FORBIDDEN_SHEET_CHARS, " ").replace(/^'+|'+$/g, "").trim() || "Sheet";
  base = [...base].slice(0, 31).join("");
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = [...base].slice(0, 31 - suffix.length).join("") + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The number format of a column: `0.00` for 2 decimals, `0` for integers, dd/mm/yyyy for dates. */
export function numberFormat(column: ColumnSpec): string | undefined {
  switch (column.type) {
    case "number": {
      const d = column.decimals ?? 2;
      return d > 0 ? `0.${"0".repeat(d)}` : "0";
    }
    case "integer":
      return "0";
    case "date":
      return "dd/mm/yyyy";
    default:
      return undefined;
  }
}
