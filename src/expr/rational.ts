/**
 * Expressions evaluated as exact fractions of two safe integers: the fast form of the numeric
 * expressions rules read (`a / b`, `x / 100 * m`, `min(x / 10, 0.5)`, …). A number is a pair
 * (n, d): the fraction n ÷ d with d > 0, both integers below 2^53 in magnitude, so JS arithmetic
 * on them is exact integer arithmetic; every product or sum that could leave that range is
 * checked (Number.isSafeInteger is false whenever the exact result is not representable) and,
 * after a reduction by common factors, gives up. A decimal is read as (its digits, 10^places).
 *
 * A fast evaluator returns the numerator and leaves the denominator in {@link RATIONAL}.den
 * (nothing is allocated), or returns NaN: undecided. Undecided covers everything the exact
 * evaluation (compile.ts) must answer: a missing value or division by zero, a value that is not
 * a number (or is the approximation of a non-terminating quotient), numbers beyond safe integers,
 * a negative zero (decimal.js keeps the sign of a zero, and an `expr` rule reports −0 as a
 * clamped value), dates, strings. Whenever it answers, the value is the exact rational value
 * of the expression — what the exact evaluation's Decimal (or kept fraction) stands for.
 */
import { Dec, type Decimal, SIGNIFICAND, significandOf } from "../core/decimal.js";
import { isInexact } from "../core/exact.js";
import type { Value } from "../core/value.js";
import type { CompiledExpr } from "../framework/ir.js";
import type { ExprNode } from "./ast.js";
import { exprTree } from "./compile.js";

/** The denominator of the last fast evaluation (see the module comment). */
export const RATIONAL = { den: 1 };

/**
 * The numbers of one unit's input slots known as exact fractions without a Decimal: slot `i`
 * holds `num[i] ÷ den[i]` when `den[i] > 0` (a scaled integer of the evidence over 10^scale),
 * and nothing when `den[i]` is 0 (then its Value in the slot array is read). Valid for the slot
 * array `slots` only: the engine fills one per unit (src/engine/score.ts) and points
 * {@link useSlotNumbers} at it, so a fast form evaluated on any other slot array reads Values.
 */
export interface SlotNumbers {
  /** The slot array these numbers belong to. */
  slots: readonly Value[] | undefined;
  readonly num: Float64Array;
  readonly den: Float64Array;
}

let current: SlotNumbers | undefined;

/** Makes `numbers` the numbers the fast forms read for `numbers.slots` (nothing is allocated). */
export function useSlotNumbers(numbers: SlotNumbers | undefined): void {
  current = numbers;
}

/** The numerator of a number (its denominator in {@link RATIONAL}.den), or NaN: undecided. */
export type FastNum = (slots: readonly Value[]) => number;
/** 1 (true), 0 (false) or NaN (undecided: ask the exact evaluation). */
export type FastBool = (slots: readonly Value[]) => number;

/** Fast forms of a derived value, used where an expression names it (instead of its slot). */
export interface FastNamed {
  readonly num?: FastNum | undefined;
  readonly bool?: FastBool | undefined;
}

const isSafe = Number.isSafeInteger;
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i); // 10^15 < 2^53

function gcd(a: number, b: number): number {
  if (a < 0) a = -a;
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** A negative zero (decimal.js keeps the sign of a zero: left to the exact evaluation). */
const negativeZero = (n: number): boolean => n === 0 && 1 / n < 0;

/**
 * The fraction of a decimal as (digits, 10^places), read from decimal.js's digit words (base 1e7)
 * without allocating; NaN when it is not one exactly in safe integers, or is a kept approximation.
 */
export function decimalNumerator(x: Decimal): number {
  let digits = significandOf(x);
  if (Number.isNaN(digits)) return Number.NaN;
  if (digits === 0) {
    if (x.s < 0) return Number.NaN; // −0
    RATIONAL.den = 1;
    return 0;
  }
  const count = SIGNIFICAND.count;
  if (isInexact(x)) return Number.NaN;
  // The value is digits × 10^shift.
  const shift = x.e - count + 1;
  if (shift >= 0) {
    if (shift > 15) return Number.NaN;
    digits *= POW10[shift]!;
    if (!isSafe(digits)) return Number.NaN;
    RATIONAL.den = 1;
  } else {
    if (shift < -15) return Number.NaN;
    RATIONAL.den = POW10[-shift]!;
  }
  return x.s < 0 ? -digits : digits;
}

/** Same brand check as the engine's: decimal.js sets `constructor` on each instance. */
function isDec(v: unknown): v is Decimal {
  return typeof v === "object" && v !== null && ((v as { constructor?: unknown }).constructor === Dec || Dec.isDecimal(v));
}

function add(n1: number, d1: number, n2: number, d2: number): number {
  let n: number;
  let d: number;
  if (d1 === d2) {
    n = n1 + n2;
    d = d1;
  } else {
    const g = gcd(d1, d2);
    const a = d2 / g;
    const b = d1 / g;
    n = n1 * a + n2 * b;
    d = d1 * a;
    if (!isSafe(n1 * a) || !isSafe(n2 * b) || !isSafe(d)) return Number.NaN;
  }
  if (!isSafe(n)) return Number.NaN;
  RATIONAL.den = d;
  return n;
}

function mul(n1: number, d1: number, n2: number, d2: number): number {
  let n = n1 * n2;
  let d = d1 * d2;
  if (!isSafe(n) || !isSafe(d)) {
    const g1 = gcd(n1, d2) || 1;
    const g2 = gcd(n2, d1) || 1;
    n = (n1 / g1) * (n2 / g2);
    d = (d1 / g2) * (d2 / g1);
    if (!isSafe(n) || !isSafe(d)) return Number.NaN;
  }
  if (negativeZero(n)) return Number.NaN;
  RATIONAL.den = d;
  return n;
}

function div(n1: number, d1: number, n2: number, d2: number): number {
  if (n2 === 0) return Number.NaN; // division by zero: the exact evaluation says so
  let n = n1 * d2;
  let d = d1 * n2;
  if (!isSafe(n) || !isSafe(d)) {
    const g1 = gcd(n1, n2) || 1;
    const g2 = gcd(d1, d2) || 1;
    n = (n1 / g1) * (d2 / g2);
    d = (d1 / g2) * (n2 / g1);
    if (!isSafe(n) || !isSafe(d)) return Number.NaN;
  }
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (negativeZero(n)) return Number.NaN;
  RATIONAL.den = d;
  return n;
}

/** The sign of n1/d1 − n2/d2 (d > 0), or NaN when the cross products are not safe. */
function compare(n1: number, d1: number, n2: number, d2: number): number {
  if (d1 === d2) return n1 === n2 ? 0 : n1 > n2 ? 1 : -1;
  const l = n1 * d2;
  const r = n2 * d1;
  if (!isSafe(l) || !isSafe(r)) return Number.NaN;
  return l === r ? 0 : l > r ? 1 : -1;
}

/** Rounds n ÷ d (d > 0) to `places` decimals half up (away from zero), as `round(x, d)` does. */
function roundHalfUp(n: number, d: number, places: number): number {
  const scale = POW10[places];
  if (scale === undefined) return Number.NaN;
  const m = n * scale;
  if (!isSafe(m)) return Number.NaN;
  const a = m < 0 ? -m : m;
  const r = a % d;
  let q = (a - r) / d;
  if (2 * r >= d) q += 1;
  if (q === 0 && n < 0) return Number.NaN; // decimal.js would give −0
  RATIONAL.den = scale;
  return m < 0 ? -q : q;
}

/** How a name is read: its slot, or a derived value's own fast form. */
export type NameFast = (name: string) => FastNamed | undefined;

interface Compiler {
  readonly slotOf: (name: string) => number;
  readonly named: NameFast;
}

function slotIn(c: Compiler, name: string): number {
  let slot: number;
  try {
    slot = c.slotOf(name);
  } catch {
    return -1;
  }
  return Number.isSafeInteger(slot) && slot >= 0 ? slot : -1;
}

function num(node: ExprNode, c: Compiler): FastNum | undefined {
  switch (node.kind) {
    case "number": {
      const n = decimalNumerator(node.value);
      if (n !== n) return undefined;
      const d = RATIONAL.den;
      return () => {
        RATIONAL.den = d;
        return n;
      };
    }
    case "name": {
      const own = c.named(node.name)?.num;
      if (own !== undefined) return own;
      const slot = slotIn(c, node.name);
      if (slot < 0) return undefined;
      return (slots) => {
        const numbers = current;
        if (numbers !== undefined && numbers.slots === slots) {
          const d = numbers.den[slot]!;
          if (d > 0) {
            RATIONAL.den = d;
            return numbers.num[slot]!;
          }
        }
        const v = slots[slot];
        return isDec(v) ? decimalNumerator(v) : Number.NaN;
      };
    }
    case "unary": {
      if (node.op !== "-") return undefined;
      const x = num(node.operand, c);
      if (x === undefined) return undefined;
      return (slots) => {
        const n = x(slots);
        return n === 0 ? Number.NaN : -n; // −0: see the module comment
      };
    }
    case "binary": {
      if (node.op !== "+" && node.op !== "-" && node.op !== "*" && node.op !== "/") return undefined;
      const l = num(node.left, c);
      const r = num(node.right, c);
      if (l === undefined || r === undefined) return undefined;
      const op = node.op;
      return (slots) => {
        const n1 = l(slots);
        if (n1 !== n1) return n1;
        const d1 = RATIONAL.den;
        const n2 = r(slots);
        if (n2 !== n2) return n2;
        const d2 = RATIONAL.den;
        return op === "+" ? add(n1, d1, n2, d2) : op === "-" ? add(n1, d1, -n2, d2) : op === "*" ? mul(n1, d1, n2, d2) : div(n1, d1, n2, d2);
      };
    }
    case "call":
      return call(node, c);
    default:
      return undefined;
  }
}

function call(node: Extract<ExprNode, { kind: "call" }>, c: Compiler): FastNum | undefined {
  const fn = node.fn;
  if (fn === "if") {
    if (node.args.length !== 3) return undefined;
    const cond = bool(node.args[0]!, c);
    const a = num(node.args[1]!, c);
    const b = num(node.args[2]!, c);
    if (cond === undefined || a === undefined || b === undefined) return undefined;
    return (slots) => {
      const t = cond(slots);
      return t === 1 ? a(slots) : t === 0 ? b(slots) : Number.NaN;
    };
  }
  const args = node.args.map((a) => num(a, c));
  if (args.some((a) => a === undefined)) return undefined;
  const fs = args as FastNum[];
  switch (fn) {
    case "min":
    case "max": {
      if (fs.length < 2) return undefined;
      const want = fn === "min" ? -1 : 1;
      return (slots) => {
        let bn = fs[0]!(slots);
        if (bn !== bn) return bn;
        let bd = RATIONAL.den;
        for (let i = 1; i < fs.length; i++) {
          const n = fs[i]!(slots);
          if (n !== n) return n;
          const d = RATIONAL.den;
          const s = compare(n, d, bn, bd);
          if (s !== s) return s;
          if (s === want) {
            bn = n;
            bd = d;
          }
        }
        RATIONAL.den = bd;
        return bn;
      };
    }
    case "abs": {
      if (fs.length !== 1) return undefined;
      const x = fs[0]!;
      return (slots) => {
        const n = x(slots);
        return n < 0 ? -n : n;
      };
    }
    case "clamp": {
      if (fs.length !== 3) return undefined;
      const [x, lo, hi] = fs as [FastNum, FastNum, FastNum];
      return (slots) => {
        const n = x(slots);
        if (n !== n) return n;
        const d = RATIONAL.den;
        const ln = lo(slots);
        if (ln !== ln) return ln;
        const ld = RATIONAL.den;
        const hn = hi(slots);
        if (hn !== hn) return hn;
        const hd = RATIONAL.den;
        const order = compare(ln, ld, hn, hd);
        if (!(order <= 0)) return Number.NaN; // lo > hi: missing, from the exact evaluation
        const below = compare(n, d, ln, ld);
        if (below !== below) return below;
        if (below < 0) {
          RATIONAL.den = ld;
          return ln;
        }
        const above = compare(n, d, hn, hd);
        if (above !== above) return above;
        if (above > 0) {
          RATIONAL.den = hd;
          return hn;
        }
        RATIONAL.den = d;
        return n;
      };
    }
    case "round": {
      const places = node.args[1];
      if (fs.length !== 2 || places?.kind !== "number" || !places.value.isInteger() || places.value.gt(15)) return undefined;
      const p = places.value.toNumber();
      const x = fs[0]!;
      return (slots) => {
        const n = x(slots);
        return n !== n ? n : roundHalfUp(n, RATIONAL.den, p);
      };
    }
    default:
      return undefined;
  }
}

function bool(node: ExprNode, c: Compiler): FastBool | undefined {
  switch (node.kind) {
    case "boolean": {
      const v = node.value ? 1 : 0;
      return () => v;
    }
    case "name": {
      const own = c.named(node.name)?.bool;
      if (own !== undefined) return own;
      const slot = slotIn(c, node.name);
      if (slot < 0) return undefined;
      return (slots) => {
        const v = slots[slot];
        return v === true ? 1 : v === false ? 0 : Number.NaN;
      };
    }
    case "unary": {
      if (node.op !== "not") return undefined;
      const x = bool(node.operand, c);
      return x === undefined ? undefined : (slots) => 1 - x(slots);
    }
    case "binary": {
      if (node.op === "and" || node.op === "or") {
        const l = bool(node.left, c);
        const r = bool(node.right, c);
        if (l === undefined || r === undefined) return undefined;
        // `false and x` is false (and `true or x` true) even when x is missing: as in compile.ts.
        const short = node.op === "and" ? 0 : 1;
        return (slots) => {
          const a = l(slots);
          if (a === short) return a;
          if (a !== a) return a;
          return r(slots);
        };
      }
      if (node.op === "+" || node.op === "-" || node.op === "*" || node.op === "/") return undefined;
      const l = num(node.left, c);
      const r = num(node.right, c);
      if (l === undefined || r === undefined) return undefined;
      const op = node.op;
      return (slots) => {
        const n1 = l(slots);
        if (n1 !== n1) return n1;
        const d1 = RATIONAL.den;
        const n2 = r(slots);
        if (n2 !== n2) return n2;
        const s = compare(n1, d1, n2, RATIONAL.den);
        if (s !== s) return s;
        switch (op) {
          case "<":
            return s < 0 ? 1 : 0;
          case "<=":
            return s <= 0 ? 1 : 0;
          case ">":
            return s > 0 ? 1 : 0;
          case ">=":
            return s >= 0 ? 1 : 0;
          case "==":
            return s === 0 ? 1 : 0;
          default:
            return s !== 0 ? 1 : 0;
        }
      };
    }
    default:
      return undefined;
  }
}

/**
 * The fast numeric form of a compiled expression, or undefined when it has none (it uses
 * strings, dates, `coalesce`, …). `named` gives the fast forms of derived values, read in place
 * of their slots; any other name reads its slot (a slot left unset reads as undecided).
 */
export function rationalOf(expr: CompiledExpr, named: NameFast = () => undefined): FastNum | undefined {
  const tree = exprTree(expr);
  return tree === undefined ? undefined : num(tree.ast, { slotOf: tree.slotOf, named });
}

/** The fast boolean form of a compiled expression (comparisons, `and`, `or`, `not`), or undefined. */
export function rationalBoolOf(expr: CompiledExpr, named: NameFast = () => undefined): FastBool | undefined {
  const tree = exprTree(expr);
  return tree === undefined ? undefined : bool(tree.ast, { slotOf: tree.slotOf, named });
}
