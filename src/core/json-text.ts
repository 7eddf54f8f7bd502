/**
 * JSON text whose numbers keep every digit. A JSON number is text: `12345678.1234567891`
 * is a valid JSON number although a double cannot hold it (JSON.stringify would write
 * `12345678.12345679`). Values that need it are wrapped in {@link ExactJsonNumber}, and
 * {@link stringifyJson} writes their digits as they are.
 */
import type { Decimal } from "./decimal.js";

/** A JSON number written from its exact decimal text. `toJSON` gives the nearest double (for JSON.stringify). */
export class ExactJsonNumber {
  constructor(readonly text: string) {
    Object.freeze(this);
  }
  toJSON(): number {
    return Number(this.text);
  }
  valueOf(): number {
    return Number(this.text);
  }
}

/** `n`, or the exact decimal `d` (already rounded) when the double `n` is not exactly `d`. */
export function exactJson(n: number, d: () => Decimal): number | ExactJsonNumber {
  // A decimal of at most 15 significant digits round-trips through a double: the common case costs nothing.
  if (!Number.isFinite(n) || Math.abs(n) < 1e-300) return n;
  const exact = d();
  if (exact.sd() <= 15 || exact.eq(String(n))) return n;
  return new ExactJsonNumber(exact.toFixed());
}

/** Like `JSON.stringify(value, null, indent)`, writing {@link ExactJsonNumber}s as their digits. */
export function stringifyJson(value: unknown, indent = 2): string {
  return stringifyJsonAt(value, indent, 0);
}

/** Quoted object keys (a document repeats a few keys many times). */
const quotedKeys = new Map<string, string>();

function quotedKey(key: string): string {
  let q = quotedKeys.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (quotedKeys.size < 4096) quotedKeys.set(key, q);
  }
  return q;
}

/**
 * {@link stringifyJson} of `value` as it reads nested `depth` levels deep: every line after the
 * first indented by `depth × indent` more spaces. Written in one pass into one list of pieces.
 */
export function stringifyJsonAt(value: unknown, indent: number, depth: number): string {
  const out: string[] = [];
  const pads: string[] = [];
  /** A newline and the pad of `level` (nothing when compact). */
  const line = (level: number): string => (indent > 0 ? (pads[level] ??= "\n" + " ".repeat(indent * level)) : "");
  const colon = indent > 0 ? ": " : ":";
  /** Writes `v` at `level`; false (nothing written) for what JSON leaves out (undefined, functions, symbols). */
  const write = (v: unknown, level: number): boolean => {
    if (v instanceof ExactJsonNumber) {
      out.push(v.text);
      return true;
    }
    if (v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON === "function") {
      v = (v as { toJSON: () => unknown }).toJSON();
    }
    if (v === null) {
      out.push("null");
      return true;
    }
    switch (typeof v) {
      case "number":
        out.push(Number.isFinite(v) ? String(v) : "null");
        return true;
      case "string":
        out.push(JSON.stringify(v));
        return true;
      case "boolean":
        out.push(v ? "true" : "false");
        return true;
      case "bigint":
        out.push(v.toString());
        return true;
      case "undefined":
      case "function":
      case "symbol":
        return false;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        out.push("[]");
        return true;
      }
      const inner = line(level + 1);
      for (let i = 0; i < v.length; i++) {
        out.push(i === 0 ? "[" + inner : "," + inner);
        if (!write(v[i], level + 1)) out.push("null");
      }
      out.push(line(level) + "]");
      return true;
    }
    const inner = line(level + 1);
    let first = true;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const at = out.length;
      out.push((first ? "{" : ",") + inner + quotedKey(k) + colon);
      if (write(o[k], level + 1)) first = false;
      else out.length = at;
    }
    out.push(first ? "{}" : line(level) + "}");
    return true;
  };
  return write(value, depth) ? out.join("") : "null";
}
