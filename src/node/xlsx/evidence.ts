/**
 * Evidence from .xlsx workbooks: every sheet is read as its own file by the same
 * reader as CSV. A sheet's header row is the first row whose first filled cell is
 * `unit` (or `code` for a registry); rows above it (a title block) are ignored; a
 * sheet without one is skipped with a warning. Typed cells keep their type:
 * numbers are exact decimals of the stored double's shortest text, dates are dates,
 * percent-formatted cells are ratios, error values are errors at their cell.
 */
import { Dec } from "../../core/decimal.js";
import { cellName, diag, type Diagnostic } from "../../diagnostics/index.js";
import type { Locale } from "../../evidence/locale.js";
import type { UnitInfo } from "../../evidence/model.js";
import type { EvidenceFileKind, EvidencePart } from "../../evidence/part.js";
import { createEvidenceReader, type EvidenceReader, type EvidenceReaderOptions, type TypedCell } from "../../evidence/reader.js";
import type { EvidenceSchema } from "../../evidence/schema.js";
import { type CellValue, MAX_ROWS, openWorkbook, parseCellRef, type RowCells } from "./workbook.js";

export interface ReadWorkbookOptions {
  /** The name used in diagnostics (`file` of each diagnostic). */
  readonly file: string;
  readonly locale?: Locale;
  readonly registry?: readonly UnitInfo[] | ReadonlySet<string>;
  readonly expect?: readonly EvidenceFileKind[];
  readonly onProgress?: (progress: { rows: number; bytes: number }) => void;
  readonly progressEvery?: number;
}

/** True when a path names a workbook by its extension. */
export function isWorkbookName(path: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(path);
}

/** A number's canonical decimal text: the stored double's shortest round-trip text, without an exponent. */
export function numberText(value: number): string {
  const s = String(value);
  return /e/i.test(s) ? new Dec(s).toFixed() : s;
}

/** What a cell reads as (the text a person sees, canonical for numbers and dates). */
export function cellText(cell: CellValue | undefined): string {
  if (cell === undefined) return "";
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "number":
      return cell.percent ? `${new Dec(numberText(cell.value)).times(100).toFixed()}%` : numberText(cell.value);
    case "date":
      return cell.iso;
    case "boolean":
      return cell.value ? "true" : "false";
    case "error":
      return cell.text;
  }
}

function typedOf(cell: CellValue | undefined): TypedCell | undefined {
  if (cell === undefined || cell.kind === "text") return undefined;
  switch (cell.kind) {
    case "number": {
      const text = numberText(cell.value);
      return cell.percent ? { text, percent: cellText(cell) } : { text };
    }
    case "date":
      return { text: cell.iso };
    case "boolean":
      return { text: cell.value ? "true" : "false" };
    case "error":
      return { error: cell.text };
  }
}

/** A row that only numbers the columns: 1, 2, 3… or (1), (2), (3)…, one per header cell. */
function isNumberingRow(cells: RowCells, width: number): boolean {
  if (cells.length < width) return false;
  for (let i = 0; i < width; i++) {
    const text = cellText(cells[i]).trim();
    if (text !== String(i + 1) && text !== `(${i + 1})`) return false;
  }
  return true;
}

function emptyPart(file: string, locale: Locale, diagnostics: Diagnostic[]): EvidencePart {
  return {
    file,
    kind: "unknown",
    locale,
    byUnit: new Map(),
    diagnostics,
    stats: { rowsRead: 0, rowsUsed: 0, rowsRejected: 0 },
    rejectedRows: new Set(),
    checkedUnits: false,
  };
}

/**
 * Reads every sheet of a workbook as evidence (one part per sheet with a header row).
 * Never throws: a file that is not a readable .xlsx becomes one error diagnostic.
 */
export async function readEvidenceWorkbook(path: string, schema: EvidenceSchema, options: ReadWorkbookOptions): Promise<EvidencePart[]> {
  const file = options.file;
  const locale = options.locale ?? "en";
  const opened = await openWorkbook(path);
  if (!opened.ok) {
    const d =
      opened.reason === "unreadable" ? diag("xlsx-unreadable", { detail: opened.detail }, { file }) : diag("xlsx-not-workbook", { reason: opened.reason }, { file });
    return [emptyPart(file, locale, [d])];
  }
  const wb = opened.workbook;
  const parts: EvidencePart[] = [];
  let rowsBefore = 0;
  for (const sheet of wb.sheets) {
    let reader: EvidenceReader | undefined;
    let offset = 0;
    let width = 0;
    let headerRow = 0;
    let firstData = true;
    const extra: Diagnostic[] = [];
    let tooMany = false;
    const onRow = (row: number, cells: RowCells): void => {
      if (row > MAX_ROWS) {
        if (!tooMany) extra.push(diag("xlsx-too-many-rows", { rows: row, limit: MAX_ROWS }, { file, sheet: sheet.name, line: row, column: 1 }));
        tooMany = true;
        return;
      }
      if (reader === undefined) {
        const first = cells.findIndex((c) => c !== undefined && cellText(c).trim() !== "");
        if (first < 0) return;
        const word = cellText(cells[first]).trim().toLowerCase();
        if (word !== "unit" && word !== "code") return; // the title block
        offset = first;
        headerRow = row;
        const header = cells.slice(first).map(cellText);
        while (header.length > 1 && header[header.length - 1]?.trim() === "") header.pop();
        width = header.length;
        const ro: { -readonly [K in keyof EvidenceReaderOptions]: EvidenceReaderOptions[K] } = {
          file,
          sheet: sheet.name,
          columnOffset: offset,
          locale,
          blankPointsAreMissing: true,
        };
        if (options.registry !== undefined) ro.registry = options.registry;
        if (options.expect !== undefined) ro.expect = options.expect;
        if (options.progressEvery !== undefined) ro.progressEvery = options.progressEvery;
        if (options.onProgress !== undefined) {
          const report = options.onProgress;
          ro.onProgress = (p) => report({ rows: rowsBefore + p.rows, bytes: p.bytes });
        }
        reader = createEvidenceReader(schema, ro);
        reader.pushRecord(header, row);
        return;
      }
      if (firstData) {
        firstData = false;
        // Official tables often number their columns under the header: (1), (2), (3)… or 1, 2, 3…
        if (width > 1 && isNumberingRow(cells.slice(offset, offset + width), width)) {
          extra.push(diag("xlsx-numbering-row", { row }, { file, sheet: sheet.name, line: row, column: offset + 1 }));
          return;
        }
      }
      const n = Math.max(width, cells.length - offset);
      const texts: string[] = new Array<string>(n);
      const typed: (TypedCell | undefined)[] = new Array<TypedCell | undefined>(n);
      let anyTyped = false;
      for (let i = 0; i < n; i++) {
        const c = cells[offset + i];
        texts[i] = cellText(c);
        const t = typedOf(c);
        if (t !== undefined) {
          typed[i] = t;
          anyTyped = true;
        }
      }
      reader.pushRecord(texts, row, anyTyped ? typed : undefined);
    };
    let merges: readonly string[];
    try {
      merges = (await wb.readSheet(sheet, onRow)).merges;
    } catch (error) {
      const detail = `sheet "${sheet.name}": ${error instanceof Error ? error.message : String(error)}`;
      parts.push(emptyPart(file, locale, [diag("xlsx-unreadable", { detail }, { file, sheet: sheet.name })]));
      continue;
    }
    if (reader === undefined) {
      parts.push({ ...emptyPart(file, locale, [diag("xlsx-no-header", { sheet: sheet.name }, { file, sheet: sheet.name }), ...extra]), sheet: sheet.name });
      continue;
    }
    for (const range of merges) {
      const [from, to] = range.split(":");
      const a = from === undefined ? undefined : parseCellRef(from);
      const b = to === undefined ? a : parseCellRef(to);
      if (a === undefined || b === undefined || b.row <= headerRow || (a.row === b.row && a.column === b.column)) continue;
      extra.push(diag("xlsx-merged-data", { range, first: cellName(a.row, a.column) }, { file, sheet: sheet.name, line: a.row, column: a.column }));
    }
    const read = reader.end();
    rowsBefore += read.stats.rowsRead;
    // A workbook holds several tables: a sheet of another kind than this option reads is skipped with a warning.
    const diagnostics = read.diagnostics.map((d) =>
      d.code === "evidence-wrong-file-kind" ? diag("xlsx-sheet-skipped", { sheet: sheet.name, ...(d.params as { kind: string; expected: string }) }, d) : d,
    );
    parts.push({ ...read, sheet: sheet.name, diagnostics: [...diagnostics, ...extra] });
  }
  if (parts.length === 0) parts.push(emptyPart(file, locale, [diag("evidence-empty-file", { what: "evidence" }, { file })]));
  return parts;
}
