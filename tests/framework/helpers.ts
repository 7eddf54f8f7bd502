import { expect } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/index.js";
import { parseFramework, type ParseFrameworkOptions } from "../../src/framework/index.js";

/** A valid header; bodies below it start on line 5. */
export const HEAD = "format: par-index/v1\nid: t\nyear: 2024\nsource: s\n";

export function diagnose(yaml: string, options: ParseFrameworkOptions = {}): Diagnostic[] {
  return parseFramework(yaml, { filename: "f.yaml", ...options }).diagnostics;
}

/** Line and column (1-based) of the `nth` occurrence of `needle` in `text`, plus `shift` columns. */
export function loc(text: string, needle: string, shift = 0, nth = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const column = at - before.lastIndexOf("\n") + shift;
  return { line, column };
}

/** Asserts that `yaml` yields exactly one diagnostic with `code`, at `where`, and returns it. */
export function expectOne(yaml: string, code: string, where: { line: number; column: number }, options?: ParseFrameworkOptions): Diagnostic {
  const all = diagnose(yaml, options);
  const hits = all.filter((d) => d.code === code);
  expect(hits, JSON.stringify(all.map((d) => `${d.line}:${d.column} ${d.code}`))).toHaveLength(1);
  const d = hits[0]!;
  expect({ line: d.line, column: d.column }).toEqual(where);
  return d;
}
