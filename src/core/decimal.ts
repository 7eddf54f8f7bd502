import { Decimal as DecimalJs } from "decimal.js";
import { exactDiv, exactRound, exactTimes } from "./exact.js";

/**
 * The one Decimal constructor every module uses: a private clone, so the library
 * never changes the global decimal.js configuration of its host application.
 * 40 significant digits is far beyond any score; rounding happens only where a
 * framework asks for it, through {@link roundTo}.
 */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

export type RoundingMode = "half_up" | "half_even" | "down";

export interface Rounding {
  readonly decimals: number;
  readonly mode: RoundingMode;
}

export const DEFAULT_ROUNDING: Rounding = Object.freeze({ decimals: 2, mode: "half_up" });

/** Round to `rounding.decimals` places with the framework's mode. */
export function roundTo(value: Decimal, rounding: Rounding): Decimal {
  // A quotient kept as an exact fraction (see exact.ts) is rounded from the fraction, once.
  return exactRound(value, rounding.decimals, rounding.mode);
}

/** A decimal from a YAML/JSON number or numeric string, without float arithmetic. */
export function dec(value: number | string | Decimal): Decimal {
  return new Dec(typeof value === "number" ? String(value) : value);
}

export function isDecimal(value: unknown): value is Decimal {
  return DecimalJs.isDecimal(value);
}

/** index = points ÷ max × 100; undefined when max is 0 (nothing applicable). */
export function indexOf(points: Decimal, max: Decimal): Decimal | undefined {
  return max.isZero() ? undefined : exactTimes(exactDiv(points, max), HUNDRED);
}

/** A JSON number for a decimal already rounded for publication. */
export function toJsonNumber(value: Decimal): number {
  return Number(value.toString());
}

/** What {@link significandOf} read besides the digits: how many significant digits there are. */
export const SIGNIFICAND = { count: 0 };

/**
 * The significant digits of `d` as a JS safe integer (the value is that × 10^(e − count + 1), with
 * `count` left in {@link SIGNIFICAND}), 0 for a zero of either sign, NaN for NaN, ±Infinity or more
 * digits than a safe integer holds. Reads decimal.js's digit words (base 1e7) directly: no string,
 * no allocation, so the engine's integer paths can call it per value.
 */
export function significandOf(d: Decimal): number {
  const words = (d as unknown as { d: number[] | null }).d;
  if (!words) return Number.NaN; // NaN or ±Infinity
  if (words[0] === 0) {
    SIGNIFICAND.count = 0; // decimal.js keeps zero as [0]
    return 0;
  }
  const last = words.length - 1;
  let digits = 0;
  let count = 0;
  for (let i = 0; i <= last; i++) {
    let w = words[i]!;
    let len = i > 0 ? 7 : w < 10 ? 1 : w < 100 ? 2 : w < 1e3 ? 3 : w < 1e4 ? 4 : w < 1e5 ? 5 : w < 1e6 ? 6 : 7;
    if (i === last) {
      // Trailing zeros of the last word are not significant (0.5 is [5000000]).
      while (w !== 0 && w % 10 === 0) {
        w /= 10;
        len--;
      }
    }
    digits = digits * 10 ** len + w;
    if (digits > Number.MAX_SAFE_INTEGER) return Number.NaN;
    count += len;
  }
  SIGNIFICAND.count = count;
  return digits;
}
