import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDecimal } from "../../src/core/decimal.js";
import { CalendarDate, isMissing, type Value } from "../../src/core/value.js";
import { canonicalNumber, type Locale } from "../../src/evidence/locale.js";
import { dateNumber, parseValue, valueFromJson } from "../../src/evidence/values.js";
import type { InputPlan } from "../../src/framework/ir.js";
import { input } from "./helpers.js";

const num = input("x", "number");
const int = input("n", "integer", { min: "0" });
const ratio = input("r", "ratio");
const pct = input("p", "percent");
const bool = input("b", "boolean");
const date = input("d", "date");
const choice = input("s", "enum", { values: ["on_time", "late", "none"] });
const text = input("t", "text");

function ok(t: string, plan: InputPlan, locale: Locale): Value {
  const r = parseValue(t, plan, locale);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(t)} to parse in ${locale}: ${r.code} ${JSON.stringify(r.params)}`);
  return r.value;
}
function dec(t: string, plan: InputPlan, locale: Locale): string {
  const v = ok(t, plan, locale);
  if (!isDecimal(v)) throw new Error("not a decimal");
  return v.toString();
}
function code(t: string, plan: InputPlan, locale: Locale): string {
  const r = parseValue(t, plan, locale);
  return r.ok ? "ok" : r.code;
}

describe("locale number rules", () => {
  it("en: point decimals and comma thousands in groups of 3", () => {
    expect(canonicalNumber("1234.5", "en")).toBe("1234.5");
    expect(canonicalNumber("1,234.5", "en")).toBe("1234.5");
    expect(canonicalNumber("1,234,567", "en")).toBe("1234567");
    expect(canonicalNumber("-.5", "en")).toBe("-.5");
    expect(canonicalNumber("1,5", "en")).toBeUndefined();
    expect(canonicalNumber("12,34", "en")).toBeUndefined();
    expect(canonicalNumber("1234,567", "en")).toBeUndefined();
    expect(canonicalNumber("1.234.567", "en")).toBeUndefined();
    expect(canonicalNumber("1e5", "en")).toBeUndefined();
    expect(canonicalNumber("1 234", "en")).toBeUndefined();
  });

  it("vi: comma decimals and dot thousands in groups of 3", () => {
    expect(canonicalNumber("1234,5", "vi")).toBe("1234.5");
    expect(canonicalNumber("1.234,5", "vi")).toBe("1234.5");
    expect(canonicalNumber("397.857", "vi")).toBe("397857");
    expect(canonicalNumber("1.234.567,89", "vi")).toBe("1234567.89");
    expect(canonicalNumber("1.5", "vi")).toBeUndefined();
    expect(canonicalNumber("0.25", "vi")).toBeUndefined();
    expect(canonicalNumber("1,234.5", "vi")).toBeUndefined();
  });
});

describe("parseValue", () => {
  it("number: exact decimals in both locales, never through a float", () => {
    expect(dec("0.1", num, "en")).toBe("0.1");
    expect(dec("1,234.5", num, "en")).toBe("1234.5");
    expect(dec("1.234,5", num, "vi")).toBe("1234.5");
    expect(dec("123456789012345678901234567890.123456789", num, "en")).toBe("1.23456789012345678901234567890123456789e+29");
    expect(dec("-0,001", num, "vi")).toBe("-0.001");
    expect(code("50%", num, "en")).toBe("evidence-wrong-type");
    expect(code("abc", num, "en")).toBe("evidence-wrong-type");
  });

  it("reports the other locale instead of guessing", () => {
    const en = parseValue("1,5", num, "en");
    expect(en).toMatchObject({ ok: false, code: "evidence-wrong-locale", params: { otherLocale: "vi", reading: "1.5" } });
    const vi = parseValue("1.5", num, "vi");
    expect(vi).toMatchObject({ ok: false, code: "evidence-wrong-locale", params: { otherLocale: "en", reading: "1,5" } });
    expect(code("1.234", num, "en")).toBe("ok");
    expect(dec("1.234", num, "en")).toBe("1.234");
    expect(dec("1.234", num, "vi")).toBe("1234");
  });

  it("integer: whole numbers, thousands per locale, bounds inclusive", () => {
    expect(dec("397.857", int, "vi")).toBe("397857");
    expect(dec("397,857", int, "en")).toBe("397857");
    expect(dec("0", int, "en")).toBe("0");
    expect(dec("12.0", int, "en")).toBe("12");
    expect(code("1.5", int, "en")).toBe("evidence-wrong-type");
    expect(code("-1", int, "en")).toBe("evidence-out-of-bounds");
    const bounded = input("k", "integer", { min: "1", max: "10" });
    expect(code("1", bounded, "en")).toBe("ok");
    expect(code("10", bounded, "en")).toBe("ok");
    expect(code("11", bounded, "en")).toBe("evidence-out-of-bounds");
  });

  it("ratio: 0..1, or a percentage divided by 100", () => {
    expect(dec("0.9933", ratio, "en")).toBe("0.9933");
    expect(dec("99.33%", ratio, "en")).toBe("0.9933");
    expect(dec("99,33%", ratio, "vi")).toBe("0.9933");
    expect(dec("99,33 %", ratio, "vi")).toBe("0.9933");
    expect(dec("0", ratio, "en")).toBe("0");
    expect(dec("1", ratio, "en")).toBe("1");
    expect(dec("100%", ratio, "en")).toBe("1");
    const over = parseValue("99.33", ratio, "en");
    expect(over).toMatchObject({ ok: false, code: "evidence-out-of-bounds", params: { min: "0", max: "1" } });
    expect(!over.ok && over.code === "evidence-out-of-bounds" && over.params.note).toContain(`"99.33%"`);
    expect(code("100.01%", ratio, "en")).toBe("evidence-out-of-bounds");
    expect(code("-0.01", ratio, "en")).toBe("evidence-out-of-bounds");
  });

  it("percent: 0..100 with or without %", () => {
    expect(dec("94.27", pct, "en")).toBe("94.27");
    expect(dec("94.27%", pct, "en")).toBe("94.27");
    expect(dec("94,27", pct, "vi")).toBe("94.27");
    expect(dec("100", pct, "en")).toBe("100");
    expect(code("100.001", pct, "en")).toBe("evidence-out-of-bounds");
    expect(code("-1%", pct, "en")).toBe("evidence-out-of-bounds");
  });

  it("boolean: the spec's words, case-insensitive, NFC or NFD; empty is missing, not false", () => {
    for (const t of ["true", "TRUE", "1", "yes", "Yes", "x", "X", "có", "Có", "đạt", "ĐẠT", " có "]) expect(ok(t, bool, "vi")).toBe(true);
    for (const t of ["false", "0", "no", "NO", "không", "Không", "không đạt", "Không  Đạt"]) expect(ok(t, bool, "en")).toBe(false);
    expect(ok("có".normalize("NFD"), bool, "vi")).toBe(true);
    expect(ok("không đạt".normalize("NFD"), bool, "vi")).toBe(false);
    expect(isMissing(ok("", bool, "en"))).toBe(true);
    expect(isMissing(ok("   ", bool, "en"))).toBe(true);
    expect(code("co", bool, "en")).toBe("evidence-wrong-type");
    expect(code("2", bool, "en")).toBe("evidence-wrong-type");
  });

  it("date: ISO and day/month/year; impossible dates are errors", () => {
    expect(ok("2024-01-15", date, "en")).toEqual(CalendarDate.of(2024, 1, 15));
    expect(ok("15/01/2024", date, "vi")).toEqual(CalendarDate.of(2024, 1, 15));
    expect(ok("5/2/2024", date, "en")).toEqual(CalendarDate.of(2024, 2, 5));
    expect(ok("29/02/2024", date, "en")).toEqual(CalendarDate.of(2024, 2, 29));
    expect(code("31/02/2024", date, "vi")).toBe("evidence-wrong-type");
    expect(code("29/02/2023", date, "vi")).toBe("evidence-wrong-type");
    expect(code("01/15/2024", date, "en")).toBe("evidence-wrong-type");
    expect(code("2024-1-5", date, "en")).toBe("evidence-wrong-type");
    expect(code("15.01.2024", date, "vi")).toBe("evidence-wrong-type");
  });

  it("enum: exact names with did-you-mean", () => {
    expect(ok("late", choice, "en")).toBe("late");
    expect(parseValue("ontime", choice, "en")).toMatchObject({ ok: false, code: "evidence-enum-value", params: { suggestion: "on_time" } });
    expect(code("Late", choice, "en")).toBe("evidence-enum-value");
  });

  it("text: as is; blank is missing", () => {
    expect(ok(" Đã triển khai ", text, "vi")).toBe(" Đã triển khai ");
    expect(isMissing(ok(" ", text, "vi"))).toBe(true);
  });

  it("JSON values: numbers exactly, strings with locale en, booleans, null", () => {
    const v = valueFromJson(0.1, num);
    expect(v.ok && isDecimal(v.value) && v.value.toString()).toBe("0.1");
    expect(valueFromJson(1e21, num)).toMatchObject({ ok: true });
    expect(valueFromJson("99.33%", ratio)).toMatchObject({ ok: true });
    expect(valueFromJson(99.33, ratio)).toMatchObject({ ok: false, code: "evidence-out-of-bounds" });
    expect(valueFromJson(true, bool)).toEqual({ ok: true, value: true });
    expect(valueFromJson(0, bool)).toEqual({ ok: true, value: false });
    expect(valueFromJson(true, num)).toMatchObject({ ok: false, code: "evidence-wrong-type" });
    expect(valueFromJson(1.5, int)).toMatchObject({ ok: false, code: "evidence-wrong-type" });
    expect(valueFromJson("2024-01-15", date)).toEqual({ ok: true, value: CalendarDate.of(2024, 1, 15) });
    expect(valueFromJson({ a: 1 }, text)).toMatchObject({ ok: false, code: "evidence-wrong-type" });
    const m = valueFromJson(null, num);
    expect(m.ok && isMissing(m.value)).toBe(true);
  });
});

describe("dateNumber (the long-form fast path's date reader)", () => {
  it("reads a date exactly when parseValue does, as y·10⁴ + m·100 + d", () => {
    const chars = fc.constantFrom("0", "1", "2", "3", "9", "-", "/", " ", "a");
    const shaped = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
        ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      ),
      fc.tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 10000 }), fc.boolean()).map(
        ([d, m, y, pad]) => `${pad ? String(d).padStart(2, "0") : d}/${pad ? String(m).padStart(2, "0") : m}/${String(y).padStart(4, "0")}`,
      ),
      fc.array(chars, { maxLength: 12 }).map((c) => c.join("")),
    );
    let read = 0;
    fc.assert(
      fc.property(shaped, fc.string({ maxLength: 3 }), (t, around) => {
        const line = `${around}${t}${around}`;
        const n = dateNumber(line, around.length, around.length + t.length);
        const r = parseValue(t, date, "vi");
        const expected = r.ok && r.value instanceof CalendarDate ? r.value.year * 10000 + r.value.month * 100 + r.value.day : Number.NaN;
        if (n === n) {
          read++;
          expect(n).toBe(expected);
        } else if (!/\s/.test(t)) expect(expected).toBeNaN();
      }),
      { numRuns: 2000 },
    );
    expect(read).toBeGreaterThan(100);
    expect(dateNumber("29/02/2024", 0, 10)).toBe(20240229);
    expect(dateNumber("29/02/2023", 0, 10)).toBeNaN();
    expect(dateNumber("0000-01-01", 0, 10)).toBeNaN();
  });
});
