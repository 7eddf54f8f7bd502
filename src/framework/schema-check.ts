/**
 * Runs a zod schema over a located document and turns its issues into
 * diagnostics at the offending key or value. When the document does not fit,
 * a repaired copy (offending entries cut out) is parsed again so that the
 * static checks can still run on the rest: all problems in one pass.
 */
import type { z } from "zod";
import { describeExpected } from "../diagnostics/describe.js";
import { diag, didYouMean, type Diagnostic, type DocPath } from "../diagnostics/index.js";
import type { SourceMap } from "./source.js";

type Key = string | number;
type Issue = z.core.$ZodIssue;

export interface SchemaOutcome<T> {
  /** The parsed data: of the document itself, or of a repaired copy when `repaired` is true; undefined when beyond repair. */
  readonly data?: T;
  readonly repaired: boolean;
  /** Paths whose values were cut out; static checks about them (or their ancestors' sums) are not trustworthy. */
  readonly damaged: readonly DocPath[];
  readonly diagnostics: Diagnostic[];
}

const MAX_REPAIR_ROUNDS = 6;

/** Validates `value` (whose positions `source` knows) against `schema`. Never throws. */
export function checkSchema<S extends z.ZodType>(schema: S, value: unknown, source: SourceMap): SchemaOutcome<z.output<S>> {
  const first = schema.safeParse(value);
  if (first.success) return { data: first.data, repaired: false, damaged: [], diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  for (const issue of first.error.issues) diagnostics.push(...issueDiagnostics(issue, [], schema, value, source));

  let copy = structuredClone(value);
  const damaged: DocPath[] = [];
  for (let round = 0; round < MAX_REPAIR_ROUNDS; round++) {
    const result = round === 0 ? first : schema.safeParse(copy);
    if (result.success) return { data: result.data, repaired: true, damaged, diagnostics };
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        // An unknown key feeds no check: dropping it damages nothing.
        for (const key of issue.keys) cut(copy, [...issue.path.map(toKey), key], []);
      } else if (!cut(copy, issue.path.map(toKey), damaged)) {
        return { repaired: true, damaged, diagnostics };
      }
    }
    copy = structuredClone(copy);
  }
  return { repaired: true, damaged, diagnostics };
}

const toKey = (k: PropertyKey): Key => (typeof k === "symbol" ? String(k) : k);

/** Deletes the nearest mapping entry at or above `path`; false when only the root is left. */
function cut(root: unknown, path: Key[], damaged: DocPath[]): boolean {
  for (let n = path.length; n > 0; n--) {
    const parent = getAt(root, path.slice(0, n - 1));
    const key = path[n - 1]!;
    if (typeof key === "string" && isPlainObject(parent) && Object.hasOwn(parent, key)) {
      delete parent[key];
      damaged.push(path.slice(0, n));
      return true;
    }
  }
  return false;
}

export function getAt(root: unknown, path: DocPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<Key, unknown>)[seg];
  }
  return cur;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function issueDiagnostics(issue: Issue, base: DocPath, schema: z.ZodType, root: unknown, source: SourceMap): Diagnostic[] {
  const path = [...base, ...issue.path.map(toKey)];
  const key = describeKey(path);
  const value = getAt(root, path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(schema, path);
      return issue.keys.map((k) => {
        const suggestion = suggestKey(k, known);
        return diag(
          "unknown-key",
          { key: k, at: describePlace(path), known: known.join(", "), ...(suggestion !== undefined && { suggestion }) },
          source.whereKey([...path, k]),
        );
      });
    }
    case "invalid_type": {
      const expected = describeExpected(issue.expected);
      const parent = getAt(root, path.slice(0, -1));
      const last = path[path.length - 1];
      if (value === undefined && last !== undefined && !(isPlainObject(parent) && Object.hasOwn(parent, last))) {
        return [diag("missing-key", { key: String(last), at: describePlace(path.slice(0, -1)), expected }, source.where(path))];
      }
      if (typeof value === "number" && !Number.isFinite(value)) {
        // `max: 1e999999` reads as Infinity: "is a number, but it must be a number" would puzzle anyone.
        return [diag("number-out-of-range", { key, text: textOf(path, value, source) }, source.where(path))];
      }
      return [diag("wrong-type", { key, expected, actual: describeActual(value), text: textOf(path, value, source) }, source.where(path))];
    }
    case "invalid_union": {
      // Report the branch that fits the value's shape; when none does, say what was expected.
      const branches = issue.errors.filter((b) => !b.every((i) => i.code === "invalid_type" && i.path.length === 0));
      if (branches.length > 0) return branches[0]!.flatMap((i) => issueDiagnostics(i, path, schema, root, source));
      const expected = issue.errors
        .flatMap((b) => b.map((i) => (i.code === "invalid_type" ? describeExpected(i.expected) : undefined)))
        .filter((x): x is string => x !== undefined);
      return [diag("wrong-type", { key, expected: [...new Set(expected)].join(" or "), actual: describeActual(value), text: textOf(path, value, source) }, source.where(path))];
    }
    case "invalid_value":
      return [diag("invalid-value", { key, text: textOf(path, value, source), expected: `one of ${issue.values.map((v) => String(v)).join(", ")}` }, source.where(path))];
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const expected =
        issue.origin === "array"
          ? `a list with ${issue.code === "too_small" ? "at least" : "at most"} ${String(bound)} item(s)`
          : `${issue.code === "too_small" ? "at least" : "at most"} ${String(bound)}`;
      return [diag("invalid-value", { key, text: textOf(path, value, source), expected }, source.where(path))];
    }
    default:
      return [diag("invalid-value", { key, text: textOf(path, value, source), expected: issue.message }, source.where(path))];
  }
}

/** A close known key: by edit distance, or the same letters in another order (`titel` → `title`). */
function suggestKey(key: string, known: readonly string[]): string | undefined {
  const sorted = (s: string): string => [...s.toLowerCase()].sort().join("");
  return didYouMean(key, known) ?? known.find((k) => k.length > 2 && sorted(k) === sorted(key));
}


function describeActual(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return "a text";
  if (typeof value === "number") return Number.isInteger(value) ? "a whole number" : "a number";
  return `a ${typeof value}`;
}

function textOf(path: DocPath, value: unknown, source: SourceMap): string {
  const src = source.sourceText(path);
  if (src !== undefined) return src;
  if (Array.isArray(value)) return "[...]";
  if (typeof value === "object" && value !== null) return "{...}";
  return String(value);
}

/** `criteria[0].children[1].max` */
export function describeKey(path: DocPath): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || "(top level)";
}

function describePlace(path: DocPath): string {
  return path.length === 0 ? "the top level" : `"${describeKey(path)}"`;
}

/** The keys an object schema accepts at `path` (for did-you-mean hints). */
export function knownKeysAt(schema: z.ZodType, path: DocPath): string[] {
  let candidates: z.ZodType[] = [schema];
  for (const seg of path) {
    const next: z.ZodType[] = [];
    for (const c of candidates.flatMap(unwrap)) {
      const def = c._zod.def as unknown as Record<string, unknown>;
      if (def.type === "object" && typeof seg === "string") {
        const child = (def.shape as Record<string, z.ZodType>)[seg];
        if (child) next.push(child);
      } else if (def.type === "array" && typeof seg === "number") next.push(def.element as z.ZodType);
      else if (def.type === "record") next.push(def.valueType as z.ZodType);
    }
    candidates = next;
  }
  const keys = new Set<string>();
  for (const c of candidates.flatMap(unwrap)) {
    const def = c._zod.def as unknown as Record<string, unknown>;
    if (def.type === "object") for (const k of Object.keys(def.shape as object)) keys.add(k);
  }
  return [...keys];
}

function unwrap(s: z.ZodType): z.ZodType[] {
  const def = s._zod.def as unknown as Record<string, unknown>;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "catch":
    case "readonly":
      return unwrap(def.innerType as z.ZodType);
    case "union":
      return (def.options as z.ZodType[]).flatMap(unwrap);
    case "pipe":
      return unwrap(def.in as z.ZodType);
    default:
      return [s];
  }
}
