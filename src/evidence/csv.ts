/**
 * Incremental CSV record splitting. Records are cut at line breaks outside quotes
 * (`\n`, `\r\n` or a lone `\r`), each with the line it starts on. A record without
 * quotes is split on the delimiter directly (the hot path); a record with quotes is
 * handed to the core's RFC 4180 record parser, which unescapes `""` and rejects malformed quoting. A bad
 * record is reported and skipped; the next one is read normally.
 */
import { parseCsvRecords, type CsvRecordError } from "../core/csv-records.js";

export type Delimiter = "," | ";";

export interface CsvSink {
  /**
   * Optional fast path: one record without quotes, `buf[start, end)` (no line break),
   * taken whole when it returns true; on false the record is split and given to `record`.
   */
  line?(buf: string, start: number, end: number, line: number): boolean;
  /** One record: its cells (untrimmed) and the 1-based line it starts on. */
  record(cells: string[], line: number): void;
  /** A record whose quoting is malformed; `column` is the 1-based cell number. */
  syntaxError(detail: string, line: number, column: number): void;
  /** A record longer than the line limit, skipped up to the next line break; `length` is at least what was seen. */
  lineTooLong(line: number, length: number): void;
}

/** Longest CSV line (record) read, in characters: 1 MiB. */
export const MAX_LINE_CHARS = 1 << 20;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvSplitter {
  private buffer = "";
  private line = 1;
  private delim: Delimiter | undefined;
  private delimCode = 0;
  /** True while skipping the rest of an over-long line (up to the next line break). */
  private skipping = false;

  constructor(
    private readonly sink: CsvSink,
    /** Used when the header has as many `,` as `;` (e.g. a one-column header). */
    private readonly fallbackDelimiter: Delimiter,
    delimiter?: Delimiter,
    private readonly maxLine: number = MAX_LINE_CHARS,
  ) {
    if (delimiter !== undefined) this.setDelimiter(delimiter);
  }

  /** The delimiter in use: given, or detected from the header line. */
  get delimiter(): Delimiter | undefined {
    return this.delim;
  }

  push(text: string): void {
    if (this.skipping) {
      const nl = text.indexOf("\n");
      if (nl < 0) return; // still inside the over-long line
      this.skipping = false;
      this.line++;
      text = text.slice(nl + 1);
    }
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    this.drain(false);
  }

  end(): void {
    if (!this.skipping) this.drain(true);
    this.skipping = false;
    this.buffer = "";
  }

  /** Reports the over-long record at `pos` and skips to the line break after `pos + maxLine`; returns the next position, or -1 to skip in later chunks. */
  private skipLong(buf: string, pos: number): number {
    const nl = buf.indexOf("\n", pos + this.maxLine);
    const end = nl < 0 ? buf.length : nl;
    this.sink.lineTooLong(this.line, end - pos);
    if (nl < 0) {
      this.skipping = true;
      return -1;
    }
    this.line++;
    return nl + 1;
  }

  private setDelimiter(d: Delimiter): void {
    this.delim = d;
    this.delimCode = d.charCodeAt(0);
  }

  private drain(final: boolean): void {
    const buf = this.buffer;
    const len = buf.length;
    let pos = 0;
    if (this.delim === undefined) {
      // The header decides the delimiter; an endless first line decides nothing.
      const detected = detectDelimiter(buf.length > this.maxLine ? buf.slice(0, this.maxLine) : buf, final || buf.length > this.maxLine);
      if (detected === undefined) return; // the header line is not complete yet
      this.setDelimiter(detected ?? this.fallbackDelimiter);
    }
    const delim = this.delim as Delimiter;
    // Positions of the next quote / carriage return at or after `pos` (len when none).
    let nextQuote = indexOr(buf, '"', 0, len);
    let nextCr = indexOr(buf, "\r", 0, len);
    while (pos < len) {
      let nl = buf.indexOf("\n", pos);
      if (nl < 0) {
        if (!final) {
          if (len - pos > this.maxLine) {
            if ((pos = this.skipLong(buf, pos)) < 0) return void (this.buffer = "");
            continue;
          }
          break;
        }
        nl = len;
      }
      if (nl - pos > this.maxLine) {
        if ((pos = this.skipLong(buf, pos)) < 0) return void (this.buffer = "");
        continue;
      }
      if (nextQuote < pos) nextQuote = indexOr(buf, '"', pos, len);
      if (nextCr < pos) nextCr = indexOr(buf, "\r", pos, len);
      if (nextQuote >= nl && (nextCr >= nl || nextCr === nl - 1)) {
        const end = nextCr === nl - 1 ? nl - 1 : nl;
        if (this.sink.line === undefined || !this.sink.line(buf, pos, end, this.line)) this.sink.record(splitCells(buf, pos, end, delim), this.line);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.slowRecord(buf, pos, final);
      if (next < 0) {
        // An incomplete quoted record: wait for more text, unless it is already too long.
        if (len - pos > this.maxLine) {
          if ((pos = this.skipLong(buf, pos)) < 0) return void (this.buffer = "");
          continue;
        }
        break;
      }
      pos = next;
    }
    this.buffer = pos >= len ? "" : buf.slice(pos);
  }

  /**
   * Reads one record that has a quote or a lone CR, from `start`. Returns the
   * position after it, or -1 when the buffer ends inside it and more text may come.
   */
  private slowRecord(buf: string, start: number, final: boolean): number {
    const len = buf.length;
    const delim = this.delimCode;
    let inQuotes = false;
    let fieldStart = true;
    let breaks = 0;
    let i = start;
    let end = -1;
    let next = -1;
    while (i < len) {
      const c = buf.charCodeAt(i);
      if (inQuotes) {
        if (c === QUOTE) {
          if (i + 1 >= len && !final) return -1;
          if (buf.charCodeAt(i + 1) === QUOTE) i += 2;
          else {
            inQuotes = false;
            i++;
          }
          continue;
        }
        if (c === LF) breaks++;
        else if (c === CR) {
          if (i + 1 >= len && !final) return -1;
          if (buf.charCodeAt(i + 1) !== LF) breaks++;
        }
        i++;
        continue;
      }
      if (c === LF) {
        end = i;
        next = i + 1;
        break;
      }
      if (c === CR) {
        if (i + 1 >= len && !final) return -1;
        end = i;
        next = buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        break;
      }
      if (c === delim) fieldStart = true;
      else {
        if (c === QUOTE && fieldStart) inQuotes = true;
        fieldStart = false;
      }
      i++;
    }
    if (end < 0) {
      if (!final) return -1;
      end = len;
      next = len;
    }
    if (end - start > this.maxLine) this.sink.lineTooLong(this.line, end - start);
    else this.emitQuoted(buf.slice(start, end), this.line);
    this.line += 1 + breaks;
    return next;
  }

  private emitQuoted(text: string, line: number): void {
    const delim = this.delim as Delimiter;
    if (!text.includes('"')) {
      this.sink.record(text.split(delim), line);
      return;
    }
    const parsed = parseCsvRecords(text, delim);
    if (!parsed.ok) {
      this.sink.syntaxError(describeCsvError(parsed.error.problem), line, parsed.error.field + 1);
      return;
    }
    const record = parsed.records[0];
    if (parsed.records.length === 1 && record !== undefined) this.sink.record(record.cells, line);
    else this.sink.syntaxError("unexpected line break", line, 1);
  }
}

/** `buf.slice(start, end).split(delim)` without the intermediate line string. */
function splitCells(buf: string, start: number, end: number, delim: string): string[] {
  const cells: string[] = [];
  let from = start;
  for (;;) {
    const at = buf.indexOf(delim, from);
    if (at < 0 || at >= end) {
      cells.push(buf.slice(from, end));
      return cells;
    }
    cells.push(buf.slice(from, at));
    from = at + 1;
  }
}

function indexOr(text: string, needle: string, from: number, otherwise: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 ? otherwise : i;
}

function describeCsvError(problem: CsvRecordError["problem"]): string {
  switch (problem) {
    case "closing-quote":
      return "a quoted cell is followed by text before the next delimiter";
    case "opening-quote":
      return "a quote appears inside a cell that does not start with a quote";
    case "unclosed-quote":
      return "a quoted cell is never closed";
  }
}

/**
 * Detects the delimiter from the header line: the more frequent of `,` and `;`
 * outside quotes. Returns null on a tie, undefined when the line is not complete yet.
 */
export function detectDelimiter(buf: string, final: boolean): Delimiter | null | undefined {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  let complete = final;
  let blank = true;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i] as string;
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === ",") commas++;
    else if (c === ";") semicolons++;
    else if (c === "\n" || c === "\r") {
      if (blank) continue; // leading blank lines
      complete = true;
      break;
    }
    if (c.trim() !== "") blank = false;
  }
  if (!complete) return undefined;
  return commas > semicolons ? "," : semicolons > commas ? ";" : null;
}
