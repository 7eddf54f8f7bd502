import { describe, expect, it } from "vitest";
import { MAX_NESTING, MAX_TREE_DEPTH, parseExpression, type ExprNode } from "../../src/expr/index.js";
import { AT, shape } from "./helpers.js";

const tree = (source: string): string => {
  const { expr, diagnostics } = parseExpression(source);
  expect(diagnostics).toEqual([]);
  return shape(expr!.ast);
};

const firstProblem = (source: string) => {
  const { expr, diagnostics } = parseExpression(source, AT);
  expect(expr).toBeUndefined();
  expect(diagnostics.length).toBeGreaterThan(0);
  return diagnostics[0]!;
};

describe("precedence", () => {
  it.each([
    ["a + b * c", "(a + (b * c))"],
    ["a * b + c", "((a * b) + c)"],
    ["a - b - c", "((a - b) - c)"],
    ["a / b / c", "((a / b) / c)"],
    ["a / b * c", "((a / b) * c)"],
    ["-a * b", "((-a) * b)"],
    ["-a + -b", "((-a) + (-b))"],
    ["a - -b", "(a - (-b))"],
    ["--a", "(-(-a))"],
    ["-(a + b)", "(-(a + b))"],
    ["(a + b) * c", "((a + b) * c)"],
    ["a + b < c * d", "((a + b) < (c * d))"],
    ["a < b and c < d", "((a < b) and (c < d))"],
    ["a or b and c", "(a or (b and c))"],
    ["a and b or c", "((a and b) or c)"],
    ["a or b or c", "((a or b) or c)"],
    ["not a and b", "((not a) and b)"],
    ["not a == b", "(not (a == b))"],
    ["not not a", "(not (not a))"],
    ["not (a or b)", "(not (a or b))"],
    ["a == b != c == d and e", "FAIL"],
  ])("%s", (source, expected) => {
    if (expected === "FAIL") expect(parseExpression(source).expr).toBeUndefined();
    else expect(tree(source)).toBe(expected);
  });
});

describe("literals and names", () => {
  it("reads decimals exactly, as written", () => {
    const { expr } = parseExpression("0.1");
    const ast = expr!.ast as ExprNode & { kind: "number" };
    expect(ast.kind).toBe("number");
    expect(ast.value.toString()).toBe("0.1");
    expect(tree("123456789012345678901234567890.123456789")).toBe("123456789012345678901234567890.123456789");
  });

  it("reads strings in double or single quotes, with escapes", () => {
    expect(tree(`"on_time"`)).toBe(`"on_time"`);
    expect(tree(`'on_time'`)).toBe(`"on_time"`);
    expect(tree(`'say "hi"'`)).toBe(`"say \\"hi\\""`);
    expect(tree(`"a\\\\b\\n\\t\\'"`)).toBe(JSON.stringify("a\\b\n\t'"));
    expect(tree(`"Số hồ sơ"`)).toBe(`"Số hồ sơ"`);
  });

  it("reads true, false, dotted names and dates", () => {
    expect(tree("true or false")).toBe("(true or false)");
    expect(tree("sipas.access * 100")).toBe("(sipas.access * 100)");
    expect(tree(`date("2024-02-29")`)).toBe("date(2024-02-29)");
    expect(tree(`date('2024-01-15') < d`)).toBe("(date(2024-01-15) < d)");
    // An invalid date stays a call, for the checker to report.
    expect(tree(`date("2023-02-29")`)).toBe(`date("2023-02-29")`);
  });

  it("keeps names and functions in separate namespaces", () => {
    expect(tree("if(if, min, max(min, 1))")).toBe("if(if, min, max(min, 1))");
    expect(tree("f()")).toBe("f()");
  });

  it("records offsets of each node (parentheses excluded)", () => {
    const { expr } = parseExpression("  (a + 10) * min(b, 2)");
    const ast = expr!.ast;
    expect([ast.start, ast.end]).toEqual([3, 22]);
    if (ast.kind !== "binary" || ast.right.kind !== "call") throw new Error("unexpected tree");
    expect([ast.left.start, ast.left.end]).toEqual([3, 9]);
    expect([ast.right.start, ast.right.end]).toEqual([13, 22]);
    expect(Object.isFrozen(ast) && Object.isFrozen(ast.right) && Object.isFrozen(ast.right.args)).toBe(true);
  });
});

describe("syntax diagnostics (code, offset and column)", () => {
  it.each([
    // source, code, offset
    ["", "expr-empty", 0],
    ["   ", "expr-empty", 0],
    ["a +", "expr-syntax", 3],
    ["(a + b", "expr-syntax", 6],
    ["a + b)", "expr-syntax", 5],
    ["a b", "expr-syntax", 2],
    ["min(a,)", "expr-syntax", 6],
    ["min(a b)", "expr-syntax", 6],
    ["a = b", "expr-syntax", 2],
    ["a && b", "expr-syntax", 2],
    ["a || b", "expr-syntax", 2],
    ["!a", "expr-syntax", 0],
    ["a % 2", "expr-syntax", 2],
    ["1.", "expr-syntax", 1],
    [".5", "expr-syntax", 0],
    ["Dossiers + 1", "expr-syntax", 0],
    ["x + điểm", "expr-syntax", 4],
    ["a == not b", "expr-syntax", 5],
    ["a and", "expr-syntax", 5],
    ["true(1)", "expr-syntax", 4],
    [`"a\\q"`, "expr-syntax", 2],
    [`x == "on_time`, "expr-unterminated-string", 5],
    [`x == 'late`, "expr-unterminated-string", 5],
    ["a < b < c", "expr-chained-comparison", 6],
    ["1 == 2 != 3", "expr-chained-comparison", 7],
  ])("%j gives %s at offset %d", (source, code, offset) => {
    const d = firstProblem(source);
    expect(d.code).toBe(code);
    expect(d.params.offset).toBe(offset);
    expect(d.line).toBe(7);
    expect(d.column).toBe(12 + offset);
    expect(d.file).toBe("fw.yaml");
    expect(d.severity).toBe("error");
  });

  it("collects every lexical problem in one pass", () => {
    const { diagnostics } = parseExpression("a = b && c % d");
    expect(diagnostics.map((d) => [d.code, d.params.offset])).toEqual([
      ["expr-syntax", 2],
      ["expr-syntax", 6],
      ["expr-syntax", 11],
    ]);
  });

  it("without a locator, carries only params.offset", () => {
    const { diagnostics } = parseExpression("a +");
    expect(diagnostics[0]!.params.offset).toBe(3);
    expect(diagnostics[0]!.line).toBeUndefined();
    expect(diagnostics[0]!.file).toBeUndefined();
  });

  it("quotes the part of a long expression around the problem", () => {
    const source = Array.from({ length: 40 }, (_, i) => `a${i}`).join(" + ") + " +";
    const d = firstProblem(source);
    expect(d.params.offset).toBe(source.length);
    expect(d.params.source).toMatch(/^\.\.\..*a39 \+$/);
    expect((d.params.source as string).length).toBeLessThanOrEqual(83);
  });

  it("quotes the expression and ends with a fix", () => {
    expect(firstProblem("a < b < c").message).toBe(
      `"a < b < c" chains comparisons, which is ambiguous. Compare two values at a time: "a < b and b < c".`,
    );
    expect(firstProblem("a = b").message).toContain('Use "==" to compare');
    expect(firstProblem("(a + b").message).toContain("Close the parenthesis opened at offset 0.");
    expect(firstProblem("Dossiers + 1").message).toContain('write "dossiers"');
  });
});

describe("depth bounds", () => {
  it(`accepts ${MAX_NESTING} nested parentheses and refuses one more`, () => {
    const nest = (n: number) => "(".repeat(n) + "1" + ")".repeat(n);
    expect(parseExpression(nest(MAX_NESTING)).expr).toBeDefined();
    const d = firstProblem(nest(MAX_NESTING + 1));
    expect(d.code).toBe("expr-too-deep");
    expect(d.params.offset).toBe(MAX_NESTING);
    expect([d.line, d.column]).toEqual([7, 12 + MAX_NESTING]);
  });

  it.each([
    ["parentheses", "(".repeat(100_000) + "1" + ")".repeat(100_000)],
    ["unclosed parentheses", "(".repeat(100_000)],
    ["minus signs", "-".repeat(100_000) + "1"],
    ["not", "not ".repeat(50_000) + "true"],
    ["calls", "abs(".repeat(50_000) + "1" + ")".repeat(50_000)],
    ["a long operator chain", Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(" + ")],
  ])("refuses very deep %s with expr-too-deep, without throwing", (_label, source) => {
    const { expr, diagnostics } = parseExpression(source);
    expect(expr).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(["expr-too-deep"]);
  });

  it(`accepts an operator chain of ${MAX_TREE_DEPTH - 1} operators`, () => {
    const source = Array.from({ length: MAX_TREE_DEPTH }, (_, i) => `a${i}`).join(" + ");
    expect(parseExpression(source).expr).toBeDefined();
  });
});
