/**
 * Locale-aware reading of numbers as they are typed in spreadsheets.
 *
 * Rules (exact, never a guess):
 * - `en`: decimal point `.`; optional thousands separator `,` in groups of exactly 3
 *   (`1234.5`, `1,234.5`, `.5`).
 * - `vi`: decimal comma `,`; optional thousands separator `.` in groups of exactly 3
 *   (`1234,5`, `1.234,5`, `397.857` = 397857).
 * - An optional leading `+` or `-`; surrounding whitespace is ignored; nothing else
 *   (no exponent, no spaces inside, no currency).
 * Text that is not a number in the file's locale but is one in the other locale is
 * reported as such (`1,5` in `en`; `1.5` or `0.25` in `vi`), never reinterpreted.
 */
export type Locale = "vi" | "en";

export const LOCALES: readonly Locale[] = ["en", "vi"];

const EN_PLAIN = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const EN_GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const VI_PLAIN = /^[+-]?(?:\d+(?:,\d+)?|,\d+)$/;
const VI_GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/**
 * The canonical decimal text (`-1234.5`) of a number written in `locale`, or
 * undefined when the text is not a number in that locale. The text must be trimmed.
 */
export function canonicalNumber(text: string, locale: Locale): string | undefined {
  if (locale === "en") {
    if (EN_PLAIN.test(text)) return text;
    if (EN_GROUPED.test(text)) return text.replace(/,/g, "");
    return undefined;
  }
  if (VI_PLAIN.test(text)) return text.replace(",", ".");
  if (VI_GROUPED.test(text)) return text.replace(/\./g, "").replace(",", ".");
  return undefined;
}

export function otherLocale(locale: Locale): Locale {
  return locale === "en" ? "vi" : "en";
}

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "vi";
}
