/** Calendar dates: years 0001–9999, computed without Date.UTC (which reads 0–99 as 1900–1999). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalendarDate } from "../../src/core/value.js";

describe("CalendarDate", () => {
  it("years 0001–0099 exist", () => {
    expect(CalendarDate.parseIso("0001-01-01")?.toString()).toBe("0001-01-01");
    expect(CalendarDate.parseIso("0099-12-31")?.toString()).toBe("0099-12-31");
    expect(CalendarDate.parseIso("0004-02-29")?.toString()).toBe("0004-02-29");
    expect(CalendarDate.parseIso("0100-02-29")).toBeUndefined();
    // 1 January of year 1 is 719,162 days before 1970-01-01 (proleptic Gregorian).
    expect(CalendarDate.of(1, 1, 1)!.epochDay).toBe(-719_162);
    expect(CalendarDate.of(50, 3, 1)!.compare(CalendarDate.of(1950, 3, 1)!)).toBeLessThan(0);
  });

  it("agrees with Date for years 100–9999, and rejects days that do not exist", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const ms = Date.UTC(y, m - 1, d);
        const real = new Date(ms);
        const exists = real.getUTCDate() === d && real.getUTCMonth() === m - 1;
        const c = CalendarDate.of(y, m, d);
        expect(c !== undefined).toBe(exists);
        if (c) expect(c.epochDay).toBe(Math.round(ms / 86_400_000));
      }),
      { numRuns: 2000 },
    );
  });
});
