/**
 * Text from files (unit names, codes, titles, grade labels) written into a report
 * safely, per format:
 * - CSV: a text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
 *   tab or carriage return first) is prefixed with `'` (OWASP's advice); plain
 *   numbers such as `-2.5` stay numbers;
 * - Markdown: HTML is escaped (`<script>` shows as text), Markdown punctuation and
 *   table pipes are escaped, and a line break becomes a space (a row stays one row);
 * - terminal: control characters (ANSI escapes included) are shown as `\u001b`,
 *   never sent, and a cell is at most 200 characters.
 */
import { clipText, escapeControls } from "../diagnostics/quote.js";

const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as text in either locale (`-2.5`, `-2,5`, `-1.234,5`): digits and separators only, never a formula. */
const PLAIN_NUMBER = /^[+-]?[\d.,]*\d[\d.,]*$/;

/** A CSV cell that a spreadsheet shows as text, never runs: see the module comment. */
export function csvSafe(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field, formula-safe: quoted when it holds the delimiter (`,` or `;`), a quote, CR or LF (quotes doubled). */
export function csvField(text: string, delimiter: "," | ";" = ","): string {
  const safe = csvSafe(text);
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HTML: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text for a Markdown paragraph or table cell: one line, no HTML, no Markdown markup, no pipes. */
export function markdownText(text: string): string {
  return escapeControls(text.replace(/\r\n|\n|\r|\u2028|\u2029/g, " "))
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[&<>"]/g, (c) => HTML[c]!);
}

/** Longest cell of a terminal table, in UTF-16 code units. */
export const MAX_TERMINAL_CELL = 200;

/** Text for a terminal: control characters shown, never sent; at most {@link MAX_TERMINAL_CELL}. */
export function terminalText(text: string): string {
  return escapeControls(clipText(text, MAX_TERMINAL_CELL));
}
