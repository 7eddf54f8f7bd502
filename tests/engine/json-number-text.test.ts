import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExactJsonNumber, stringifyJson } from "../../src/core/json-text.js";
import { numberText } from "../../src/engine/json.js";

describe("numberText: remembered number texts are String(n)", () => {
  it("any double, asked once or again: the text JSON.stringify writes (null when not finite)", () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { minLength: 1, maxLength: 50 }), (xs) => {
        for (const x of [...xs, ...xs.reverse()]) expect(numberText(x)).toBe(JSON.stringify(x));
      }),
      { numRuns: 300 },
    );
  });

  it("scaled counts at 0–10 decimals (what the engine writes): String(count / 10^decimals), also when numbers take turns on a slot", () => {
    const counts = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger().map((n) => n % 1e15));
    fc.assert(
      fc.property(fc.array(fc.tuple(counts, fc.integer({ min: 0, max: 10 })), { minLength: 1, maxLength: 100 }), (pairs) => {
        for (const [count, decimals] of pairs) {
          const n = count / 10 ** decimals;
          expect(numberText(n)).toBe(String(n));
        }
      }),
      { numRuns: 200 },
    );
    // More distinct numbers than slots: numbers take turns and the texts stay right.
    for (let i = 0; i < 70_000; i++) {
      const n = i / 100 + 0.005;
      if (numberText(n) !== String(n)) throw new Error(`numberText(${n}) is ${numberText(n)}`);
    }
    for (const n of [0, 0.1, 99.33, 1e-7, 1e21, 123456789012.34]) expect(numberText(n)).toBe(String(n));
  });

  it("writes 0 for -0 and 0 whichever comes first, as JSON.stringify", () => {
    expect([numberText(-0), numberText(0), numberText(-0)]).toEqual(["0", "0", "0"]);
  });

  it("writes an exact number's digits (more than 15 significant digits) unchanged", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 15n, max: 10n ** 20n }), fc.integer({ min: 1, max: 10 }), (digits, decimals) => {
        const s = digits.toString();
        const text = `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
        const exact = new ExactJsonNumber(text);
        expect(numberText(exact)).toBe(text);
        expect(numberText(exact)).toBe(stringifyJson(exact));
      }),
      { numRuns: 100 },
    );
  });
});
