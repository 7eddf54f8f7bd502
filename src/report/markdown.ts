import { expectScoreResult } from "../core/args.js";
import type { ScoreResult } from "../engine/result.js";
import type { CompiledFramework } from "../framework/ir.js";
import { summaryCells } from "./columns.js";
import { markdownText as cell } from "./escape.js";

/** A Markdown table with the same columns as {@link toTable} (numbers right-aligned); text escaped (no HTML, one line per row). */
export function toMarkdown(result: ScoreResult, frameworkArg?: CompiledFramework): string {
  expectScoreResult("toMarkdown(result)", "result", result);
  const framework = frameworkArg ?? result.framework;
  const { header, rows, numeric } = summaryCells(result, framework);
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `|${numeric.map((n) => (n ? " ---: " : " --- ")).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n") + "\n";
}
