/**
 * Finds the line and column of given paths in a JSON text (already known to be
 * valid), so JSON diagnostics can point into the file. Object members are located
 * at their key, array elements at their first character.
 */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A stable key for a path, used to ask for positions. */
export function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

const MAX_DEPTH = 200;

export function locateJsonPaths(text: string, wanted: ReadonlySet<string>): Map<string, TextPosition> {
  const found = new Map<string, TextPosition>();
  if (wanted.size === 0) return found;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;

  const here = (): TextPosition => ({ line, column: i - lineStart + 1 });
  const skipSpace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      } else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 34) {
        i++;
        break;
      } else i++;
    }
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return text.slice(start + 1, i - 1);
    }
  };
  const skipScalar = (): void => {
    while (i < n) {
      const c = text[i];
      if (c === "," || c === "}" || c === "]" || c === " " || c === "\n" || c === "\r" || c === "\t") return;
      i++;
    }
  };
  const value = (path: (string | number)[], depth: number): void => {
    skipSpace();
    if (depth > MAX_DEPTH) {
      i = n;
      return;
    }
    const c = text[i];
    if (c === "{") {
      i++;
      for (;;) {
        skipSpace();
        if (text[i] === "}") {
          i++;
          return;
        }
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] !== '"') {
          i = n;
          return;
        }
        const at = here();
        const key = readString();
        path.push(key);
        const k = pathKey(path);
        if (wanted.has(k) && !found.has(k)) found.set(k, at);
        skipSpace();
        if (text[i] === ":") i++;
        value(path, depth + 1);
        path.pop();
        if (i >= n) return;
      }
    } else if (c === "[") {
      i++;
      let index = 0;
      for (;;) {
        skipSpace();
        if (text[i] === "]") {
          i++;
          return;
        }
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (i >= n) return;
        path.push(index++);
        const k = pathKey(path);
        if (wanted.has(k) && !found.has(k)) found.set(k, here());
        value(path, depth + 1);
        path.pop();
      }
    } else if (c === '"') readString();
    else skipScalar();
  };
  const root: (string | number)[] = [];
  skipSpace();
  if (wanted.has(pathKey(root))) found.set(pathKey(root), here());
  value(root, 0);
  return found;
}

/** Line and column of a character offset. */
export function positionOfOffset(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
