/**
 * RFC 4180 records from text, for the paths that read a whole small text at once (a quoted evidence
 * record, a ratings file). Pure string code: no `Buffer`, so the core runs in a browser as it does in
 * Node. Quoted cells may hold the delimiter, `""` (one quote) and line breaks; records end at `\n`,
 * `\r\n` or a lone `\r` outside quotes.
 */

/** One record: its cells (unquoted, untrimmed), the 1-based line it starts on and each cell's column. */
export interface CsvRecord {
  readonly cells: string[];
  readonly line: number;
  /** The 1-based column (in characters, on the cell's own line) where each cell starts. */
  readonly columns: number[];
}

/** Why a text is not valid CSV, and where: the first problem met. */
export interface CsvRecordError {
  readonly problem: "closing-quote" | "opening-quote" | "unclosed-quote";
  /** 0-based index of the cell within its record. */
  readonly field: number;
  readonly line: number;
  readonly column: number;
}

export type CsvRecordsResult = { readonly ok: true; readonly records: CsvRecord[] } | { readonly ok: false; readonly error: CsvRecordError };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits `text` into records. `skipEmptyLines` drops lines with no characters at all (a line of
 * delimiters is a record of empty cells). A final line break does not start a record.
 */
export function parseCsvRecords(text: string, delimiter: string, options: { readonly skipEmptyLines?: boolean } = {}): CsvRecordsResult {
  const delim = delimiter.charCodeAt(0);
  const len = text.length;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  while (i < len) {
    const recordLine = line;
    const cells: string[] = [];
    const columns: number[] = [];
    let field = 0;
    let anyQuoted = false;
    // One record.
    for (;;) {
      columns.push(i - lineStart + 1);
      if (text.charCodeAt(i) === QUOTE) {
        anyQuoted = true;
        const open = { line, column: i - lineStart + 1 };
        let value = "";
        let from = ++i;
        for (;;) {
          if (i >= len) return { ok: false, error: { problem: "unclosed-quote", field, line: open.line, column: open.column } };
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += text.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            value += text.slice(from, i);
            i++;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
            line++;
            lineStart = i + 1;
          }
          i++;
        }
        cells.push(value);
        const after = i < len ? text.charCodeAt(i) : -1;
        if (after !== -1 && after !== delim && after !== LF && after !== CR) {
          return { ok: false, error: { problem: "closing-quote", field, line, column: i - lineStart + 1 } };
        }
      } else {
        const from = i;
        while (i < len) {
          const c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          if (c === QUOTE) return { ok: false, error: { problem: "opening-quote", field, line, column: i - lineStart + 1 } };
          i++;
        }
        cells.push(text.slice(from, i));
      }
      if (i < len && text.charCodeAt(i) === delim) {
        i++;
        field++;
        continue;
      }
      break;
    }
    // End of record: a line break or the end of the text.
    if (i < len) {
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      lineStart = i;
    }
    if (options.skipEmptyLines === true && cells.length === 1 && cells[0] === "" && !anyQuoted) continue;
    records.push({ cells, line: recordLine, columns });
  }
  return { ok: true, records };
}
