/**
 * The streaming CSV reader: text or bytes in, pushed in chunks of any size; one
 * {@link EvidencePart} out. Memory holds the evidence kept and one partial line,
 * never the whole file.
 */
import { expectOptions, expectSchema, expectTextOrBytes } from "../core/args.js";
import { type Decimal, isDecimal } from "../core/decimal.js";
import { MISSING, type Value } from "../core/value.js";
import type { Location } from "../diagnostics/index.js";
import { didYouMean } from "../diagnostics/index.js";
import type { InputPlan } from "../framework/ir.js";
import { type CsvSink, CsvSplitter, type Delimiter, MAX_LINE_CHARS } from "./csv.js";
import type { Locale } from "./locale.js";
import type { UnitInfo } from "./model.js";
import { type EvidenceFileKind, type EvidencePart, PartBuilder, pointsEntry } from "./part.js";
import type { EvidenceSchema } from "./schema.js";
import { nfc } from "./json-parse.js";
import { decimalMark, detach, parseValue, dateNumber, scaledNumber, scaledNumberScale } from "./values.js";
import { CellEntry, CellPlace } from "./entries.js";
import { ChunkDecoder } from "./utf8.js";
import { evidenceFastPaths } from "./fast-switch.js";

export interface ReadProgress {
  /** Data rows read so far. */
  readonly rows: number;
  /** Bytes pushed so far (UTF-16 code units for string chunks). */
  readonly bytes: number;
}

export interface EvidenceReaderOptions {
  /** The file name used in diagnostics. */
  readonly file?: string;
  /** How numbers are written in this file; default `en`. */
  readonly locale?: Locale;
  /** Force the delimiter instead of detecting it from the header line. */
  readonly delimiter?: Delimiter;
  /** The unit registry: when given, unit codes not in it are errors. */
  readonly registry?: readonly UnitInfo[] | ReadonlySet<string>;
  /** Diagnostics listed before the rest are only counted; default 200. */
  readonly maxDiagnostics?: number;
  /** Longest line read, in characters; default {@link MAX_LINE_CHARS} (1 MiB). A longer line is reported and skipped. */
  readonly maxLineLength?: number;
  /** Longest cell read, in characters; default {@link MAX_CELL_CHARS} (64 KiB). A row with a longer cell is rejected. */
  readonly maxCellLength?: number;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Rows between two `onProgress` calls; default 50,000. */
  readonly progressEvery?: number;
  /**
   * The kinds this file may be (e.g. only `registry` for a units file). Another kind
   * is reported as `evidence-wrong-file-kind` and its rows are rejected unread.
   */
  readonly expect?: readonly EvidenceFileKind[];
  /** The worksheet these rows come from (a workbook sheet read as its own file). */
  readonly sheet?: string;
  /** Added to column numbers in diagnostics (cells pushed start at this column + 1). */
  readonly columnOffset?: number;
  /**
   * Blank cells say nothing (a self-assessment workbook's cells not filled in): a
   * points row with neither self nor appraised, or a long-form row without a value,
   * is used and adds nothing, rather than an error or a missing value. Default false (CSV).
   */
  readonly blankPointsAreMissing?: boolean;
}

/**
 * A cell that came typed from a workbook rather than as text: `text` is its
 * canonical (en) text, read in locale `en` whatever the file's locale;
 * `percent` its text as a percentage (a percent-formatted cell, for ratio and
 * percent inputs); `error` an error value such as `#DIV/0!`.
 */
export interface TypedCell {
  readonly text?: string;
  readonly percent?: string;
  readonly error?: string;
}

export interface EvidenceReader {
  /** Feeds the next chunk (UTF-8 bytes or text; a BOM at the start is skipped). */
  push(chunk: string | Uint8Array): void;
  /**
   * Feeds one record already split into cells (a workbook row), with its line (row)
   * number; `typed` gives the cells that were typed in the workbook.
   */
  pushRecord(cells: string[], line: number, typed?: readonly (TypedCell | undefined)[]): void;
  /** Finishes reading and returns what the file held. Call once. */
  end(): EvidencePart;
  /** The kind detected from the header, once the header has been read. */
  readonly kind: EvidenceFileKind | undefined;
}

/** A stand-in plan for reading self / appraised points as plain decimals. */
const POINTS_PLAN: InputPlan = Object.freeze({ kind: "input", name: "points", slot: -1, type: "number", missing: "error" });

const KIND_LABEL: Record<EvidenceFileKind, string> = {
  registry: "unit registry",
  "inputs-long": "long-form inputs file",
  "inputs-wide": "wide-form inputs file",
  points: "points table",
  "evidence-json": "JSON evidence file",
  unknown: "file",
};

export function kindLabel(kind: EvidenceFileKind): string {
  return KIND_LABEL[kind];
}

type RowHandler = (cells: string[], line: number) => void;

/** Longest cell read, in characters: 64 KiB (a long note fits; a runaway cell does not). */
export const MAX_CELL_CHARS = 1 << 16;

/** Creates an incremental CSV evidence reader (registry, long or wide inputs, or points table). */
export function createEvidenceReader(schema: EvidenceSchema, options: EvidenceReaderOptions = {}): EvidenceReader {
  expectSchema("createEvidenceReader(schema, options)", "schema", schema);
  expectOptions("createEvidenceReader(schema, options)", "options", options);
  const locale: Locale = options.locale ?? "en";
  const partOptions: { file?: string; locale: Locale; registry?: readonly UnitInfo[] | ReadonlySet<string>; maxDiagnostics?: number } = { locale };
  if (options.maxDiagnostics !== undefined) partOptions.maxDiagnostics = options.maxDiagnostics;
  if (options.file !== undefined) partOptions.file = options.file;
  if (options.registry !== undefined) partOptions.registry = options.registry;
  const b = new PartBuilder(schema, partOptions);
  const file = options.file;
  const progressEvery = Math.max(1, options.progressEvery ?? 50_000);
  const onProgress = options.onProgress;
  let nextProgress = progressEvery;
  let bytes = 0;
  let kind: EvidenceFileKind | undefined;
  let handler: RowHandler | undefined;
  let width = 0;
  let started = false;
  /** The strict streaming decoder, once a chunk needs it (see {@link ChunkDecoder}). */
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  const fastDecoder = new ChunkDecoder();
  let encodingReported = false;
  let ended = false;

  const sheet = options.sheet;
  const offset = options.columnOffset ?? 0;
  const at = (line: number, column: number): Location => {
    const where: { file?: string; sheet?: string; line: number; column: number } = { line, column: column + offset };
    if (file !== undefined) where.file = file;
    if (sheet !== undefined) where.sheet = sheet;
    return where;
  };
  /** The typed cells of the record being read (workbook rows only). */
  let typedRow: readonly (TypedCell | undefined)[] | undefined;
  const valueAt = (cells: string[], index: number, plan: InputPlan): ReturnType<typeof parseValue> => {
    const typed = typedRow?.[index];
    if (typed === undefined || typed.text === undefined) return parseValue(cells[index] as string, plan, locale);
    const pct = typed.percent !== undefined && (plan.type === "ratio" || plan.type === "percent");
    return parseValue(pct ? (typed.percent as string) : typed.text, plan, "en");
  };

  const maxCell = options.maxCellLength ?? MAX_CELL_CHARS;
  const maxLine = options.maxLineLength ?? MAX_LINE_CHARS;
  /** The first over-long cell of a record, reported (the row rejected, or the file unread for a header). */
  const longCell = (cells: string[], line: number): boolean => {
    for (let i = 0; i < cells.length; i++) {
      const length = (cells[i] as string).length;
      if (length <= maxCell) continue;
      if (handler === undefined) {
        b.report("evidence-cell-too-long", { length, limit: maxCell }, at(line, i + 1));
        handler = () => b.rejectRow();
        kind = "unknown";
        return true;
      }
      const row = b.beginRow();
      b.report("evidence-cell-too-long", { length, limit: maxCell }, { ...at(line, i + 1), ...(i === unitColumn ? {} : unitOf(cells)) });
      b.endRow(row);
      return true;
    }
    return false;
  };

  /** The fast path for the current kind of rows (long form only), or undefined. */
  let fastLine: ((buf: string, start: number, end: number, line: number) => boolean) | undefined;
  const sink: CsvSink = {
      line(buf, start, end, line) {
        if (fastLine === undefined || !fastLine(buf, start, end, line)) return false;
        if (onProgress !== undefined && b.rowsRead >= nextProgress) {
          nextProgress += progressEvery;
          onProgress({ rows: b.rowsRead, bytes });
        }
        return true;
      },
      record(cells, line) {
        if (isBlank(cells)) return;
        if (longCell(cells, line)) return;
        if (handler === undefined) {
          header(cells, line);
          return;
        }
        if (!checkWidth(cells, line)) return;
        if (typedRow !== undefined && typedRow.some((t) => t?.error !== undefined)) {
          const row = b.beginRow();
          typedRow.forEach((t, i) => {
            if (t?.error !== undefined) b.report("xlsx-error-value", { text: t.error }, { ...at(line, i + 1), ...unitOf(cells) });
          });
          b.endRow(row);
        } else handler(cells, line);
        if (onProgress !== undefined && b.rowsRead >= nextProgress) {
          nextProgress += progressEvery;
          onProgress({ rows: b.rowsRead, bytes });
        }
      },
      syntaxError(detail, line, column) {
        if (handler === undefined) {
          b.report("evidence-csv-syntax", { detail }, at(line, column));
          handler = () => b.rejectRow();
          kind = "unknown";
          return;
        }
        const row = b.beginRow();
        b.report("evidence-csv-syntax", { detail }, at(line, column));
        b.endRow(row);
      },
      lineTooLong(line, length) {
        if (handler === undefined) {
          b.report("evidence-line-too-long", { length, limit: maxLine }, at(line, 1));
          handler = () => b.rejectRow();
          kind = "unknown";
          return;
        }
        const row = b.beginRow();
        b.report("evidence-line-too-long", { length, limit: maxLine }, at(line, 1));
        b.endRow(row);
      },
  };
  const splitter = new CsvSplitter(sink, locale === "vi" ? ";" : ",", options.delimiter, maxLine);

  /** Too many or too few cells: reported, and the row rejected. Trailing empty cells are tolerated. */
  function checkWidth(cells: string[], line: number): boolean {
    if (cells.length === width) return true;
    if (cells.length > width) {
      let extra = -1;
      for (let i = width; i < cells.length; i++) {
        if ((cells[i] as string).trim() !== "") {
          extra = i;
          break;
        }
      }
      if (extra < 0) return true;
      const row = b.beginRow();
      b.report(
        "evidence-too-many-cells",
        { cells: cells.length, expected: width, text: (cells[extra] as string).trim() },
        { ...at(line, extra + 1), ...unitOf(cells) },
      );
      b.endRow(row);
      return false;
    }
    const row = b.beginRow();
    b.report("evidence-too-few-cells", { cells: cells.length, expected: width }, { ...at(line, cells.length + 1), ...unitOf(cells) });
    b.endRow(row);
    return false;
  }

  let unitColumn = 0;
  function unitOf(cells: string[]): { unit?: string } {
    if (kind === "registry" || kind === "unknown") return {};
    const u = (cells[unitColumn] ?? "").trim();
    return u === "" ? {} : { unit: nfc(u) };
  }

  function header(cells: string[], line: number): void {
    const names = cells.map((c) => nfc(c.trim()).toLowerCase());
    while (names.length > 1 && names[names.length - 1] === "") names.pop();
    width = names.length;
    const firstColumn = new Map<string, number>();
    const duplicates = new Set<number>();
    names.forEach((name, i) => {
      const first = firstColumn.get(name);
      if (first === undefined) firstColumn.set(name, i);
      else {
        duplicates.add(i);
        b.report("evidence-duplicate-header", { header: (cells[i] as string).trim(), firstColumn: first + 1 }, at(line, i + 1));
      }
    });
    const col = (name: string): number => firstColumn.get(name) ?? -1;
    const reportUnknown = (i: number, k: EvidenceFileKind, candidates: Iterable<string>): void => {
      const raw = (cells[i] as string).trim();
      const suggestion = didYouMean(raw.toLowerCase(), candidates);
      b.report(
        "evidence-unknown-header",
        suggestion === undefined ? { header: raw, kind: KIND_LABEL[k] } : { header: raw, kind: KIND_LABEL[k], suggestion },
        at(line, i + 1),
      );
    };
    const missing = (name: string, k: EvidenceFileKind): void => {
      b.report("evidence-missing-header", { header: name, kind: KIND_LABEL[k] }, at(line, 1));
    };
    const dead = (): void => {
      handler = () => b.rejectRow();
    };
    const expected = (k: EvidenceFileKind): boolean => {
      if (options.expect === undefined || options.expect.includes(k)) return true;
      kind = k;
      b.report("evidence-wrong-file-kind", { kind: KIND_LABEL[k], expected: options.expect.map((e) => KIND_LABEL[e]).join(" or ") }, at(line, 1));
      dead();
      return false;
    };

    if (firstColumn.has("code") && !firstColumn.has("unit")) {
      if (!expected("registry")) return;
      kind = "registry";
      if (!firstColumn.has("name")) {
        missing("name", kind);
        return dead();
      }
      handler = registryRows(col("code"), col("name"), col("type"), col("parent"), attributeColumns(cells, names, duplicates));
      return;
    }
    if (!firstColumn.has("unit")) {
      kind = "unknown";
      b.report("evidence-unknown-file-kind", { header: cells.map((c) => c.trim()).join(splitter.delimiter ?? ",") }, at(line, 1));
      return dead();
    }
    unitColumn = col("unit");
    if (firstColumn.has("criterion")) {
      if (!expected("points")) return;
      kind = "points";
      // title, max and scoring: the self-assessment workbook's reading aids, ignored.
      const known = ["unit", "criterion", "self", "appraised", "note", "documents", "title", "max", "scoring"];
      names.forEach((n, i) => {
        if (!known.includes(n) && !duplicates.has(i)) reportUnknown(i, "points", known);
      });
      if (!firstColumn.has("self") && !firstColumn.has("appraised")) {
        missing("self", kind);
        return dead();
      }
      handler = pointsRows(unitColumn, col("criterion"), col("self"), col("appraised"), col("note"), col("documents"));
      return;
    }
    const longForm = firstColumn.has("input") && !schema.inputs.has("input") && !schema.inputs.has("value");
    if (longForm || (firstColumn.has("value") && !schema.inputs.has("value"))) {
      if (!expected("inputs-long")) return;
      kind = "inputs-long";
      // label and type: the self-assessment workbook's reading aids, ignored.
      const known = ["unit", "input", "value", "note", "label", "type"];
      names.forEach((n, i) => {
        if (!known.includes(n) && !duplicates.has(i)) reportUnknown(i, "inputs-long", known);
      });
      for (const required of ["input", "value"]) {
        if (!firstColumn.has(required)) {
          missing(required, kind);
          return dead();
        }
      }
      handler = longRows(unitColumn, col("input"), col("value"), col("note"));
      if (evidenceFastPaths()) fastLine = longFast(unitColumn, col("input"), col("value"), col("note"));
      return;
    }
    if (!expected("inputs-wide")) return;
    kind = "inputs-wide";
    const columns: { index: number; plan: InputPlan }[] = [];
    names.forEach((n, i) => {
      if (i === unitColumn || duplicates.has(i)) return;
      const plan = schema.inputs.get(n);
      if (plan === undefined) reportUnknown(i, "inputs-wide", schema.inputs.keys());
      else columns.push({ index: i, plan });
    });
    handler = wideRows(unitColumn, columns);
  }

  function attributeColumns(cells: string[], names: string[], duplicates: ReadonlySet<number>): { index: number; name: string }[] {
    const standard = new Set(["code", "name", "type", "parent"]);
    const out: { index: number; name: string }[] = [];
    names.forEach((n, i) => {
      if (!standard.has(n) && !duplicates.has(i) && n !== "") out.push({ index: i, name: nfc((cells[i] as string).trim()) });
    });
    return out;
  }

  /** A required identifier cell (unit code, input name, criterion): empty is an error. */
  function required(cells: string[], index: number, column: string, line: number, unit?: string): string | undefined {
    const v = (cells[index] as string).trim();
    if (v === "") {
      b.report("evidence-empty-cell", { column }, withUnit(at(line, index + 1), unit));
      return undefined;
    }
    // Identifiers compare as Unicode NFC (Vietnamese typed decomposed matches precomposed).
    return nfc(v);
  }

  function optionalCell(cells: string[], index: number): string | undefined {
    if (index < 0) return undefined;
    const v = (cells[index] as string).trim();
    return v === "" ? undefined : nfc(v);
  }

  function unitCell(cells: string[], index: number, line: number): string | undefined {
    const unit = required(cells, index, "unit", line);
    if (unit === undefined) return undefined;
    if (!b.checkUnit(unit, at(line, index + 1))) return undefined;
    // A unit named in a row is a unit of the file, even when the row gives no value
    // (`u2,,` in wide form): it is scored (incomplete) rather than silently dropped.
    b.unit(unit);
    return unit;
  }

  function registryRows(
    codeCol: number,
    nameCol: number,
    typeCol: number,
    parentCol: number,
    attributes: readonly { index: number; name: string }[],
  ): RowHandler {
    const units: UnitInfo[] = [];
    const lines = new Map<string, number>();
    b.registry = units;
    return (cells, line) => {
      const row = b.beginRow();
      const code = required(cells, codeCol, "code", line);
      if (code !== undefined) {
        const first = lines.get(code);
        if (first !== undefined) b.report("evidence-duplicate-unit", { code, first: `line ${first}` }, { ...at(line, codeCol + 1), unit: code });
        else {
          lines.set(code, line);
          let name = optionalCell(cells, nameCol);
          if (name !== undefined) name = detach(name);
          if (name === undefined) {
            b.report("evidence-missing-name", { code }, { ...at(line, nameCol + 1), unit: code });
            name = code;
          }
          const attrs = Object.create(null) as Record<string, string>;
          for (const a of attributes) attrs[a.name] = detach(nfc((cells[a.index] as string).trim()));
          const info: { code: string; name: string; type?: string; parent?: string; attributes: Record<string, string>; where: Location } = {
            code,
            name,
            attributes: Object.freeze(attrs),
            where: at(line, 1),
          };
          const type = optionalCell(cells, typeCol);
          const parent = optionalCell(cells, parentCol);
          if (type !== undefined) info.type = detach(type);
          if (parent !== undefined) info.parent = detach(parent);
          units.push(Object.freeze(info));
        }
      }
      b.endRow(row);
    };
  }

  function longRows(unitCol: number, inputCol: number, valueCol: number, noteCol: number): RowHandler {
    const place = new CellPlace(file, sheet, valueCol + 1 + offset);
    return (cells, line) => {
      const row = b.beginRow();
      const unit = unitCell(cells, unitCol, line);
      const name = required(cells, inputCol, "input", line, unit);
      const plan = name === undefined ? undefined : b.lookupInput(name, () => withUnit(at(line, inputCol + 1), unit));
      if (plan !== undefined) {
        const result = valueAt(cells, valueCol, plan);
        if (!result.ok) b.reportValue(result, { ...withUnit(at(line, valueCol + 1), unit), input: plan.name });
        else if (unit !== undefined && !b.rowHasError && !(options.blankPointsAreMissing && result.value === MISSING)) {
          const note = optionalCell(cells, noteCol);
          // The plan's name, not the cell: a cell is a slice of the read chunk.
          b.addInput(unit, plan.name, new CellEntry(result.value, 0, row, line, place, note === undefined ? undefined : detach(note)));
        }
      }
      b.endRow(row, unit);
    };
  }

  function wideRows(unitCol: number, columns: readonly { index: number; plan: InputPlan }[]): RowHandler {
    const places = columns.map(({ index }) => new CellPlace(file, sheet, index + 1 + offset));
    return (cells, line) => {
      const row = b.beginRow();
      const unit = unitCell(cells, unitCol, line);
      for (let c = 0; c < columns.length; c++) {
        const { index, plan } = columns[c]!;
        const where = at(line, index + 1);
        const result = valueAt(cells, index, plan);
        if (!result.ok) {
          b.reportValue(result, unit === undefined ? { ...where, input: plan.name } : { ...where, unit, input: plan.name });
          continue;
        }
        // An empty cell in wide form says nothing (the input is simply not given here).
        if (unit === undefined || result.value === MISSING) continue;
        b.addInput(unit, plan.name, new CellEntry(result.value, 0, row, line, places[c]!, undefined));
      }
      b.endRow(row, unit);
    };
  }

  /**
   * The long-form fast path: one unquoted line read straight from the buffer, without
   * splitting it into an array or building a location. It takes only a line that the
   * slow path (longRows) would use whole, with no problem to report: exactly `width`
   * cells, none over-long; unit, input and value cells without surrounding whitespace;
   * a unit allowed here; a known input not yet given for the unit in this file; a value
   * its type accepts. Anything else returns false before any effect, and the line goes
   * through the slow path, which reports what it finds. Same values, rows and counts.
   */
  function longFast(unitCol: number, inputCol: number, valueCol: number, noteCol: number): (buf: string, start: number, end: number, line: number) => boolean {
    if (options.blankPointsAreMissing === true) return () => false;
    const place = new CellPlace(file, sheet, valueCol + 1 + offset);
    const delim = splitter.delimiter ?? ",";
    const mark = decimalMark(locale);
    const starts = new Int32Array(width);
    const ends = new Int32Array(width);
    // Input names that are NFC already (the slow path looks up the NFC form of the cell).
    const plans = new Map<string, InputPlan>();
    for (const [name, plan] of schema.inputs) if (nfc(name) === name) plans.set(name, plan);
    let lastRaw = "";
    let lastUnit: ReturnType<PartBuilder["unit"]> | undefined;
    /** True when the cell has a character and no whitespace at either end (so trim() keeps it). */
    const bare = (buf: string, i: number): boolean => {
      const s = starts[i]!;
      const e = ends[i]!;
      if (e <= s) return false;
      const first = buf.charCodeAt(s);
      const last = buf.charCodeAt(e - 1);
      return first > 32 && first < 127 && last > 32 && last < 127;
    };
    return (buf, start, end, line) => {
      // Cut the cells.
      let n = 0;
      let from = start;
      for (;;) {
        if (n >= width) return false;
        const at = buf.indexOf(delim, from);
        starts[n] = from;
        if (at < 0 || at >= end) {
          ends[n++] = end;
          break;
        }
        ends[n++] = at;
        from = at + 1;
      }
      if (n !== width) return false;
      for (let i = 0; i < n; i++) if (ends[i]! - starts[i]! > maxCell) return false;
      if (!bare(buf, unitCol) || !bare(buf, inputCol) || !bare(buf, valueCol)) return false;
      // The unit: the same raw cell as the last line's gives the same unit.
      const us = starts[unitCol]!;
      const ue = ends[unitCol]!;
      let u = lastUnit;
      if (u === undefined || ue - us !== lastRaw.length || !buf.startsWith(lastRaw, us)) {
        const raw = buf.slice(us, ue);
        const code = nfc(raw);
        if (!b.knowsUnit(code)) return false;
        u = b.unit(code);
        lastRaw = u.code === raw ? u.code : detach(raw);
        lastUnit = u;
      }
      const plan = plans.get(buf.slice(starts[inputCol]!, ends[inputCol]!));
      if (plan === undefined || u.inputs.has(plan.name)) return false;
      const vs = starts[valueCol]!;
      const ve = ends[valueCol]!;
      const ymd = plan.type === "date" ? dateNumber(buf, vs, ve) : Number.NaN;
      let value: Value | number = ymd === ymd ? ymd : scaledNumber(buf, vs, ve, mark, plan);
      let scale = 0;
      if (ymd === ymd) {
        // a date, kept as y·10⁴ + m·100 + d
      } else if (value === value) scale = scaledNumberScale();
      else {
        const result = parseValue(buf.slice(vs, ve), plan, locale);
        if (!result.ok) return false;
        value = result.value;
      }
      let note: string | undefined;
      if (noteCol >= 0) {
        const t = buf.slice(starts[noteCol]!, ends[noteCol]!).trim();
        if (t !== "") note = detach(nfc(t));
      }
      if (ymd === ymd) b.addRowDate(u, plan, ymd, line, place, note);
      else if (typeof value === "number") b.addRowNumber(u, plan, value, scale, line, place, note);
      else b.addRowValue(u, plan, value, line, place, note);
      return true;
    };
  }

  function pointsRows(unitCol: number, criterionCol: number, selfCol: number, appraisedCol: number, noteCol: number, documentsCol: number): RowHandler {
    const readPoints = (cells: string[], index: number, line: number, unit: string | undefined): Decimal | undefined => {
      if (index < 0) return undefined;
      const result = valueAt(cells, index, POINTS_PLAN);
      if (!result.ok) {
        b.reportValue(result, unit === undefined ? at(line, index + 1) : { ...at(line, index + 1), unit });
        return undefined;
      }
      return isDecimal(result.value) ? result.value : undefined;
    };
    const criterionPlace = new CellPlace(file, sheet, criterionCol + 1 + offset);
    return (cells, line) => {
      const row = b.beginRow();
      const unit = unitCell(cells, unitCol, line);
      const criterion = required(cells, criterionCol, "criterion", line, unit);
      if (criterion !== undefined) b.checkCriterion(criterion, () => ({ ...at(line, criterionCol + 1), ...(unit === undefined ? {} : { unit }) }));
      const self = readPoints(cells, selfCol, line, unit);
      const appraised = readPoints(cells, appraisedCol, line, unit);
      if (!b.rowHasError && self === undefined && appraised === undefined && !options.blankPointsAreMissing) {
        const column = selfCol >= 0 ? selfCol : appraisedCol;
        b.report("evidence-empty-cell", { column: "self or appraised" }, { ...at(line, column + 1), ...(unit === undefined ? {} : { unit }) });
      }
      const documents = optionalCell(cells, documentsCol);
      // In a workbook, a row left blank (no points, no documents) says nothing.
      const blank = options.blankPointsAreMissing === true && self === undefined && appraised === undefined && documents === undefined;
      if (unit !== undefined && criterion !== undefined && !b.rowHasError && !blank) {
        // The same location as at(line, criterionCol + 1), with its keys in the same order.
        b.addPoints(unit, criterion, pointsEntry(self, appraised, optionalCell(cells, noteCol), criterionPlace.at(line), row, documents), { line, place: criterionPlace });
      }
      b.endRow(row, unit);
    };
  }

  function pushText(text: string): void {
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) splitter.push(text);
  }

  function decode(chunk: Uint8Array, final: boolean): string {
    decoder ??= new TextDecoder("utf-8", { fatal: true });
    try {
      return final ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      decoder = new TextDecoder("utf-8");
      const text = final ? "\uFFFD" : decoder.decode(chunk, { stream: true });
      if (!encodingReported) {
        encodingReported = true;
        const at = Math.max(0, text.indexOf("\uFFFD"));
        const where: Location = file === undefined ? {} : { file };
        b.report("evidence-encoding", { offset: bytes - chunk.byteLength + at }, where);
      }
      return text;
    }
  }

  return {
    get kind() {
      return kind;
    },
    push(chunk) {
      if (ended) return;
      if (typeof chunk === "string") {
        bytes += chunk.length;
        pushText(chunk);
      } else {
        bytes += chunk.byteLength;
        if (decoder === undefined) {
          const text = fastDecoder.decode(chunk);
          if (text !== undefined) return pushText(text);
          // An invalid byte (or a U+FFFD): from here on, the strict streaming decoder, from the bytes not yet read.
          chunk = fastDecoder.rest();
          decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: started });
        }
        started = true;
        splitter.push(decode(chunk, false));
      }
    },
    pushRecord(cells, line, typed) {
      if (ended) return;
      started = true;
      typedRow = typed;
      try {
        sink.record(cells, line);
      } finally {
        typedRow = undefined;
      }
    },
    end() {
      if (!ended) {
        ended = true;
        const cut = decoder === undefined ? fastDecoder.rest() : undefined;
        if (cut !== undefined && cut.length > 0) {
          // A character cut by the end of the input: the strict decoder words it.
          decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: started });
          started = true;
          splitter.push(decode(cut, false));
        }
        if (decoder !== undefined) {
          const rest = decode(new Uint8Array(0), true);
          if (rest.length > 0) splitter.push(rest);
        }
        splitter.end();
        if (handler === undefined) {
          kind = "unknown";
          b.report("evidence-empty-file", { what: "evidence" }, file === undefined ? { line: 1, column: 1 } : { file, line: 1, column: 1 });
        }
        onProgress?.({ rows: b.rowsRead, bytes });
      }
      return b.finish(kind ?? "unknown", splitter.delimiter);
    },
  };
}

function withUnit(where: Location, unit: string | undefined): Location {
  return unit === undefined ? where : { ...where, unit };
}

function isBlank(cells: readonly string[]): boolean {
  const first = cells[0];
  if (first !== undefined && first.length > 0 && first.charCodeAt(0) > 32) return false;
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

/** Reads a whole CSV text at once (same result as pushing it in chunks). */
export function readEvidenceCsv(text: string | Uint8Array, schema: EvidenceSchema, options: EvidenceReaderOptions = {}): EvidencePart {
  expectTextOrBytes("readEvidenceCsv(text, schema, options)", "text", text);
  expectSchema("readEvidenceCsv(text, schema, options)", "schema", schema);
  const reader = createEvidenceReader(schema, options);
  reader.push(text);
  return reader.end();
}

