/**
 * Exact arithmetic for numbers on their way to a declared rounding.
 *
 * Numbers are decimal.js Decimals with 40 significant digits, which is exact for sums,
 * differences and products of the decimals evidence and frameworks hold, but not for
 * a quotient such as 50 ÷ 96 (0.52083̅): rounding it to 40 digits and then to the
 * framework's decimals could turn a value just below a tie into the tie, or an exact
 * tie into a value just below it. So a quotient that does not terminate is kept as an
 * exact fraction (BigInt numerator and denominator) beside its 40-digit Decimal
 * approximation; arithmetic, comparisons and rounding read the fraction. Every other
 * number is exact as it is. The approximation is what explanations display.
 */
import { Decimal as DecimalJs } from "decimal.js";
import { Dec, type Decimal, type Rounding } from "./decimal.js";

/** An exact fraction n ÷ d, d > 0, in lowest terms. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

/** Exact fractions of the approximations made for non-terminating quotients. */
const FRACTIONS = new WeakMap<Decimal, Fraction>();
/** Set once the first approximation is made: until then no lookup is needed. */
let anyInexact = false;

/** Exponent beyond which a decimal is not turned into a fraction (its digits would be huge). */
const MAX_EXPONENT = 2000;
/** Digits beyond which a terminating quotient is kept as a fraction instead of written out. */
const MAX_TERMINATING_DIGITS = 200;

/** Same numbers, no practical precision limit: for sums and products that need more than 40 digits. */
const Wide = DecimalJs.clone({ precision: 1e9, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -7, toExpPos: 21 });

/** Whether `x` is the 40-digit approximation of a non-terminating fraction. */
export function isInexact(x: Decimal): boolean {
  return anyInexact && FRACTIONS.has(x);
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const POW10: bigint[] = [];
/** 10^k as a BigInt, memoised. */
export function pow10(k: number): bigint {
  return (POW10[k] ??= 10n ** BigInt(k));
}

/** Whether `x` can be turned into a fraction without writing out an enormous number. */
function convertible(x: Decimal): boolean {
  return x.isFinite() && Math.abs(x.e) <= MAX_EXPONENT;
}

/** The exact fraction of a decimal (or of an approximation made here). */
export function fractionOf(x: Decimal): Fraction {
  const tagged = anyInexact ? FRACTIONS.get(x) : undefined;
  if (tagged !== undefined) return tagged;
  if (x.isZero()) return { n: 0n, d: 1n };
  // The coefficient's digits and the power of ten they are scaled by.
  const digits = (x.d as number[]).map((w, i) => (i === 0 ? String(w) : String(w).padStart(7, "0"))).join("");
  // decimal.js: the first digit is at 10^e, so value = digits × 10^(e − (digit count − 1)).
  const shift = x.e - digits.length + 1;
  let n = BigInt(digits) * BigInt(x.s);
  let d = 1n;
  if (shift >= 0) n *= pow10(shift);
  else d = pow10(-shift);
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

/** The Decimal of a fraction: exact when it terminates (and is not huge), else a tagged approximation. */
export function fromFraction(f: Fraction): Decimal {
  let { n, d } = f;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  if (g > 1n) {
    n /= g;
    d /= g;
  }
  if (n === 0n) return new Dec(0);
  // d = 2^a × 5^b terminates after max(a, b) places.
  let rest = d;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  const places = Math.max(twos, fives);
  if (rest === 1n && places <= MAX_TERMINATING_DIGITS) {
    const scaled = n * (pow10(places) / d);
    return new Dec(places === 0 ? scaled.toString() : `${scaled.toString()}e-${places}`);
  }
  const approx = new Dec(n.toString()).div(new Dec(d.toString()));
  FRACTIONS.set(approx, Object.freeze({ n, d }));
  anyInexact = true;
  return approx;
}

/** Digits a decimal's coefficient can have (an upper bound) and the exponent of its last digit (a lower bound). */
function lowExponent(x: Decimal): number {
  return x.e - (x.d ? x.d.length * 7 : 0);
}

/** Digits beyond which a sum is not written out in full. */
const WIDE_LIMIT = 2 * MAX_EXPONENT + 100;

/** Sums and products exact at 40 digits need no wider arithmetic. */
const NARROW = 38;

function fractionsNeeded(a: Decimal, b: Decimal): boolean {
  return anyInexact && (FRACTIONS.has(a) || FRACTIONS.has(b));
}

function usable(a: Decimal, b: Decimal): boolean {
  return convertible(a) && convertible(b);
}

/** a + b, exact. */
export function exactPlus(a: Decimal, b: Decimal): Decimal {
  if (fractionsNeeded(a, b) && usable(a, b)) {
    const x = fractionOf(a);
    const y = fractionOf(b);
    return fromFraction({ n: x.n * y.d + y.n * x.d, d: x.d * y.d });
  }
  if (!a.d || !b.d) return a.plus(b);
  const digits = Math.max(a.e, b.e) + 1 - Math.min(lowExponent(a), lowExponent(b));
  // Beyond WIDE_LIMIT digits (1e3000 + 1e-3000) the sum is rounded to 40 digits as decimal.js does.
  if (digits <= NARROW || digits > WIDE_LIMIT) return a.plus(b);
  return new Dec(new Wide(a).plus(b));
}

/** a − b, exact (−b keeps the exact fraction of an approximation: 1 − 50/96 is 23/48). */
export function exactMinus(a: Decimal, b: Decimal): Decimal {
  return exactPlus(a, exactNeg(b));
}

/** a × b, exact. */
export function exactTimes(a: Decimal, b: Decimal): Decimal {
  if (fractionsNeeded(a, b) && usable(a, b)) {
    const x = fractionOf(a);
    const y = fractionOf(b);
    return fromFraction({ n: x.n * y.n, d: x.d * y.d });
  }
  if (!a.d || !b.d || (a.d.length + b.d.length) * 7 <= NARROW) return a.times(b);
  return new Dec(new Wide(a).times(b));
}

/** a ÷ b (b ≠ 0), exact: a terminating quotient as a Decimal, else a tagged approximation. */
export function exactDiv(a: Decimal, b: Decimal): Decimal {
  if (!usable(a, b)) return a.div(b);
  const x = fractionOf(a);
  const y = fractionOf(b);
  return fromFraction({ n: x.n * y.d, d: x.d * y.n });
}

/** −x, keeping exactness. */
export function exactNeg(x: Decimal): Decimal {
  const f = anyInexact ? FRACTIONS.get(x) : undefined;
  if (f === undefined) return x.neg();
  const r = x.neg();
  FRACTIONS.set(r, { n: -f.n, d: f.d });
  return r;
}

/** |x|, keeping exactness. */
export function exactAbs(x: Decimal): Decimal {
  return x.isNegative() ? exactNeg(x) : x;
}

/** Compares exactly (negative, zero, positive); `fallback` compares plain decimals. */
export function exactCompare(a: Decimal, b: Decimal, fallback: (a: Decimal, b: Decimal) => number): number {
  if (!fractionsNeeded(a, b) || !usable(a, b)) return fallback(a, b);
  const x = fractionOf(a);
  const y = fractionOf(b);
  const l = x.n * y.d;
  const r = y.n * x.d;
  return l === r ? 0 : l > r ? 1 : -1;
}

/** n ÷ d rounded to an integer: half_up (away from zero), half_even or down (toward zero). */
export function divideRounded(n: bigint, d: bigint, mode: Rounding["mode"]): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = a / d;
  const r = a - q * d;
  if (mode !== "down" && r > 0n) {
    const twice = 2n * r;
    if (twice > d || (twice === d && (mode === "half_up" || q % 2n === 1n))) q += 1n;
  }
  return negative ? -q : q;
}

/** The fraction rounded once to `decimals` places with `mode`. */
export function roundFraction(f: Fraction, decimals: number, mode: Rounding["mode"]): Decimal {
  const q = divideRounded(f.n * pow10(decimals), f.d, mode);
  return new Dec(decimals === 0 ? q.toString() : `${q.toString()}e-${decimals}`);
}

const MODES: Record<Rounding["mode"], DecimalJs.Rounding> = {
  half_up: DecimalJs.ROUND_HALF_UP,
  half_even: DecimalJs.ROUND_HALF_EVEN,
  down: DecimalJs.ROUND_DOWN,
};

/** `x` rounded once to `decimals` places: from its exact fraction when it is an approximation. */
export function exactRound(x: Decimal, decimals: number, mode: Rounding["mode"]): Decimal {
  const f = anyInexact ? FRACTIONS.get(x) : undefined;
  if (f === undefined) return x.toDecimalPlaces(decimals, MODES[mode]);
  return roundFraction(f, decimals, mode);
}

/** a ÷ b rounded once to `decimals` places (b ≠ 0): never a 40-digit quotient rounded again. */
export function divideAndRound(a: Decimal, b: Decimal, decimals: number, mode: Rounding["mode"]): Decimal {
  if (!usable(a, b)) return a.div(b).toDecimalPlaces(decimals, MODES[mode]);
  const x = fractionOf(a);
  const y = fractionOf(b);
  return roundFraction({ n: x.n * y.d, d: x.d * y.n }, decimals, mode);
}
