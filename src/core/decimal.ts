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
