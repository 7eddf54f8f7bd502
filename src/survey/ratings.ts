/**
 * Counter / portal ratings CSV: `unit,level,count` (any column order; level by
 * number or label, case-insensitive; count a non-negative whole number).
 * Ratings files are small (a row per unit and level), so they are parsed in one go with the core's RFC 4180 record parser.
 */
import { parseCsvRecords, type CsvRecord } from "../core/csv-records.js";
import { diag, suggestion, type Diagnostic, type DiagnosticCode, type ParamsOf } from "../diagnostics/index.js";
import { createSurveyAccumulator, unitAccumulator, type SurveyAccumulator } from "./accumulator.js";
import { normalizeAnswer } from "./parse.js";
import type { CompiledSurvey } from "./plan.js";
import { detectDelimiter, type ReadOptions } from "./responses.js";

export interface RatingsReadResult {
  readonly accumulator: SurveyAccumulator;
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: { readonly rows: number; readonly rowsUsed: number; readonly rowsRejected: number };
}

const COLUMNS = ["unit", "level", "count"] as const;

/** Reads counter ratings into the accumulator's per-unit ratings section. Never throws. */
export function readRatings(text: string, survey: CompiledSurvey, options: ReadOptions = {}): RatingsReadResult {
  const acc = options.into ?? createSurveyAccumulator(survey);
  const file = options.filename;
  const max = options.maxDiagnostics ?? 200;
  const diagnostics: Diagnostic[] = [];
  let omitted = 0;
  const report = <C extends DiagnosticCode>(code: C, params: ParamsOf<C>, line: number, column: number) => {
    if (diagnostics.length >= max) omitted++;
    else diagnostics.push(diag(code, params, { ...(file !== undefined && { file }), line, column }));
  };
  const stats = { rows: 0, rowsUsed: 0, rowsRejected: 0 };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, Math.max(0, body.indexOf("\n")) || body.length);
  const delimiter = String.fromCharCode(detectDelimiter(firstLine));

  const parsed = parseCsvRecords(body, delimiter, { skipEmptyLines: true });
  if (!parsed.ok) {
    const { problem, line, column } = parsed.error;
    const detail =
      problem === "closing-quote"
        ? "a quoted cell is followed by text before the next delimiter"
        : problem === "opening-quote"
          ? "a quote appears inside a cell that does not start with a quote"
          : "a quoted cell is never closed";
    report("survey-csv-quote", { detail }, line, column);
    return { accumulator: acc, diagnostics, stats };
  }
  const records = parsed.records;
  const head = records[0];
  if (head === undefined) {
    report("survey-csv-empty", { expected: COLUMNS.join(",") }, 1, 1);
    return { accumulator: acc, diagnostics, stats };
  }
  const names = head.cells.map((c) => c.trim().toLowerCase());
  const pos = new Map<string, number>();
  names.forEach((n, i) => {
    if (pos.has(n)) report("survey-duplicate-column", { column: head.cells[i]!.trim() }, 1, columnOf(head, i));
    else if ((COLUMNS as readonly string[]).includes(n)) pos.set(n, i);
    else report("survey-unknown-column", { column: head.cells[i]!.trim(), hint: suggestion(n, COLUMNS) }, 1, columnOf(head, i));
  });
  const missing = COLUMNS.filter((c) => !pos.has(c));
  for (const c of missing) report("survey-missing-column", { column: c, header: head.cells.join(delimiter) }, 1, 1);
  if (missing.length > 0) return { accumulator: acc, diagnostics, stats };

  const [ui, li, ci] = COLUMNS.map((c) => pos.get(c)!) as [number, number, number];
  const levelsText = survey.scale.levels
    .map((l, i) => (survey.scale.labels[i] ? `${l} ${survey.scale.labels[i]}` : String(l)))
    .join(", ");
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    const line = rec.line;
    stats.rows++;
    const unit = (rec.cells[ui] ?? "").trim();
    const levelText = rec.cells[li] ?? "";
    const countText = (rec.cells[ci] ?? "").trim();
    let ok = true;
    if (unit === "") {
      report("survey-missing-unit", {}, line, columnOf(rec, ui));
      ok = false;
    }
    const level = survey.scale.lookup.get(normalizeAnswer(levelText));
    if (level === undefined) {
      report("survey-ratings-level", { value: levelText, levels: levelsText }, line, columnOf(rec, li));
      ok = false;
    }
    const count = /^\d{1,15}$/.test(countText) ? Number(countText) : undefined;
    if (count === undefined) {
      report("survey-ratings-count", { value: countText }, line, columnOf(rec, ci));
      ok = false;
    }
    if (!ok || level === undefined || count === undefined) {
      stats.rowsRejected++;
      continue;
    }
    const u = unitAccumulator(acc, unit);
    // Counts are exact integers: a total beyond 2^53 − 1 (where doubles skip integers) is reported, never rounded.
    let total = count;
    for (const c of u.ratings) total += c;
    if (!Number.isSafeInteger(total)) {
      report("survey-ratings-total-too-large", { unit, value: countText, limit: String(Number.MAX_SAFE_INTEGER) }, line, columnOf(rec, ci));
      stats.rowsRejected++;
      continue;
    }
    u.ratings[level]! += count;
    u.hasRatings = true;
    stats.rowsUsed++;
  }
  if (omitted > 0) diagnostics.push(diag("survey-too-many-diagnostics", { limit: max, omitted }, { ...(file !== undefined && { file }), line: 1, column: 1 }));
  return { accumulator: acc, diagnostics, stats };
}

/** The 1-based character column of field `i` of the record. */
function columnOf(rec: CsvRecord, i: number): number {
  return rec.columns[i] ?? 1;
}
