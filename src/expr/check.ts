import type { ValueType } from "../core/value.js";
import { didYouMean, diag, type Diagnostic } from "../diagnostics/index.js";
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

const DAYS_FIX = "Use days(a, b) to compare a date with a number of days.";
const DATE_ARITHMETIC_FIX = "Date arithmetic is not supported: use days(d1, d2) for the number of days from d1 to d2.";

function describe(type: ValueType): string {
  switch (type) {
    case "number":
      return "a number";
    case "string":
      return "a string";
    case "boolean":
      return "a true/false value";
    case "date":
      return "a date";
    default:
      return "a value of unknown type";
  }
}

function plural(type: ValueType): string {
  return type === "boolean" ? "true/false values" : `${type}s`;
}

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

  private typeError(node: ExprNode, problem: string, fix: string): void {
    this.diagnostics.push(diag("expr-type", { offset: node.start, fragment: this.text(node), problem, fix }, locationAt(this.at, node.start)));
  }

  private badArgument(node: ExprNode, problem: string, fix: string): void {
    this.diagnostics.push(diag("expr-bad-argument", { offset: node.start, fragment: this.text(node), problem, fix }, locationAt(this.at, node.start)));
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
            this.typeError(node.operand, `is ${describe(t)}, and "-" negates numbers only`, t === "date" ? DATE_ARITHMETIC_FIX : "Apply \"-\" to a number.");
          }
          return "number";
        }
        if (!fits(t, "boolean")) {
          this.typeError(node.operand, `is ${describe(t)}, and "not" needs a condition (true or false)`, "Compare it first, e.g. not (x > 0).");
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
          this.typeError(node, `does arithmetic ("${node.op}") on a date`, DATE_ARITHMETIC_FIX);
          return "number";
        }
        const [side, t] = fits(lt, "number") ? [node.right, rt] : [node.left, lt];
        if (!fits(t, "number")) {
          this.typeError(
            side,
            `is ${describe(t)}, and "${node.op}" needs numbers`,
            t === "boolean" ? "Count a condition with if(cond, 1, 0)." : "Use numbers here; strings can only be compared with == or !=.",
          );
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
          this.typeError(side, `is ${describe(t)}, and "${node.op}" orders numbers or dates only`, "Use == or != to compare strings and true/false values.");
        } else if (!agree(lt, rt)) {
          this.typeError(node, `compares ${describe(lt)} with ${describe(rt)}`, DAYS_FIX);
        }
        return "boolean";
      }
      case "==":
      case "!=":
        if (!agree(lt, rt)) {
          const dateAndNumber = (lt === "date" && rt === "number") || (lt === "number" && rt === "date");
          this.typeError(
            node,
            `compares ${describe(lt)} with ${describe(rt)}, which are never equal`,
            dateAndNumber ? DAYS_FIX : 'Compare values of the same kind, e.g. report_status == "on_time".',
          );
        }
        return "boolean";
      case "and":
      case "or":
        {
          const [side, t] = fits(lt, "boolean") ? [node.right, rt] : [node.left, lt];
          if (!fits(t, "boolean")) {
            this.typeError(side, `is ${describe(t)}, and "${node.op}" joins conditions (true or false)`, "Compare it first, e.g. x > 0.");
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
      const expected =
        info.maxArgs === Infinity
          ? `at least ${info.minArgs}`
          : info.minArgs === info.maxArgs
            ? String(info.minArgs)
            : `${info.minArgs} to ${info.maxArgs}`;
      this.diagnostics.push(
        diag(
          "expr-arity",
          { offset: node.start, fragment: this.text(node), name: node.fn, expected, got: node.args.length, signature: info.signature },
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
      if (arg) this.typeError(arg, `is ${describe(t)}, and ${fn} needs numbers`, t === "date" ? DATE_ARITHMETIC_FIX : "Pass numbers.");
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
          if (arg) this.typeError(arg, `is ${describe(t)}, and days(d1, d2) needs two dates`, 'Write a date as date("2024-01-15") or use a date input.');
        }
        return "number";
      case "is_missing":
        return "boolean";
      case "if": {
        const [cond, a, b] = [types[0] ?? "unknown", types[1] ?? "unknown", types[2] ?? "unknown"];
        if (node.args[0] && !fits(cond, "boolean")) {
          this.typeError(node.args[0], `is ${describe(cond)}, and the condition of if(...) must be true or false`, "Compare it, e.g. if(x > 0, a, b).");
        }
        if (node.args[2] && !agree(a, b)) {
          this.typeError(node, `has branches of different kinds: ${describe(a)} and ${describe(b)}`, "Make both branches the same kind, e.g. if(cond, 1, 0).");
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
    const names = allowed.map(plural).join(" or ");
    for (const [i, arg] of node.args.entries()) {
      const t = types[i] ?? "unknown";
      if (t === "unknown") continue;
      if (!allowed.includes(t)) {
        this.typeError(arg, `is ${describe(t)}, and ${node.fn}(...) takes ${names}`, `Pass ${names}.`);
        return kind;
      }
      if (kind === "unknown") {
        kind = t;
      } else if (t !== kind) {
        const fix = `Pass arguments of one kind.${kind === "date" || t === "date" ? " " + DAYS_FIX : ""}`;
        this.typeError(arg, `is ${describe(t)} while an earlier argument of ${node.fn}(...) is ${describe(kind)}`, fix);
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
      this.badArgument(
        d,
        `is not a number of decimal places`,
        `Write a whole number from 0 to ${MAX_ROUND_DIGITS}, e.g. round(x, 2).`,
      );
    }
  }

  /** clamp(x, lo, hi) with literal bounds: lo must not exceed hi. */
  private checkBounds(lo: ExprNode | undefined, hi: ExprNode | undefined): void {
    const value = (n: ExprNode | undefined) =>
      n?.kind === "number" ? n.value : n?.kind === "unary" && n.op === "-" && n.operand.kind === "number" ? n.operand.value.neg() : undefined;
    const l = value(lo);
    const h = value(hi);
    if (lo && l !== undefined && h !== undefined && l.gt(h)) {
      this.badArgument(lo, `is above the upper bound ${h.toString()}`, "Write clamp(x, lo, hi) with lo ≤ hi.");
    }
  }
}
