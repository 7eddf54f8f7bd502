/**
 * Hot-path value predicates: the engine tests every rule value of every unit, so
 * these avoid the generic (slower) checks of src/core/value.ts.
 */
import { Dec, type Decimal, isDecimal } from "../core/decimal.js";
import { DIVISION_BY_ZERO, MISSING, type Missing, type Value } from "../core/value.js";

/**
 * Same as `isMissing`: the two shared constants first, and no `kind` lookup on a Decimal
 * (a property it does not have, so a slow walk up its prototype chain).
 */
export function isMiss(v: Value): v is Missing {
  return (
    v === MISSING ||
    v === DIVISION_BY_ZERO ||
    (typeof v === "object" && (v as { constructor?: unknown }).constructor !== Dec && (v as { kind?: unknown }).kind === "missing")
  );
}

/** Same as `isDecimal`, with a fast path for the library's own constructor. */
export function isNum(v: unknown): v is Decimal {
  return typeof v === "object" && v !== null && ((v as { constructor?: unknown }).constructor === Dec || isDecimal(v));
}
