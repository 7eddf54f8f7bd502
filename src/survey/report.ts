/** Text renderings of survey results for the CLI: aligned table, CSV, Markdown. */
import { formatDiagnostic } from "../diagnostics/index.js";
import type { SurveyResult, UnitIndices } from "./indices.js";
import { roundIndex } from "./json.js";
import { csvField, markdownText, terminalText } from "../report/escape.js";
import { pad, stringWidth } from "../report/width.js";

interface Column {
  readonly header: string;
  readonly cell: (u: UnitIndices) => string;
}

function columns(result: SurveyResult, titles: boolean): Column[] {
  const s = result.survey;
  const r = s.rounding;
  const fmt = (v: Parameters<typeof roundIndex>[0]) => {
    const n = roundIndex(v, r);
    return n === null ? "" : n.toFixed(r.decimals);
  };
  return [
    { header: "unit", cell: (u) => u.unit },
    { header: "respondents", cell: (u) => String(u.respondents) },
    { header: titles ? "Chỉ số chung (overall)" : "overall", cell: (u) => fmt(u.overall) },
    ...s.groups.map((g) => ({ header: titles ? g.title : g.id, cell: (u: UnitIndices) => fmt(u.groups.get(g.id)) })),
    ...s.elements.map((e) => ({ header: titles ? e.title : e.id, cell: (u: UnitIndices) => fmt(u.elements.get(e.id)) })),
  ];
}

/**
 * An aligned terminal table: one row per unit plus `all`, headed by group and element
 * ids, then a legend of their titles (Vietnamese text intact). Diagnostics are not
 * part of the table: the CLI prints them on stderr.
 */
export function surveyToTable(result: SurveyResult): string {
  // Text from files is shown, never sent to the terminal as control sequences.
  const cols = columns(result, false).map((c) => ({ header: terminalText(c.header), cell: (u: UnitIndices) => terminalText(c.cell(u)) }));
  const rows = [...result.units, result.all].map((u) => cols.map((c) => c.cell(u)));
  const widths = cols.map((c, i) => Math.max(stringWidth(c.header), ...rows.map((r) => stringWidth(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0 ? "right" : "left")).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const s = result.survey;
  const t = terminalText;
  const out = [`${t(s.title)} (${t(s.id)}, ${s.year})`, "", line(cols.map((c) => c.header)), rule];
  rows.forEach((r, i) => {
    if (i === rows.length - 1) out.push(rule);
    out.push(line(r));
  });
  out.push("", "overall: Chỉ số chung");
  for (const g of s.groups) out.push(`${t(g.id)}: ${t(g.title)}`);
  for (const e of s.elements) out.push(`${t(e.id)}: ${t(e.title)}`);
  const ratings = [...result.units, result.all].filter((u) => u.ratings);
  if (ratings.length > 0) {
    out.push("", "Đánh giá tại quầy / cổng dịch vụ công (ratings)");
    for (const u of ratings) {
      const rt = u.ratings!;
      const idx = roundIndex(rt.index, s.rounding);
      out.push(`  ${t(u.unit)}: ${rt.satisfied}/${rt.total} hài lòng${idx === null ? "" : ` = ${idx.toFixed(s.rounding.decimals)}%`}`);
    }
  }
  return out.join("\n") + "\n";
}

/** CSV, one row per unit then `all`: unit, respondents, overall, each group, each element (ids as headers). */
export function surveyToCsv(result: SurveyResult): string {
  const cols = columns(result, false);
  const lines = [cols.map((c) => csvField(c.header)).join(",")];
  for (const u of [...result.units, result.all]) lines.push(cols.map((c) => csvField(c.cell(u))).join(","));
  return lines.join("\n") + "\n";
}

const mdCell = markdownText;

/** A Markdown report: a title, the table of indices, and the diagnostics as a list. */
export function surveyToMarkdown(result: SurveyResult): string {
  const cols = columns(result, true);
  const s = result.survey;
  const out = [`# ${mdCell(s.title)}`, "", `Survey ${mdCell(s.id)}, ${s.year}${s.source ? ` — ${mdCell(s.source)}` : ""}. Indices in %.`, ""];
  out.push(`| ${cols.map((c) => mdCell(c.header)).join(" | ")} |`);
  out.push(`|${cols.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
  for (const u of [...result.units, result.all]) {
    const cells = cols.map((c) => mdCell(c.cell(u)));
    if (u === result.all) cells[0] = `**${cells[0]}**`;
    out.push(`| ${cells.join(" | ")} |`);
  }
  if (result.diagnostics.length > 0) {
    out.push("", "## Diagnostics", "", ...result.diagnostics.map((d) => `- ${mdCell(formatDiagnostic(d))}`));
  }
  return out.join("\n") + "\n";
}
