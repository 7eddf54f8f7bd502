import { Dec, type Decimal, isDecimal } from "../core/decimal.js";
import { CalendarDate, isCalendarDate, DIVISION_BY_ZERO, MISSING, type Missing, type Value } from "../core/value.js";
import { nfc } from "../core/text.js";
import { exactAbs, exactCompare, exactDiv, exactMinus, exactNeg, exactPlus, exactRound, exactTimes } from "../core/exact.js";
import type { CompiledExpr } from "../framework/ir.js";
import type { BinaryNode, CallNode, ExprNode, ParsedExpr } from "./ast.js";
import { functionInfo, MAX_ROUND_DIGITS } from "./functions.js";
import { namesOf } from "./names.js";

type Evaluator = (slots: readonly Value[]) => Value;

// Hot-path predicates: the engine evaluates every rule of every unit, so these avoid allocation.
// The shared constants first, and no `kind` lookup on a Decimal (a slow walk up its prototype chain).
const isMiss = (v: Value): v is Missing =>
  v === MISSING ||
  v === DIVISION_BY_ZERO ||
  (typeof v === "object" && (v as { constructor?: unknown }).constructor !== Dec && (v as { kind?: unknown }).kind === "missing");
// decimal.js sets `constructor` on each instance: a cheap brand check before the general one.
const isNum = (v: Value): v is Decimal =>
  typeof v === "object" && ((v as { constructor?: unknown }).constructor === Dec || isDecimal(v));
const isDate = (v: Value): v is CalendarDate => isCalendarDate(v);
/**
 * Compares two decimals like `a.cmp(b)` without the copy decimal.js makes of its argument: comparisons
 * are the commonest operation in rules, and this keeps them allocation-free. Reads decimal.js's
 * public representation (`s` sign, `e` exponent, `d` base-1e7 digit words); non-finite values
 * fall back to `cmp`.
 */
export function compareDecimals(a: Decimal, b: Decimal): number {
  const ad = a.d;
  const bd = b.d;
  if (!ad || !bd) return a.cmp(b);
  const as = a.s;
  const bs = b.s;
  if (!ad[0] || !bd[0]) return ad[0] ? as : bd[0] ? -bs : 0;
  if (as !== bs) return as;
  if (a.e !== b.e) return (a.e > b.e) !== as < 0 ? 1 : -1;
  const n = ad.length < bd.length ? ad.length : bd.length;
  for (let i = 0; i < n; i++) {
    const x = ad[i]!;
    const y = bd[i]!;
    if (x !== y) return (x > y) !== as < 0 ? 1 : -1;
  }
  return ad.length === bd.length ? 0 : (ad.length > bd.length) !== as < 0 ? 1 : -1;
}

/**
 * Compares two numbers exactly: like {@link compareDecimals}, and from the exact fractions
 * when either is the approximation of a quotient that does not terminate (see core/exact.ts).
 */
export function compareNumbers(a: Decimal, b: Decimal): number {
  return exactCompare(a, b, compareDecimals);
}

/**
 * The shape of a compiled expression, for callers that can do better than calling it:
 * a plain read of one slot. (Numeric expressions have an exact-fraction form: rational.ts.)
 */
export type ExprShape = { readonly kind: "slot"; readonly slot: number };

const shapes = new WeakMap<CompiledExpr, ExprShape>();
/** The tree and name resolution each expression was compiled from (for its fast forms, rational.ts). */
const trees = new WeakMap<CompiledExpr, { readonly ast: ExprNode; readonly slotOf: (name: string) => number }>();

/** The syntax tree and slot resolution of an expression compiled by {@link compileExpression}. */
export function exprTree(expr: CompiledExpr): { readonly ast: ExprNode; readonly slotOf: (name: string) => number } | undefined {
  return trees.get(expr);
}

/** The shape of an expression compiled by {@link compileExpression}, when it is a simple one. */
export function exprShape(expr: CompiledExpr): ExprShape | undefined {
  return shapes.get(expr);
}

function slotOfName(node: ExprNode, slotOf: (name: string) => number): number | undefined {
  if (node.kind !== "name") return undefined;
  let slot: number;
  try {
    slot = slotOf(node.name);
  } catch {
    return undefined;
  }
  return Number.isSafeInteger(slot) && slot >= 0 ? slot : undefined;
}

function shapeOf(ast: ExprNode, slotOf: (name: string) => number): ExprShape | undefined {
  const slot = slotOfName(ast, slotOf);
  return slot !== undefined ? { kind: "slot", slot } : undefined;
}

/** Missing stays as it is (keeping its reason); any other value of the wrong kind becomes missing. */
const propagate = (v: Value): Missing => (isMiss(v) ? v : MISSING);

/**
 * Compiles a parsed expression into closures over a unit's slots: no tree walk per evaluation.
 * `slotOf` gives the slot of each name; a negative or non-integer slot reads as missing.
 * Never throws, and the returned `evaluate` never throws: a runtime type mismatch (possible only
 * with names of unknown type), a missing operand or a division by zero gives missing.
 */
export function compileExpression(expr: ParsedExpr, slotOf: (name: string) => number): CompiledExpr {
  let root: Evaluator;
  try {
    root = compileNode(expr.ast, slotOf);
  } catch {
    root = () => MISSING;
  }
  let shape: ExprShape | undefined;
  try {
    shape = shapeOf(expr.ast, slotOf);
  } catch {
    shape = undefined;
  }
  // A plain slot read cannot throw: no guard needed.
  const evaluate =
    shape?.kind === "slot"
      ? root
      : (slots: readonly Value[]): Value => {
          try {
            return root(slots);
          } catch {
            return MISSING;
          }
        };
  const compiled: CompiledExpr = Object.freeze({ kind: "expr", source: expr.source, names: Object.freeze(namesOf(expr)), evaluate });
  if (shape !== undefined) shapes.set(compiled, shape);
  trees.set(compiled, { ast: expr.ast, slotOf });
  return compiled;
}

/**
 * 1 ÷ c when it is exact (c's digits are a power of 2 times a power of 5, so the quotient
 * terminates within the working precision), else undefined. Then x ÷ c = x × (1 ÷ c)
 * exactly, and both are rounded once to the same precision: the same Decimal.
 */
export function exactReciprocal(c: Decimal): Decimal | undefined {
  if (c.isZero() || !c.isFinite()) return undefined;
  const r = new Dec(1).div(c);
  return r.times(c).eq(1) && r.sd() < Dec.precision ? r : undefined;
}

function compileNode(node: ExprNode, slotOf: (name: string) => number): Evaluator {
  switch (node.kind) {
    case "string": {
      const value = nfc(node.value); // compared as NFC with NFC-normalised evidence
      return () => value;
    }
    case "number":
    case "boolean":
    case "date": {
      const value = node.value;
      return () => value;
    }
    case "name": {
      let slot: number;
      try {
        slot = slotOf(node.name);
      } catch {
        slot = -1;
      }
      if (!Number.isSafeInteger(slot) || slot < 0) return () => MISSING;
      return (slots) => slots[slot] ?? MISSING;
    }
    case "unary": {
      const operand = compileNode(node.operand, slotOf);
      if (node.op === "-") {
        return (slots) => {
          const v = operand(slots);
          return isNum(v) ? exactNeg(v) : propagate(v);
        };
      }
      return (slots) => {
        const v = operand(slots);
        return typeof v === "boolean" ? !v : propagate(v);
      };
    }
    case "binary":
      return compileBinary(node, compileNode(node.left, slotOf), compileNode(node.right, slotOf));
    case "call":
      return compileCall(node, node.args.map((arg) => compileNode(arg, slotOf)));
  }
}

function compileBinary(node: BinaryNode, left: Evaluator, right: Evaluator): Evaluator {
  const arithmetic = (op: (a: Decimal, b: Decimal) => Value): Evaluator => (slots) => {
    const a = left(slots);
    if (!isNum(a)) return propagate(a);
    const b = right(slots);
    if (!isNum(b)) return propagate(b);
    return op(a, b);
  };
  /** `test` receives the comparison result (negative, zero, positive); incomparable kinds give missing. */
  const ordering = (test: (c: number) => boolean): Evaluator => (slots) => {
    const a = left(slots);
    if (isMiss(a)) return a;
    const b = right(slots);
    if (isMiss(b)) return b;
    if (isNum(a) && isNum(b)) return test(compareNumbers(a, b));
    if (isDate(a) && isDate(b)) return test(a.epochDay - b.epochDay);
    return MISSING;
  };
  const equality = (wanted: boolean): Evaluator => (slots) => {
    const a = left(slots);
    if (isMiss(a)) return a;
    const b = right(slots);
    if (isMiss(b)) return b;
    if (isNum(a)) return isNum(b) ? (compareNumbers(a, b) === 0) === wanted : MISSING;
    if (isDate(a)) return isDate(b) ? (a.epochDay === b.epochDay) === wanted : MISSING;
    if (typeof a !== typeof b || isNum(b) || isDate(b)) return MISSING;
    return (a === b) === wanted;
  };
  switch (node.op) {
    case "+":
      return arithmetic(exactPlus);
    case "-":
      return arithmetic(exactMinus);
    case "*":
      return arithmetic(exactTimes);
    case "/": {
      const divisor = node.right.kind === "number" ? node.right.value : undefined;
      const reciprocal = divisor === undefined ? undefined : exactReciprocal(divisor);
      // Dividing by a constant such as 10, 4 or 0.25: one exact multiplication, not a long division.
      if (reciprocal !== undefined) return arithmetic((a) => exactTimes(a, reciprocal));
      // A quotient that does not terminate is kept exact beside its approximation (core/exact.ts).
      return arithmetic((a, b) => (b.isZero() ? DIVISION_BY_ZERO : exactDiv(a, b)));
    }
    case "<":
      return ordering((c) => c < 0);
    case "<=":
      return ordering((c) => c <= 0);
    case ">":
      return ordering((c) => c > 0);
    case ">=":
      return ordering((c) => c >= 0);
    case "==":
      return equality(true);
    case "!=":
      return equality(false);
    case "and":
      // `false and x` is false even when x is missing; otherwise missing propagates from left to right.
      return (slots) => {
        const a = left(slots);
        if (a === false) return false;
        if (a !== true) return propagate(a);
        const b = right(slots);
        return typeof b === "boolean" ? b : propagate(b);
      };
    case "or":
      return (slots) => {
        const a = left(slots);
        if (a === true) return true;
        if (a !== false) return propagate(a);
        const b = right(slots);
        return typeof b === "boolean" ? b : propagate(b);
      };
  }
}

function compileCall(node: CallNode, args: readonly Evaluator[]): Evaluator {
  const info = functionInfo(node.fn);
  // Unknown functions, wrong arities and invalid date(...) literals are check errors; at run time they are missing.
  if (info === undefined || args.length < info.minArgs || args.length > info.maxArgs || node.fn === "date") {
    return () => MISSING;
  }
  const [a0, a1, a2] = args as [Evaluator, Evaluator, Evaluator];
  switch (node.fn) {
    case "min":
      return extremum(args, (c) => c < 0);
    case "max":
      return extremum(args, (c) => c > 0);
    case "abs":
      return (slots) => {
        const x = a0(slots);
        return isNum(x) ? exactAbs(x) : propagate(x);
      };
    case "round": {
      const fixed = node.args[1]?.kind === "number" ? node.args[1].value : undefined;
      if (fixed !== undefined) {
        // The usual round(x, 2): validate the places once, not per evaluation.
        if (!fixed.isInteger() || fixed.gt(MAX_ROUND_DIGITS)) return () => MISSING;
        const places = fixed.toNumber();
        return (slots) => {
          const x = a0(slots);
          return isNum(x) ? exactRound(x, places, "half_up") : propagate(x);
        };
      }
      return (slots) => {
        const x = a0(slots);
        if (!isNum(x)) return propagate(x);
        const d = a1(slots);
        if (!isNum(d)) return propagate(d);
        if (!d.isInteger() || d.isNegative() || d.gt(MAX_ROUND_DIGITS)) return MISSING;
        return exactRound(x, d.toNumber(), "half_up");
      };
    }
    case "clamp":
      return (slots) => {
        const x = a0(slots);
        if (!isNum(x)) return propagate(x);
        const lo = a1(slots);
        if (!isNum(lo)) return propagate(lo);
        const hi = a2(slots);
        if (!isNum(hi)) return propagate(hi);
        if (compareNumbers(lo, hi) > 0) return MISSING;
        return compareNumbers(x, lo) < 0 ? lo : compareNumbers(x, hi) > 0 ? hi : x;
      };
    case "if":
      return (slots) => {
        const c = a0(slots);
        if (c === true) return a1(slots);
        if (c === false) return a2(slots);
        return propagate(c);
      };
    case "days":
      return (slots) => {
        const from = a0(slots);
        if (!isDate(from)) return propagate(from);
        const to = a1(slots);
        if (!isDate(to)) return propagate(to);
        return new Dec(to.epochDay - from.epochDay);
      };
    case "is_missing":
      return (slots) => isMiss(a0(slots));
    case "coalesce":
      return (slots) => {
        let v: Value = MISSING;
        for (const arg of args) {
          v = arg(slots);
          if (!isMiss(v)) return v;
        }
        return v;
      };
    default:
      return () => MISSING;
  }
}

/** min/max over numbers or over dates; any missing argument, or mixed kinds, gives missing. */
function extremum(args: readonly Evaluator[], better: (c: number) => boolean): Evaluator {
  return (slots) => {
    let best: Value = MISSING;
    for (let i = 0; i < args.length; i++) {
      const v = args[i]!(slots);
      if (isMiss(v)) return v;
      if (i === 0) {
        if (!isNum(v) && !isDate(v)) return MISSING;
        best = v;
      } else if (isNum(best) && isNum(v)) {
        if (better(compareNumbers(v, best))) best = v;
      } else if (isDate(best) && isDate(v)) {
        if (better(v.epochDay - best.epochDay)) best = v;
      } else {
        return MISSING;
      }
    }
    return best;
  };
}
