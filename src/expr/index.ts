/**
 * The expression language of frameworks: parse, check, compile, format and evaluate.
 * Exact decimals, missing-value semantics, no JavaScript evaluation of file text.
 */
export type {
  ArithmeticOp,
  BinaryNode,
  BinaryOp,
  BooleanNode,
  CallNode,
  ComparisonOp,
  DateNode,
  ExprNode,
  LogicalOp,
  NameNode,
  NumberNode,
  ParsedExpr,
  Span,
  StringNode,
  UnaryNode,
  UnaryOp,
} from "./ast.js";
export type { ExprLocator } from "./locate.js";
export type { ExprScope } from "./check.js";
export type { ExprFunctionInfo } from "./functions.js";
export { EXPR_FUNCTIONS, MAX_ROUND_DIGITS } from "./functions.js";
export { parseExpression, MAX_NESTING, MAX_TREE_DEPTH } from "./parser.js";
export { checkExpression } from "./check.js";
export { namesOf } from "./names.js";
export { compileExpression } from "./compile.js";
export { formatExpression } from "./format.js";
export { evaluateExpression } from "./evaluate.js";
