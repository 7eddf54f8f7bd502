import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/decimal.js";
import { formatValue, MISSING, type Value } from "../../src/core/value.js";
import type { CompiledExpr } from "../../src/framework/ir.js";
import { compileExpression, namesOf, parseExpression } from "../../src/expr/index.js";

const compile = (source: string, slots: readonly string[]): CompiledExpr => {
  const { expr } = parseExpression(source);
  return compileExpression(expr!, (name) => slots.indexOf(name));
};

describe("namesOf", () => {
  it("lists names read, unique, in first-use order (functions are not names)", () => {
    const { expr } = parseExpression("b / a + min(a, c) * if(sipas.access > 0, b, d) + round(e, 2)");
    expect(namesOf(expr!)).toEqual(["b", "a", "c", "sipas.access", "d", "e"]);
    expect(namesOf(parseExpression(`1 + date("2024-01-15") < 3`).expr!)).toEqual([]);
  });
});

describe("compileExpression", () => {
  it("evaluates many times over different slot arrays", () => {
    const rate = compile("on_time / received", ["received", "on_time"]);
    expect(rate.kind).toBe("expr");
    expect(rate.source).toBe("on_time / received");
    expect(rate.names).toEqual(["on_time", "received"]);
    expect(Object.isFrozen(rate)).toBe(true);
    const units: Value[][] = [
      [dec(400), dec(397)],
      [dec(0), dec(0)],
      [MISSING, dec(3)],
      [dec(8), dec(2)],
    ];
    expect(units.map((slots) => formatValue(rate.evaluate(slots)))).toEqual([
      "0.9925",
      "missing (division by zero)",
      "missing",
      "0.25",
    ]);
  });

  it("reads a name without a slot, or a slot past the end, as missing", () => {
    const e = compile("a + b", ["a"]);
    expect(e.evaluate([dec(1)])).toBe(MISSING);
    expect(compile("a", ["x", "a"]).evaluate([dec(1)])).toBe(MISSING);
    const weird = compileExpression(parseExpression("a").expr!, () => Number.NaN);
    expect(weird.evaluate([dec(1)])).toBe(MISSING);
  });

  it("never throws, even when slotOf throws or slots hold unexpected data", () => {
    const { expr } = parseExpression("a * 2 + min(a, 1)");
    const e = compileExpression(expr!, () => {
      throw new Error("boom");
    });
    expect(e.evaluate([])).toBe(MISSING);
    const f = compile("a * 2", ["a"]);
    expect(f.evaluate([null as unknown as Value])).toBe(MISSING);
    expect(f.evaluate([{} as unknown as Value])).toBe(MISSING);
  });

  it("returns the literal value itself for constants", () => {
    const e = compile(`"on_time"`, []);
    expect(e.evaluate([])).toBe("on_time");
    expect(e.names).toEqual([]);
  });
});

describe("division by a constant", () => {
  it("multiplies by an exact reciprocal only when it terminates, giving the same Decimal as dividing", async () => {
    const { exactReciprocal } = await import("../../src/expr/compile.js");
    const { fractionOf } = await import("../../src/core/exact.js");
    expect(exactReciprocal(dec(10))!.toString()).toBe("0.1");
    expect(exactReciprocal(dec("0.25"))!.toString()).toBe("4");
    expect(exactReciprocal(dec(3))).toBeUndefined();
    expect(exactReciprocal(dec(0))).toBeUndefined();
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom("10", "4", "0.25", "8", "1024", "2.5", "6.25", "0.001", "3", "7"),
        fc.integer({ min: 0, max: 3 }),
        (n, places, c, thirds) => {
          // Long operands too (a third has 40 digits), where both results are rounded to the precision.
          const x = dec(n.toString()).div(dec(10).pow(places)).div(dec(3).pow(thirds));
          const divided = compile(`x / ${c}`, ["x"]).evaluate([x]) as ReturnType<typeof dec>;
          // Exact: divided × c is x (no rounding to 40 digits; see core/exact.ts).
          const fd = fractionOf(divided);
          const fx = fractionOf(x);
          const fc2 = fractionOf(dec(c));
          expect(fd.n * fc2.n * fx.d).toBe(fx.n * fd.d * fc2.d);
        },
      ),
      { numRuns: 400 },
    );
    expect(compile("x / 0", ["x"]).evaluate([dec(1)])).toEqual({ kind: "missing", reason: "division_by_zero" });
  });
});
