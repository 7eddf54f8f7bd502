/**
 * Quoting text from files back to people safely: every message that quotes a cell,
 * a key or a name goes through these, so that a quoted value
 * - stays on one line (line breaks are shown as `\n`), one problem per line;
 * - cannot drive a terminal (ANSI escapes and other control characters are shown as
 *   `\u001b`), nor reorder the text around it (bidirectional overrides likewise);
 * - is at most {@link MAX_QUOTED_CHARS} characters (a 50 MB cell is not a 50 MB message).
 */

/** Longest text quoted back in a message, in UTF-16 code units; longer is cut with "…". */
export const MAX_QUOTED_CHARS = 200;

// C0 and C1 controls, DEL, line/paragraph separators, bidi marks, embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Control and bidi-override characters written as visible escapes (`\n`, `\t`, `\u001b`). */
export function escapeControls(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  UNSAFE.lastIndex = 0;
  return text.replace(UNSAFE, (c) =>
    c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** At most `max` code units, cut with "…" (never inside a surrogate pair). Idempotent. */
export function clipText(text: string, max: number = MAX_QUOTED_CHARS): string {
  if (text.length <= max + 1) return text;
  let end = max;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return text.slice(0, end) + "…";
}

/** Text from a file as it may appear inside a message: clipped, then escaped. */
export function quoteText(text: string, max: number = MAX_QUOTED_CHARS): string {
  return escapeControls(clipText(text, max));
}

/** Params with every text (and every text in a list) clipped; what a diagnostic stores. */
export function clipParams<P>(params: P): P {
  if (typeof params !== "object" || params === null) return params;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(params)) {
    let clipped: unknown = v;
    if (typeof v === "string") clipped = clipText(v);
    else if (Array.isArray(v) && v.some((x) => typeof x === "string" && x.length > MAX_QUOTED_CHARS + 1)) {
      clipped = v.map((x: unknown) => (typeof x === "string" ? clipText(x) : x));
    }
    if (clipped !== v) (out ??= { ...(params as Record<string, unknown>) })[k] = clipped;
  }
  return (out ?? params) as P;
}

/** Params as a message may quote them: texts clipped and control characters escaped. */
export function quoteParams<P>(params: P): P {
  if (typeof params !== "object" || params === null) return params;
  // Own texts are replaced; anything else is still read through to the given params.
  const out = Object.create(params as object) as Record<string, unknown>;
  for (const [k, v] of Object.entries(params)) {
    const value = typeof v === "string" ? quoteText(v) : Array.isArray(v) ? v.map((x: unknown) => (typeof x === "string" ? quoteText(x) : x)) : v;
    // Defined, not assigned: the given params may be frozen (a frozen prototype forbids assignment).
    Object.defineProperty(out, k, { value, enumerable: true });
  }
  return out as P;
}
