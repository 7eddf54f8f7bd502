/**
 * Typed values from text cells (CSV) and JSON values, per the framework's input
 * types. Numbers go from text to an exact Decimal, never through a float.
 */
import { Dec, HUNDRED, ONE, ZERO, type Decimal } from "../core/decimal.js";
import { CalendarDate, isCalendarDay, MISSING, type Value } from "../core/value.js";
import { didYouMean } from "../diagnostics/index.js";
import type { InputPlan, InputType } from "../framework/ir.js";
import { JsonNumber, nfc } from "./json-parse.js";
import { canonicalNumber, type Locale, otherLocale } from "./locale.js";

/**
 * A copy of a (short) string that does not keep a large parent string alive: cells
 * are slices of a read chunk, and a kept slice would keep the whole chunk in memory.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + " ").slice(0, -1);
}

/** Why a text is not a valid value; the reader turns it into a diagnostic with this code. */
export type ValueProblem =
  | { readonly ok: false; readonly code: "evidence-wrong-type"; readonly params: { text: string; type: string; expected: string } }
  | {
      readonly ok: false;
      readonly code: "evidence-wrong-locale";
      readonly params: { text: string; type: string; locale: string; otherLocale: string; reading: string };
    }
  | {
      readonly ok: false;
      readonly code: "evidence-out-of-bounds";
      readonly params: { text: string; value: string; min?: string; max?: string; note?: string };
    }
  | {
      readonly ok: false;
      readonly code: "evidence-enum-value";
      readonly params: { text: string; values: readonly string[]; suggestion?: string };
    };

export type ValueResult = { readonly ok: true; readonly value: Value } | ValueProblem;

/** What each type accepts, for messages. */
export function expectedText(type: InputType, locale: Locale): string {
  const vi = locale === "vi";
  switch (type) {
    case "number":
      return vi ? `a decimal number such as 1234,5 or 1.234,5` : `a decimal number such as 1234.5 or 1,234.5`;
    case "integer":
      return vi ? `a whole number such as 397857 or 397.857` : `a whole number such as 397857 or 397,857`;
    case "ratio":
      return vi
        ? `a ratio between 0 and 1 such as 0,9933, or a percentage such as 99,33%`
        : `a ratio between 0 and 1 such as 0.9933, or a percentage such as 99.33%`;
    case "percent":
      return vi ? `a percentage between 0 and 100 such as 94,27 or 94,27%` : `a percentage between 0 and 100 such as 94.27 or 94.27%`;
    case "boolean":
      return `one of true/false, 1/0, yes/no, x, có/không, đạt/không đạt`;
    case "date":
      return `a real calendar date such as 2024-01-15 or 15/01/2024 (day/month/year)`;
    case "enum":
      return `one of the allowed names`;
    case "text":
      return `text`;
  }
}

const TRUE_WORDS = new Set(["true", "1", "yes", "x", "có", "đạt"]);
const FALSE_WORDS = new Set(["false", "0", "no", "không", "không đạt"]);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** The common case of every numeric type, in both locales: digits only. */
const PLAIN_DIGITS = /^\d{1,15}$/;

/**
 * Parses one cell of text as a value of `input`'s type in `locale`, and checks its bounds.
 * Empty (or blank) text is missing, never false or zero.
 */
export function parseValue(text: string, input: InputPlan, locale: Locale): ValueResult {
  text = nfc(text);
  const type = input.type;
  if (type === "text") return text.trim() === "" ? { ok: true, value: MISSING } : { ok: true, value: detach(text) };
  const t = text.trim();
  if (t === "") return { ok: true, value: MISSING };
  switch (type) {
    case "number":
    case "integer":
    case "ratio":
    case "percent":
      return parseNumeric(t, input, locale);
    case "boolean":
      return parseBoolean(t);
    case "date":
      return parseDate(t);
    case "enum":
      return enumValue(t, input);
  }
}

function wrongType(text: string, type: InputType, locale: Locale, expected?: string): ValueProblem {
  return { ok: false, code: "evidence-wrong-type", params: { text, type, expected: expected ?? expectedText(type, locale) } };
}

/** The canonical decimal text of a number in the file's locale, or the problem (suggesting the other locale when it would read there). */
function readNumber(t: string, type: InputType, locale: Locale): string | ValueProblem {
  if (PLAIN_DIGITS.test(t)) return t;
  const canonical = canonicalNumber(t, locale);
  if (canonical !== undefined) return canonical;
  const other = otherLocale(locale);
  const reading = canonicalNumber(t, other);
  if (reading !== undefined) {
    return {
      ok: false,
      code: "evidence-wrong-locale",
      params: { text: t, type, locale, otherLocale: other, reading: formatForLocale(new Dec(reading), locale) },
    };
  }
  return wrongType(t, type, locale);
}

/** How a decimal is written in a locale (no thousands separators). */
export function formatForLocale(value: Decimal, locale: Locale): string {
  const s = value.toFixed();
  return locale === "vi" ? s.replace(".", ",") : s;
}

function parseNumeric(t: string, input: InputPlan, locale: Locale): ValueResult {
  const type = input.type;
  let body = t;
  let percentSign = false;
  if (t.endsWith("%")) {
    if (type !== "ratio" && type !== "percent") {
      return wrongType(t, type, locale, `${expectedText(type, locale)}, without "%"`);
    }
    percentSign = true;
    body = t.slice(0, -1).trimEnd();
  }
  const canonical = readNumber(body, type, locale);
  if (typeof canonical !== "string") return withText(canonical, t);
  // A percentage as a ratio: shift the decimal point (exact, and cheaper than a division).
  const value: Decimal = new Dec(percentSign && type === "ratio" ? `${canonical}e-2` : canonical);
  if (type === "integer" && canonical.includes(".") && !value.isInteger()) return wrongType(t, type, locale);
  if (type === "ratio") {
    if (value.lt(ZERO) || value.gt(ONE)) {
      return outOfBounds(t, value, "0", "1", percentSign ? undefined : ` A ratio is between 0 and 1; for a percentage write "${t}%".`);
    }
  } else if (type === "percent" && (value.lt(ZERO) || value.gt(HUNDRED))) {
    return outOfBounds(t, value, "0", "100");
  }
  if ((input.min !== undefined && value.lt(input.min)) || (input.max !== undefined && value.gt(input.max))) {
    return outOfBounds(t, value, input.min?.toString(), input.max?.toString());
  }
  return { ok: true, value };
}

/** The same problem, quoting the whole cell (with its `%`). */
function withText(problem: ValueProblem, text: string): ValueProblem {
  return { ...problem, params: { ...problem.params, text } } as ValueProblem;
}

function outOfBounds(text: string, value: Decimal, min: string | undefined, max: string | undefined, note?: string): ValueProblem {
  const params: { text: string; value: string; min?: string; max?: string; note?: string } = { text, value: value.toString() };
  if (min !== undefined) params.min = min;
  if (max !== undefined) params.max = max;
  if (note !== undefined) params.note = note;
  return { ok: false, code: "evidence-out-of-bounds", params };
}

/** Lower-cases and NFC-normalises, and collapses inner whitespace (`không  đạt`). */
function booleanWord(t: string): string {
  return t.normalize("NFC").toLowerCase().replace(/\s+/g, " ");
}

function parseBoolean(t: string): ValueResult {
  const word = booleanWord(t);
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return wrongType(t, "boolean", "en");
}

function parseDate(t: string): ValueResult {
  let date: CalendarDate | undefined;
  let m = ISO_DATE.exec(t);
  if (m) date = CalendarDate.of(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = DMY_DATE.exec(t))) date = CalendarDate.of(Number(m[3]), Number(m[2]), Number(m[1]));
  else return wrongType(t, "date", "en");
  if (date === undefined) return wrongType(t, "date", "en", `a real calendar date (${t} does not exist), such as 2024-01-15 or 15/01/2024`);
  return { ok: true, value: date };
}

function enumValue(t: string, input: InputPlan): ValueResult {
  const values = input.values ?? [];
  const index = values.indexOf(t);
  if (index >= 0) return { ok: true, value: values[index] as string };
  const suggestion = didYouMean(t, values);
  const params: { text: string; values: readonly string[]; suggestion?: string } = { text: t, values };
  if (suggestion !== undefined) params.suggestion = suggestion;
  return { ok: false, code: "evidence-enum-value", params };
}

const DIGIT_0 = 48;

/** The digits text[from, to) as a number, or NaN when one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The date text[start, end) — `YYYY-MM-DD` or `D/M/YYYY` (one or two digits for day and month),
 * as parseValue reads dates — as y·10⁴ + m·100 + d when it is a real calendar date; else NaN
 * (parseValue then decides, and words the problem).
 */
export function dateNumber(text: string, start: number, end: number): number {
  const length = end - start;
  let y: number;
  let m: number;
  let d: number;
  if (length === 10 && text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45) {
    y = digitsAt(text, start, start + 4);
    m = digitsAt(text, start + 5, start + 7);
    d = digitsAt(text, start + 8, start + 10);
  } else {
    // Looked for within the cell only (a search to the end of the text would cost a hostile file dearly).
    const SLASH = 47;
    const s1 = text.charCodeAt(start + 1) === SLASH ? start + 1 : text.charCodeAt(start + 2) === SLASH ? start + 2 : -1;
    if (s1 < 0 || s1 >= end) return Number.NaN;
    const s2 = text.charCodeAt(s1 + 2) === SLASH ? s1 + 2 : text.charCodeAt(s1 + 3) === SLASH ? s1 + 3 : -1;
    if (s2 < 0 || end - s2 !== 5) return Number.NaN;
    d = digitsAt(text, start, s1);
    m = digitsAt(text, s1 + 1, s2);
    y = digitsAt(text, s2 + 1, end);
  }
  return isCalendarDay(y, m, d) ? y * 10000 + m * 100 + d : Number.NaN;
}

/** 10^k for k = 0..15, exact as doubles. */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MINUS = 45;

/** The scale (decimal places) of the last number read by {@link scaledNumber}. */
let lastScale = 0;

/** The scale of the last number {@link scaledNumber} read (its result is `value × 10^scale`). */
export function scaledNumberScale(): number {
  return lastScale;
}

/** An input's own bounds as integers (undefined: no bound; NaN: a bound the fast path leaves to Decimals). */
interface IntBounds {
  readonly min: number | undefined;
  readonly max: number | undefined;
}
const BOUNDS = new WeakMap<InputPlan, IntBounds>();

function intBound(d: Decimal | undefined): number | undefined {
  if (d === undefined) return undefined;
  return d.isInteger() && d.abs().lte(1e15) ? d.toNumber() : Number.NaN;
}

function boundsOf(plan: InputPlan): IntBounds {
  let b = BOUNDS.get(plan);
  if (b === undefined) BOUNDS.set(plan, (b = { min: intBound(plan.min), max: intBound(plan.max) }));
  return b;
}

/**
 * The fast path of {@link parseValue} for the common numeric cell: `text[start, end)` is
 * `-?DIGITS` or `-?DIGITS<mark>DIGITS` (`mark` the char code of the locale's decimal mark)
 * with at most 15 digits, and `plan` (a number, integer, ratio or percent input) accepts it
 * as it is. Returns the value as a scaled integer (value × 10^scale, the scale in
 * {@link scaledNumberScale}), exactly the value the slow path reads; or NaN whenever
 * anything else holds (other shapes, a sign `+`, `-0`, a bound crossed, a bound that is not
 * an integer): the slow path then decides, and words every problem.
 */
export function scaledNumber(text: string, start: number, end: number, mark: number, plan: InputPlan): number {
  const type = plan.type;
  if (type !== "number" && type !== "integer" && type !== "ratio" && type !== "percent") return Number.NaN;
  let i = start;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  let scaled = 0;
  let digits = 0;
  let scale = 0;
  let c = text.charCodeAt(i) - DIGIT_0;
  if (!(c >= 0 && c <= 9)) return Number.NaN;
  for (; i < end; i++) {
    c = text.charCodeAt(i) - DIGIT_0;
    if (c >= 0 && c <= 9) {
      scaled = scaled * 10 + c;
      digits++;
    } else break;
  }
  if (i < end) {
    if (text.charCodeAt(i) !== mark || i + 1 >= end) return Number.NaN;
    const from = ++i;
    for (; i < end; i++) {
      c = text.charCodeAt(i) - DIGIT_0;
      if (c >= 0 && c <= 9) {
        scaled = scaled * 10 + c;
        digits++;
      } else return Number.NaN;
    }
    scale = end - from;
  }
  if (digits > 15) return Number.NaN;
  if (negative) {
    if (scaled === 0) return Number.NaN;
    scaled = -scaled;
  }
  return acceptScaled(scaled, scale, plan);
}

/**
 * {@link scaledNumber} for a JavaScript number (JSON read by `JSON.parse`): an integer
 * below 10^15 in size is its own scaled value (its shortest text is its digits); any
 * other number returns NaN and is read from its text.
 */
export function scaledInteger(n: number, plan: InputPlan): number {
  const type = plan.type;
  if (type !== "number" && type !== "integer" && type !== "ratio" && type !== "percent") return Number.NaN;
  if (!Number.isInteger(n) || n >= 1e15 || n <= -1e15) return Number.NaN;
  // -0 reads as "0" (its String), so as 0.
  return acceptScaled(n + 0, 0, plan);
}

/** The checks of {@link parseNumeric} on a scaled integer: its value, or NaN to leave it to the slow path. */
function acceptScaled(scaled: number, scale: number, plan: InputPlan): number {
  const type = plan.type;
  const unit = POW10[scale] as number;
  if (type === "integer") {
    if (scale > 0) return Number.NaN;
  } else if (type === "ratio") {
    if (scaled < 0 || scaled > unit) return Number.NaN;
  } else if (type === "percent") {
    if (scaled < 0 || scaled > 100 * unit) return Number.NaN;
  }
  if (plan.min !== undefined || plan.max !== undefined) {
    const { min, max } = boundsOf(plan);
    if (min !== undefined) {
      const m = min * unit;
      if (!Number.isSafeInteger(m) || scaled < m) return Number.NaN;
    }
    if (max !== undefined) {
      const m = max * unit;
      if (!Number.isSafeInteger(m) || scaled > m) return Number.NaN;
    }
  }
  lastScale = scale;
  return scaled;
}

/** The exact decimal `scaled × 10^-scale` (as `new Dec` reads the same number's text). */
export function decimalOfScaled(scaled: number, scale: number): Decimal {
  return scale === 0 ? new Dec(scaled) : new Dec(`${scaled}e-${scale}`);
}

const DOT = 46;
const COMMA = 44;

/** The decimal mark of a locale, as a char code. */
export function decimalMark(locale: Locale): number {
  return locale === "vi" ? COMMA : DOT;
}

/** Largest decimal exponent (either sign) of a JSON number read; beyond it the number is refused, never expanded. */
export const MAX_JSON_EXPONENT = 100;

/**
 * A value from JSON: numbers exactly (from their source text when read by
 * {@link parseJsonExact}, else via the shortest text of the double), strings parsed
 * per the input type with locale `en`, booleans as booleans, null as missing.
 * Lists and objects are refused by kind, never walked (any depth is safe).
 */
export function valueFromJson(raw: unknown, input: InputPlan): ValueResult {
  if (raw === null || raw === undefined) return { ok: true, value: MISSING };
  if (typeof raw === "string") return parseValue(raw, input, "en");
  const type = input.type;
  if (typeof raw === "number" || raw instanceof JsonNumber) {
    if (typeof raw === "number" && !Number.isFinite(raw)) return wrongType(String(raw), type, "en");
    const text = String(raw);
    let value: Decimal;
    try {
      value = new Dec(text);
    } catch {
      return wrongType(text, type, "en");
    }
    if (Math.abs(value.e) > MAX_JSON_EXPONENT) {
      return wrongType(text, type, "en", `a number between 1e-${MAX_JSON_EXPONENT} and 1e${MAX_JSON_EXPONENT} in size`);
    }
    if (type === "boolean" && (value.eq(0) || value.eq(1))) return { ok: true, value: value.eq(1) };
    if (type === "number" || type === "integer" || type === "ratio" || type === "percent") {
      return parseNumeric(/e/i.test(text) ? value.toFixed() : text, input, "en");
    }
    return wrongType(text, type, "en");
  }
  if (typeof raw === "boolean") {
    return type === "boolean" ? { ok: true, value: raw } : wrongType(String(raw), type, "en");
  }
  return wrongType(Array.isArray(raw) ? "a list" : typeof raw === "object" ? "an object" : typeof raw, type, "en");
}
