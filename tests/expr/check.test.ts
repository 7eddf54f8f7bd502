import { describe, expect, it } from "vitest";
import type { ValueType } from "../../src/core/value.js";
import { checkExpression, EXPR_FUNCTIONS, parseExpression, type ExprNode, type ExprScope } from "../../src/expr/index.js";
import { messageOf } from "../../src/diagnostics/index.js";
import { AT, SCOPE } from "./helpers.js";

const check = (source: string, scope: ExprScope = SCOPE) => {
  const { expr, diagnostics } = parseExpression(source, AT);
  expect(diagnostics).toEqual([]);
  return checkExpression(expr!, scope, AT);
};

const typeOf = (source: string): ValueType => {
  const { type, diagnostics } = check(source);
  expect(diagnostics).toEqual([]);
  return type;
};

describe("types of valid expressions", () => {
  it.each([
    ["n / zero", "number"],
    ["-n", "number"],
    ["n > 1 and t", "boolean"],
    ["not t", "boolean"],
    [`s == "late"`, "boolean"],
    ["d1 < d2", "boolean"],
    ["t == f", "boolean"],
    ["days(d1, d2)", "number"],
    ["min(d1, d2)", "date"],
    ["max(n, 1, 2)", "number"],
    ["abs(neg)", "number"],
    ["round(n, 2)", "number"],
    ["clamp(n, 0, 1)", "number"],
    [`if(t, "a", "b")`, "string"],
    ["if(t, d1, d2)", "date"],
    ["is_missing(m)", "boolean"],
    ["coalesce(m, 0)", "number"],
    [`date("2024-01-15")`, "date"],
    ["anything", "unknown"],
    ["anything + 1", "number"],
    ["anything < d1", "boolean"],
    ["if(anything, anything, 1)", "number"],
    ["coalesce(anything, anything)", "unknown"],
    ["sipas.access", "number"],
  ])("%s is %s", (source, type) => expect(typeOf(source)).toBe(type));
});

/** One problem: its code, offset and the column the locator gives (the expression starts at column 12). */
const only = (source: string, scope?: ExprScope) => {
  const { diagnostics } = check(source, scope);
  expect(diagnostics).toHaveLength(1);
  const d = diagnostics[0]!;
  expect(d.line).toBe(7);
  expect(d.column).toBe(12 + (d.params.offset as number));
  return { code: d.code, offset: d.params.offset, message: d.message, params: d.params };
};

describe("check diagnostics", () => {
  it("expr-unknown-name with did-you-mean, at the name", () => {
    const d = only("n + sipas.acess");
    expect(d).toMatchObject({ code: "expr-unknown-name", offset: 4 });
    expect(d.message).toBe(`unknown name "sipas.acess". Did you mean "sipas.access"? Declare it under inputs or derived, or fix the spelling.`);
    expect(only("totally_unrelated_name * 2").message).not.toContain("Did you mean");
    expect(only("x", { typeOf: () => undefined }).code).toBe("expr-unknown-name");
  });

  it("expr-unknown-function with did-you-mean, at the call", () => {
    const d = only("1 + rond(n, 2)");
    expect(d).toMatchObject({ code: "expr-unknown-function", offset: 4 });
    expect(d.message).toContain(`unknown function "rond(...)". Did you mean "round"?`);
    expect(d.message).toContain("Use one of: min(a, b, ...)");
  });

  it("still checks the arguments of an unknown function", () => {
    const { diagnostics } = check("sqrt(nope)");
    expect(diagnostics.map((d) => [d.code, d.params.offset])).toEqual([
      ["expr-unknown-function", 0],
      ["expr-unknown-name", 5],
    ]);
  });

  it.each([
    ["min(n)", 0, [2, null], 1, "at least 2"],
    ["2 * abs(n, 1)", 4, [1, 1], 2, "1"],
    ["round(n)", 0, [2, 2], 1, "2"],
    ["clamp(n, 1)", 0, [3, 3], 2, "3"],
    ["if(t, 1)", 0, [3, 3], 2, "3"],
    ["days(d1)", 0, [2, 2], 1, "2"],
    ["is_missing()", 0, [1, 1], 0, "1"],
    ["coalesce(m)", 0, [2, null], 1, "at least 2"],
    [`date("2024-01-15", "x")`, 0, [1, 1], 2, "1"],
  ] as const)("expr-arity: %s", (source, offset, [min, max], got, takes) => {
    const d = only(source);
    expect(d).toMatchObject({ code: "expr-arity", offset, params: { min, max, got } });
    expect(d.message).toContain(`which takes ${takes}.`);
    expect(messageOf("expr-arity", d.params, "vi")).toContain(`hàm này nhận ${takes.replace("at least", "ít nhất")} đối số.`);
  });

  it.each([
    // source, offset of the offending sub-expression, a phrase of the message
    ["d1 < 5", 0, "compares a date with a number. Use days(a, b) to compare a date with a number of days."],
    ["5 >= d1", 0, "compares a number with a date"],
    ["d1 == 5", 0, "Use days(a, b)"],
    [`n == "3"`, 0, "compares a number with a string"],
    [`s < "z"`, 0, `"<" orders numbers or dates only`],
    [`n > 1 and t < f`, 10, `"<" orders numbers or dates only`],
    [`n + s`, 4, `is a string, and "+" needs numbers`],
    [`t * 2`, 0, "if(cond, 1, 0)"],
    [`d2 - d1`, 0, "use days(d1, d2)"],
    [`1 + (d1 + 1)`, 5, "does arithmetic"],
    [`-s`, 1, `"-" negates numbers only`],
    [`-d1`, 1, "Date arithmetic is not supported"],
    [`not n`, 4, `"not" needs a condition`],
    [`n and t`, 0, `"and" joins conditions`],
    [`t or n + 1`, 5, `"or" joins conditions`],
    [`if(n, 1, 2)`, 3, "the condition of if(...) must be true or false"],
    [`if(t, 1, "a")`, 0, "has branches of different kinds: a number and a string"],
    [`min(n, d1)`, 7, "is a date while an earlier argument of min(...) is a number"],
    [`max(s, "a")`, 4, "max(...) takes numbers or dates"],
    [`coalesce(n, s)`, 12, "is a string while an earlier argument"],
    [`abs(t)`, 4, "abs needs numbers"],
    [`round(s, 2)`, 6, "round needs numbers"],
    [`clamp(n, d1, 1)`, 9, "clamp needs numbers"],
    [`days(d1, 5)`, 9, "days(d1, d2) needs two dates"],
  ])("expr-type: %s", (source, offset, phrase) => {
    const d = only(source);
    expect(d).toMatchObject({ code: "expr-type", offset });
    expect(d.message).toContain(phrase);
  });

  it("expr-type quotes the fragment and ends with a fix", () => {
    expect(only("plan_due < 5", { typeOf: () => "date" }).message).toBe(
      `"plan_due < 5" compares a date with a number. Use days(a, b) to compare a date with a number of days.`,
    );
    expect(only(`n + "x"`).message).toBe(
      `'"x"' is a string, and "+" needs numbers. Use numbers here; strings can only be compared with == or !=.`,
    );
  });

  it.each([
    [`date("2024-02-30")`, 0],
    [`d1 < date("15/01/2024")`, 5],
    [`date(s)`, 0],
    [`date(2024)`, 0],
  ])("expr-bad-date: %s", (source, offset) => {
    const d = only(source);
    expect(d).toMatchObject({ code: "expr-bad-date", offset });
    expect(d.message).toContain(`Write it as date("2024-01-15").`);
  });

  it.each([
    ["round(n, 2.5)", 9],
    ["round(n, -1)", 9],
    ["round(n, 41)", 9],
    ["clamp(n, 1, 0)", 9],
    ["clamp(n, 1, -1)", 9],
  ])("expr-bad-argument: %s", (source, offset) => {
    expect(only(source)).toMatchObject({ code: "expr-bad-argument", offset });
  });

  it("accepts arguments that are only known at run time", () => {
    expect(check("round(n, n)").diagnostics).toEqual([]);
    expect(check("clamp(n, n, 0)").diagnostics).toEqual([]);
    expect(check("round(n, 0) + round(n, 40) + clamp(n, -1, 1)").diagnostics).toEqual([]);
  });

  it("collects all problems in one pass, without cascades from unknown types", () => {
    const { diagnostics } = check(`(nope + 1) * mystery(2) + n + s > 2 or d1 < 3`);
    expect(diagnostics.map((d) => [d.code, d.params.offset])).toEqual([
      ["expr-unknown-name", 1],
      ["expr-unknown-function", 13],
      ["expr-type", 30],
      ["expr-type", 39],
    ]);
  });

  it("without a locator, carries only params.offset", () => {
    const { expr } = parseExpression("n + nope");
    const [d] = checkExpression(expr!, SCOPE).diagnostics;
    expect(d?.params.offset).toBe(4);
    expect(d?.line).toBeUndefined();
  });

  it("reports a hand-built tree too deep to check instead of throwing", () => {
    let ast: ExprNode = { kind: "name", name: "n", start: 0, end: 1 };
    for (let i = 0; i < 200_000; i++) ast = { kind: "unary", op: "-", operand: ast, start: 0, end: 1 };
    const { type, diagnostics } = checkExpression({ source: "-n", ast }, SCOPE);
    expect(type).toBe("unknown");
    expect(diagnostics.map((d) => d.code)).toEqual(["expr-too-deep"]);
  });

  it("survives a scope that throws", () => {
    const { expr } = parseExpression("a + 1");
    const boom = (): never => {
      throw new Error("boom");
    };
    expect(checkExpression(expr!, { typeOf: boom }).diagnostics.map((d) => d.code)).toEqual(["expr-unknown-name"]);
    expect(checkExpression(expr!, { typeOf: () => undefined, names: boom }).diagnostics.map((d) => d.code)).toEqual(["expr-unknown-name"]);
  });
});

describe("EXPR_FUNCTIONS", () => {
  it("lists every function with its arity", () => {
    expect(EXPR_FUNCTIONS.map((f) => `${f.name}/${f.minArgs}..${f.maxArgs}`)).toEqual([
      "min/2..Infinity",
      "max/2..Infinity",
      "abs/1..1",
      "round/2..2",
      "clamp/3..3",
      "if/3..3",
      "days/2..2",
      "is_missing/1..1",
      "coalesce/2..Infinity",
      "date/1..1",
    ]);
  });
});
