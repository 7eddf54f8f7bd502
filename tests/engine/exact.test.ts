/**
 * "Exact until the declared rounding": every rule kind, on every path (integer fast
 * paths and decimal.js), gives what exact rational arithmetic gives, exact ties included.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { framework, leafPoints, nodeOf, run } from "./helpers.js";
import { dec } from "../../src/core/decimal.js";
import { exactDiv, exactRound, fractionOf, isInexact } from "../../src/core/exact.js";
import { evaluateExpression } from "../../src/expr/evaluate.js";

/** An exact rational n ÷ d (d > 0). */
interface Q {
  n: bigint;
  d: bigint;
}
const q = (n: bigint, d = 1n): Q => (d < 0n ? { n: -n, d: -d } : { n, d });
const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
const cmp = (a: Q, b: Q): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l === r ? 0 : l > r ? 1 : -1;
};
/** A decimal text as a rational. */
const fromText = (t: string): Q => {
  const neg = t.startsWith("-");
  const [i, f = ""] = (neg ? t.slice(1) : t).split(".");
  const n = BigInt(i + f) * (neg ? -1n : 1n);
  return q(n, 10n ** BigInt(f.length));
};
/** Rounds a rational to 2 places, half away from zero (the default `half_up`), as text. */
const round2 = (x: Q): string => {
  const s = x.n * 100n;
  const neg = s < 0n;
  const a = neg ? -s : s;
  let quo = a / x.d;
  const r = a - quo * x.d;
  if (2n * r >= x.d && r > 0n) quo += 1n;
  const v = neg ? -quo : quo;
  return dec(`${v}e-2`).toString();
};
const clamp01 = (x: Q): Q => (cmp(x, q(0n)) < 0 ? q(0n) : cmp(x, q(1n)) > 0 ? q(1n) : x);
/** Decimal text of n × 10^-places. */
const decText = (n: number, places: number): string => dec(`${n}e-${places}`).toString();

describe("exact ties (issue: 50/96 on a ratio 0.5..1 of max 3 is exactly 0.125)", () => {
  const fw = framework(`
inputs:
  a: { type: integer }
  b: { type: integer }
derived:
  rate: "a / b"
criteria:
  - { id: "1", max: 3, rule: { ratio: { value: rate, lower: 0.5, upper: 1 } } }
  - { id: "2", max: 3, rule: { expr: "3 * (a / b - 0.5) / 0.5" } }
  - { id: "3", max: 10, rule: { deduct: { value: rate, per: 0.24 } } }
`);
  it("rounds the exact tie half up: 0.13, not 0.12", () => {
    const r = run(fw, { u: { inputs: { a: 50, b: 96 } } });
    expect(nodeOf(r, "u", "1").points.toString()).toBe("0.13");
    expect(nodeOf(r, "u", "2").points.toString()).toBe("0.13");
    // 10 − 0.24 × 50/96 = 10 − 0.125 = 9.875 → 9.88
    expect(nodeOf(r, "u", "3").points.toString()).toBe("9.88");
  });
  it("keeps a non-terminating quotient exact and rounds it once", () => {
    const third = exactDiv(dec(1), dec(3));
    expect(isInexact(third)).toBe(true);
    expect(fractionOf(third)).toEqual({ n: 1n, d: 3n });
    expect(exactRound(third, 2, "half_up").toString()).toBe("0.33");
    expect(evaluateExpression("round(a / b * 3 - 1, 2)", { a: dec(50), b: dec(96) })?.toString()).toBe("0.5625".replace("0.5625", "0.56"));
    // 1/3 × 3 is exactly 1: equality holds, no 0.999…9
    expect(evaluateExpression("a / b * b == a", { a: dec(1), b: dec(3) })).toBe(true);
  });
  it("subtracting a non-terminating quotient keeps it exact: 0.125 + 2/3 − 2/3 is the tie 0.125 → 0.13", () => {
    // With −(2/3) as a plain 40-digit decimal the sum would be 0.125 − 3.3e-41 → 0.12.
    expect(evaluateExpression("round(0.125 + a / b - a / b, 2)", { a: dec(2), b: dec(3) })?.toString()).toBe("0.13");
    expect(fractionOf(evaluateExpression("x - 0.25 / d", { x: dec(0), d: dec(126) }) as never)).toEqual({ n: -1n, d: 504n });
  });
});

const ruleArb = fc.constantFrom("ratio", "deduct", "expr", "bands", "boolean", "deadline", "choice");

describe("property: every rule kind agrees with exact rational arithmetic", () => {
  it("value a ÷ b (and plain decimals), constants with up to 3 places, exact ties included", () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 20 }), // max (whole points, half of the time halves)
        fc.boolean(),
        fc.integer({ min: 0, max: 900 }), // lower ×1000
        fc.integer({ min: 1, max: 900 }), // span ×1000
        fc.boolean(), // lower is better
        fc.integer({ min: 1, max: 999 }), // per / bound ×1000
        (kind, a, b, m, half, lo, span, flip, c) => {
          const max = half ? decText(2 * m + 1, 1) : String(m);
          const lower = decText(lo, 3);
          const upper = decText(lo + span, 3);
          const cText = decText(c, 3);
          const [l, u] = flip ? [upper, lower] : [lower, upper];
          const rule =
            kind === "ratio"
              ? `{ ratio: { value: rate, lower: ${l}, upper: ${u} } }`
              : kind === "deduct"
                ? `{ deduct: { value: rate, per: ${cText} } }`
                : kind === "expr"
                  ? `{ expr: "${max} * clamp((rate - ${lower}) / ${decText(span, 3)}, 0, 1)" }`
                  : kind === "bands"
                    ? `{ bands: { value: rate, bands: [ { at_least: ${cText}, points: ${max} }, { otherwise: 0 } ] } }`
                    : kind === "boolean"
                      ? `{ boolean: { value: "rate >= ${cText}" } }`
                      : kind === "deadline"
                        ? `{ deadline: { value: "if(rate > ${cText}, date(\\"2024-02-01\\"), date(\\"2024-01-01\\"))", due: 2024-01-15 } }`
                        : `{ choice: { value: "if(rate * 3 == ${cText} * 3, \\"x\\", \\"y\\")", points: { x: ${max}, y: 0 } } }`;
          const fw = framework(`
inputs:
  a: { type: integer }
  b: { type: integer }
derived:
  rate: "a / b"
criteria:
  - { id: "1", max: ${max}, rule: ${rule} }
`);
          const rate = q(BigInt(a), BigInt(b));
          const M = fromText(max);
          const C = fromText(cText);
          let expected: Q;
          if (kind === "ratio") {
            const L = fromText(l);
            const U = fromText(u);
            expected = mul(M, clamp01(div(sub(rate, L), sub(U, L))));
          } else if (kind === "deduct") {
            const p = sub(M, mul(C, rate));
            expected = cmp(p, q(0n)) < 0 ? q(0n) : cmp(p, M) > 0 ? M : p;
          } else if (kind === "expr") {
            expected = mul(M, clamp01(div(sub(rate, fromText(lower)), fromText(decText(span, 3)))));
          } else if (kind === "choice") {
            expected = cmp(rate, C) === 0 ? M : q(0n);
          } else if (kind === "deadline") {
            expected = cmp(rate, C) > 0 ? q(0n) : M;
          } else {
            expected = cmp(rate, C) >= 0 ? M : q(0n);
          }
          const got = leafPoints(fw, { a, b });
          expect(got).toBe(round2(expected));
        },
      ),
      { numRuns: 250 },
    );
  }, 60_000); // each run compiles a framework

  it("exact ties are met on purpose: value = lower + (k + ½)/100 × span / max", () => {
    // Choose a, b so that max × (a/b − lower) ÷ (upper − lower) = (2j + 1) / 200, a tie at 2 places.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 2, max: 9 }), (m, j, den) => {
        const tie = q(BigInt(2 * j + 1), 200n); // points wanted, a tie
        if (cmp(tie, q(BigInt(m))) >= 0) return;
        // rate = 0.5 + tie / m × 0.5, written as a / b with b a multiple of den (a non-terminating path when den = 3, 7, 9)
        const rate = add(q(1n, 2n), div(mul(tie, q(1n, 2n)), q(BigInt(m))));
        const a = rate.n * BigInt(den);
        const b = rate.d * BigInt(den);
        const fw = framework(`
inputs:
  a: { type: integer }
  b: { type: integer }
derived:
  rate: "a / b"
criteria:
  - { id: "1", max: ${m}, rule: { ratio: { value: rate, lower: 0.5, upper: 1 } } }
`);
        expect(leafPoints(fw, { a: Number(a), b: Number(b) })).toBe(round2(tie));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
