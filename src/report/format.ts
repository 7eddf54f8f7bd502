/**
 * How human-readable outputs write numbers and dates, and in which language.
 *
 * - `lang` words headings and sentences (default `vi`).
 * - `locale` writes numbers: `vi` with a decimal comma and `.` between thousands
 *   (`1.234,50`, `99,33`), `en` with a decimal point and no grouping (`1234.50`).
 *   When it is not given, text outputs (table, Markdown, HTML) follow `lang`; CSV
 *   follows only an explicit `locale` (default `en`: `,` between cells, `.` decimals).
 * - Dates are `dd/mm/yyyy` in `vi`, ISO `yyyy-mm-dd` in `en`.
 */
import type { Lang } from "../diagnostics/define.js";
import type { Locale } from "../evidence/locale.js";

export interface TextOptions {
  /** The language of headings and sentences; default `vi`. */
  readonly lang?: Lang;
  /** How numbers are written; default: the language's own (`vi` → decimal comma). */
  readonly locale?: Locale;
}

/** The language and number locale of a text output, defaults applied. */
export function textStyle(options: TextOptions = {}): { lang: Lang; locale: Locale } {
  const lang = options.lang ?? "vi";
  return { lang, locale: options.locale ?? lang };
}

/**
 * A plain decimal text (`-1234.5`, as `Decimal.toFixed` writes it) in `locale`.
 * Text that is not a plain decimal (empty, `–`) is returned unchanged.
 */
export function localeNumber(text: string, locale: Locale): string {
  if (locale === "en") return text;
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const [, sign, int, frac] = m;
  const grouped = int!.length > 3 ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : int!;
  return `${sign}${grouped}${frac !== undefined ? `,${frac}` : ""}`;
}

/** Replaces every plain decimal number inside a text (`0.9 → 2`) with its `locale` form; for texts without dotted ids (`2.1` would be read as a number). */
export function localeNumbersIn(text: string, locale: Locale): string {
  if (locale === "en") return text;
  return text.replace(/(?<![\w.,-])(-?\d+\.\d+)(?![\w.])/g, (n) => localeNumber(n, locale));
}

/** An ISO date (`2024-01-15`) as `15/01/2024` in `vi`; unchanged in `en` or when not an ISO date. */
export function localeDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && locale === "vi" ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Every ISO date inside a text in its `locale` form. */
export function localeDatesIn(text: string, locale: Locale): string {
  if (locale === "en") return text;
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y, m, d) => `${d}/${m}/${y}`);
}
