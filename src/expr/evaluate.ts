import { MISSING, type Value } from "../core/value.js";
import { compileExpression } from "./compile.js";
import { namesOf } from "./names.js";
import { parseExpression } from "./parser.js";

/**
 * Parses, compiles and evaluates an expression once: a convenience for notebooks and tests
 * (the engine compiles once and evaluates many times instead).
 * Unknown names read as missing; an expression that does not parse evaluates to missing
 * (call {@link parseExpression} to see why). Never throws.
 */
export function evaluateExpression(source: string, values: Readonly<Record<string, Value>>): Value {
  const { expr } = parseExpression(source);
  if (expr === undefined) return MISSING;
  const names = namesOf(expr);
  const slots = names.map((name) => (values != null && Object.hasOwn(values, name) ? (values[name] ?? MISSING) : MISSING));
  return compileExpression(expr, (name) => names.indexOf(name)).evaluate(slots);
}
