/**
 * Counter / portal ratings CSV: `unit,level,count` (any column order; level by
 * number or label, case-insensitive; count a non-negative whole number).
 * Ratings files are small (a row per unit and level), so they are parsed in one go with csv-parse.
 */
import { parse } from "csv-parse/sync";
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

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number; readonly raw?: string };
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

  let records: ParsedRecord[];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as ParsedRecord[];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    report("survey-csv-quote", { detail: String(err.message ?? e).split("\n")[0]! }, err.lines ?? 1, 1);
    return { accumulator: acc, diagnostics, stats };
  }
  const head = records[0];
  if (head === undefined) {
    report("survey-csv-empty", { expected: COLUMNS.join(",") }, 1, 1);
    return { accumulator: acc, diagnostics, stats };
  }
  const names = head.record.map((c) => c.trim().toLowerCase());
  const pos = new Map<string, number>();
  names.forEach((n, i) => {
    if (pos.has(n)) report("survey-duplicate-column", { column: head.record[i]!.trim() }, 1, columnOf(head, i, delimiter));
    else if ((COLUMNS as readonly string[]).includes(n)) pos.set(n, i);
    else report("survey-unknown-column", { column: head.record[i]!.trim(), hint: suggestion(n, COLUMNS) }, 1, columnOf(head, i, delimiter));
  });
  const missing = COLUMNS.filter((c) => !pos.has(c));
  for (const c of missing) report("survey-missing-column", { column: c, header: head.record.join(delimiter) }, 1, 1);
  if (missing.length > 0) return { accumulator: acc, diagnostics, stats };

  const [ui, li, ci] = COLUMNS.map((c) => pos.get(c)!) as [number, number, number];
  const levelsText = survey.scale.levels
    .map((l, i) => (survey.scale.labels[i] ? `${l} ${survey.scale.labels[i]}` : String(l)))
    .join(", ");
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    const line = rec.info.lines;
    stats.rows++;
    const unit = (rec.record[ui] ?? "").trim();
    const levelText = rec.record[li] ?? "";
    const countText = (rec.record[ci] ?? "").trim();
    let ok = true;
    if (unit === "") {
      report("survey-missing-unit", {}, line, columnOf(rec, ui, delimiter));
      ok = false;
    }
    const level = survey.scale.lookup.get(normalizeAnswer(levelText));
    if (level === undefined) {
      report("survey-ratings-level", { value: levelText, levels: levelsText }, line, columnOf(rec, li, delimiter));
      ok = false;
    }
    const count = /^\d{1,15}$/.test(countText) ? Number(countText) : undefined;
    if (count === undefined) {
      report("survey-ratings-count", { value: countText }, line, columnOf(rec, ci, delimiter));
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
      report("survey-ratings-total-too-large", { unit, value: countText, limit: String(Number.MAX_SAFE_INTEGER) }, line, columnOf(rec, ci, delimiter));
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

/** The 1-based character column of field `i` in the record's raw text (exact for unquoted cells). */
function columnOf(rec: ParsedRecord, i: number, delimiter: string): number {
  const raw = rec.info.raw;
  if (raw === undefined) return 1;
  let col = 1;
  for (let k = 0; k < i; k++) col += (rec.record[k] ?? "").length + (raw.charCodeAt(col - 1) === 34 ? 2 : 0) + delimiter.length;
  return col;
}
