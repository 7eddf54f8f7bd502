import { expectScoreResult } from "../core/args.js";
import type { ScoreResult } from "../engine/result.js";
import type { CompiledFramework } from "../framework/ir.js";
import { fieldsOf, summaryCells } from "./columns.js";
import { textStyle, type TextOptions } from "./format.js";
import { terminalText } from "./escape.js";
import { UI } from "./strings.js";
import { pad, stringWidth } from "./width.js";

/**
 * A plain-text table for a terminal: rank, unit name (Vietnamese intact), the index
 * of every field (%), total points, max, index, grade and an incomplete flag, aligned
 * by display width; then a legend of the field titles. Vietnamese by default.
 */
export function toTable(result: ScoreResult, frameworkArg?: CompiledFramework, options: TextOptions = {}): string {
  expectScoreResult("toTable(result)", "result", result);
  const framework = frameworkArg ?? result.framework;
  const cells = summaryCells(result, framework, options);
  const { numeric } = cells;
  // Text from files is shown, never sent to the terminal as control sequences.
  const header = cells.header.map(terminalText);
  const rows = cells.rows.map((r) => r.map(terminalText));
  const widths = header.map((h, c) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[c]!))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => pad(cell, widths[c]!, numeric[c] ? "right" : "left"))
      .join("  ")
      .trimEnd();
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  const fields = fieldsOf(framework);
  if (fields.some((f) => f.title)) {
    out.push("", UI[textStyle(options).lang].fieldsLegend);
    for (const f of fields) out.push(`${terminalText(f.id)}: ${terminalText(f.title)}`);
  }
  return out.join("\n") + "\n";
}
