/**
 * Streaming reader of .xlsx workbooks (Office Open XML SpreadsheetML), built on
 * unzipper (random access to the zip through its central directory) and saxes
 * (a streaming XML parser) — the two libraries exceljs itself reads with. The
 * workbook part, relationships, styles and shared strings are read first; then
 * each sheet is streamed row by row, so memory holds one row (plus the shared
 * strings table), never the whole sheet.
 *
 * Cells come out typed as Excel stored them: numbers as the stored double, dates
 * (date-formatted numbers, 1900 or 1904 system), percent-formatted numbers,
 * booleans, text, error values (`#DIV/0!`), and a formula's cached value.
 */
import { open, stat } from "node:fs/promises";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { CentralDirectory, CentralDirectoryFile } from "unzipper";

/** One cell's value as the workbook stores it. */
export type CellValue =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "number"; readonly value: number; readonly percent: boolean }
  | { readonly kind: "date"; readonly iso: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly text: string };

/** A row's cells, index 0 = column A; undefined = empty. */
export type RowCells = readonly (CellValue | undefined)[];

export interface SheetInfo {
  readonly name: string;
  /** The sheet's part in the zip (`xl/worksheets/sheet1.xml`). */
  readonly part: string;
}

export interface SheetEnd {
  /** Merged ranges (`A1:D1`), read at the end of the sheet. */
  readonly merges: readonly string[];
}

export interface XlsxWorkbook {
  readonly sheets: readonly SheetInfo[];
  /** True when the workbook uses the 1904 date system. */
  readonly date1904: boolean;
  /** Streams a sheet's non-empty rows in order; `row` is 1-based. */
  readSheet(sheet: SheetInfo, onRow: (row: number, cells: RowCells) => void): Promise<SheetEnd>;
}

/** Why a file is not a readable workbook. */
export type NotWorkbook =
  | { readonly reason: "xls" | "encrypted" | "text" | "not-zip" | "not-workbook" }
  | { readonly reason: "unreadable"; readonly detail: string };

export type OpenWorkbookResult = { readonly ok: true; readonly workbook: XlsxWorkbook } | ({ readonly ok: false } & NotWorkbook);

/** Excel's limits: a sheet has at most 1,048,576 rows and 16,384 columns. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** A shared-strings part larger than this (uncompressed) is refused rather than held in memory. */
const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;

/** Reads the first bytes to tell an .xlsx (zip) from an old .xls, an encrypted workbook or text. */
async function sniff(path: string): Promise<"zip" | NotWorkbook> {
  const handle = await open(path, "r");
  try {
    const head = new Uint8Array(1 << 20);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const b = head.subarray(0, bytesRead);
    if (b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5)) return "zip";
    if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
      // An OLE compound file: an old .xls, or an .xlsx encrypted with a password
      // (Excel stores those as a compound file with an "EncryptionInfo" stream).
      const marker = Buffer.from("EncryptionInfo", "utf16le");
      return Buffer.from(b).includes(marker) ? { reason: "encrypted" } : { reason: "xls" };
    }
    let printable = 0;
    for (const c of b.subarray(0, 512)) if (c === 9 || c === 10 || c === 13 || c >= 32) printable++;
    if (bytesRead > 0 && printable === Math.min(512, bytesRead)) return { reason: "text" };
    return { reason: "not-zip" };
  } finally {
    await handle.close();
  }
}

/** Opens a workbook file; never throws (problems come back as `ok: false`). */
export async function openWorkbook(path: string): Promise<OpenWorkbookResult> {
  try {
    const info = await stat(path);
    // Only regular files: a FIFO or a device is refused before it is opened (it could block or never end).
    if (!info.isFile()) return { ok: false, reason: "unreadable", detail: "not a regular file" };
    const kind = await sniff(path);
    if (kind !== "zip") return { ok: false, ...kind };
    let dir: CentralDirectory;
    try {
      // Loaded on first use: nothing of the zip layer loads for CSV and JSON evidence.
      const unzipper = await import("unzipper");
      const open = (unzipper as { Open?: typeof import("unzipper").Open }).Open ?? (unzipper as unknown as { default: typeof import("unzipper") }).default.Open;
      dir = await open.file(path);
    } catch {
      return { ok: false, reason: "not-zip" };
    }
    const files = new Map(dir.files.map((f) => [f.path.replace(/^\//, ""), f]));
    const workbookPart = files.get("xl/workbook.xml");
    if (workbookPart === undefined) return { ok: false, reason: "not-workbook" };
    const rels = await readRelationships(files.get("xl/_rels/workbook.xml.rels"));
    const { sheets, date1904 } = await readWorkbookPart(workbookPart, rels);
    const styles = await readStyles(files.get("xl/styles.xml"));
    const strings = await readSharedStrings(files.get("xl/sharedStrings.xml"));
    const workbook: XlsxWorkbook = {
      sheets,
      date1904,
      readSheet: (sheet, onRow) => {
        const part = files.get(sheet.part);
        if (part === undefined) return Promise.resolve({ merges: [] });
        return readSheetPart(part, { strings, styles, date1904 }, onRow);
      },
    };
    return { ok: true, workbook };
  } catch (error) {
    return { ok: false, reason: "unreadable", detail: error instanceof Error ? error.message : String(error) };
  }
}

interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Streams one zip entry through the XML parser; tag names lose their namespace prefix. */
async function parseXml(file: CentralDirectoryFile, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  const local = (name: string): string => {
    const i = name.indexOf(":");
    return i < 0 ? name : name.slice(i + 1);
  };
  if (handlers.open) {
    const onOpen = handlers.open;
    parser.on("opentag", (node: SaxesTagPlain) => onOpen(local(node.name), node.attributes as Record<string, string>));
  }
  if (handlers.text) parser.on("text", handlers.text);
  if (handlers.close) {
    const onClose = handlers.close;
    parser.on("closetag", (node) => onClose(local(node.name)));
  }
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of file.stream() as AsyncIterable<Uint8Array>) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
}

async function readRelationships(file: CentralDirectoryFile | undefined): Promise<Map<string, string>> {
  const rels = new Map<string, string>();
  if (file === undefined) return rels;
  await parseXml(file, {
    open(name, a) {
      if (name === "Relationship" && a.Id !== undefined && a.Target !== undefined) rels.set(a.Id, a.Target);
    },
  });
  return rels;
}

async function readWorkbookPart(file: CentralDirectoryFile, rels: Map<string, string>): Promise<{ sheets: SheetInfo[]; date1904: boolean }> {
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  await parseXml(file, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name === "sheet") {
        const id = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
        const target = id === undefined ? undefined : rels.get(id);
        if (a.name !== undefined && target !== undefined) {
          const part = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
          sheets.push({ name: a.name.normalize("NFC"), part: part.replace(/\/\.\//g, "/") });
        }
      }
    },
  });
  return { sheets, date1904 };
}

type FormatKind = "date" | "time" | "percent" | "number";

/** What a number format shows: a date, a time of day, a percentage, or a plain number. */
export function classifyFormat(id: number, code: string | undefined): FormatKind {
  if (code === undefined) {
    if (id === 9 || id === 10) return "percent";
    if ((id >= 14 && id <= 17) || id === 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return "date";
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return "time";
    return "number";
  }
  // Drop quoted text, escaped characters, fills and [..] sections (colours, locales, conditions).
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  if (/general/.test(bare)) return bare.includes("%") ? "percent" : "number";
  if (/[dy]/.test(bare)) return "date";
  if (/[hs]/.test(bare) || /am\/pm|a\/p/.test(bare)) return "time";
  if (/m/.test(bare) && !/[0#?]/.test(bare)) return "date";
  if (bare.includes("%")) return "percent";
  return "number";
}

async function readStyles(file: CentralDirectoryFile | undefined): Promise<FormatKind[]> {
  const kinds: FormatKind[] = [];
  if (file === undefined) return kinds;
  const codes = new Map<number, string>();
  let inCellXfs = false;
  const xfIds: number[] = [];
  await parseXml(file, {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined && a.formatCode !== undefined) codes.set(Number(a.numFmtId), a.formatCode);
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfIds.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  for (const id of xfIds) kinds.push(classifyFormat(id, codes.get(id)));
  return kinds;
}

/** Excel's escape of characters XML cannot hold: `_x000D_` is a carriage return. */
function unescapeOoxml(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

async function readSharedStrings(file: CentralDirectoryFile | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (file === undefined) return strings;
  if (file.uncompressedSize > MAX_SHARED_STRINGS_BYTES) throw new Error(`the shared strings table is larger than ${MAX_SHARED_STRINGS_BYTES >> 20} MiB`);
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  await parseXml(file, {
    open(name) {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    text(t) {
      if (inText && current) current.push(t);
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        strings.push(unescapeOoxml(current.join("")));
        current = undefined;
      }
    },
  });
  return strings;
}

/** A 1900- or 1904-system serial day as an ISO date; undefined where no such day exists. */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  const day = Math.floor(serial);
  let ms: number;
  if (date1904) ms = Date.UTC(1904, 0, 1) + day * 86_400_000;
  else {
    // Excel counts 29 February 1900, which did not exist (serial 60).
    if (day < 1 || day === 60) return undefined;
    ms = (day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)) + day * 86_400_000;
  }
  if (day < 0 || !Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y > 9999) return undefined;
  return `${String(y).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** `B12` → { row: 12, column: 2 }. */
export function parseCellRef(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of (m[1] as string).toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

interface SheetContext {
  readonly strings: readonly string[];
  readonly styles: readonly FormatKind[];
  readonly date1904: boolean;
}

async function readSheetPart(file: CentralDirectoryFile, ctx: SheetContext, onRow: (row: number, cells: RowCells) => void): Promise<SheetEnd> {
  const merges: string[] = [];
  let rowNumber = 0;
  let cells: (CellValue | undefined)[] = [];
  let inRow = false;
  let nextColumn = 1;
  // The cell being read.
  let cell: { column: number; type: string; style: number; formula: boolean } | undefined;
  let value: string[] | undefined;
  let inline: string[] | undefined;
  let collect: string[] | undefined;
  let phonetic = 0;

  const finishCell = (): void => {
    if (cell === undefined) return;
    const v = cell.type === "inlineStr" ? inline?.join("") : value?.join("");
    const out = interpret(cell.type, cell.style, cell.formula, v, ctx);
    if (out !== undefined && cell.column <= MAX_COLUMNS) cells[cell.column - 1] = out;
    cell = undefined;
  };

  await parseXml(file, {
    open(name, a) {
      switch (name) {
        case "row": {
          const r = a.r === undefined ? rowNumber + 1 : Number(a.r);
          rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
          inRow = true;
          cells = [];
          nextColumn = 1;
          break;
        }
        case "c": {
          if (!inRow) break;
          const ref = a.r === undefined ? undefined : parseCellRef(a.r);
          const column = ref?.column ?? nextColumn;
          nextColumn = column + 1;
          cell = { column, type: a.t ?? "n", style: a.s === undefined ? 0 : Number(a.s), formula: false };
          value = undefined;
          inline = undefined;
          break;
        }
        case "f":
          if (cell) cell.formula = true;
          break;
        case "v":
          if (cell) collect = value = [];
          break;
        case "is":
          if (cell) inline = [];
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (cell && inline && phonetic === 0) collect = inline;
          break;
        case "mergeCell":
          if (a.ref !== undefined) merges.push(a.ref);
          break;
      }
    },
    text(t) {
      if (collect) collect.push(t);
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          collect = undefined;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c":
          finishCell();
          break;
        case "row":
          inRow = false;
          if (cells.some((c) => c !== undefined)) onRow(rowNumber, cells);
          break;
      }
    },
  });
  return { merges };
}

function interpret(type: string, style: number, formula: boolean, v: string | undefined, ctx: SheetContext): CellValue | undefined {
  switch (type) {
    case "s": {
      if (v === undefined) return undefined;
      const s = ctx.strings[Number(v)];
      return s === undefined || s === "" ? undefined : { kind: "text", text: s };
    }
    case "inlineStr":
    case "str":
      return v === undefined || v === "" ? undefined : { kind: "text", text: unescapeOoxml(v) };
    case "b":
      return v === undefined ? undefined : { kind: "boolean", value: v.trim() === "1" || v.trim() === "true" };
    case "e":
      return { kind: "error", text: v ?? "#ERROR" };
    case "d":
      return v === undefined ? undefined : { kind: "date", iso: v.slice(0, 10) };
    default: {
      if (v === undefined || v.trim() === "") return formula ? { kind: "error", text: "(formula without a saved value)" } : undefined;
      const n = Number(v);
      if (!Number.isFinite(n)) return { kind: "text", text: v };
      const format = ctx.styles[style] ?? "number";
      if (format === "date") {
        const iso = serialToIso(n, ctx.date1904);
        if (iso !== undefined) return { kind: "date", iso };
      }
      return { kind: "number", value: n, percent: format === "percent" };
    }
  }
}
