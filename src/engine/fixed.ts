/**
 * Exact fixed-point integers (BigInt) for the engine's sums. Leaf points are
 * rounded to the framework's decimals and maxima are declared constants, so every
 * sum is an integer count of 10^-k for a k known per framework: adding integers is
 * exact and far cheaper than decimal.js additions. Decimals are rebuilt on demand.
 */
import { Dec, type Decimal, type Rounding, SIGNIFICAND, significandOf } from "../core/decimal.js";
import { divideRounded, pow10 } from "../core/exact.js";

/** Number of decimal places of a decimal (0 for integers). */
export function placesOf(d: Decimal): number {
  return Math.max(0, d.decimalPlaces());
}

/**
 * `d × 10^k` as a JS safe integer when it is one exactly, else undefined. Reads
 * decimal.js's digit words (base 1e7) directly: no string, no Decimal allocation.
 */
export function scaledSafeInteger(d: Decimal, k: number): number | undefined {
  let digits = significandOf(d);
  if (Number.isNaN(digits)) return undefined;
  if (digits === 0) return 0;
  const count = SIGNIFICAND.count;
  // The value is digits × 10^(e − count + 1); scaled: × 10^k.
  const shift = d.e - count + 1 + k;
  if (shift < 0) {
    if (-shift > 15) return undefined;
    const div = 10 ** -shift;
    if (digits % div !== 0) return undefined;
    digits = digits / div;
  } else if (shift > 0) {
    if (shift > 15) return undefined;
    digits = digits * 10 ** shift;
  }
  if (!Number.isSafeInteger(digits)) return undefined;
  return d.s < 0 ? -digits : digits;
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

/** `n × 10^-k` rounded to `rounding.decimals`, as a JSON number (a correctly rounded double). */
export function scaledToNumber(n: bigint, k: number, rounding: Rounding): number {
  const d = rounding.decimals;
  const r = k > d ? divideRounded(n, pow10(k - d), rounding.mode) : n * pow10(d - k);
  return countToNumber(r, d);
}

const SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * `r × 10^-d` as the nearest double. Within safe integers one IEEE division is exact
 * rounding; beyond them the decimal text is parsed (two roundings could differ).
 */
function countToNumber(r: bigint, d: number): number {
  let v: number;
  if (r <= SAFE_BIG && r >= -SAFE_BIG && d <= 22) v = Number(r) / 10 ** d;
  else {
    const digits = (r < 0n ? -r : r).toString().padStart(d + 1, "0");
    v = Number(`${r < 0n ? "-" : ""}${d > 0 ? `${digits.slice(0, -d)}.${digits.slice(-d)}` : digits}`);
  }
  return Object.is(v, -0) ? 0 : v;
}

/** points ÷ max × 100 rounded to `rounding.decimals`, as a JSON number; undefined when max is 0. Both at scale k. */
export function scaledIndexToNumber(points: bigint, max: bigint, rounding: Rounding): number | undefined {
  if (max === 0n) return undefined;
  const d = rounding.decimals;
  return countToNumber(divideRounded(points * 100n * pow10(d), max, rounding.mode), d);
}

// ---- Safe-integer variants. Every value is an integer below 2^53 in magnitude, so JS
// number arithmetic on them is exact integer arithmetic (no fractional float ever
// appears); each product or sum that could leave that range is checked with
// Number.isSafeInteger, which is false whenever the exact result is not representable.

const POW10_NUM: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i); // exact up to 10^22

/** 10^n as an exact JS number (n ≤ 22), else NaN (so any product with it fails the safe check). */
export function pow10Num(n: number): number {
  return POW10_NUM[n] ?? Number.NaN;
}

/** `n ÷ m` rounded to an integer with the framework's mode; both safe integers, m ≠ 0. Exact. */
export function divRoundNum(n: number, m: number, mode: Rounding["mode"]): number {
  if (m < 0) {
    n = -n;
    m = -m;
  }
  const r = n % m; // exact; the sign of n
  let q = (n - r) / m; // n − r is a multiple of m: the quotient is an exact integer
  if (r !== 0 && mode !== "down") {
    const twice = 2 * Math.abs(r);
    if (twice > m || (twice === m && (mode === "half_up" || q % 2 !== 0))) q += r > 0 ? 1 : -1;
  }
  return q === 0 ? 0 : q;
}

/** {@link scaledToNumber} for a safe-integer count of 10^-k. */
export function scaledNumToNumber(n: number, k: number, rounding: Rounding): number {
  const d = rounding.decimals;
  const r = k > d ? divRoundNum(n, pow10Num(k - d), rounding.mode) : n * pow10Num(d - k);
  if (!Number.isSafeInteger(r)) return scaledToNumber(BigInt(n), k, rounding);
  const v = r / pow10Num(d);
  return Object.is(v, -0) ? 0 : v;
}

/** The rounded index (points ÷ max × 100, at `rounding.decimals`) as an integer count of 10^-decimals; NaN when not safe or max is 0. */
export function scaledNumIndex(points: number, max: number, rounding: Rounding): number {
  if (max === 0) return Number.NaN;
  const n = points * 100 * pow10Num(rounding.decimals);
  return Number.isSafeInteger(n) ? divRoundNum(n, max, rounding.mode) : Number.NaN;
}

/** {@link scaledIndexToNumber} for safe-integer counts. */
export function scaledNumIndexToNumber(points: number, max: number, rounding: Rounding): number | undefined {
  if (max === 0) return undefined;
  const q = scaledNumIndex(points, max, rounding);
  if (Number.isNaN(q)) return scaledIndexToNumber(BigInt(points), BigInt(max), rounding);
  const v = q / pow10Num(rounding.decimals);
  return Object.is(v, -0) ? 0 : v;
}
