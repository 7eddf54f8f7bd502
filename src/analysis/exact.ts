/** Small exact helpers shared by the analysis functions: decimals in, JSON numbers out (rounded once). */
import { dec, roundTo, toJsonNumber, type Decimal, type Rounding } from "../core/decimal.js";

export const ZERO: Decimal = dec(0);
export const HUNDRED: Decimal = dec(100);

/** A JSON number rounded once with the framework's rounding (never `-0`). */
export function out(value: Decimal, rounding: Rounding): number {
  const n = toJsonNumber(roundTo(value, rounding));
  return Object.is(n, -0) ? 0 : n;
}

export function outOrNull(value: Decimal | undefined, rounding: Rounding): number | null {
  return value === undefined ? null : out(value, rounding);
}

export function sum(values: readonly Decimal[]): Decimal {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}

/** The mean, or the weighted mean when weights are given; undefined for nothing. */
export function mean(values: readonly Decimal[], weights?: readonly Decimal[]): Decimal | undefined {
  if (values.length === 0) return undefined;
  if (weights === undefined) return sum(values).div(values.length);
  let num = ZERO;
  let den = ZERO;
  values.forEach((v, i) => {
    num = num.plus(v.times(weights[i]!));
    den = den.plus(weights[i]!);
  });
  return den.isZero() ? undefined : num.div(den);
}

/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: readonly Decimal[]): Decimal | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a.comparedTo(b));
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : s[m - 1]!.plus(s[m]!).div(2);
}

/** Competition ranks (1, 2, 2, 4) of values, higher first; undefined values rank after all others, tied. O(n log n). */
export function competitionRanks(values: readonly (Decimal | undefined)[]): number[] {
  const order = values.map((_, i) => i).filter((i) => values[i] !== undefined);
  order.sort((a, b) => values[b]!.comparedTo(values[a]!));
  const ranks = new Array<number>(values.length).fill(order.length + 1);
  order.forEach((at, k) => {
    const prev = order[k - 1];
    ranks[at] = prev !== undefined && values[prev]!.eq(values[at]!) ? ranks[prev]! : k + 1;
  });
  return ranks;
}

/** Code order (binary, as the engine sorts codes). */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `value × scale` as an exact integer when `value` (a JSON number) has at most as many
 * decimals as `scale` has zeros and stays far below 2^53; undefined otherwise (use decimals then).
 */
export function toScaled(value: number | undefined, scale: number): number | undefined {
  if (value === undefined) return undefined;
  const x = value * scale;
  const r = Math.round(x);
  return Math.abs(r) < 2 ** 50 && Math.abs(x - r) < 1e-6 ? r : undefined;
}
