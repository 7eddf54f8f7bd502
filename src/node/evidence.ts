/**
 * Reading evidence files from disk: CSV streamed in chunks (memory bounded by the
 * evidence kept), JSON read whole. Never throws: unreadable files become diagnostics.
 */
import { open, stat } from "node:fs/promises";
import { argumentError, expectOptions, expectSchema, expectString } from "../core/args.js";
import { diag } from "../diagnostics/index.js";
import type { Locale } from "../evidence/locale.js";
import type { EvidenceSet, UnitInfo } from "../evidence/model.js";
import { type EvidenceFileKind, type EvidencePart } from "../evidence/part.js";
import { createEvidenceReader, type EvidenceReaderOptions } from "../evidence/reader.js";
import { readJsonText } from "../evidence/json.js";
import { mergeEvidence } from "../evidence/merge.js";
import type { EvidenceSchema } from "../evidence/schema.js";
import { BoundedReadError, type BoundedReadFailure, openBounded } from "./read-bounded.js";

/** Largest evidence CSV read (streamed, so memory does not grow with it): 4 GiB. */
export const MAX_EVIDENCE_CSV_BYTES = 4 * 1024 * 1024 * 1024;
/** Largest JSON evidence or registry read (held whole while parsed): 64 MiB. */
export const MAX_EVIDENCE_JSON_BYTES = 64 * 1024 * 1024;
import { isWorkbookName, readEvidenceWorkbook } from "./xlsx/evidence.js";

export interface FileProgress {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  /** The file's size in bytes, when known (for a progress bar). */
  readonly totalBytes?: number;
}

export interface ReadEvidenceFileOptions {
  readonly locale?: Locale;
  readonly registry?: readonly UnitInfo[] | ReadonlySet<string>;
  readonly expect?: readonly EvidenceFileKind[];
  readonly onProgress?: (progress: FileProgress) => void;
  readonly progressEvery?: number;
  /** The name used in diagnostics; default: the path as given. */
  readonly displayName?: string;
  /** Read size in bytes; default 1 MiB. */
  readonly chunkSize?: number;
  /** Byte limits, counted while reading; defaults {@link MAX_EVIDENCE_CSV_BYTES} and {@link MAX_EVIDENCE_JSON_BYTES}. */
  readonly maxCsvBytes?: number;
  readonly maxJsonBytes?: number;
}

const EMPTY_SCHEMA: EvidenceSchema = { inputs: new Map(), criteria: new Set() };

/**
 * Reads one evidence file: JSON when the name ends in `.json` or the content starts
 * with `{` or `[`, otherwise CSV (registry, long or wide inputs, or points table).
 */
export async function readEvidenceFile(path: string, schema: EvidenceSchema, options: ReadEvidenceFileOptions = {}): Promise<EvidencePart> {
  expectString("readEvidenceFile(path, schema, options)", "path", path);
  expectSchema("readEvidenceFile(path, schema, options)", "schema", schema);
  expectOptions("readEvidenceFile(path, schema, options)", "options", options);
  const file = options.displayName ?? path;
  const locale = options.locale ?? "en";
  const isJsonName = path.toLowerCase().endsWith(".json");
  const maxCsv = options.maxCsvBytes ?? MAX_EVIDENCE_CSV_BYTES;
  const maxJson = options.maxJsonBytes ?? MAX_EVIDENCE_JSON_BYTES;
  // Devices, pipes and folders are refused before reading; the limit is counted while reading.
  const opened = await openBounded(path, Math.max(maxCsv, maxJson), options.chunkSize ?? 1 << 20);
  if (!opened.ok) return unreadable(file, opened, locale);
  const totalBytes: number | undefined = opened.size;
  // JSON is decoded once, whole: a streaming decode of 1 MB chunks is four times slower.
  let json: Uint8Array[] | undefined = path.toLowerCase().endsWith(".json") ? [] : undefined;
  const readerOptions: { -readonly [K in keyof EvidenceReaderOptions]: EvidenceReaderOptions[K] } = { file };
  if (options.locale !== undefined) readerOptions.locale = options.locale;
  if (options.registry !== undefined) readerOptions.registry = options.registry;
  if (options.expect !== undefined) readerOptions.expect = options.expect;
  if (options.progressEvery !== undefined) readerOptions.progressEvery = options.progressEvery;
  const onProgress = options.onProgress;
  if (onProgress !== undefined) {
    readerOptions.onProgress = (p) => onProgress(totalBytes === undefined ? { file, ...p } : { file, ...p, totalBytes });
  }
  const reader = createEvidenceReader(schema, readerOptions);
  let first = true;
  let read = 0;
  try {
    for await (const chunk of opened.chunks) {
      if (first) {
        first = false;
        if (json === undefined && looksLikeJson(chunk)) json = [];
      }
      read += chunk.byteLength;
      const limit = json !== undefined ? maxJson : maxCsv;
      if (read > limit) throw new BoundedReadError({ ok: false, reason: "too-large", detail: `larger than ${limit} bytes`, limit });
      if (json !== undefined) json.push(chunk);
      else reader.push(chunk);
    }
  } catch (error) {
    // Leaving the loop closed the file; the file is reported as a whole.
    return unreadable(file, error instanceof BoundedReadError ? error.failure : error, locale);
  }
  if (json !== undefined) {
    const text = decodeWhole(json, read);
    json = undefined;
    const jsonOptions: { file: string; registry?: readonly UnitInfo[] | ReadonlySet<string>; expect?: readonly EvidenceFileKind[] } = { file };
    if (options.registry !== undefined) jsonOptions.registry = options.registry;
    if (options.expect !== undefined) jsonOptions.expect = options.expect;
    const part = readJsonText(text, schema, jsonOptions);
    onProgress?.({ file, rows: part.stats.rowsRead, bytes: totalBytes ?? 0, ...(totalBytes === undefined ? {} : { totalBytes }) });
    return part;
  }
  return reader.end();
}

/** The text of a file read in chunks (UTF-8, a byte-order mark dropped, as a streaming decode gives it). */
function decodeWhole(chunks: readonly Uint8Array[], length: number): string {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder("utf-8").decode(bytes);
}

/** True when the file starts like a zip package (an .xlsx workbook whatever its name). */
async function startsLikeZip(path: string): Promise<boolean> {
  try {
    // Only a regular file is opened here (a FIFO would block); anything else is left to the CSV reader to refuse.
    if (!(await stat(path)).isFile()) return false;
    const handle = await open(path, "r");
    try {
      const head = new Uint8Array(4);
      await handle.read(head, 0, 4, 0);
      return head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * Reads one evidence file into parts: an .xlsx workbook (by its name or its zip
 * signature) gives one part per sheet (each sheet is read as its own file); a CSV or
 * JSON file gives one part.
 */
export async function readEvidenceParts(path: string, schema: EvidenceSchema, options: ReadEvidenceFileOptions = {}): Promise<EvidencePart[]> {
  if (!isWorkbookName(path) && !(await startsLikeZip(path))) return [await readEvidenceFile(path, schema, options)];
  const file = options.displayName ?? path;
  let totalBytes: number | undefined;
  try {
    totalBytes = (await stat(path)).size;
  } catch (error) {
    return [unreadable(file, error, options.locale ?? "en")];
  }
  const o: { -readonly [K in keyof Parameters<typeof readEvidenceWorkbook>[2]]: Parameters<typeof readEvidenceWorkbook>[2][K] } = { file };
  if (options.locale !== undefined) o.locale = options.locale;
  if (options.registry !== undefined) o.registry = options.registry;
  if (options.expect !== undefined) o.expect = options.expect;
  if (options.progressEvery !== undefined) o.progressEvery = options.progressEvery;
  const onProgress = options.onProgress;
  if (onProgress !== undefined) o.onProgress = (p) => onProgress({ file, rows: p.rows, bytes: p.bytes, totalBytes: totalBytes ?? 0 });
  return readEvidenceWorkbook(path, schema, o);
}

/** Reads a unit registry (CSV `code,name,type,parent,...` or JSON). Another kind of file is an error. */
export function readUnitsFile(path: string, options: Omit<ReadEvidenceFileOptions, "registry" | "expect"> = {}): Promise<EvidencePart> {
  return readEvidenceFile(path, EMPTY_SCHEMA, { ...options, expect: ["registry"] });
}

/** A file and its locale, when it differs from the default. */
export type EvidenceFileSpec = string | { readonly path: string; readonly locale?: Locale };

export interface LoadEvidenceOptions {
  /** Evidence files (CSV or JSON); points tables among them are detected. */
  readonly evidence?: readonly EvidenceFileSpec[];
  /** Points tables (CSV `unit,criterion,self,appraised[,note]` or JSON evidence). */
  readonly points?: readonly EvidenceFileSpec[];
  /** The unit registry. */
  readonly units?: string;
  /** The default locale of the files; default `en`. */
  readonly locale?: Locale;
  readonly onProgress?: (progress: FileProgress) => void;
  readonly progressEvery?: number;
  /** Called after each file with what was detected (for `--verbose`). */
  readonly onFile?: (info: FileSummary) => void;
}

/** What one file turned out to be. */
export interface FileSummary {
  readonly file: string;
  /** The worksheet, for a sheet of a workbook. */
  readonly sheet?: string;
  readonly kind: EvidenceFileKind;
  readonly delimiter?: "," | ";";
  readonly locale: Locale;
  readonly stats: EvidencePart["stats"];
}

/**
 * Reads the registry first (so unknown units are reported on their own line), then
 * every evidence and points file, and merges them into one EvidenceSet.
 */
export async function loadEvidence(options: LoadEvidenceOptions, schema: EvidenceSchema): Promise<EvidenceSet> {
  expectOptions("loadEvidence(options, schema)", "options", options);
  if (options === undefined) throw argumentError("loadEvidence(options, schema)", "options", "an object such as { units, evidence, points, locale }", options);
  expectSchema("loadEvidence(options, schema)", "schema", schema);
  const parts: EvidencePart[] = [];
  const common = (spec: EvidenceFileSpec): ReadEvidenceFileOptions => {
    const o: { -readonly [K in keyof ReadEvidenceFileOptions]: ReadEvidenceFileOptions[K] } = {};
    const locale = typeof spec === "string" ? options.locale : (spec.locale ?? options.locale);
    if (locale !== undefined) o.locale = locale;
    if (options.onProgress !== undefined) o.onProgress = options.onProgress;
    if (options.progressEvery !== undefined) o.progressEvery = options.progressEvery;
    return o;
  };
  let registry: readonly UnitInfo[] | undefined;
  if (options.units !== undefined) {
    const unitsParts = await readEvidenceParts(options.units, EMPTY_SCHEMA, { ...common(options.units), expect: ["registry"] });
    parts.push(...unitsParts);
    // Undefined when the file could not be read as a registry; a workbook's registry sheets are joined.
    const sheets = unitsParts.filter((p) => p.registry !== undefined);
    if (sheets.length > 0) registry = sheets.flatMap((p) => p.registry ?? []);
  }
  const pathOf = (spec: EvidenceFileSpec): string => (typeof spec === "string" ? spec : spec.path);
  for (const spec of options.evidence ?? []) {
    const o = common(spec);
    parts.push(...(await readEvidenceParts(pathOf(spec), schema, registry === undefined ? o : { ...o, registry })));
  }
  for (const spec of options.points ?? []) {
    const o = { ...common(spec), expect: ["points", "evidence-json"] as EvidenceFileKind[] };
    parts.push(...(await readEvidenceParts(pathOf(spec), schema, registry === undefined ? o : { ...o, registry })));
  }
  if (options.onFile !== undefined) {
    for (const p of parts) {
      const summary: { -readonly [K in keyof FileSummary]: FileSummary[K] } = { file: p.file ?? "", kind: p.kind, locale: p.locale, stats: p.stats };
      if (p.delimiter !== undefined) summary.delimiter = p.delimiter;
      if (p.sheet !== undefined) summary.sheet = p.sheet;
      options.onFile(summary);
    }
  }
  return mergeEvidence(parts, registry);
}

function looksLikeJson(chunk: Uint8Array): boolean {
  let i = 0;
  if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
  while (i < chunk.length && (chunk[i] === 0x20 || chunk[i] === 0x0a || chunk[i] === 0x0d || chunk[i] === 0x09)) i++;
  return chunk[i] === 0x7b || chunk[i] === 0x5b;
}

function unreadable(file: string, error: BoundedReadFailure | unknown, locale: Locale): EvidencePart {
  const failure = (error as { ok?: unknown }).ok === false ? (error as BoundedReadFailure) : undefined;
  const d =
    failure?.reason === "too-large"
      ? diag("evidence-file-too-large", { limit: failure.limit }, { file })
      : failure?.reason === "not-a-file"
        ? diag("evidence-not-a-file", { kind: failure.detail }, { file })
        : diag("evidence-unreadable", { detail: failure !== undefined ? failure.detail : error instanceof Error ? error.message : String(error) }, { file });
  return {
    file,
    kind: "unknown",
    locale,
    byUnit: new Map(),
    diagnostics: [d],
    stats: { rowsRead: 0, rowsUsed: 0, rowsRejected: 0 },
    rejectedRows: new Set(),
    checkedUnits: false,
  };
}
