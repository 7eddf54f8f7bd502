/**
 * The results of `score` as a workbook (plain tables; `writeWorkbook` in
 * `par-index/node` writes the file): the ranking in the shape of a results
 * decision (`Xếp hạng`, and one sheet per `ranking.within` group), tidy rows
 * (`Chi tiết`) and the diagnostics (`Chẩn đoán`).
 */
import { type Decimal, roundTo, toJsonNumber } from "../core/decimal.js";
import type { Diagnostic } from "../diagnostics/index.js";
import type { ScoreResult, UnitResult } from "../engine/result.js";
import type { CompiledFramework } from "../framework/ir.js";
import { fieldsOf, readingOrder } from "./columns.js";
import { type Lang, statusWord, words } from "./lang.js";
import { toTidyRows } from "./tidy.js";
import { type CellData, type ColumnSpec, type SheetData, sheetName, type WorkbookData } from "./workbook.js";

export interface ScoreWorkbookOptions {
  /** Language of headings and words; default `vi`. */
  readonly lang?: Lang;
}

function published(value: Decimal | undefined, fw: CompiledFramework): number | null {
  if (value === undefined) return null;
  const n = toJsonNumber(roundTo(value, fw.rounding));
  return Object.is(n, -0) ? 0 : n;
}

/** The framework's title block: title, the decision it follows, the year. */
export function titleBlock(fw: CompiledFramework, lang: Lang, heading: string): string[] {
  const w = words(lang);
  const title = lang === "en" && fw.titleEn !== undefined ? fw.titleEn : fw.title;
  return [heading, title, `${w.source}: ${fw.source} — ${w.year} ${fw.year}`];
}

function rankingSheet(result: ScoreResult, units: readonly UnitResult[], name: string, lang: Lang, groupColumn: boolean): SheetData {
  const fw = result.framework;
  const w = words(lang);
  const decimals = fw.rounding.decimals;
  const fields = fieldsOf(fw);
  const hasGrades = (fw.grades?.length ?? 0) > 0;
  const within = fw.ranking.within;
  const num = (header: string): ColumnSpec => ({ header, type: "number", decimals });
  const columns: ColumnSpec[] = [
    { header: w.no, type: "integer" },
    { header: w.code },
    { header: w.unit },
    ...(groupColumn && within !== undefined ? [{ header: within }] : []),
  ];
  const groups: [string, number, number][] = [];
  for (const f of fields) {
    groups.push([`${f.id}. ${f.title}`, columns.length, columns.length + 1]);
    columns.push(num(w.points), num(w.indexPct));
  }
  columns.push(num(w.totalPoints), num(w.maxPoints), num(w.indexPct), { header: w.rank, type: "integer" });
  if (hasGrades) columns.push({ header: w.grade });
  columns.push({ header: w.note, wrap: true });
  const rows = units.map((u, i): CellData[] => {
    const cells: CellData[] = [i + 1, u.unit, u.name];
    if (groupColumn && within !== undefined) cells.push(u.rankGroup ?? "");
    for (const f of fields) {
      const n = u.nodes[f.position];
      const applicable = n !== undefined && n.status !== "not_applicable";
      cells.push(applicable ? published(n.points, fw) : null, applicable ? published(n.index, fw) : null);
    }
    cells.push(published(u.points, fw), published(u.max, fw), published(u.index, fw), u.rank);
    if (hasGrades) cells.push(u.grade ?? "");
    const notes: string[] = [];
    if (!u.complete) notes.push(w.incomplete);
    for (const f of fields) if (u.nodes[f.position]?.status === "not_applicable") notes.push(`${f.id}: ${statusWord("not_applicable", lang)}`);
    cells.push(notes.join("; "));
    return cells;
  });
  return { name, title: titleBlock(fw, lang, w.rankingHeading), groups, columns, rows };
}

function detailSheet(result: ScoreResult, name: string, lang: Lang): SheetData {
  const fw = result.framework;
  const w = words(lang);
  const decimals = fw.rounding.decimals;
  const num = (header: string): ColumnSpec => ({ header, type: "number", decimals });
  const columns: ColumnSpec[] = [
    { header: w.code },
    { header: w.unit },
    { header: w.criterion },
    { header: w.title, width: 50 },
    num(w.points),
    num(w.maxPoints),
    num(w.indexPct),
    { header: w.status },
    num(w.self),
    num(w.selfDiff),
  ];
  const rows = toTidyRows(result).map((r): CellData[] => [
    r.unit,
    r.name,
    r.criterion,
    r.title,
    r.points,
    r.max,
    r.index,
    statusWord(r.status, lang),
    r.self,
    r.self_diff,
  ]);
  return { name, columns, rows };
}

/** The diagnostics as a sheet (severity, code, file, sheet, row/line, column, unit, subject, message). */
export function diagnosticsSheet(diagnostics: readonly Diagnostic[], name: string, lang: Lang): SheetData {
  const w = words(lang);
  const columns: ColumnSpec[] = [
    { header: w.severity },
    { header: w.diagCode },
    { header: w.file },
    { header: w.sheet },
    { header: w.line, type: "integer" },
    { header: w.column, type: "integer" },
    { header: w.unit },
    { header: w.subject },
    { header: w.message, width: 80, wrap: true },
  ];
  const rows = diagnostics.map((d): CellData[] => [
    w.severities[d.severity],
    d.code,
    d.file ?? null,
    d.sheet ?? null,
    d.line ?? null,
    d.column ?? null,
    d.unit ?? null,
    d.criterion ?? d.input ?? null,
    d.message,
  ]);
  return { name, columns, rows };
}

/**
 * The workbook of a scoring run: `Xếp hạng` (the results decision's table), one
 * sheet per `ranking.within` group, `Chi tiết` (tidy rows), `Chẩn đoán`.
 */
export function scoreWorkbook(result: ScoreResult, options: ScoreWorkbookOptions = {}): WorkbookData {
  const lang = options.lang ?? "vi";
  const w = words(lang);
  const taken = new Set<string>();
  const order = readingOrder(result);
  const within = result.framework.ranking.within;
  const sheets: SheetData[] = [rankingSheet(result, order, sheetName(w.rankingSheet, taken), lang, within !== undefined)];
  if (within !== undefined) {
    const groups = new Map<string, UnitResult[]>();
    for (const u of order) {
      const key = u.rankGroup ?? "";
      const list = groups.get(key);
      if (list) list.push(u);
      else groups.set(key, [u]);
    }
    for (const [group, units] of groups) {
      sheets.push(rankingSheet(result, units, sheetName(`${w.rankingSheet} - ${group || "—"}`, taken), lang, false));
    }
  }
  sheets.push(detailSheet(result, sheetName(w.detailSheet, taken), lang));
  sheets.push(diagnosticsSheet(result.diagnostics, sheetName(w.diagnosticsSheet, taken), lang));
  return { sheets };
}
