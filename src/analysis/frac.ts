/**
 * Exact small fractions of safe integers, for the hot paths of the analysis: a pair's
 * index is Σ points × 100 ÷ Σ max over published values (scaled to integers), so it is
 * a fraction; means and differences stay fractions while they fit in 2^53, and fall
 * back to decimals when they do not. Every result is exact; rounding happens once, in
 * {@link exactOut}, by integer arithmetic when it can.
 */
import { dec, type Decimal, type Rounding } from "../core/decimal.js";
import { outOrNull, ZERO } from "./exact.js";

const SAFE = 2 ** 53;

/** n ÷ d exactly, d > 0. */
export class Frac {
  constructor(
    readonly n: number,
    readonly d: number,
  ) {}
}

export type Exact = Frac | Decimal;

export function toDecimal(v: Exact): Decimal {
  return v instanceof Frac ? dec(v.n).div(v.d) : v;
}

/** A JSON number rounded once (half-up by integers when possible), or null. */
export function exactOut(v: Exact | undefined, rounding: Rounding): number | null {
  if (v === undefined) return null;
  if (v instanceof Frac && rounding.mode === "half_up") {
    const scale = 10 ** rounding.decimals;
    const a = Math.abs(v.n);
    const num = 2 * a * scale + v.d;
    if (num < SAFE && 2 * v.d < SAFE) {
      // q = round half up (away from zero) of |n| ÷ d at `decimals` places; exact since num < 2^53.
      const q = Math.floor(num / (2 * v.d));
      const r = (v.n < 0 ? -q : q) / scale;
      return r === 0 ? 0 : r;
    }
  }
  return outOrNull(toDecimal(v), rounding);
}

/** a − b. */
export function exactMinus(a: Exact, b: Exact): Exact {
  if (a instanceof Frac && b instanceof Frac) {
    if (a.d === b.d) return new Frac(a.n - b.n, a.d);
    const x = a.n * b.d;
    const y = b.n * a.d;
    const d = a.d * b.d;
    if (Math.abs(x) < SAFE && Math.abs(y) < SAFE && d < SAFE) return new Frac(x - y, d);
  }
  return toDecimal(a).minus(toDecimal(b));
}

/** The plain mean; fractions with one common denominator stay a fraction. */
export function exactMean(values: readonly Exact[]): Exact | undefined {
  if (values.length === 0) return undefined;
  const byDenominator = new Map<number, number>();
  let decimals: Decimal | undefined;
  for (const v of values) {
    if (v instanceof Frac) {
      const n = (byDenominator.get(v.d) ?? 0) + v.n;
      if (Math.abs(n) < SAFE) {
        byDenominator.set(v.d, n);
        continue;
      }
    }
    decimals = (decimals ?? ZERO).plus(toDecimal(v));
  }
  if (decimals === undefined && byDenominator.size === 1) {
    const [d, n] = [...byDenominator][0]!;
    if (d * values.length < SAFE) return new Frac(n, d * values.length);
  }
  let sum = decimals ?? ZERO;
  for (const [d, n] of byDenominator) sum = sum.plus(dec(n).div(d));
  return sum.div(values.length);
}

/** The weighted mean (weights > 0); exact fractions when the weights scale to small integers. */
export function exactWeightedMean(values: readonly Exact[], weights: readonly Decimal[]): Exact | undefined {
  if (values.length === 0) return undefined;
  if (values.length === 1) return values[0];
  const places = Math.max(...weights.map((w) => w.decimalPlaces()));
  if (places <= 6 && values.every((v) => v instanceof Frac)) {
    const scale = 10 ** places;
    const ws = weights.map((w) => w.times(scale).toNumber());
    const total = ws.reduce((a, b) => a + b, 0);
    const byDenominator = new Map<number, number>();
    let safe = total < 2 ** 31 && ws.every((w) => Number.isSafeInteger(w));
    values.forEach((v, i) => {
      const f = v as Frac;
      const n = (byDenominator.get(f.d) ?? 0) + f.n * ws[i]!;
      if (Math.abs(n) >= SAFE) safe = false;
      byDenominator.set(f.d, n);
    });
    if (safe) {
      if (byDenominator.size === 1) {
        const [d, n] = [...byDenominator][0]!;
        if (d * total < SAFE) return new Frac(n, d * total);
      }
      let sum = ZERO;
      for (const [d, n] of byDenominator) sum = sum.plus(dec(n).div(d));
      return sum.div(total);
    }
  }
  let num = ZERO;
  let den = ZERO;
  values.forEach((v, i) => {
    num = num.plus(toDecimal(v).times(weights[i]!));
    den = den.plus(weights[i]!);
  });
  return num.div(den);
}
