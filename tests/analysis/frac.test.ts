import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, roundTo, type Rounding } from "../../src/core/decimal.js";
import { exactMean, exactMinus, exactOut, exactWeightedMean, Frac, toDecimal } from "../../src/analysis/frac.js";

const HALF_UP: Rounding = { decimals: 2, mode: "half_up" };
const asNumber = (d: ReturnType<typeof dec>) => Number(roundTo(d, HALF_UP).toString()) || 0;
const frac = fc.record({ n: fc.integer({ min: -2_000_000, max: 2_000_000 }), d: fc.integer({ min: 1, max: 20_000 }) }).map(({ n, d }) => new Frac(n, d));

describe("exact fractions agree with decimal arithmetic, ties included", () => {
  it("rounding once, half-up", () => {
    // 0.125 → 0.13 and −0.125 → −0.13 (away from zero, as decimal.js ROUND_HALF_UP).
    expect(exactOut(new Frac(1, 8), HALF_UP)).toBe(0.13);
    expect(exactOut(new Frac(-1, 8), HALF_UP)).toBe(-0.13);
    fc.assert(
      fc.property(frac, (f) => {
        expect(exactOut(f, HALF_UP)).toBe(asNumber(dec(f.n).div(f.d)));
      }),
    );
  });

  it("differences, means and weighted means", () => {
    fc.assert(
      fc.property(fc.array(frac, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 8, maxLength: 8 }), (fs, ws) => {
        const ds = fs.map((f) => dec(f.n).div(f.d));
        const sum = ds.reduce((a, b) => a.plus(b));
        expect(exactOut(exactMean(fs), HALF_UP)).toBe(asNumber(sum.div(fs.length)));
        expect(exactOut(exactMinus(fs[0]!, fs[fs.length - 1]!), HALF_UP)).toBe(asNumber(ds[0]!.minus(ds[ds.length - 1]!)));
        const weights = fs.map((_, i) => dec(ws[i]!).div(4));
        let num = dec(0);
        let den = dec(0);
        ds.forEach((d, i) => {
          num = num.plus(d.times(weights[i]!));
          den = den.plus(weights[i]!);
        });
        const w = exactWeightedMean(fs, weights)!;
        expect(exactOut(w, HALF_UP)).toBe(asNumber(num.div(den)));
        expect(toDecimal(w).minus(num.div(den)).abs().lt(dec("1e-30"))).toBe(true);
      }),
    );
  });
});
