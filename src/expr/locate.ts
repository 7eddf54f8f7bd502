import type { Location } from "../diagnostics/index.js";

/** Maps an offset (0-based, in the expression text) to a file location. */
export type ExprLocator = (offset: number) => Location;

/** The location of an offset, or none when the caller gave no locator (the offset stays in `params.offset`). */
export function locationAt(at: ExprLocator | undefined, offset: number): Location {
  return at === undefined ? {} : at(offset);
}

/** The text of a node, shortened for messages. */
export function fragmentOf(source: string, start: number, end: number): string {
  const text = source.slice(start, end).replace(/\s+/g, " ").trim();
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The expression for a message: whole when short, else about 80 characters around `offset`. */
export function excerptAround(source: string, offset: number): string {
  const text = source.replace(/\s/g, " ");
  if (text.length <= 80) return text.trim();
  const start = Math.max(0, Math.min(offset - 40, text.length - 80));
  const end = Math.min(text.length, start + 80);
  return `${start > 0 ? "..." : ""}${text.slice(start, end)}${end < text.length ? "..." : ""}`;
}
