/**
 * Every analysis output is also a list of tables (a heading, columns, rows of plain
 * cells), so that any writer — Markdown, CSV, a terminal, a workbook — can render it
 * without knowing the analysis.
 */
import { stringWidth, pad } from "../report/width.js";

export type { Lang } from "../diagnostics/define.js";

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
}

function text(cell: Cell, column: TableColumn | undefined, decimals: number): string {
  if (cell === null) return "—";
  if (typeof cell === "number") return column?.numeric && !column.integer ? cell.toFixed(decimals) : String(cell);
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
    for (const r of t.rows) out.push(`| ${r.map((cell, i) => esc(text(cell, t.columns[i], t.decimals))).join(" | ")} |`);
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
    const rows = t.rows.map((r) => r.map((cell, i) => oneLine(text(cell, t.columns[i], t.decimals))));
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

/** One RFC 4180 field; text that a spreadsheet would run as a formula is prefixed with `'`. */
function csvCell(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV of one table: the column keys as header, CRLF line ends, numbers with `.`. */
export function tableToCsv(table: AnalysisTable): string {
  const lines = [table.columns.map((c) => csvCell(c.key)).join(",")];
  for (const r of table.rows) {
    lines.push(r.map((cell, i) => (cell === null ? "" : csvCell(text(cell, table.columns[i], table.decimals)))).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
