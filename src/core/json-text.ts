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
  const pad = " ".repeat(indent);
  const write = (v: unknown, depth: number): string | undefined => {
    if (v instanceof ExactJsonNumber) return v.text;
    if (v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON === "function") {
      v = (v as { toJSON: () => unknown }).toJSON();
    }
    if (v === null) return "null";
    switch (typeof v) {
      case "number":
        return Number.isFinite(v) ? JSON.stringify(v) : "null";
      case "string":
      case "boolean":
        return JSON.stringify(v);
      case "bigint":
        return v.toString();
      case "undefined":
      case "function":
      case "symbol":
        return undefined;
    }
    const inner = pad.repeat(depth + 1);
    const outer = pad.repeat(depth);
    const sep = indent > 0 ? ",\n" : ",";
    const open = indent > 0 ? "\n" : "";
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      const items = v.map((x) => inner + (write(x, depth + 1) ?? "null"));
      return `[${open}${items.join(sep)}${open}${outer}]`;
    }
    const entries: string[] = [];
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const s = write(x, depth + 1);
      if (s !== undefined) entries.push(`${inner}${JSON.stringify(k)}:${indent > 0 ? " " : ""}${s}`);
    }
    if (entries.length === 0) return "{}";
    return `{${open}${entries.join(sep)}${open}${outer}}`;
  };
  return write(value, 0) ?? "null";
}
