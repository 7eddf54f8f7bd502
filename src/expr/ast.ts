import type { Decimal } from "../core/decimal.js";
import type { CalendarDate } from "../core/value.js";

/** Offsets (0-based, in the expression text) of a node: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type UnaryOp = "-" | "not";
export type ArithmeticOp = "+" | "-" | "*" | "/";
export type ComparisonOp = "<" | "<=" | ">" | ">=" | "==" | "!=";
export type LogicalOp = "and" | "or";
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;

/** A non-negative decimal literal (`-1` is a unary minus applied to `1`). */
export interface NumberNode extends Span {
  readonly kind: "number";
  readonly value: Decimal;
}
export interface StringNode extends Span {
  readonly kind: "string";
  readonly value: string;
}
export interface BooleanNode extends Span {
  readonly kind: "boolean";
  readonly value: boolean;
}
/** `date("2024-01-15")` with a valid ISO date; an invalid one stays a {@link CallNode} (a check error). */
export interface DateNode extends Span {
  readonly kind: "date";
  readonly value: CalendarDate;
}
export interface NameNode extends Span {
  readonly kind: "name";
  /** An input or derived value, e.g. `dossiers_received` or `sipas.access`. */
  readonly name: string;
}
export interface UnaryNode extends Span {
  readonly kind: "unary";
  readonly op: UnaryOp;
  readonly operand: ExprNode;
}
export interface BinaryNode extends Span {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: ExprNode;
  readonly right: ExprNode;
}
export interface CallNode extends Span {
  readonly kind: "call";
  readonly fn: string;
  readonly args: readonly ExprNode[];
}

/** The expression syntax tree: kind-tagged and frozen. */
export type ExprNode = NumberNode | StringNode | BooleanNode | DateNode | NameNode | UnaryNode | BinaryNode | CallNode;

/** A successfully parsed expression: its text and its tree (offsets index into `source`). */
export interface ParsedExpr {
  readonly source: string;
  readonly ast: ExprNode;
}

export const COMPARISON_OPS: ReadonlySet<string> = new Set<ComparisonOp>(["<", "<=", ">", ">=", "==", "!="]);

/** Binding strength, loosest first; used by the parser and by the formatter to place parentheses. */
export const PRECEDENCE = {
  or: 1,
  and: 2,
  not: 3,
  comparison: 4,
  additive: 5,
  multiplicative: 6,
  negation: 7,
  primary: 8,
} as const;

export function precedenceOf(node: ExprNode): number {
  switch (node.kind) {
    case "binary":
      if (node.op === "or") return PRECEDENCE.or;
      if (node.op === "and") return PRECEDENCE.and;
      if (node.op === "+" || node.op === "-") return PRECEDENCE.additive;
      if (node.op === "*" || node.op === "/") return PRECEDENCE.multiplicative;
      return PRECEDENCE.comparison;
    case "unary":
      return node.op === "not" ? PRECEDENCE.not : PRECEDENCE.negation;
    default:
      return PRECEDENCE.primary;
  }
}

/** Children in source order. */
export function childrenOf(node: ExprNode): readonly ExprNode[] {
  switch (node.kind) {
    case "unary":
      return [node.operand];
    case "binary":
      return [node.left, node.right];
    case "call":
      return node.args;
    default:
      return [];
  }
}
