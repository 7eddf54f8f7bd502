import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, isDecimal } from "../../src/core/decimal.js";
import { fractionOf } from "../../src/core/exact.js";
import { DIVISION_BY_ZERO, MISSING, type Value } from "../../src/core/value.js";
import { compileExpression, parseExpression } from "../../src/expr/index.js";
import { decimalNumerator, RATIONAL, rationalBoolOf, rationalOf } from "../../src/expr/rational.js";

// The exact-fraction form of an expression must, whenever it answers, give exactly the value of
// the exact evaluation (compile.ts with core/exact.ts), and answer nothing where that gives
// missing, a division by zero, a non-number or a negative zero.

const NAMES = ["a", "b", "c", "d"] as const;

function compiled(source: string) {
  const { expr } = parseExpression(source);
  if (expr === undefined) throw new Error(`does not parse: ${source}`);
  return compileExpression(expr, (name) => NAMES.indexOf(name as (typeof NAMES)[number]));
}

const LITERALS = ["0", "1", "2", "3", "10", "100", "0.5", "0.25", "0.1", "0.125", "96", "50", "1000000", "9007199254740993", "123456789012345678901", "0.000000000000000001"];

const exprArb: fc.Arbitrary<string> = fc.letrec<{ num: string; cond: string }>((tie) => ({
  num: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...NAMES),
    fc.constantFrom(...LITERALS),
    fc.tuple(tie("num"), fc.constantFrom("+", "-", "*", "/"), tie("num")).map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie("num").map((x) => `(-${x})`),
    fc.tuple(fc.constantFrom("min", "max"), fc.array(tie("num"), { minLength: 2, maxLength: 3 })).map(([f, xs]) => `${f}(${xs.join(", ")})`),
    tie("num").map((x) => `abs(${x})`),
    fc.tuple(tie("num"), tie("num"), tie("num")).map(([x, l, h]) => `clamp(${x}, ${l}, ${h})`),
    fc.tuple(tie("num"), fc.integer({ min: 0, max: 4 })).map(([x, p]) => `round(${x}, ${p})`),
    fc.tuple(tie("cond"), tie("num"), tie("num")).map(([c, x, y]) => `if(${c}, ${x}, ${y})`),
  ),
  cond: fc.oneof(
    fc.tuple(tie("num"), fc.constantFrom("<", "<=", ">", ">=", "==", "!="), tie("num")).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(tie("cond"), fc.constantFrom("and", "or"), tie("cond")).map(([l, op, r]) => `(${l}) ${op} (${r})`),
    tie("cond").map((c) => `not (${c})`),
    fc.constantFrom("true", "false"),
  ),
})).num;

/** Values as evidence holds them: decimals of every size and sign, zeros, beyond 2^53, missing, not numbers. */
const valueArb: fc.Arbitrary<Value> = fc.oneof(
  fc.tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 6 })).map(([n, p]) => dec(n).div(dec(10).pow(p))),
  fc.constantFrom(dec(0), dec("-0"), dec(96), dec(50), dec("0.5"), dec("9007199254740993"), dec("-9007199254740991"), dec("1e20"), dec("1.5e-17")),
  fc.constantFrom<Value>(MISSING, DIVISION_BY_ZERO, true, "on_time"),
);

/** Whether the fast answer (n ÷ den) is the exact value of `slow`. */
function sameValue(n: number, den: number, slow: Value): boolean {
  if (!isDecimal(slow)) return false;
  if (slow.isZero() && slow.isNegative()) return false;
  const f = fractionOf(slow);
  return BigInt(n) * f.d === f.n * BigInt(den);
}

describe("exact-fraction forms of expressions", () => {
  it("give the exact evaluation's value whenever they answer", () => {
    let answered = 0;
    let asked = 0;
    fc.assert(
      fc.property(exprArb, fc.tuple(valueArb, valueArb, valueArb, valueArb), (source, values) => {
        const expr = compiled(source);
        const fast = rationalOf(expr);
        if (fast === undefined) return;
        asked++;
        const n = fast(values);
        if (Number.isNaN(n)) return;
        answered++;
        const den = RATIONAL.den;
        expect(den).toBeGreaterThan(0);
        expect(Number.isSafeInteger(n) && Number.isSafeInteger(den)).toBe(true);
        expect(sameValue(n, den, expr.evaluate(values)), `${source} on ${values.map(String).join(", ")}: ${n}/${den} vs ${String(expr.evaluate(values))}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(asked).toBeGreaterThan(1500);
    expect(answered).toBeGreaterThan(400); // the fast form does answer most of the time
  });

  it("comparisons answer true or false as the exact evaluation does", () => {
    fc.assert(
      fc.property(exprArb, fc.constantFrom("<", "<=", ">", ">=", "==", "!="), exprArb, fc.tuple(valueArb, valueArb, valueArb, valueArb), (l, op, r, values) => {
        const expr = compiled(`${l} ${op} ${r}`);
        const fast = rationalBoolOf(expr);
        if (fast === undefined) return;
        const t = fast(values);
        if (Number.isNaN(t)) return;
        expect(expr.evaluate(values)).toBe(t === 1);
      }),
      { numRuns: 1500 },
    );
  });

  it("keeps non-terminating quotients exact: 50/96 is 25/48, and (1/3) × 3 is exactly 1", () => {
    const q = rationalOf(compiled("a / b"))!;
    expect(q([dec(50), dec(96)])).toBe(50); // 50/96: not reduced unless a product would leave safe integers
    expect(RATIONAL.den).toBe(96);
    const back = rationalOf(compiled("(1 / 3) * 3"))!;
    const n = back([]);
    expect(n / RATIONAL.den).toBe(1);
    expect(rationalOf(compiled("round(a / b, 2)"))!([dec(1), dec(8)])).toBe(13); // 0.125 → 0.13 half up
    expect(RATIONAL.den).toBe(100);
    expect(rationalOf(compiled("round(a / b, 2)"))!([dec(-1), dec(8)])).toBe(-13); // half away from zero
  });

  it("leaves to the exact evaluation: division by zero, missing, non-numbers, negative zero, numbers beyond 2^53", () => {
    const q = rationalOf(compiled("a / b"))!;
    expect(q([dec(1), dec(0)])).toBeNaN();
    expect(q([MISSING, dec(2)])).toBeNaN();
    expect(q([true, dec(2)])).toBeNaN();
    expect(q([dec(0), dec(-5)])).toBeNaN(); // decimal.js gives −0
    expect(q([dec("9007199254740993"), dec(1)])).toBeNaN();
    expect(rationalOf(compiled("-a"))!([dec(0)])).toBeNaN();
    expect(rationalOf(compiled("round(a, 2)"))!([dec("-0.001")])).toBeNaN(); // −0 in decimal.js
    expect(rationalOf(compiled('coalesce(a, 1)'))).toBeUndefined();
    expect(rationalOf(compiled('days(a, b)'))).toBeUndefined();
  });

  it("reads a decimal as its digits over a power of ten, without the approximations of quotients", () => {
    expect(decimalNumerator(dec("12.340"))).toBe(1234);
    expect(RATIONAL.den).toBe(100);
    expect(decimalNumerator(dec("1.2e5"))).toBe(120000);
    expect(RATIONAL.den).toBe(1);
    expect(decimalNumerator(dec("-0.0000001"))).toBe(-1);
    expect(RATIONAL.den).toBe(1e7);
    expect(decimalNumerator(dec("1e-16"))).toBeNaN(); // 10^16 is beyond safe integers
    expect(decimalNumerator(compiled("a / b").evaluate([dec(1), dec(3)]) as never)).toBeNaN();
  });
});
