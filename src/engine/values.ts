/**
 * Hot-path value predicates: the engine tests every rule value of every unit, so
 * these avoid the generic (slower) checks of src/core/value.ts.
 */
import { Dec, type Decimal, isDecimal } from "../core/decimal.js";
import type { Missing, Value } from "../core/value.js";

/** Same as `isMissing`, without a Decimal instance check first. */
export function isMiss(v: Value): v is Missing {
  return typeof v === "object" && (v as { kind?: unknown }).kind === "missing";
}

/** Same as `isDecimal`, with a fast path for the library's own constructor. */
export function isNum(v: unknown): v is Decimal {
  return typeof v === "object" && v !== null && ((v as { constructor?: unknown }).constructor === Dec || isDecimal(v));
}
