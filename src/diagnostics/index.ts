import { CATALOGUE, type DiagnosticCode, type ParamsOf } from "./catalogue.js";
import type { Lang } from "./define.js";
import { clipParams, escapeControls, quoteParams, quoteText } from "./quote.js";
import type { Diagnostic, Location, Severity } from "./types.js";

export type { Diagnostic, DocPath, Location, Severity } from "./types.js";
export type { DiagnosticCode, ParamsOf } from "./catalogue.js";
export { CATALOGUE } from "./catalogue.js";
export { clipText, escapeControls, MAX_QUOTED_CHARS, quoteText } from "./quote.js";
export { defineMessages, defineStrings, isLang, LANGS, type Lang, type MessageSpec } from "./define.js";

type AnySpec = { severity: Severity; message: (p: unknown) => string; vi: (p: unknown) => string };

/**
 * The wording of catalogue entry `code` with `params`, in `lang`. Unknown codes
 * (a diagnostic from a newer version) give undefined.
 */
export function messageOf(code: string, params: Readonly<Record<string, unknown>>, lang: Lang): string | undefined {
  if (!Object.hasOwn(CATALOGUE, code)) return undefined;
  const spec = (CATALOGUE as unknown as Record<string, AnySpec>)[code]!;
  // Quoted text is clipped and its control characters escaped (one line, no terminal escapes).
  const quoted = quoteParams(clipParams(params));
  return lang === "vi" ? spec.vi(quoted) : spec.message(quoted);
}

/**
 * The same diagnostic worded in `lang` (code, params and position unchanged).
 * The library words diagnostics in English; the CLI words them per `--lang`.
 */
export function localizeDiagnostic(d: Diagnostic, lang: Lang): Diagnostic {
  const message = messageOf(d.code, d.params, lang);
  if (message === undefined || message === d.message) return d;
  return Object.freeze({ ...d, message });
}

/** {@link localizeDiagnostic} over a list. */
export function localizeDiagnostics(list: readonly Diagnostic[], lang: Lang): Diagnostic[] {
  return list.map((d) => localizeDiagnostic(d, lang));
}

/** Builds a diagnostic from its code and params; the wording (English) comes from the catalogue. */
export function diag<C extends DiagnosticCode>(
  code: C,
  params: ParamsOf<C>,
  where: Location = {},
  severity?: Severity,
): Diagnostic {
  const spec = CATALOGUE[code] as { severity: Severity; message: (p: ParamsOf<C>) => string };
  // Params keep the text as read (clipped to a quotable length); the message escapes it.
  const stored = clipParams(params);
  const out: Record<string, unknown> = {
    severity: severity ?? spec.severity,
    code,
    message: spec.message(quoteParams(stored)),
    params: Object.freeze({ ...(stored as object) }),
  };
  for (const key of ["file", "sheet", "line", "column", "path", "unit", "input", "criterion"] as const) {
    const v = where[key];
    if (v !== undefined) out[key] = v;
  }
  return Object.freeze(out) as unknown as Diagnostic;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/**
 * `FILE:LINE:COLUMN: error CODE: message` (the parts that are known). With `lang`,
 * the message is worded in that language (the severity word and code stay as they are,
 * for tools that read the line).
 */
export function formatDiagnostic(d: Diagnostic, lang?: Lang): string {
  if (lang !== undefined) d = localizeDiagnostic(d, lang);
  let where = quoteText(d.file ?? "", 1000);
  if (d.sheet !== undefined) where += `:${quoteText(d.sheet, 100)}${d.line === undefined ? "" : `!${cellName(d.line, d.column ?? 1)}`}`;
  else if (d.line !== undefined) where += `:${d.line}:${d.column ?? 1}`;
  const prefix = where ? `${where}: ` : "";
  const [u, c, i] = lang === "vi" ? ["đơn vị", "tiêu chí", "số liệu"] : ["unit", "criterion", "input"];
  const q = (t: string | undefined): string | undefined => t && quoteText(t);
  const subject = [d.unit && `${u} ${q(d.unit)}`, d.criterion && `${c} ${q(d.criterion)}`, d.input && `${i} ${q(d.input)}`]
    .filter(Boolean)
    .join(", ");
  // A message from elsewhere may hold raw text: one problem stays one line, with no terminal escapes.
  const message = escapeControls(d.message);
  return `${prefix}${d.severity} ${d.code}: ${message}${subject && !message.includes(subject) ? ` [${subject}]` : ""}`;
}

/** A spreadsheet cell name from a 1-based row and column: (7, 4) → `D7`. */
export function cellName(row: number, column: number): string {
  let letters = "";
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters + row;
}

/** Sorts by file, line, column, then code: a stable order for printing. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.sheet ?? "").localeCompare(b.sheet ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

/** The closest candidate by edit distance, for "did you mean" hints; undefined when none is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  for (const c of candidates) {
    // A length difference beyond the limit cannot be within it: skip the quadratic distance.
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** A did-you-mean suffix for messages: ` Did you mean "x"?` (` Có phải là "x"?` in Vietnamese) or empty. */
export function suggestion(word: string, candidates: Iterable<string>, lang: Lang = "en"): string {
  const s = didYouMean(word, candidates);
  return s === undefined ? "" : lang === "vi" ? ` Có phải là "${s}"?` : ` Did you mean "${s}"?`;
}
