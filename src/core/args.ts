/**
 * The API's contract for arguments: bad *data* (a malformed file, a wrong value, an unknown unit) is
 * reported as diagnostics and never throws; a wrong *argument type* (a programmer error: a number
 * where a text is expected, a parse result where its `.framework` is expected) throws a `TypeError`
 * at the entry point that names the function, the argument and what to pass instead.
 */

/** A short description of what was passed, for the message. */
export function describeArgument(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") {
    const keys = Object.keys(value as object).slice(0, 6);
    return keys.length === 0 ? "an empty object" : `an object with keys ${keys.join(", ")}`;
  }
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

/** The TypeError for argument `name` of `fn`: `score(framework, evidence): framework must be … (got …).` */
export function argumentError(fn: string, name: string, expected: string, got: unknown): TypeError {
  return new TypeError(`${fn}: ${name} must be ${expected} (got ${describeArgument(got)}).`);
}

export function expectString(fn: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== "string") throw argumentError(fn, name, "a string", value);
}

/** Text or bytes (a CSV file's content). */
export function expectTextOrBytes(fn: string, name: string, value: unknown): asserts value is string | Uint8Array {
  if (typeof value !== "string" && !(value instanceof Uint8Array)) throw argumentError(fn, name, "a string or a Uint8Array", value);
}

/** An options object (or nothing). */
export function expectOptions(fn: string, name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== "object" || value === null || Array.isArray(value))) throw argumentError(fn, name, "an options object or undefined", value);
}

/** A compiled framework (kind tag `framework`), with a hint when a parse result was passed instead. */
export function expectFramework(fn: string, name: string, value: unknown): void {
  if (typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "framework") return;
  const isResult = typeof value === "object" && value !== null && "ok" in value && "diagnostics" in value;
  const expected = isResult
    ? "a compiled framework: pass parseFramework(…).framework (or loadFrameworkFile(…).framework) after checking .ok, not the result itself"
    : "a compiled framework from parseFramework(text).framework or loadFrameworkFile(path).framework";
  throw argumentError(fn, name, expected, value);
}

/** An evidence schema from `evidenceSchemaOf(framework)`. */
export function expectSchema(fn: string, name: string, value: unknown): void {
  const v = value as { inputs?: { get?: unknown }; criteria?: { has?: unknown } } | null;
  if (typeof v === "object" && v !== null && typeof v.inputs?.get === "function" && typeof v.criteria?.has === "function") return;
  throw argumentError(fn, name, "an evidence schema from evidenceSchemaOf(framework)", value);
}

/** A score result from `score(…)`. */
export function expectScoreResult(fn: string, name: string, value: unknown): void {
  const v = value as { units?: unknown; framework?: { kind?: unknown } } | null;
  if (typeof v === "object" && v !== null && Array.isArray(v.units) && v.framework?.kind === "framework") return;
  throw argumentError(fn, name, "a result from score(framework, evidence)", value);
}
