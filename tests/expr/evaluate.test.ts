import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/decimal.js";
import { DIVISION_BY_ZERO, isMissing, MISSING } from "../../src/core/value.js";
import { evaluateExpression } from "../../src/expr/index.js";
import { date, ev } from "./helpers.js";

describe("decimals", () => {
  it("are exact: 0.1 + 0.2 == 0.3", () => {
    expect(ev("0.1 + 0.2 == 0.3")).toBe("true");
    expect(ev("0.1 + 0.2")).toBe("0.3");
    expect(ev("1.10 * 3")).toBe("3.3");
  });

  it("keeps a quotient that does not terminate exact: 1/3*3 is exactly 1; it shows as 40 digits", () => {
    expect(ev("1 / 3")).toBe("0.3333333333333333333333333333333333333333");
    expect(ev("1 / 3 * 3")).toBe("1");
    expect(ev("1 / 3 * 3 == 1")).toBe("true");
    expect(ev("1 / 3 + 1 / 6 == 0.5")).toBe("true");
    expect(ev("round(2 / 3, 2)")).toBe("0.67");
  });

  it("computes a rate from names", () => {
    expect(evaluateExpression("on_time / received", { on_time: dec(397), received: dec(400) }).toString()).toBe("0.9925");
    expect(ev("sipas.access * 100")).toBe("93.33");
  });

  it("applies precedence when evaluating", () => {
    expect(ev("2 + 3 * 4")).toBe("14");
    expect(ev("(2 + 3) * 4")).toBe("20");
    expect(ev("10 - 4 - 3")).toBe("3");
    expect(ev("12 / 2 / 3")).toBe("2");
    expect(ev("-2 * -3")).toBe("6");
    expect(ev("-n + 1")).toBe("-2");
    expect(ev("not 1 > 2 and 2 > 1")).toBe("true");
    expect(ev("true or false and false")).toBe("true");
  });
});

describe("comparisons", () => {
  it.each([
    ["1 < 2", "true"],
    ["2 <= 2", "true"],
    ["2 > 2", "false"],
    ["2 >= 2.0", "true"],
    ["2 == 2.00", "true"],
    ["2 != 2", "false"],
    ["d1 < d2", "true"],
    ["d1 >= d2", "false"],
    [`d1 == date("2024-01-15")`, "true"],
    [`s == "on_time"`, "true"],
    [`s != 'late'`, "true"],
    ["t == true", "true"],
    ["t != f", "true"],
  ])("%s is %s", (source, expected) => expect(ev(source)).toBe(expected));

  it("gives missing for kinds that do not compare (only reachable with names of unknown type)", () => {
    expect(ev("d1 < 5")).toBe("missing");
    expect(ev(`s < "z"`)).toBe("missing");
    expect(ev("t < f")).toBe("missing");
    expect(ev("n == s")).toBe("missing");
    expect(ev("s == n")).toBe("missing");
    expect(ev("t == 1")).toBe("missing");
    expect(ev("d1 == s")).toBe("missing");
  });
});

describe("missing semantics", () => {
  it.each([
    ["m + 1"],
    ["1 - m"],
    ["m * 0"],
    ["0 / m"],
    ["m / 0"],
    ["-m"],
    ["not m"],
    ["m < 1"],
    ["1 <= m"],
    ["m > 1"],
    ["m >= 1"],
    ["m == m"],
    ["m != 1"],
    ["m and true"],
    ["m and false"],
    ["true and m"],
    ["m or true"],
    ["m or false"],
    ["false or m"],
    ["if(m, 1, 2)"],
    ["min(1, m)"],
    ["max(m, 1)"],
    ["abs(m)"],
    ["round(m, 2)"],
    ["round(1.5, m)"],
    ["clamp(m, 0, 1)"],
    ["clamp(0.5, m, 1)"],
    ["clamp(0.5, 0, m)"],
    ["days(m, d2)"],
    ["days(d1, m)"],
    ["coalesce(m, m)"],
    ["unknown_name + 1"],
  ])("%s is missing", (source) => expect(ev(source)).toBe("missing"));

  it("lets a known left operand decide and/or even when the right one is missing", () => {
    expect(ev("false and m")).toBe("false");
    expect(ev("true or m")).toBe("true");
    expect(ev("f and n / zero > 1")).toBe("false");
    expect(ev("t or n / zero > 1")).toBe("true");
  });

  it("evaluates only the chosen branch of if", () => {
    expect(ev("if(zero > 0, n / zero, 0)")).toBe("0");
    expect(ev("if(t, 1, m)")).toBe("1");
    expect(ev("if(f, m, 2)")).toBe("2");
  });

  it("never turns missing into a value except through is_missing and coalesce", () => {
    expect(ev("is_missing(m)")).toBe("true");
    expect(ev("is_missing(n)")).toBe("false");
    expect(ev("is_missing(m + 1)")).toBe("true");
    expect(ev("coalesce(m, 0)")).toBe("0");
  });

  it("gives missing on runtime kind mismatches", () => {
    expect(ev(`s + 1`)).toBe("missing");
    expect(ev(`-s`)).toBe("missing");
    expect(ev(`not n`)).toBe("missing");
    expect(ev(`n and true`)).toBe("missing");
    expect(ev(`t and n`)).toBe("missing");
    expect(ev(`f or n`)).toBe("missing");
    expect(ev(`if(n, 1, 2)`)).toBe("missing");
    expect(ev(`min(n, d1)`)).toBe("missing");
    expect(ev(`min(s, n)`)).toBe("missing");
    expect(ev(`abs(s)`)).toBe("missing");
    expect(ev(`days(n, d1)`)).toBe("missing");
  });
});

describe("division by zero", () => {
  it("is missing with reason division_by_zero", () => {
    const v = evaluateExpression("n / zero", { n: dec(3), zero: dec(0) });
    expect(v).toBe(DIVISION_BY_ZERO);
    expect(isMissing(v) && v.reason).toBe("division_by_zero");
    expect(ev("0 / 0")).toBe("missing (division by zero)");
    expect(ev("1 / (n - 3)")).toBe("missing (division by zero)");
  });

  it("keeps its reason through arithmetic, comparisons and functions", () => {
    for (const source of ["n / zero + 1", "2 * (n / zero)", "-(n / zero)", "n / zero > 1", "not (n / zero > 1)", "min(1, n / zero)", "round(n / zero, 2)", "dz * 2", "coalesce(m, dz)", "true and dz > 1", "if(dz > 0, 1, 2)"]) {
      expect(ev(source), source).toBe("missing (division by zero)");
    }
  });

  it("keeps the reason of the first missing operand", () => {
    expect(ev("m + dz")).toBe("missing");
    expect(ev("dz + m")).toBe("missing (division by zero)");
  });

  it("is told apart by is_missing and replaced by coalesce", () => {
    expect(ev("is_missing(1 / zero)")).toBe("true");
    expect(ev("coalesce(1 / zero, 0)")).toBe("0");
  });
});

describe("functions", () => {
  it("min and max take two or more numbers or dates", () => {
    expect(ev("min(3, 1, 2)")).toBe("1");
    expect(ev("max(3, 1, 2)")).toBe("3");
    expect(ev("min(-1, -1.5)")).toBe("-1.5");
    expect(ev("max(0.1, 0.10)")).toBe("0.1");
    expect(ev("min(d1, d2)")).toBe("2024-01-15");
    expect(ev("max(d1, d2)")).toBe("2024-03-01");
  });

  it("abs", () => {
    expect(ev("abs(neg)")).toBe("2.5");
    expect(ev("abs(2)")).toBe("2");
    expect(ev("abs(0)")).toBe("0");
  });

  it("round is half-up (away from zero on ties) to d places", () => {
    expect(ev("round(2.345, 2)")).toBe("2.35");
    expect(ev("round(2.344, 2)")).toBe("2.34");
    expect(ev("round(2.5, 0)")).toBe("3");
    expect(ev("round(-2.5, 0)")).toBe("-3");
    expect(ev("round(-2.345, 2)")).toBe("-2.35");
    expect(ev("round(1.2, 5)")).toBe("1.2");
    expect(ev("round(0.125, 2)")).toBe("0.13");
  });

  it("round gives missing for d that is not a whole number from 0 to 40", () => {
    expect(ev("round(1.5, 0.5)")).toBe("missing");
    expect(ev("round(1.5, -1)")).toBe("missing");
    expect(ev("round(1.5, 41)")).toBe("missing");
    expect(ev("round(1.5, 40)")).toBe("1.5");
  });

  it("clamp keeps x within [lo, hi]", () => {
    expect(ev("clamp(1.2, 0, 1)")).toBe("1");
    expect(ev("clamp(-0.2, 0, 1)")).toBe("0");
    expect(ev("clamp(0.5, 0, 1)")).toBe("0.5");
    expect(ev("clamp(0, 0, 1)")).toBe("0");
    expect(ev("clamp(1, 0, 1)")).toBe("1");
    expect(ev("clamp(5, 2, 2)")).toBe("2");
    expect(ev("clamp(5, 3, 2)")).toBe("missing");
  });

  it("if picks a branch by a boolean condition", () => {
    expect(ev("if(n > 2, 10, 20)")).toBe("10");
    expect(ev("if(n > 5, 10, 20)")).toBe("20");
    expect(ev(`if(t, "yes", "no")`)).toBe(`"yes"`);
  });

  it("days counts d2 − d1, across leap years and backwards", () => {
    expect(ev("days(d1, d2)")).toBe("46"); // 2024-01-15 → 2024-03-01 includes 29 Feb
    expect(ev(`days(date("2023-01-15"), date("2023-03-01"))`)).toBe("45");
    expect(ev(`days(date("2024-02-28"), date("2024-03-01"))`)).toBe("2");
    expect(ev(`days(date("2023-12-31"), date("2025-01-01"))`)).toBe("367");
    expect(ev("days(d2, d1)")).toBe("-46");
    expect(ev("days(d1, d1)")).toBe("0");
    expect(ev(`days(d1, date("2024-01-20")) <= 5`)).toBe("true");
  });

  it("is_missing is a boolean and never missing", () => {
    expect(ev("is_missing(m)")).toBe("true");
    expect(ev("is_missing(dz)")).toBe("true");
    expect(ev("is_missing(0)")).toBe("false");
    expect(ev("is_missing(is_missing(m))")).toBe("false");
    expect(ev("is_missing(nowhere)")).toBe("true");
  });

  it("coalesce returns the first value that is not missing", () => {
    expect(ev("coalesce(m, 1, 2)")).toBe("1");
    expect(ev("coalesce(0, 1)")).toBe("0");
    expect(ev("coalesce(m, dz, f)")).toBe("false");
    expect(ev(`coalesce(m, s)`)).toBe(`"on_time"`);
    expect(ev("coalesce(m, m, dz)")).toBe("missing (division by zero)");
  });

  it("date literals evaluate to calendar dates; invalid ones to missing", () => {
    expect(evaluateExpression(`date("2024-02-29")`, {})).toEqual(date("2024-02-29"));
    expect(ev(`date("2023-02-29")`)).toBe("missing");
    expect(ev(`date(s)`)).toBe("missing");
  });

  it("unknown functions and wrong arities evaluate to missing", () => {
    expect(ev("sqrt(4)")).toBe("missing");
    expect(ev("abs(1, 2)")).toBe("missing");
    expect(ev("min(1)")).toBe("missing");
  });
});

describe("evaluateExpression", () => {
  it("gives missing for an expression that does not parse", () => {
    expect(evaluateExpression("1 +", {})).toBe(MISSING);
    expect(evaluateExpression("", {})).toBe(MISSING);
  });

  it("reads only own properties of the values", () => {
    expect(ev("constructor", {})).toBe("missing");
    expect(ev("to_string + 1", {})).toBe("missing");
  });
});
