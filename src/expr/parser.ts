import { Dec } from "../core/decimal.js";
import { CalendarDate } from "../core/value.js";
import { diag, type Diagnostic } from "../diagnostics/index.js";
import {
  childrenOf,
  COMPARISON_OPS,
  type BinaryNode,
  type BinaryOp,
  type ExprNode,
  type ParsedExpr,
} from "./ast.js";
import type { ExpectedCode, FoundKind, SyntaxFix } from "../diagnostics/messages/expr-words.js";
import { tokenize, type Token } from "./lexer.js";
import { excerptAround, fragmentOf, locationAt, type ExprLocator } from "./locate.js";

/** Most nested parentheses, calls and prefix operators; bounds the parser's recursion. */
export const MAX_NESTING = 200;
/** Deepest syntax tree (long operator chains count); bounds the recursion of checking and evaluation. */
export const MAX_TREE_DEPTH = 1000;

/** Thrown inside the parser only, to stop at the first syntax error; never escapes {@link parseExpression}. */
class SyntaxStop {
  constructor(readonly diagnostic: Diagnostic) {}
}

/**
 * Parses an expression of the framework language. Never throws: a problem comes back as a
 * diagnostic (lexical problems are all reported; parsing stops at the first syntax error).
 * With `at`, diagnostics carry a file location; they always carry `params.offset`.
 */
export function parseExpression(source: string, at?: ExprLocator): { expr?: ParsedExpr; diagnostics: Diagnostic[] } {
  try {
    if (typeof source !== "string") {
      return { diagnostics: [diag("expr-empty", { offset: 0 }, locationAt(at, 0))] };
    }
    const { tokens, problems } = tokenize(source);
    if (problems.length > 0) {
      const diagnostics = problems.map((p) =>
        p.code === "expr-syntax"
          ? diag(
              "expr-syntax",
              {
                offset: p.offset,
                source: excerptAround(source, p.offset),
                found: p.found,
                found_kind: p.foundKind,
                expected: p.expected,
                fix: p.fix,
                ...(p.token !== undefined && { token: p.token }),
              },
              locationAt(at, p.offset),
            )
          : diag("expr-unterminated-string", { offset: p.offset, fragment: p.fragment, quote: p.quote }, locationAt(at, p.offset)),
      );
      return { diagnostics };
    }
    if (tokens.length === 1) {
      return { diagnostics: [diag("expr-empty", { offset: 0 }, locationAt(at, 0))] };
    }
    const ast = new Parser(source, tokens, at).parseAll();
    const tooDeep = findTooDeep(ast);
    if (tooDeep !== undefined) {
      return { diagnostics: [diag("expr-too-deep", { offset: tooDeep, limit: MAX_TREE_DEPTH }, locationAt(at, tooDeep))] };
    }
    return { expr: Object.freeze({ source, ast }), diagnostics: [] };
  } catch (e) {
    if (e instanceof SyntaxStop) return { diagnostics: [e.diagnostic] };
    // A safety net: the parser is bounded, but an exhausted stack must still not escape.
    return { diagnostics: [diag("expr-too-deep", { offset: 0, limit: MAX_NESTING }, locationAt(at, 0))] };
  }
}

/** The start offset of the first node deeper than {@link MAX_TREE_DEPTH}, walked without recursion. */
function findTooDeep(root: ExprNode): number | undefined {
  const stack: [ExprNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) return node.start;
    for (const child of childrenOf(node)) stack.push([child, depth + 1]);
  }
  return undefined;
}

class Parser {
  private pos = 0;
  private nesting = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
    private readonly at: ExprLocator | undefined,
  ) {}

  parseAll(): ExprNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.type !== "eof") {
      const fix: SyntaxFix = next.type === ")" ? "extra-close-paren" : next.type === "(" ? "paren-after-value" : "missing-operator";
      this.fail(next, "operator-or-end", fix);
    }
    return node;
  }

  private peek(): Token {
    return this.tokens[this.pos] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private isOp(token: Token, ...texts: string[]): boolean {
    return (token.type === "op" || token.type === "keyword") && texts.includes(token.text);
  }

  private describe(token: Token): { found: string; found_kind: FoundKind } {
    if (token.type === "eof") return { found: "", found_kind: "end" };
    return { found: fragmentOf(this.source, token.start, token.end), found_kind: "text" };
  }

  /** Stops at a syntax error: what was expected and the fix are codes (worded per language by the catalogue); `token` is the fix's variable part. */
  private fail(token: Token, expected: ExpectedCode, fix: SyntaxFix, fixToken?: string): never {
    const offset = token.start;
    throw new SyntaxStop(
      diag(
        "expr-syntax",
        { offset, source: excerptAround(this.source, offset), ...this.describe(token), expected, fix, ...(fixToken !== undefined && { token: fixToken }) },
        locationAt(this.at, offset),
      ),
    );
  }

  private enter(token: Token): void {
    if (++this.nesting > MAX_NESTING) {
      throw new SyntaxStop(diag("expr-too-deep", { offset: token.start, limit: MAX_NESTING }, locationAt(this.at, token.start)));
    }
  }

  private leave(): void {
    this.nesting--;
  }

  private binary(op: BinaryOp, left: ExprNode, right: ExprNode): BinaryNode {
    return Object.freeze({ kind: "binary", op, left, right, start: left.start, end: right.end });
  }

  private parseOr(): ExprNode {
    let left = this.parseAnd();
    while (this.isOp(this.peek(), "or")) {
      this.next();
      left = this.binary("or", left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): ExprNode {
    let left = this.parseNot();
    while (this.isOp(this.peek(), "and")) {
      this.next();
      left = this.binary("and", left, this.parseNot());
    }
    return left;
  }

  private parseNot(): ExprNode {
    const token = this.peek();
    if (!this.isOp(token, "not")) return this.parseComparison();
    this.next();
    this.enter(token);
    const operand = this.parseNot();
    this.leave();
    return Object.freeze({ kind: "unary", op: "not", operand, start: token.start, end: operand.end });
  }

  private parseComparison(): ExprNode {
    const left = this.parseAdditive();
    const opToken = this.peek();
    if (opToken.type !== "op" || !COMPARISON_OPS.has(opToken.text)) return left;
    this.next();
    const right = this.parseAdditive();
    const node = this.binary(opToken.text as BinaryOp, left, right);
    const second = this.peek();
    if (second.type === "op" && COMPARISON_OPS.has(second.text)) this.failChained(node, opToken, second);
    return node;
  }

  private failChained(first: BinaryNode, firstOp: Token, secondOp: Token): never {
    const text = (n: ExprNode) => fragmentOf(this.source, n.start, n.end);
    this.next();
    let rightText = "c";
    let end = secondOp.end;
    try {
      const third = this.parseAdditive();
      rightText = text(third);
      end = third.end;
    } catch {
      // The rest does not parse either; the rewrite keeps a placeholder.
    }
    const rewrite = `${text(first.left)} ${firstOp.text} ${text(first.right)} and ${text(first.right)} ${secondOp.text} ${rightText}`;
    throw new SyntaxStop(
      diag(
        "expr-chained-comparison",
        { offset: secondOp.start, fragment: fragmentOf(this.source, first.start, end), rewrite },
        locationAt(this.at, secondOp.start),
      ),
    );
  }

  private parseAdditive(): ExprNode {
    let left = this.parseMultiplicative();
    while (this.isOp(this.peek(), "+", "-")) {
      const op = this.next().text as BinaryOp;
      left = this.binary(op, left, this.parseMultiplicative());
    }
    return left;
  }

  private parseMultiplicative(): ExprNode {
    let left = this.parseNegation();
    while (this.isOp(this.peek(), "*", "/")) {
      const op = this.next().text as BinaryOp;
      left = this.binary(op, left, this.parseNegation());
    }
    return left;
  }

  private parseNegation(): ExprNode {
    const token = this.peek();
    if (!this.isOp(token, "-")) return this.parsePrimary();
    this.next();
    this.enter(token);
    const operand = this.parseNegation();
    this.leave();
    return Object.freeze({ kind: "unary", op: "-", operand, start: token.start, end: operand.end });
  }

  private parsePrimary(): ExprNode {
    const token = this.peek();
    switch (token.type) {
      case "number":
        this.next();
        return Object.freeze({ kind: "number", value: new Dec(token.text), start: token.start, end: token.end });
      case "string":
        this.next();
        return Object.freeze({ kind: "string", value: token.text, start: token.start, end: token.end });
      case "keyword":
        if (token.text === "true" || token.text === "false") {
          this.next();
          return Object.freeze({ kind: "boolean", value: token.text === "true", start: token.start, end: token.end });
        }
        return token.text === "not" ? this.fail(token, "value", "parenthesize-not") : this.fail(token, "value", "value-before-keyword", token.text);
      case "name":
        return this.parseNameOrCall(token);
      case "(": {
        this.next();
        this.enter(token);
        const inner = this.parseOr();
        this.leave();
        const close = this.peek();
        if (close.type !== ")") {
          this.fail(close, "close-paren", "close-paren", String(token.start));
        }
        this.next();
        return inner;
      }
      default:
        if (token.type === "eof") return this.fail(token, "value", "ends-early");
        if (token.type === "op" && token.text !== "-") return this.fail(token, "value", "value-before-operator", token.text);
        return this.fail(token, "value", "missing-value");
    }
  }

  private parseNameOrCall(token: Token): ExprNode {
    if (token.text !== token.text.toLowerCase()) {
      this.fail(token, "lowercase-name", "lowercase", token.text.toLowerCase());
    }
    this.next();
    if (this.peek().type !== "(") return Object.freeze({ kind: "name", name: token.text, start: token.start, end: token.end });

    const open = this.next();
    this.enter(open);
    const args: ExprNode[] = [];
    if (this.peek().type !== ")") {
      for (;;) {
        args.push(this.parseOr());
        const sep = this.peek();
        if (sep.type === ",") {
          this.next();
          continue;
        }
        if (sep.type !== ")") {
          this.fail(sep, "comma-or-close", "separate-arguments", token.text);
        }
        break;
      }
    }
    this.leave();
    const close = this.next();
    const start = token.start;
    const end = close.end;
    const only = args[0];
    if (token.text === "date" && args.length === 1 && only?.kind === "string") {
      const value = CalendarDate.parseIso(only.value);
      if (value !== undefined) return Object.freeze({ kind: "date", value, start, end });
    }
    return Object.freeze({ kind: "call", fn: token.text, args: Object.freeze(args), start, end });
  }
}
