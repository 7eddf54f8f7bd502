import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalNumber } from "../../src/evidence/locale.js";
import { localeDate, localeDatesIn, localeNumber, localeNumbersIn, textStyle } from "../../src/report/format.js";

describe("numbers and dates as written in Vietnamese", () => {
  it("writes a decimal comma and groups thousands with dots in vi; leaves en as it is", () => {
    expect(localeNumber("99.33", "vi")).toBe("99,33");
    expect(localeNumber("397857", "vi")).toBe("397.857");
    expect(localeNumber("-1234.50", "vi")).toBe("-1.234,50");
    expect(localeNumber("100", "vi")).toBe("100");
    expect(localeNumber("99.33", "en")).toBe("99.33");
    expect(localeNumber("–", "vi")).toBe("–");
    expect(localeNumber("", "vi")).toBe("");
  });

  it("reads back, in the vi locale of the evidence reader, as the same number", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }), (n, scale) => {
        const neg = n < 0n;
        const digits = (neg ? -n : n).toString().padStart(scale + 1, "0");
        const text = `${neg ? "-" : ""}${scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`}`;
        expect(canonicalNumber(localeNumber(text, "vi"), "vi")).toBe(text);
      }),
    );
  });

  it("rewrites the numbers and ISO dates inside a sentence, not codes or ids", () => {
    expect(localeNumbersIn("above 0.9 → 2, ratio 0.75", "vi")).toBe("above 0,9 → 2, ratio 0,75");
    expect(localeNumbersIn("v1.2.3 and x0.5", "vi")).toBe("v1.2.3 and x0.5");
    expect(localeDate("2024-01-15", "vi")).toBe("15/01/2024");
    expect(localeDate("2024-01-15", "en")).toBe("2024-01-15");
    expect(localeDatesIn("on or before 2024-01-15 → 1", "vi")).toBe("on or before 15/01/2024 → 1");
  });

  it("takes the number style from the language unless a locale is given", () => {
    expect(textStyle()).toEqual({ lang: "vi", locale: "vi" });
    expect(textStyle({ lang: "en" })).toEqual({ lang: "en", locale: "en" });
    expect(textStyle({ lang: "en", locale: "vi" })).toEqual({ lang: "en", locale: "vi" });
  });
});
