/**
 * Exact fixed-point integers (BigInt) for the engine's sums. Leaf points are
 * rounded to the framework's decimals and maxima are declared constants, so every
 * sum is an integer count of 10^-k for a k known per framework: adding integers is
 * exact and far cheaper than decimal.js additions. Decimals are rebuilt on demand.
 */
import { Dec, type Decimal, type Rounding } from "../core/decimal.js";

/** Number of decimal places of a decimal (0 for integers). */
export function placesOf(d: Decimal): number {
  return Math.max(0, d.decimalPlaces());
}

/**
 * `d × 10^k` as a JS safe integer when it is one exactly, else undefined. Reads
 * decimal.js's digit words (base 1e7) directly: no string, no Decimal allocation.
 */
export function scaledSafeInteger(d: Decimal, k: number): number | undefined {
  const words = (d as unknown as { d: number[] | null }).d;
  if (!words) return undefined; // NaN or ±Infinity
  if (words.length === 1 && words[0] === 0) return 0;
  if (words.length > 2) return undefined;
  let digits = words[0]!;
  let count = String(digits).length;
  if (words.length === 2) {
    digits = digits * 1e7 + words[1]!;
    count += 7;
  }
  // The value is digits × 10^(e − count + 1); scaled: × 10^k.
  const shift = d.e - count + 1 + k;
  if (shift < 0) {
    const div = 10 ** -shift;
    if (-shift > 15 || digits % div !== 0) return undefined;
    digits = digits / div;
  } else if (shift > 0) {
    if (shift > 15) return undefined;
    digits = digits * 10 ** shift;
  }
  if (!Number.isSafeInteger(digits)) return undefined;
  return d.isNegative() ? -digits : digits;
}

/** The integer count of 10^-k in `d` (exact when `d` has at most k places; else rounded toward zero). */
export function toScaled(d: Decimal, k: number): bigint {
  const fast = scaledSafeInteger(d, k);
  if (fast !== undefined) return BigInt(fast);
  const s = d.toFixed(k, Dec.ROUND_DOWN);
  return BigInt(k === 0 ? s : s.replace(".", ""));
}

/** The decimal `n × 10^-k`. */
export function fromScaled(n: bigint, k: number): Decimal {
  return new Dec(k === 0 ? n.toString() : `${n.toString()}e-${k}`);
}

/** Divides and rounds to an integer with the framework's mode (half_up: half away from zero, like decimal.js). */
export function divRound(n: bigint, m: bigint, mode: Rounding["mode"]): bigint {
  if (m < 0n) {
    n = -n;
    m = -m;
  }
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = a / m;
  const r = a - q * m;
  if (mode !== "down" && r > 0n) {
    const twice = 2n * r;
    if (twice > m || (twice === m && (mode === "half_up" || q % 2n === 1n))) q += 1n;
  }
  return negative ? -q : q;
}

const POW10: bigint[] = [];
export function pow10(k: number): bigint {
  return (POW10[k] ??= 10n ** BigInt(k));
}

/** `n × 10^-k` rounded to `rounding.decimals`, as a JSON number (a correctly rounded double). */
export function scaledToNumber(n: bigint, k: number, rounding: Rounding): number {
  const d = rounding.decimals;
  const r = k > d ? divRound(n, pow10(k - d), rounding.mode) : n * pow10(d - k);
  const v = Number(r) / Number(pow10(d));
  return Object.is(v, -0) ? 0 : v;
}

/** points ÷ max × 100 rounded to `rounding.decimals`, as a JSON number; undefined when max is 0. Both at scale k. */
export function scaledIndexToNumber(points: bigint, max: bigint, rounding: Rounding): number | undefined {
  if (max === 0n) return undefined;
  const d = rounding.decimals;
  const q = divRound(points * 100n * pow10(d), max, rounding.mode);
  const v = Number(q) / Number(pow10(d));
  return Object.is(v, -0) ? 0 : v;
}
