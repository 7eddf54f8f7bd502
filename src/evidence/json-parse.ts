/**
 * A strict JSON parser for evidence files that, unlike `JSON.parse`:
 * - never loses a repeated key silently: the first value is kept, and every repeated
 *   key is recorded with its line and column (see {@link JsonDocument.duplicates});
 * - keeps numbers exact: each number is a {@link JsonNumber} holding its source text,
 *   so `9007199254740993` or `0.1000000000000000055511151231257827` reach the evidence
 *   as written, never through a binary float;
 * - is iterative with a bounded depth: deep nesting is an error, never a stack overflow;
 * - normalises every string (keys and values) to Unicode NFC.
 * Objects are null-prototype records, so no key reaches `Object.prototype`.
 */

/** A JSON number as written in the source (validated JSON number syntax). */
export class JsonNumber {
  constructor(readonly text: string) {
    Object.freeze(this);
  }
  toString(): string {
    return this.text;
  }
}

/** A repeated key of an object: where it is, and the value that was not used. */
export interface DuplicateKey {
  readonly key: string;
  readonly line: number;
  readonly column: number;
  /** Line of the first occurrence of the key. */
  readonly firstLine: number;
  readonly value: unknown;
}

export interface JsonDocument {
  readonly ok: true;
  readonly value: unknown;
  /** Repeated keys per object (the object as returned in `value`). */
  readonly duplicates: ReadonlyMap<object, readonly DuplicateKey[]>;
}

export interface JsonParseError {
  readonly ok: false;
  readonly kind: "syntax" | "too-deep";
  readonly detail: string;
  readonly line: number;
  readonly column: number;
}

/** Deepest nesting of objects and lists accepted (evidence needs 5). */
export const MAX_JSON_DEPTH = 64;

/** NFC only when the text can change (a character at or above U+0300). */
export function nfc(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u02ff]/.test(s) ? s.normalize("NFC") : s;
}

/** True for an ASCII digit's char code. */
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The end of the longest JSON number (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`) that
 * starts at `start`, or -1 when none does (a lone `-`). Like the grammar read greedily:
 * `01` ends after `0`, `1.` after `1`, `1e` after `1`.
 */
export function numberEnd(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === 45) i++;
  const first = text.charCodeAt(i);
  if (first === 48) i++;
  else if (first >= 49 && first <= 57) {
    i++;
    while (isDigit(text.charCodeAt(i))) i++;
  } else return -1;
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(text.charCodeAt(j))) {
      j++;
      while (isDigit(text.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i;
}

interface Frame {
  readonly container: Record<string, unknown> | unknown[];
  /** Where the object starts (its `{`) and on which line. */
  readonly start: number;
  readonly startLine: number;
  /**
   * Line of each key's first occurrence (objects only), built at the object's first
   * repeated key (by reading its keys again) and kept from then on: most objects never need it.
   */
  firstLines: Map<string, number> | undefined;
  /** The pending key of an object member, once read, and where its quote is. */
  key: string | undefined;
  keyStart: number;
  keyLine: number;
  keyColumn: number;
}

/**
 * The line of each key's first occurrence among the members of the object at `start`
 * (line `line`) that come before `end`; the text there is already known to be valid JSON.
 */
function keyLines(text: string, start: number, line: number, end: number): Map<string, number> {
  const lines = new Map<string, number>();
  let depth = 0;
  let expectKey = true;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      const from = i;
      for (i++; i < end; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
      if (depth === 0 && expectKey) {
        const key = nfc(JSON.parse(text.slice(from, i + 1)) as string);
        if (!lines.has(key)) lines.set(key, line);
        expectKey = false;
      }
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
    else if (c === 44 && depth === 0) expectKey = true;
  }
  return lines;
}

/** Parses a JSON text (a leading byte-order mark is ignored). Never throws. */
export function parseJsonExact(text: string, maxDepth: number = MAX_JSON_DEPTH): JsonDocument | JsonParseError {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  const duplicates = new Map<object, DuplicateKey[]>();
  const stack: Frame[] = [];

  const fail = (detail: string, kind: "syntax" | "too-deep" = "syntax"): JsonParseError => ({
    ok: false,
    kind,
    detail,
    line,
    column: i - lineStart + 1,
  });
  const skipSpace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      } else if (c !== 32 && c !== 9 && c !== 13) return;
      i++;
    }
  };
  const found = (): string => (i >= n ? "the end of the file" : JSON.stringify(text.slice(i, i + 1)));

  /** Reads a string at `i` (on its opening quote); undefined after setting `error`. */
  let error: JsonParseError | undefined;
  const readString = (): string | undefined => {
    i++; // opening quote
    let out = "";
    let start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(start, i);
        i++;
        return nfc(out);
      }
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        switch (e) {
          case '"':
          case "\\":
          case "/":
            out += e;
            break;
          case "b":
            out += "\b";
            break;
          case "f":
            out += "\f";
            break;
          case "n":
            out += "\n";
            break;
          case "r":
            out += "\r";
            break;
          case "t":
            out += "\t";
            break;
          case "u": {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              error = fail(`bad escape "\\u${hex}" in a string`);
              return undefined;
            }
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            error = fail(`bad escape "\\${e ?? ""}" in a string`);
            return undefined;
        }
        i += 2;
        start = i;
        continue;
      }
      if (c < 0x20) {
        error = fail(c === 10 ? "a line break inside a string (write \\n)" : "a control character inside a string");
        return undefined;
      }
      i++;
    }
    error = fail("a string is not closed");
    return undefined;
  };

  /** Reads a scalar or opens a container; returns the value, or `OPENED` when a frame was pushed. */
  const OPENED = Symbol("opened");
  const readValue = (): unknown => {
    skipSpace();
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      if (stack.length >= maxDepth) {
        error = fail(`nesting deeper than ${maxDepth} levels`, "too-deep");
        return undefined;
      }
      stack.push({
        container: c === 123 ? (Object.create(null) as Record<string, unknown>) : [],
        start: i,
        startLine: line,
        firstLines: undefined,
        key: undefined,
        keyStart: 0,
        keyLine: 0,
        keyColumn: 0,
      });
      i++;
      return OPENED;
    }
    if (c === 34) return readString();
    if (c === 45 || (c >= 48 && c <= 57)) {
      const end = numberEnd(text, i);
      if (end < 0) {
        error = fail(`unexpected ${found()}`);
        return undefined;
      }
      const start = i;
      i = end;
      return new JsonNumber(text.slice(start, end));
    }
    if (c === 116 && text.startsWith("true", i)) {
      i += 4;
      return true;
    }
    if (c === 102 && text.startsWith("false", i)) {
      i += 5;
      return false;
    }
    if (c === 110 && text.startsWith("null", i)) {
      i += 4;
      return null;
    }
    error = fail(`unexpected ${found()}; expected a value`);
    return undefined;
  };

  let value: unknown = readValue();
  if (error !== undefined) return error;
  // Each turn: `value` is complete, or a container was just opened; then read the next member.
  for (;;) {
    const top = stack[stack.length - 1];
    if (top === undefined) break;
    const isObject = !Array.isArray(top.container);
    const close = isObject ? 125 : 93;
    if (value !== OPENED) {
      attach(top, value);
      skipSpace();
      const c = text.charCodeAt(i);
      if (c === close) {
        i++;
        stack.pop();
        value = top.container;
        continue;
      }
      if (c !== 44) return fail(`unexpected ${found()}; expected "," or "${isObject ? "}" : "]"}"`);
      i++;
    } else {
      skipSpace();
      if (text.charCodeAt(i) === close) {
        i++;
        stack.pop();
        value = top.container;
        continue;
      }
    }
    if (isObject) {
      skipSpace();
      if (text.charCodeAt(i) !== 34) return fail(`unexpected ${found()}; expected a key in double quotes`);
      const keyLine = line;
      const keyStart = i;
      const keyColumn = i - lineStart + 1;
      const key = readString();
      if (key === undefined) return error!;
      skipSpace();
      if (text.charCodeAt(i) !== 58) return fail(`unexpected ${found()}; expected ":" after the key`);
      i++;
      top.key = key;
      top.keyStart = keyStart;
      top.keyLine = keyLine;
      top.keyColumn = keyColumn;
    }
    value = readValue();
    if (error !== undefined) return error;
  }
  skipSpace();
  if (i < n) return fail(`unexpected ${found()} after the end of the JSON value`);
  return { ok: true, value, duplicates };

  function attach(frame: Frame, v: unknown): void {
    if (Array.isArray(frame.container)) {
      frame.container.push(v);
      return;
    }
    const key = frame.key!;
    const obj = frame.container;
    // A null-prototype object: `in` sees its own keys only.
    if (key in obj) {
      frame.firstLines ??= keyLines(text, frame.start, frame.startLine, frame.keyStart);
      const firstLine = frame.firstLines.get(key) ?? frame.keyLine;
      let list = duplicates.get(obj);
      if (list === undefined) duplicates.set(obj, (list = []));
      list.push({ key, line: frame.keyLine, column: frame.keyColumn, firstLine, value: v });
    } else {
      frame.firstLines?.set(key, frame.keyLine);
      obj[key] = v;
    }
    frame.key = undefined;
  }
}

/** True when the number `text[start, end)` is the shortest text of its double (so the double keeps it exactly). */
function canonicalNumberText(text: string, start: number, end: number): boolean {
  let i = start;
  if (text.charCodeAt(i) === 45) i++;
  let plain = end - i <= 15;
  for (let k = i; plain && k < end; k++) plain = isDigit(text.charCodeAt(k));
  // A plain integer of at most 15 digits: canonical, but for -0 (valid JSON has no other leading zero).
  if (plain) return !(i > start && end - i === 1 && text.charCodeAt(i) === 48);
  const t = text.slice(start, end);
  return String(Number(t)) === t;
}

/** The own keys of every object in a tree from `JSON.parse` (iterative: any depth). */
function countKeys(root: unknown): number {
  let keys = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === "object" && x !== null) stack.push(x);
      continue;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      keys++;
      const x = o[k];
      if (typeof x === "object" && x !== null) stack.push(x);
    }
  }
  return keys;
}

/**
 * The fast way to the same document as {@link parseJsonExact}, through the engine's own
 * `JSON.parse`, when nothing in the text needs the exact parser: every number is the
 * shortest text of its double (so a JavaScript number holds it exactly, and its `String`
 * is the text as written), no key repeats, every string is NFC already (no `\u` escape, the
 * text is NFC), nesting within `maxDepth`. Returns undefined otherwise, and for any syntax
 * error (the exact parser then reports it with its line and column). Objects are plain
 * objects here; the evidence readers treat them as the exact parser's null-prototype ones.
 */
export function parseJsonFast(text: string, maxDepth: number = MAX_JSON_DEPTH): JsonDocument | undefined {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\\u")) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u02ff]/.test(text) && text.normalize("NFC") !== text) return undefined;
  const n = text.length;
  let depth = 0;
  let members = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 58) members++;
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth) return undefined;
    } else if (c === 125 || c === 93) depth--;
    else if (c === 45 || isDigit(c)) {
      const end = numberEnd(text, i);
      if (end < 0 || !canonicalNumberText(text, i, end)) return undefined;
      i = end - 1;
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // A repeated key leaves fewer keys than members: the exact parser reports it.
  if (countKeys(value) !== members) return undefined;
  return { ok: true, value, duplicates: new Map() };
}
