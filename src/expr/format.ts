import { type ExprNode, PRECEDENCE, precedenceOf } from "./ast.js";

/**
 * Canonical text of an expression: single spaces around binary operators, `f(a, b)` calls,
 * double-quoted strings, and only the parentheses the precedence requires.
 * `parseExpression(formatExpression(ast))` gives an equal tree (offsets aside).
 */
export function formatExpression(node: ExprNode): string {
  return format(node, 0);
}

function format(node: ExprNode, minPrecedence: number): string {
  const text = formatBare(node);
  return precedenceOf(node) < minPrecedence ? `(${text})` : text;
}

function formatBare(node: ExprNode): string {
  switch (node.kind) {
    case "number":
      return node.value.toFixed();
    case "string":
      return quote(node.value);
    case "boolean":
      return String(node.value);
    case "date":
      return `date("${node.value.toString()}")`;
    case "name":
      return node.name;
    case "unary":
      return node.op === "-"
        ? `-${format(node.operand, PRECEDENCE.negation)}`
        : `not ${format(node.operand, PRECEDENCE.not)}`;
    case "binary": {
      const own = precedenceOf(node);
      // Left-associative operators keep a same-level left operand bare; comparisons do not chain.
      const leftMin = own === PRECEDENCE.comparison ? own + 1 : own;
      return `${format(node.left, leftMin)} ${node.op} ${format(node.right, own + 1)}`;
    }
    case "call":
      return `${node.fn}(${node.args.map((arg) => format(arg, 0)).join(", ")})`;
  }
}

/** A double-quoted string literal that the lexer reads back to the same value. */
function quote(value: string): string {
  return `"${value.replace(/[\\"\n\t]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\${c}`))}"`;
}
