import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberText } from "../../../src/node/xlsx/evidence.js";
import { Dec } from "../../../src/core/decimal.js";
import { serialToIso } from "../../../src/node/xlsx/workbook.js";
import { cellName } from "../../../src/diagnostics/index.js";
import { parseCellRef } from "../../../src/node/xlsx/workbook.js";

describe("workbook cell properties", () => {
  it("a number cell's text is the double's shortest round-trip text, without exponent, and reads back to the same double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = numberText(x);
        expect(text).not.toMatch(/e/i);
        expect(Number(text)).toBe(Object.is(x, -0) ? 0 : x);
        // Exactly the decimal JavaScript's shortest text denotes (no digit added or lost).
        expect(new Dec(text).eq(new Dec(String(x)))).toBe(true);
      }),
    );
    expect(numberText(1e-7)).toBe("0.0000001");
    expect(numberText(1.5e21)).toBe("1500000000000000000000");
    expect(numberText(0.1 + 0.2)).toBe("0.30000000000000004");
  });

  it("the 1900 and 1904 date systems name the same day 1,462 serials apart, and every day is a real date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1462 + 61, max: 2_958_465 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (serial, time) => {
        const iso = serialToIso(serial + time, false);
        expect(iso).toBe(serialToIso(serial - 1462, true));
        const [y, m, d] = iso!.split("-").map(Number);
        const back = new Date(Date.UTC(y!, m! - 1, d!));
        expect(back.getUTCDate()).toBe(d);
      }),
    );
    expect(serialToIso(2_958_465, false)).toBe("9999-12-31");
    expect(serialToIso(2_958_466, false)).toBeUndefined();
  });

  it("cell names and references are inverse (A1 … XFD1048576)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1, max: 16_384 }), (row, column) => {
        expect(parseCellRef(cellName(row, column))).toEqual({ row, column });
      }),
    );
    expect(cellName(7, 4)).toBe("D7");
    expect(cellName(1_048_576, 16_384)).toBe("XFD1048576");
  });
});
