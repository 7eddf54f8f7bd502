import { type Decimal, isDecimal } from "./decimal.js";

/**
 * Runtime values of inputs, derived values and expressions.
 * Numbers are always exact decimals; a date is a {@link CalendarDate}; absence is {@link MISSING}.
 */
export type Value = Decimal | string | boolean | CalendarDate | Missing;

export interface Missing {
  readonly kind: "missing";
  /** Why the value is missing: an absent input, or a division by zero. */
  readonly reason: "absent" | "division_by_zero";
}

export const MISSING: Missing = Object.freeze({ kind: "missing", reason: "absent" });
export const DIVISION_BY_ZERO: Missing = Object.freeze({ kind: "missing", reason: "division_by_zero" });

export function isMissing(value: Value): value is Missing {
  return typeof value === "object" && !isDecimal(value) && value.kind === "missing";
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** True when year, month and day make a date {@link CalendarDate.of} accepts (years 1 to 9999). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * True for a {@link CalendarDate}, by its kind tag rather than `instanceof`, so a date made by
 * another copy of the library (its CommonJS and ESM builds loaded side by side) is still a date.
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "date" && typeof (value as { epochDay?: unknown }).epochDay === "number";
}

/** A calendar date without time zone; `epochDay` counts days since 1970-01-01. */
export class CalendarDate {
  readonly kind = "date" as const;
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly epochDay: number,
  ) {
    Object.freeze(this);
  }

  /** A valid date, or undefined (31/02/2024 is not a date). */
  static of(year: number, month: number, day: number): CalendarDate | undefined {
    if (!isCalendarDay(year, month, day)) return undefined;
    // Computed, not through Date.UTC, which reads years 0–99 as 1900–1999.
    return new CalendarDate(year, month, day, daysFromCivil(year, month, day));
  }

  /** Parses `YYYY-MM-DD` only. */
  static parseIso(text: string): CalendarDate | undefined {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    return m ? CalendarDate.of(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  }

  compare(other: CalendarDate): number {
    return this.epochDay - other.epochDay;
  }

  toString(): string {
    const pad = (n: number, w: number) => String(n).padStart(w, "0");
    return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
  }

  toJSON(): string {
    return this.toString();
  }
}


/** The static type of a value, as used by the expression checker. */
export type ValueType = "number" | "string" | "boolean" | "date" | "unknown";


/** A short text for explanations: `0.9333`, `2024-01-15`, `true`, `"on_time"`, `missing`. */
export function formatValue(value: Value): string {
  if (isDecimal(value)) return value.toString();
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return String(value);
  if (isCalendarDate(value)) return value.toString();
  return value.reason === "division_by_zero" ? "missing (division by zero)" : "missing";
}
