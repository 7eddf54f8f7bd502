/**
 * Every analysis output is also a list of tables (a heading, columns, rows of plain
 * cells), so that any writer — Markdown, CSV, a terminal, a workbook — can render it
 * without knowing the analysis.
 */
import type { Lang } from "../diagnostics/define.js";
import type { Locale } from "../evidence/locale.js";
import { csvField } from "../report/escape.js";
import { localeNumber, textStyle, type TextOptions } from "../report/format.js";
import { stringWidth, pad } from "../report/width.js";

export type { Lang } from "../diagnostics/define.js";
export type { TextOptions } from "../report/format.js";

export type Cell = string | number | null;

export interface TableColumn {
  /** A stable English key (the CSV header). */
  readonly key: string;
  /** The heading in the output language. */
  readonly heading: string;
  /** Numbers: right-aligned, written with `decimals` places. */
  readonly numeric?: boolean;
  /** Whole numbers (counts, ranks): written without decimals. */
  readonly integer?: boolean;
}

export interface AnalysisTable {
  /** A stable id, e.g. `gaps`, `plan-options`. */
  readonly id: string;
  /** The heading in the output language. */
  readonly title: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly Cell[])[];
  /** Decimal places for numeric cells that are not whole numbers. */
  readonly decimals: number;
  /** Lines printed after the table (a legend, a note). */
  readonly notes?: readonly string[];
  /**
   * How the table's numbers are written by the text writers: `en` (default) with a decimal
   * point, `vi` with a decimal comma (`1.234,50`); a `vi` CSV is `;`-separated with a BOM.
   */
  readonly locale?: Locale;
}

/** A column as `[key, heading, kind]`; kind `number` (right-aligned, the table's decimals), `integer` (counts, ranks) or text (default). */
export type ColumnDef = readonly [key: string, heading: string, kind?: "number" | "integer"];

/** What {@link analysisTable} builds a table from. */
export interface TableSpec {
  readonly id: string;
  readonly title: string;
  readonly decimals: number;
  readonly locale: Locale;
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly (readonly Cell[])[];
  readonly notes?: readonly string[];
}

/** The one builder of analysis tables (gaps, plan, roll-up, comparison): columns from `[key, heading, kind]`. */
export function analysisTable(spec: TableSpec): AnalysisTable {
  const columns = spec.columns.map(([key, heading, kind]): TableColumn =>
    kind === "integer" ? { key, heading, numeric: true, integer: true } : kind === "number" ? { key, heading, numeric: true } : { key, heading },
  );
  return {
    id: spec.id,
    title: spec.title,
    decimals: spec.decimals,
    columns,
    rows: spec.rows,
    ...(spec.notes !== undefined && { notes: spec.notes }),
    ...(spec.locale !== "en" && { locale: spec.locale }),
  };
}

/**
 * The language and number locale of analysis tables: a language alone (`"vi"`) writes
 * numbers as that language does, as the score tables do; `{ lang, locale }` sets both.
 */
export function tableStyle(style: Lang | TextOptions = "vi"): { lang: Lang; locale: Locale } {
  return textStyle(typeof style === "string" ? { lang: style } : style);
}

/** A number inside a text cell or title (`cat-que (3.00)`), with `decimals` places (or as it is) in `locale`. */
export function numberText(n: number, locale: Locale, decimals?: number): string {
  return localeNumber(decimals === undefined ? String(n) : n.toFixed(decimals), locale);
}

function text(cell: Cell, column: TableColumn | undefined, decimals: number, locale: Locale): string {
  if (cell === null) return "—";
  if (typeof cell === "number") return numberText(cell, locale, column?.numeric && !column.integer ? decimals : undefined);
  return cell;
}

/** A cell made safe for one line of a terminal or Markdown (no control characters, no line breaks). */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\r\n\t]+/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
}

/** Markdown: each table under a `###` heading; `|`, `\`, `<`, `>` and `&` escaped so that no HTML gets through. */
export function tablesToMarkdown(tables: readonly AnalysisTable[]): string {
  const esc = (s: string) =>
    oneLine(s).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const out: string[] = [];
  for (const t of tables) {
    out.push(`### ${esc(t.title)}`, "");
    out.push(`| ${t.columns.map((c) => esc(c.heading)).join(" | ")} |`);
    out.push(`|${t.columns.map((c) => (c.numeric ? " ---: " : " --- ")).join("|")}|`);
    for (const r of t.rows) out.push(`| ${r.map((cell, i) => esc(text(cell, t.columns[i], t.decimals, t.locale ?? "en"))).join(" | ")} |`);
    for (const n of t.notes ?? []) out.push("", esc(n));
    out.push("");
  }
  return out.join("\n");
}

/** A plain-text table for a terminal, aligned by display width (Vietnamese intact). */
export function tablesToText(tables: readonly AnalysisTable[]): string {
  const out: string[] = [];
  for (const t of tables) {
    const header = t.columns.map((c) => oneLine(c.heading));
    const rows = t.rows.map((r) => r.map((cell, i) => oneLine(text(cell, t.columns[i], t.decimals, t.locale ?? "en"))));
    const widths = header.map((h, c) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[c] ?? ""))));
    const line = (cells: string[]) =>
      cells
        .map((cell, c) => pad(cell, widths[c]!, t.columns[c]?.numeric ? "right" : "left"))
        .join("  ")
        .trimEnd();
    out.push(oneLine(t.title), line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line));
    for (const n of t.notes ?? []) out.push(oneLine(n));
    out.push("");
  }
  return out.join("\n");
}

/**
 * CSV of one table: the column keys as header (English in every language: they are keys),
 * CRLF line ends, text that a spreadsheet would run as a formula written as text. Locale
 * `en`: `,` and `.`; `vi`: `;`, decimal comma and a UTF-8 byte order mark, as the score CSV.
 */
export function tableToCsv(table: AnalysisTable): string {
  const locale = table.locale ?? "en";
  const sep = locale === "vi" ? ";" : ",";
  const lines = [table.columns.map((c) => csvField(c.key, sep)).join(sep)];
  for (const r of table.rows) {
    lines.push(r.map((cell, i) => (cell === null ? "" : csvField(text(cell, table.columns[i], table.decimals, locale), sep))).join(sep));
  }
  return (locale === "vi" ? "\uFEFF" : "") + lines.join("\r\n") + "\r\n";
}
