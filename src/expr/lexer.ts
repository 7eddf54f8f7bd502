import type { ExpectedCode, FoundKind, SyntaxFix } from "../diagnostics/messages/expr-words.js";

export type TokenType = "number" | "string" | "name" | "keyword" | "op" | "(" | ")" | "," | "eof";

export interface Token {
  readonly type: TokenType;
  /** The text as written (for strings: the decoded value). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Words that are operators or literals, never names. */
export const KEYWORDS: ReadonlySet<string> = new Set(["and", "or", "not", "true", "false"]);

const TWO_CHAR_OPS = new Set(["<=", ">=", "==", "!="]);
const ONE_CHAR_OPS = new Set(["+", "-", "*", "/", "<", ">"]);

/** Reports a lexical problem; the caller turns it into a diagnostic (so the lexer stays locator-free). */
export type LexProblem =
  | {
      readonly code: "expr-syntax";
      readonly offset: number;
      /** The text found (or the code point `U+0007` of an invisible character). */
      readonly found: string;
      readonly foundKind: FoundKind;
      readonly expected: ExpectedCode;
      readonly fix: SyntaxFix;
      /** The variable part of the fix (a number to complete). */
      readonly token?: string;
    }
  | { readonly code: "expr-unterminated-string"; readonly offset: number; readonly fragment: string; readonly quote: string };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isWordStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_");
const isWordChar = (c: string | undefined): boolean => isWordStart(c) || isDigit(c);

const ESCAPES: Readonly<Record<string, string>> = { "\\": "\\", '"': '"', "'": "'", n: "\n", t: "\t" };

/** A found character for messages: itself, or its code point (`U+0007`) when invisible. */
export function describeChar(c: string): { found: string; foundKind: FoundKind } {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? { found: `U+${code.toString(16).toUpperCase().padStart(4, "0")}`, foundKind: "control" } : { found: c, foundKind: "text" };
}

const STRAY_FIX: Readonly<Record<string, SyntaxFix>> = {
  "=": "use-double-equals",
  "!": "use-not",
  "&&": "use-and",
  "&": "use-and",
  "||": "use-or",
  "|": "use-or",
  "%": "unsupported-operator",
  "^": "unsupported-operator",
  ".": "decimal-point",
};

/** What to write instead of an operator from another language. */
function fixForStray(text: string): { found: string; foundKind: FoundKind; fix: SyntaxFix } {
  const fix = STRAY_FIX[text];
  return fix !== undefined ? { found: text, foundKind: "text", fix } : { ...describeChar(text), fix: "name-characters" };
}

/**
 * Splits an expression into tokens. Collects every lexical problem in one pass;
 * never throws. Names are returned as written (the parser checks their case).
 */
export function tokenize(source: string): { tokens: Token[]; problems: LexProblem[] } {
  const tokens: Token[] = [];
  const problems: LexProblem[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (isDigit(source[i])) i++;
      if (source[i] === "." && isDigit(source[i + 1])) {
        i++;
        while (isDigit(source[i])) i++;
      } else if (source[i] === ".") {
        problems.push({
          code: "expr-syntax",
          offset: i,
          found: ".",
          foundKind: "text",
          expected: "digit-after-point",
          fix: "complete-number",
          token: source.slice(start, i),
        });
        i++;
        continue;
      }
      tokens.push({ type: "number", text: source.slice(start, i), start, end: i });
      continue;
    }
    if (isWordStart(c)) {
      i++;
      for (;;) {
        while (isWordChar(source[i])) i++;
        if (source[i] === "." && isWordStart(source[i + 1])) {
          i++;
          continue;
        }
        break;
      }
      const text = source.slice(start, i);
      tokens.push({ type: KEYWORDS.has(text) ? "keyword" : "name", text, start, end: i });
      continue;
    }
    if (c === '"' || c === "'") {
      const decoded = readString(source, i, problems);
      if (decoded === undefined) return { tokens, problems }; // unterminated: the rest is inside the string
      tokens.push({ type: "string", text: decoded.value, start, end: decoded.end });
      i = decoded.end;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ type: "op", text: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.has(c)) {
      tokens.push({ type: "op", text: c, start, end: i + 1 });
      i++;
      continue;
    }
    if (c === "(" || c === ")" || c === ",") {
      tokens.push({ type: c, text: c, start, end: i + 1 });
      i++;
      continue;
    }
    const stray = two === "&&" || two === "||" ? two : String.fromCodePoint(source.codePointAt(i) ?? 0);
    problems.push({ code: "expr-syntax", offset: i, expected: "operator-value-or-name", ...fixForStray(stray) });
    i += stray.length;
  }
  tokens.push({ type: "eof", text: "", start: n, end: n });
  return { tokens, problems };
}

function readString(
  source: string,
  open: number,
  problems: LexProblem[],
): { value: string; end: number } | undefined {
  const quote = source[open]!;
  let value = "";
  let i = open + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === quote) return { value, end: i + 1 };
    if (c === "\\") {
      const next = source[i + 1];
      const decoded = next === undefined ? undefined : ESCAPES[next];
      if (decoded === undefined) {
        problems.push({
          code: "expr-syntax",
          offset: i,
          found: next === undefined ? "\\" : `\\${next}`,
          foundKind: next === undefined ? "backslash" : "text",
          expected: "escape",
          fix: "escape-backslash",
        });
        i += next === undefined ? 1 : 2;
        continue;
      }
      value += decoded;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  const fragment = source.slice(open, Math.min(source.length, open + 30)) + (source.length > open + 30 ? "…" : "");
  problems.push({ code: "expr-unterminated-string", offset: open, fragment, quote });
  return undefined;
}

