/**
 * An internal switch for tests and benchmarks: with `exactOnly` on, the engine scores every
 * rule by the exact decimal evaluation (rules.ts, the compiled expressions) and computes every
 * derived value, skipping the integer fast paths (fast.ts, src/expr/rational.ts). The results
 * must be identical either way; the property tests compare them. Not part of the public API.
 */
export const ENGINE_PATHS = { exactOnly: false };

/** Turns the fast paths off (true) or back on (false). */
export function setExactOnly(on: boolean): void {
  ENGINE_PATHS.exactOnly = on;
}
