/**
 * Text renderings of survey results for the CLI: aligned table, CSV, Markdown.
 * Worded in Vietnamese by default (`lang: "en"` for English); numbers as the
 * language writes them, or per `locale` (`vi`: decimal comma), as the score outputs.
 */
import type { Decimal } from "../core/decimal.js";
import { defineStrings, type Lang } from "../diagnostics/define.js";
import { formatDiagnostic } from "../diagnostics/index.js";
import type { Locale } from "../evidence/locale.js";
import type { CsvOptions } from "../report/csv.js";
import { csvField, markdownText, terminalText } from "../report/escape.js";
import { localeNumber, textStyle, type TextOptions } from "../report/format.js";
import { pad, stringWidth } from "../report/width.js";
import type { SurveyResult, UnitIndices } from "./indices.js";
import { roundBound, roundIndex } from "./json.js";

const WORDS = defineStrings({
  en: {
    unit: "Unit",
    respondents: "Respondents",
    overall: "Overall index",
    all: "All units",
    survey: (id: string, year: number) => `Survey ${id}, ${year}`,
    inPercent: "Satisfaction indices in %.",
    legend: "Columns: satisfaction index (%) by group and element",
    ratings: "Ratings at counters, devices and the public service portal",
    ratingsLine: (unit: string, satisfied: number, total: number, index: string) =>
      `${unit}: ${satisfied} of ${total} ratings satisfied${index ? ` = ${index}%` : ""}`,
    items: "Satisfaction index of each question (all units)",
    item: "Question",
    text: "Question text",
    index: "Index (%)",
    valid: "Valid answers",
    noAnswer: "No answer",
    interval: "95% confidence interval (%)",
    diagnostics: "Problems in the data",
  },
  vi: {
    unit: "Đơn vị",
    respondents: "Số phiếu",
    overall: "Chỉ số hài lòng chung",
    all: "Tất cả đơn vị",
    survey: (id: string, year: number) => `Khảo sát ${id}, năm ${year}`,
    inPercent: "Chỉ số hài lòng tính theo %.",
    legend: "Các cột: chỉ số hài lòng (%) theo nhóm và yếu tố",
    ratings: "Đánh giá tại quầy, trên thiết bị và Cổng dịch vụ công",
    ratingsLine: (unit: string, satisfied: number, total: number, index: string) =>
      `${unit}: ${satisfied}/${total} lượt đánh giá hài lòng${index ? ` = ${index}%` : ""}`,
    items: "Chỉ số hài lòng từng câu hỏi (tất cả đơn vị)",
    item: "Câu hỏi",
    text: "Nội dung câu hỏi",
    index: "Chỉ số (%)",
    valid: "Số phiếu hợp lệ",
    noAnswer: "Không trả lời",
    interval: "Khoảng tin cậy 95% (%)",
    diagnostics: "Vấn đề trong số liệu",
  },
});

interface Column {
  readonly header: string;
  readonly cell: (u: UnitIndices) => string;
}

/** An index rounded as the survey says and written in `locale`; empty when there is none. */
function indexText(result: SurveyResult, value: Decimal | undefined, locale: Locale): string {
  const r = result.survey.rounding;
  const n = roundIndex(value, r);
  return n === null ? "" : localeNumber(n.toFixed(r.decimals), locale);
}

/**
 * The columns: unit, respondents, overall, each group, each element. `headers`: `keys`
 * (the JSON ids, for CSV), `ids` (worded fixed columns, ids for groups and elements, for
 * a terminal) or `titles` (worded, with the groups' and elements' titles, for Markdown).
 */
function columns(result: SurveyResult, headers: "keys" | "ids" | "titles", lang: Lang, locale: Locale): Column[] {
  const s = result.survey;
  const w = WORDS[lang];
  const fmt = (v: Decimal | undefined) => indexText(result, v, locale);
  const keys = headers === "keys";
  return [
    { header: keys ? "unit" : w.unit, cell: (u) => (u === result.all && !keys ? w.all : u.unit) },
    { header: keys ? "respondents" : w.respondents, cell: (u) => localeNumber(String(u.respondents), locale) },
    { header: keys ? "overall" : w.overall, cell: (u) => fmt(u.overall) },
    ...s.groups.map((g) => ({ header: headers === "titles" ? g.title : g.id, cell: (u: UnitIndices) => fmt(u.groups.get(g.id)) })),
    ...s.elements.map((e) => ({ header: headers === "titles" ? e.title : e.id, cell: (u: UnitIndices) => fmt(u.elements.get(e.id)) })),
  ];
}

/**
 * An aligned terminal table: one row per unit plus all units together, headed by
 * group and element ids, then a legend of their titles (Vietnamese text intact) and
 * the counter and portal ratings. Diagnostics are not part of the table: the CLI
 * prints them on stderr. Vietnamese by default.
 */
export function surveyToTable(result: SurveyResult, options: TextOptions = {}): string {
  const { lang, locale } = textStyle(options);
  const w = WORDS[lang];
  // Text from files is shown, never sent to the terminal as control sequences.
  const cols = columns(result, "ids", lang, locale).map((c) => ({ header: terminalText(c.header), cell: (u: UnitIndices) => terminalText(c.cell(u)) }));
  const rows = [...result.units, result.all].map((u) => cols.map((c) => c.cell(u)));
  const widths = cols.map((c, i) => Math.max(stringWidth(c.header), ...rows.map((r) => stringWidth(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0 ? "right" : "left")).join("  ").trimEnd();
  const rule = widths.map((n) => "-".repeat(n)).join("  ");
  const s = result.survey;
  const t = terminalText;
  const out = [`${t(s.title)} (${t(s.id)}, ${s.year})`, "", line(cols.map((c) => c.header)), rule];
  rows.forEach((r, i) => {
    if (i === rows.length - 1) out.push(rule);
    out.push(line(r));
  });
  out.push("", w.legend);
  for (const g of s.groups) out.push(`${t(g.id)}: ${t(g.title)}`);
  for (const e of s.elements) out.push(`${t(e.id)}: ${t(e.title)}`);
  const ratings = [...result.units, result.all].filter((u) => u.ratings);
  if (ratings.length > 0) {
    out.push("", w.ratings);
    for (const u of ratings) {
      const rt = u.ratings!;
      const label = u === result.all ? w.all : t(u.unit);
      out.push(`  ${w.ratingsLine(label, rt.satisfied, rt.total, indexText(result, rt.index, locale))}`);
    }
  }
  return out.join("\n") + "\n";
}

/**
 * CSV, one row per unit then `all`: unit, respondents, overall, each group, each element.
 * The header holds the JSON keys and ids in every language (they are keys, as in the score
 * CSV). `locale: "vi"`: `;` between cells, decimal comma and a UTF-8 byte order mark, as
 * Excel in a Vietnamese locale expects; default `en`.
 */
export function surveyToCsv(result: SurveyResult, options: CsvOptions = {}): string {
  const locale = options.locale ?? "en";
  const sep = locale === "vi" ? ";" : ",";
  const cols = columns(result, "keys", "en", locale);
  const lines = [cols.map((c) => csvField(c.header, sep)).join(sep)];
  for (const u of [...result.units, result.all]) lines.push(cols.map((c) => csvField(c.cell(u), sep)).join(sep));
  return (locale === "vi" ? "\uFEFF" : "") + lines.join("\n") + "\n";
}

const mdCell = markdownText;

/**
 * A Markdown report: a title, the table of indices headed by the groups' and elements'
 * titles, every question's index with its valid answers, no-answers and 95% interval
 * (all units together), and the diagnostics as a list. Vietnamese by default.
 */
export function surveyToMarkdown(result: SurveyResult, options: TextOptions = {}): string {
  const { lang, locale } = textStyle(options);
  const w = WORDS[lang];
  const cols = columns(result, "titles", lang, locale);
  const s = result.survey;
  const out = [`# ${mdCell(s.title)}`, "", `${mdCell(w.survey(s.id, s.year))}${s.source ? ` — ${mdCell(s.source)}` : ""}. ${w.inPercent}`, ""];
  out.push(`| ${cols.map((c) => mdCell(c.header)).join(" | ")} |`);
  out.push(`|${cols.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
  for (const u of [...result.units, result.all]) {
    const cells = cols.map((c) => mdCell(c.cell(u)));
    if (u === result.all) cells[0] = `**${cells[0]}**`;
    out.push(`| ${cells.join(" | ")} |`);
  }
  const bound = (v: number | undefined) => {
    const n = roundBound(v, s.rounding);
    return n === null ? "" : localeNumber(n.toFixed(s.rounding.decimals), locale);
  };
  out.push("", `## ${mdCell(w.items)}`, "");
  out.push(`| ${[w.item, w.text, w.index, w.valid, w.noAnswer, w.interval].map(mdCell).join(" | ")} |`);
  out.push("|---|---|---:|---:|---:|---:|");
  for (const item of s.items) {
    const x = result.all.items.get(item.id);
    const interval = x && x.low !== undefined && x.high !== undefined ? `${bound(x.low)} – ${bound(x.high)}` : "";
    const cells = [item.id, item.text, indexText(result, x?.index, locale), localeNumber(String(x?.valid ?? 0), locale), localeNumber(String(x?.noAnswer ?? 0), locale), interval];
    out.push(`| ${cells.map(mdCell).join(" | ")} |`);
  }
  if (result.diagnostics.length > 0) {
    out.push("", `## ${mdCell(w.diagnostics)}`, "", ...result.diagnostics.map((d) => `- ${mdCell(formatDiagnostic(d, lang))}`));
  }
  return out.join("\n") + "\n";
}
