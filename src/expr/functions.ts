/** A built-in function of the expression language. */
export interface ExprFunctionInfo {
  readonly name: string;
  /** Fewest arguments. */
  readonly minArgs: number;
  /** Most arguments; `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** How it is written, for messages and documentation. */
  readonly signature: string;
}

const fn = (name: string, minArgs: number, maxArgs: number, signature: string): ExprFunctionInfo =>
  Object.freeze({ name, minArgs, maxArgs, signature });

/** Every function of the expression language, with its arity. */
export const EXPR_FUNCTIONS: readonly ExprFunctionInfo[] = Object.freeze([
  fn("min", 2, Infinity, "min(a, b, ...)"),
  fn("max", 2, Infinity, "max(a, b, ...)"),
  fn("abs", 1, 1, "abs(x)"),
  fn("round", 2, 2, "round(x, d)"),
  fn("clamp", 3, 3, "clamp(x, lo, hi)"),
  fn("if", 3, 3, "if(cond, a, b)"),
  fn("days", 2, 2, "days(d1, d2)"),
  fn("is_missing", 1, 1, "is_missing(x)"),
  fn("coalesce", 2, Infinity, "coalesce(a, b, ...)"),
  fn("date", 1, 1, 'date("YYYY-MM-DD")'),
]);

const BY_NAME: ReadonlyMap<string, ExprFunctionInfo> = new Map(EXPR_FUNCTIONS.map((f) => [f.name, f]));

export function functionInfo(name: string): ExprFunctionInfo | undefined {
  return BY_NAME.get(name);
}

/** Largest `d` accepted by `round(x, d)`: numbers carry 40 significant digits. */
export const MAX_ROUND_DIGITS = 40;
