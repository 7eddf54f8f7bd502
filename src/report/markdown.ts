import { expectScoreResult } from "../core/args.js";
import type { ScoreResult } from "../engine/result.js";
import type { CompiledFramework } from "../framework/ir.js";
import { summaryCells } from "./columns.js";
import { markdownText as mdCell } from "./escape.js";
import type { TextOptions } from "./format.js";

/** A Markdown table with the same columns as {@link toTable} (numbers right-aligned); text escaped (no HTML, one line per row). Vietnamese by default. */
export function toMarkdown(result: ScoreResult, frameworkArg?: CompiledFramework, options: TextOptions = {}): string {
  expectScoreResult("toMarkdown(result)", "result", result);
  const framework = frameworkArg ?? result.framework;
  const { header, rows, numeric } = summaryCells(result, framework, options);
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(" | ")} |`;
  const rule = `|${numeric.map((n) => (n ? " ---: " : " --- ")).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n") + "\n";
}
