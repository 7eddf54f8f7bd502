import { describe, expect, it } from "vitest";
import { dec, indexOf, roundTo } from "../../src/core/decimal.js";
import { CalendarDate } from "../../src/core/value.js";

describe("decimal helpers", () => {
  it("rounds half up, half even and down", () => {
    expect(roundTo(dec("81.325"), { decimals: 2, mode: "half_up" }).toString()).toBe("81.33");
    expect(roundTo(dec("81.325"), { decimals: 2, mode: "half_even" }).toString()).toBe("81.32");
    expect(roundTo(dec("81.329"), { decimals: 2, mode: "down" }).toString()).toBe("81.32");
  });

  it("computes 68.32 of an applicable 84 as 81.33", () => {
    const index = indexOf(dec("68.32"), dec(84));
    expect(index && roundTo(index, { decimals: 2, mode: "half_up" }).toString()).toBe("81.33");
    expect(indexOf(dec(1), dec(0))).toBeUndefined();
  });

  it("converts YAML numbers without float noise", () => {
    expect(dec(0.1).plus(dec(0.2)).eq(dec("0.3"))).toBe(true);
  });
});

describe("CalendarDate", () => {
  it("rejects impossible dates and accepts leap days", () => {
    expect(CalendarDate.of(2024, 2, 31)).toBeUndefined();
    expect(CalendarDate.of(2023, 2, 29)).toBeUndefined();
    expect(CalendarDate.of(2024, 2, 29)?.toString()).toBe("2024-02-29");
    expect(CalendarDate.parseIso("2024-1-5")).toBeUndefined();
  });

  it("counts days between dates", () => {
    const a = CalendarDate.parseIso("2024-01-15")!;
    const b = CalendarDate.parseIso("2024-03-01")!;
    expect(b.epochDay - a.epochDay).toBe(46);
    expect(a.compare(b)).toBeLessThan(0);
  });
});
