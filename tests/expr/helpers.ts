import { dec } from "../../src/core/decimal.js";
import { CalendarDate, DIVISION_BY_ZERO, formatValue, MISSING, type Value, type ValueType } from "../../src/core/value.js";
import type { Location } from "../../src/diagnostics/index.js";
import { evaluateExpression, type ExprNode, type ExprScope } from "../../src/expr/index.js";

export const date = (iso: string): CalendarDate => {
  const d = CalendarDate.parseIso(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
};

/** Values every evaluation test can read. */
export const VALUES: Readonly<Record<string, Value>> = {
  n: dec(3),
  zero: dec(0),
  neg: dec(-2.5),
  m: MISSING,
  dz: DIVISION_BY_ZERO,
  t: true,
  f: false,
  s: "on_time",
  d1: date("2024-01-15"),
  d2: date("2024-03-01"),
  "sipas.access": dec("0.9333"),
};

/** Evaluates and shows the result as text: `0.3`, `true`, `"x"`, `2024-01-15`, `missing`, `missing (division by zero)`. */
export const ev = (source: string, values: Readonly<Record<string, Value>> = VALUES): string =>
  formatValue(evaluateExpression(source, values));

/** A scope with the types of {@link VALUES}. */
export const TYPES: Readonly<Record<string, ValueType>> = {
  n: "number",
  zero: "number",
  neg: "number",
  m: "number",
  dz: "number",
  t: "boolean",
  f: "boolean",
  s: "string",
  d1: "date",
  d2: "date",
  "sipas.access": "number",
  anything: "unknown",
};

export const SCOPE: ExprScope = {
  typeOf: (name) => (Object.hasOwn(TYPES, name) ? TYPES[name] : undefined),
  names: () => Object.keys(TYPES),
};

/** A locator as the framework validator builds one: the expression starts at line 7, column 12. */
export const AT = (offset: number): Location => ({ file: "fw.yaml", line: 7, column: 12 + offset });

/** Fully parenthesised text of a tree, to assert the parsed structure. */
export function shape(node: ExprNode): string {
  switch (node.kind) {
    case "number":
      return node.value.toFixed();
    case "string":
      return JSON.stringify(node.value);
    case "boolean":
      return String(node.value);
    case "date":
      return `date(${node.value.toString()})`;
    case "name":
      return node.name;
    case "unary":
      return node.op === "-" ? `(-${shape(node.operand)})` : `(not ${shape(node.operand)})`;
    case "binary":
      return `(${shape(node.left)} ${node.op} ${shape(node.right)})`;
    case "call":
      return `${node.fn}(${node.args.map(shape).join(", ")})`;
  }
}

/** A tree without offsets, with decimals and dates as text: for structural equality. */
export function strip(node: ExprNode): unknown {
  switch (node.kind) {
    case "number":
      return { kind: "number", value: node.value.toString() };
    case "date":
      return { kind: "date", value: node.value.toString() };
    case "string":
    case "boolean":
      return { kind: node.kind, value: node.value };
    case "name":
      return { kind: "name", name: node.name };
    case "unary":
      return { kind: "unary", op: node.op, operand: strip(node.operand) };
    case "binary":
      return { kind: "binary", op: node.op, left: strip(node.left), right: strip(node.right) };
    case "call":
      return { kind: "call", fn: node.fn, args: node.args.map(strip) };
  }
}
