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
