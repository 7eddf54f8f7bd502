import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/decimal.js";
import { CalendarDate, DIVISION_BY_ZERO, MISSING, type Value } from "../../src/core/value.js";
import {
  checkExpression,
  compileExpression,
  EXPR_FUNCTIONS,
  formatExpression,
  parseExpression,
  type BinaryOp,
  type ExprNode,
} from "../../src/expr/index.js";
import { KEYWORDS } from "../../src/expr/lexer.js";
import { SCOPE, strip } from "./helpers.js";

const at = { start: 0, end: 0 };

const segment = fc.stringMatching(/^[a-z_][a-z0-9_]{0,5}$/).filter((s) => !KEYWORDS.has(s));
const nameArb = fc.tuple(segment, fc.option(segment, { nil: undefined })).map(([a, b]) => (b === undefined ? a : `${a}.${b}`));

const numberArb = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }))
  .map(([whole, frac]): ExprNode => Object.freeze({ kind: "number", value: dec(frac === undefined ? `${whole}` : `${whole}.${frac}`), ...at }));

const dateArb = fc
  .record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => CalendarDate.of(y, m, d))
  .filter((d): d is CalendarDate => d !== undefined)
  .map((value): ExprNode => ({ kind: "date", value, ...at }));

const leaf: fc.Arbitrary<ExprNode> = fc.oneof(
  numberArb,
  fc.string({ unit: "grapheme", maxLength: 8 }).map((value): ExprNode => ({ kind: "string", value, ...at })),
  fc.boolean().map((value): ExprNode => ({ kind: "boolean", value, ...at })),
  dateArb,
  nameArb.map((name): ExprNode => ({ kind: "name", name, ...at })),
);

const BINARY_OPS: BinaryOp[] = ["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or"];
// date(...) with one valid string argument parses as a date literal; other calls keep their shape.
const FUNCTION_NAMES = [...EXPR_FUNCTIONS.map((f) => f.name).filter((n) => n !== "date"), "unknown_fn", "a.b"];

const { expr: exprArb } = fc.letrec<{ expr: ExprNode }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ op: fc.constantFrom("-" as const, "not" as const), operand: tie("expr") }).map((u): ExprNode => ({ kind: "unary", ...u, ...at })),
    fc
      .record({ op: fc.constantFrom(...BINARY_OPS), left: tie("expr"), right: tie("expr") })
      .map((b): ExprNode => ({ kind: "binary", ...b, ...at })),
    fc
      .record({ fn: fc.constantFrom(...FUNCTION_NAMES), args: fc.array(tie("expr"), { maxLength: 3 }) })
      .map((c): ExprNode => ({ kind: "call", ...c, ...at })),
  ),
}));

/** Text made of the language's pieces, so the parser reaches deep states more often than with random characters. */
const pieces = fc
  .array(
    fc.constantFrom("(", ")", "a", "b.c", "1", "0.5", "+", "-", "*", "/", "<", "<=", "==", "!=", "not ", " and ", " or ", ",", "min(", "if(", "date(", '"2024-01-15"', '"', "'", "\\", " ", ".", "=", "true", "Z", "é", "\n"),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

const valueArb: fc.Arbitrary<Value> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map((n) => dec(n).div(8)),
  fc.constant(dec(0)),
  fc.boolean(),
  fc.constantFrom("on_time", "late", ""),
  dateArb.map((n) => (n as ExprNode & { kind: "date" }).value),
  fc.constant(MISSING),
  fc.constant(DIVISION_BY_ZERO),
);

describe("properties", () => {
  it("the parser never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), pieces), (text) => {
        const result = parseExpression(text);
        expect(result.expr !== undefined || result.diagnostics.length > 0).toBe(true);
        if (result.expr) expect(result.diagnostics).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  }, 30_000); // 3,000 runs: about 3 s alone, more on a loaded machine

  it("every diagnostic points inside the text (offset within 0..length)", () => {
    fc.assert(
      fc.property(pieces, (text) => {
        const { expr, diagnostics } = parseExpression(text);
        const all = expr ? checkExpression(expr, SCOPE).diagnostics : diagnostics;
        for (const d of all) {
          expect(d.params.offset).toBeGreaterThanOrEqual(0);
          expect(d.params.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("valid expressions round-trip: parse(format(ast)) equals ast, offsets aside", () => {
    fc.assert(
      fc.property(exprArb, (ast) => {
        const text = formatExpression(ast);
        const { expr, diagnostics } = parseExpression(text);
        expect(diagnostics).toEqual([]);
        expect(strip(expr!.ast)).toEqual(strip(ast));
        expect(formatExpression(expr!.ast)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("formatting is canonical: format(parse(text)) is a fixed point", () => {
    fc.assert(
      fc.property(pieces, (text) => {
        const { expr } = parseExpression(text);
        if (!expr) return;
        const once = formatExpression(expr.ast);
        expect(formatExpression(parseExpression(once).expr!.ast)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("checking and evaluating any tree never throws, whatever the slots hold", () => {
    fc.assert(
      fc.property(exprArb, fc.array(valueArb, { minLength: 8, maxLength: 8 }), (ast, slots) => {
        const expr = { source: formatExpression(ast), ast };
        checkExpression(expr, SCOPE);
        const names: string[] = [];
        const compiled = compileExpression(expr, (name) => {
          if (!names.includes(name)) names.push(name);
          return names.indexOf(name) % 8;
        });
        const v = compiled.evaluate(slots);
        expect(v === null || v === undefined).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("is_missing is never missing and coalesce(x, 0) never is", () => {
    fc.assert(
      fc.property(exprArb, fc.array(valueArb, { minLength: 8, maxLength: 8 }), (ast, slots) => {
        for (const wrap of ["is_missing", "coalesce"] as const) {
          const args = wrap === "coalesce" ? [ast, { kind: "number" as const, value: dec(0), ...at }] : [ast];
          const node: ExprNode = { kind: "call", fn: wrap, args, ...at };
          const v = compileExpression({ source: "", ast: node }, (name) => name.length % 8).evaluate(slots);
          expect(typeof v === "object" && "kind" in v && v.kind === "missing").toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
