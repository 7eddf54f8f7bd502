import type { ValueType } from "../core/value.js";
import { didYouMean, diag, type Diagnostic } from "../diagnostics/index.js";
import type { TypeFix, TypeParams, TypeProblem } from "../diagnostics/messages/expr-words.js";
import type { BinaryNode, CallNode, ExprNode, ParsedExpr } from "./ast.js";
import { EXPR_FUNCTIONS, functionInfo, MAX_ROUND_DIGITS } from "./functions.js";
import { fragmentOf, locationAt, type ExprLocator } from "./locate.js";
import { MAX_TREE_DEPTH } from "./parser.js";

/** What the checker knows about names: their static types. */
export interface ExprScope {
  /** The type of an input or derived value; undefined when the name is unknown. */
  typeOf(name: string): ValueType | undefined;
  /** All known names, for did-you-mean hints (optional). */
  names?(): Iterable<string>;
}

/** The data of a type problem besides its code and fix: the types, operator or function involved (worded by the catalogue). */
type Detail = Omit<Partial<TypeParams>, "offset" | "fragment" | "problem" | "fix">;

const fits = (actual: ValueType, wanted: ValueType): boolean => actual === wanted || actual === "unknown";
const agree = (a: ValueType, b: ValueType): boolean => a === b || a === "unknown" || b === "unknown";

/**
 * Checks an expression against the names in scope: unknown names and functions, arity, and every
 * type error that can be known statically. Returns the expression's type (`unknown` when it cannot
 * be known) and all problems found; never throws.
 */
export function checkExpression(expr: ParsedExpr, scope: ExprScope, at?: ExprLocator): { type: ValueType; diagnostics: Diagnostic[] } {
  const checker = new Checker(expr.source, scope, at);
  try {
    return { type: checker.check(expr.ast), diagnostics: checker.diagnostics };
  } catch {
    // Only reachable with a hand-built tree deeper than the parser allows: report it, never throw.
    const offset = expr.ast.start;
    checker.diagnostics.push(diag("expr-too-deep", { offset, limit: MAX_TREE_DEPTH }, locationAt(at, offset)));
    return { type: "unknown", diagnostics: checker.diagnostics };
  }
}

class Checker {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly source: string,
    private readonly scope: ExprScope,
    private readonly at: ExprLocator | undefined,
  ) {}

  private text(node: ExprNode): string {
    return fragmentOf(this.source, node.start, node.end);
  }

  private typeError(node: ExprNode, problem: TypeProblem, fix: TypeFix, detail: Detail = {}): void {
    this.diagnostics.push(diag("expr-type", { offset: node.start, fragment: this.text(node), problem, fix, ...detail }, locationAt(this.at, node.start)));
  }

  private badArgument(node: ExprNode, problem: TypeProblem, fix: TypeFix, detail: Detail = {}): void {
    this.diagnostics.push(diag("expr-bad-argument", { offset: node.start, fragment: this.text(node), problem, fix, ...detail }, locationAt(this.at, node.start)));
  }

  check(node: ExprNode): ValueType {
    switch (node.kind) {
      case "number":
      case "string":
      case "boolean":
      case "date":
        return node.kind;
      case "name":
        return this.checkName(node.name, node.start);
      case "unary": {
        const t = this.check(node.operand);
        if (node.op === "-") {
          if (!fits(t, "number")) {
            this.typeError(node.operand, "negate-non-number", t === "date" ? "date-arithmetic" : "negate-number", { type: t });
          }
          return "number";
        }
        if (!fits(t, "boolean")) {
          this.typeError(node.operand, "not-non-boolean", "compare-before-not", { type: t });
        }
        return "boolean";
      }
      case "binary":
        return this.checkBinary(node);
      case "call":
        return this.checkCall(node);
    }
  }

  private checkName(name: string, offset: number): ValueType {
    let type: ValueType | undefined;
    try {
      type = this.scope.typeOf(name);
    } catch {
      type = undefined;
    }
    if (type !== undefined) return type;
    let suggestion: string | undefined;
    try {
      suggestion = this.scope.names ? didYouMean(name, this.scope.names()) : undefined;
    } catch {
      suggestion = undefined;
    }
    this.diagnostics.push(
      diag("expr-unknown-name", { offset, name, ...(suggestion !== undefined && { suggestion }) }, locationAt(this.at, offset)),
    );
    return "unknown";
  }

  private checkBinary(node: BinaryNode): ValueType {
    const lt = this.check(node.left);
    const rt = this.check(node.right);
    switch (node.op) {
      case "+":
      case "-":
      case "*":
      case "/": {
        if (lt === "date" || rt === "date") {
          this.typeError(node, "date-arithmetic", "date-arithmetic", { op: node.op });
          return "number";
        }
        const [side, t] = fits(lt, "number") ? [node.right, rt] : [node.left, lt];
        if (!fits(t, "number")) {
          this.typeError(side, "arithmetic-non-number", t === "boolean" ? "count-condition" : "numbers-here", { type: t, op: node.op });
        }
        return "number";
      }
      case "<":
      case "<=":
      case ">":
      case ">=": {
        const unordered = (t: ValueType) => t === "string" || t === "boolean";
        if (unordered(lt) || unordered(rt)) {
          const [side, t] = unordered(lt) ? [node.left, lt] : [node.right, rt];
          this.typeError(side, "order-unordered", "equality-for-text", { type: t, op: node.op });
        } else if (!agree(lt, rt)) {
          this.typeError(node, "compare-kinds", "use-days", { type: lt, other: rt });
        }
        return "boolean";
      }
      case "==":
      case "!=":
        if (!agree(lt, rt)) {
          const dateAndNumber = (lt === "date" && rt === "number") || (lt === "number" && rt === "date");
          this.typeError(node, "never-equal", dateAndNumber ? "use-days" : "same-kind", { type: lt, other: rt });
        }
        return "boolean";
      case "and":
      case "or":
        {
          const [side, t] = fits(lt, "boolean") ? [node.right, rt] : [node.left, lt];
          if (!fits(t, "boolean")) {
            this.typeError(side, "join-non-boolean", "compare-first", { type: t, op: node.op });
          }
        }
        return "boolean";
    }
  }

  private checkCall(node: CallNode): ValueType {
    const info = functionInfo(node.fn);
    if (info === undefined) {
      const suggestion = didYouMean(node.fn, EXPR_FUNCTIONS.map((f) => f.name));
      const known = EXPR_FUNCTIONS.map((f) => f.signature).join(", ");
      this.diagnostics.push(
        diag(
          "expr-unknown-function",
          { offset: node.start, name: node.fn, known, ...(suggestion !== undefined && { suggestion }) },
          locationAt(this.at, node.start),
        ),
      );
      for (const arg of node.args) this.check(arg);
      return "unknown";
    }
    if (node.args.length < info.minArgs || node.args.length > info.maxArgs) {
      const max = info.maxArgs === Infinity ? null : info.maxArgs;
      this.diagnostics.push(
        diag(
          "expr-arity",
          { offset: node.start, fragment: this.text(node), name: node.fn, min: info.minArgs, max, got: node.args.length, signature: info.signature },
          locationAt(this.at, node.start),
        ),
      );
      if (node.fn === "date") return "date";
    } else if (node.fn === "date") {
      // A valid date(...) parses to a date literal; a call that remains is a bad date.
      this.diagnostics.push(diag("expr-bad-date", { offset: node.start, fragment: this.text(node) }, locationAt(this.at, node.start)));
      return "date";
    }
    const types = node.args.map((arg) => this.check(arg));
    /** Reports the first argument that is not a number (one type error per call). */
    const numbers = (fn: string) => {
      const i = types.findIndex((t) => !fits(t, "number"));
      const arg = node.args[i];
      const t = types[i] ?? "unknown";
      if (arg) this.typeError(arg, "function-needs-numbers", t === "date" ? "date-arithmetic" : "pass-numbers", { type: t, fn });
    };
    switch (node.fn) {
      case "min":
      case "max":
        return this.sameKind(node, types, ["number", "date"]);
      case "coalesce":
        return this.sameKind(node, types, ["number", "date", "string", "boolean"]);
      case "abs":
        numbers("abs");
        return "number";
      case "round":
        numbers("round");
        this.checkDigits(node.args[1]);
        return "number";
      case "clamp":
        numbers("clamp");
        this.checkBounds(node.args[1], node.args[2]);
        return "number";
      case "days":
        {
          const i = types.findIndex((t) => !fits(t, "date"));
          const arg = node.args[i];
          const t = types[i] ?? "unknown";
          if (arg) this.typeError(arg, "days-needs-dates", "write-date", { type: t });
        }
        return "number";
      case "is_missing":
        return "boolean";
      case "if": {
        const [cond, a, b] = [types[0] ?? "unknown", types[1] ?? "unknown", types[2] ?? "unknown"];
        if (node.args[0] && !fits(cond, "boolean")) {
          this.typeError(node.args[0], "if-condition", "compare-in-if", { type: cond });
        }
        if (node.args[2] && !agree(a, b)) {
          this.typeError(node, "if-branches", "same-branches", { type: a, other: b });
        }
        return a !== "unknown" ? a : b;
      }
      default:
        return "unknown";
    }
  }

  /** Variadic functions whose arguments share one kind; returns that kind. */
  private sameKind(node: CallNode, types: readonly ValueType[], allowed: readonly ValueType[]): ValueType {
    let kind: ValueType = "unknown";
    for (const [i, arg] of node.args.entries()) {
      const t = types[i] ?? "unknown";
      if (t === "unknown") continue;
      if (!allowed.includes(t)) {
        this.typeError(arg, "function-kinds", "pass-kinds", { type: t, fn: node.fn, kinds: [...allowed] });
        return kind;
      }
      if (kind === "unknown") {
        kind = t;
      } else if (t !== kind) {
        this.typeError(arg, "mixed-kinds", kind === "date" || t === "date" ? "one-kind-days" : "one-kind", { type: t, other: kind, fn: node.fn });
        return kind;
      }
    }
    return kind;
  }

  /** `d` of round(x, d), when written as a literal: a whole number from 0 to MAX_ROUND_DIGITS. */
  private checkDigits(d: ExprNode | undefined): void {
    if (d === undefined) return;
    const negative = d.kind === "unary" && d.op === "-" && d.operand.kind === "number" && !d.operand.value.isZero();
    const literal = d.kind === "number" ? d.value : undefined;
    if (negative || (literal !== undefined && (!literal.isInteger() || literal.gt(MAX_ROUND_DIGITS)))) {
      this.badArgument(d, "decimal-places", "round-digits", { max: MAX_ROUND_DIGITS });
    }
  }

  /** clamp(x, lo, hi) with literal bounds: lo must not exceed hi. */
  private checkBounds(lo: ExprNode | undefined, hi: ExprNode | undefined): void {
    const value = (n: ExprNode | undefined) =>
      n?.kind === "number" ? n.value : n?.kind === "unary" && n.op === "-" && n.operand.kind === "number" ? n.operand.value.neg() : undefined;
    const l = value(lo);
    const h = value(hi);
    if (lo && l !== undefined && h !== undefined && l.gt(h)) {
      this.badArgument(lo, "above-upper-bound", "clamp-order", { bound: h.toString() });
    }
  }
}
