/**
 * The evidence-document register (sổ tài liệu kiểm chứng): one row per document a unit
 * gives for a criterion, CSV `unit,criterion,document,number,date[,link]`. Pure: text in,
 * records and diagnostics out; every row is used or reported.
 */
import { CalendarDate, isMissing } from "../core/value.js";
import { type Diagnostic, type Location, diag, didYouMean } from "../diagnostics/index.js";
import type { InputPlan } from "../framework/ir.js";
import { CsvSplitter, MAX_LINE_CHARS } from "./csv.js";
import type { Locale } from "./locale.js";
import { parseValue } from "./values.js";

/** One document of the register. */
export interface RegisterEntry {
  readonly unit: string;
  readonly criterion: string;
  /** The document's title or kind (matched against the criterion's `evidence:` list). */
  readonly document: string;
  /** Its number and sign, e.g. `15/KH-UBND`. */
  readonly number?: string;
  readonly date?: CalendarDate;
  readonly link?: string;
  readonly where: Location;
}

export interface RegisterRead {
  readonly entries: readonly RegisterEntry[];
  readonly diagnostics: readonly Diagnostic[];
  /** Data rows read (blank lines not counted). */
  readonly rows: number;
}

export interface ReadRegisterOptions {
  readonly file?: string;
  /** How dates are written (dd/mm/yyyy is read in both); decides the fallback delimiter. */
  readonly locale?: Locale;
  /** Unit codes that exist: another code is an error. */
  readonly units?: ReadonlySet<string>;
  /** Criterion and adjustment ids of the framework: another id is an error. */
  readonly criteria: ReadonlySet<string>;
  /** The appraisal date: a document dated after it is an error. */
  readonly appraisedOn?: CalendarDate;
}

const DATE_PLAN: InputPlan = Object.freeze({ kind: "input", name: "date", slot: -1, type: "date", missing: "zero" });
const COLUMNS = ["unit", "criterion", "document", "number", "date", "link"] as const;
const REQUIRED = ["unit", "criterion", "document"] as const;
const KIND = "document register (unit,criterion,document,number,date[,link])";

/** Reads a document register CSV (`,` or `;`, detected from the header; a BOM is skipped). */
export function readRegisterCsv(text: string, options: ReadRegisterOptions): RegisterRead {
  const file = options.file;
  const at = (line: number, column: number): Location => (file === undefined ? { line, column } : { file, line, column });
  const diagnostics: Diagnostic[] = [];
  const entries: RegisterEntry[] = [];
  let rows = 0;
  let columns: Map<string, number> | undefined;
  let width = 0;
  let dead = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const splitter = new CsvSplitter(
    {
      record(cells, line) {
        if (cells.every((c) => c.trim() === "")) return;
        if (columns === undefined) {
          columns = header(cells, line);
          width = cells.length;
          return;
        }
        rows++;
        if (dead) return;
        row(cells, line, columns);
      },
      syntaxError(detail, line, column) {
        if (columns !== undefined) rows++;
        diagnostics.push(diag("evidence-csv-syntax", { detail }, at(line, column)));
      },
      lineTooLong(line, length) {
        if (columns !== undefined) rows++;
        diagnostics.push(diag("evidence-line-too-long", { length, limit: MAX_LINE_CHARS }, at(line, 1)));
      },
    },
    options.locale === "vi" ? ";" : ",",
  );

  function header(cells: string[], line: number): Map<string, number> {
    const map = new Map<string, number>();
    cells.forEach((c, i) => {
      const name = c.trim().toLowerCase();
      if (name === "") return;
      if (!(COLUMNS as readonly string[]).includes(name)) {
        const suggestion = didYouMean(name, COLUMNS);
        diagnostics.push(diag("evidence-unknown-header", { header: c.trim(), kind: KIND, ...(suggestion !== undefined && { suggestion }) }, at(line, i + 1)));
        dead = true;
      } else if (map.has(name)) {
        diagnostics.push(diag("evidence-duplicate-header", { header: c.trim(), firstColumn: map.get(name)! + 1 }, at(line, i + 1)));
        dead = true;
      } else map.set(name, i);
    });
    for (const r of REQUIRED) {
      if (!map.has(r)) {
        diagnostics.push(diag("evidence-missing-header", { header: r, kind: KIND }, at(line, 1)));
        dead = true;
      }
    }
    return map;
  }

  function row(cells: string[], line: number, cols: Map<string, number>): void {
    const cell = (name: string): string => {
      const i = cols.get(name);
      return i === undefined ? "" : (cells[i] ?? "").trim().normalize("NFC");
    };
    let ok = true;
    for (let i = width; i < cells.length; i++) {
      if ((cells[i] ?? "").trim() !== "") {
        diagnostics.push(diag("evidence-too-many-cells", { cells: cells.length, expected: width, text: cells[i]!.trim() }, at(line, i + 1)));
        return;
      }
    }
    const unit = cell("unit");
    const criterion = cell("criterion");
    const document = cell("document");
    const col = (name: string): number => (cols.get(name) ?? 0) + 1;
    const whereUnit = unit === "" ? {} : { unit };
    for (const [name, value] of [
      ["unit", unit],
      ["criterion", criterion],
      ["document", document],
    ] as const) {
      if (value === "") {
        diagnostics.push(diag("evidence-empty-cell", { column: name }, { ...at(line, col(name)), ...whereUnit }));
        ok = false;
      }
    }
    if (unit !== "" && options.units !== undefined && !options.units.has(unit)) {
      const suggestion = didYouMean(unit, options.units);
      diagnostics.push(diag("evidence-unknown-unit", { unit, ...(suggestion !== undefined && { suggestion }) }, { ...at(line, col("unit")), unit }));
      ok = false;
    }
    if (criterion !== "" && !options.criteria.has(criterion)) {
      const suggestion = didYouMean(criterion, options.criteria);
      diagnostics.push(diag("evidence-unknown-criterion", { criterion, ...(suggestion !== undefined && { suggestion }) }, { ...at(line, col("criterion")), ...whereUnit }));
      ok = false;
    }
    let date: CalendarDate | undefined;
    const dateText = cell("date");
    if (dateText !== "") {
      const parsed = parseValue(dateText, DATE_PLAN, options.locale ?? "en");
      if (!parsed.ok) {
        diagnostics.push(diag(parsed.code, parsed.params as never, { ...at(line, col("date")), ...whereUnit }));
        ok = false;
      } else if (!isMissing(parsed.value) && parsed.value instanceof CalendarDate) {
        date = parsed.value;
        if (options.appraisedOn !== undefined && date.compare(options.appraisedOn) > 0) {
          diagnostics.push(
            diag(
              "register-document-after-appraisal",
              { unit, criterion, document: describeDocument(document, cell("number")), date: formatDate(date), appraised: formatDate(options.appraisedOn) },
              { ...at(line, col("date")), ...whereUnit, ...(criterion !== "" && { criterion }) },
            ),
          );
          ok = false;
        }
      }
    }
    if (!ok) return;
    const number = cell("number");
    const link = cell("link");
    entries.push(
      Object.freeze({
        unit,
        criterion,
        document,
        ...(number !== "" && { number }),
        ...(date !== undefined && { date }),
        ...(link !== "" && { link }),
        where: Object.freeze({ ...at(line, 1), unit, criterion }),
      }),
    );
  }

  splitter.push(body);
  splitter.end();
  if (columns === undefined) diagnostics.push(diag("evidence-empty-file", { what: "document register" }, at(1, 1)));
  return { entries, diagnostics, rows };
}

/** `Kế hoạch CCHC năm 2024 (15/KH-UBND)`: a document as named in messages. */
export function describeDocument(document: string, number: string | undefined): string {
  return number === undefined || number === "" ? document : `${document} (${number})`;
}

/** A date as an official writes it: dd/mm/yyyy. */
export function formatDate(d: CalendarDate): string {
  return `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${String(d.year).padStart(4, "0")}`;
}
