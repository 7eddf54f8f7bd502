/**
 * Finds the line and column of given paths in a JSON text (already known to be
 * valid), so JSON diagnostics can point into the file. Object members are located
 * at their key, array elements at their first character.
 */
import { nfc } from "./json-parse.js";

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A stable key for a path, used to ask for positions. */
export function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

const MAX_DEPTH = 200;

/** The wanted paths as a tree: each node is a path prefix; `key` is set when the prefix itself is wanted. */
interface WantedNode {
  key: string | undefined;
  readonly children: Map<string | number, WantedNode>;
}

function wantedTree(wanted: ReadonlySet<string>): WantedNode {
  const root: WantedNode = { key: undefined, children: new Map() };
  for (const k of wanted) {
    let path: unknown;
    try {
      path = JSON.parse(k);
    } catch {
      continue;
    }
    if (!Array.isArray(path)) continue;
    let node = root;
    for (const step of path as unknown[]) {
      if (typeof step !== "string" && typeof step !== "number") break;
      let child = node.children.get(step);
      if (child === undefined) node.children.set(step, (child = { key: undefined, children: new Map() }));
      node = child;
    }
    node.key = k;
  }
  return root;
}

/**
 * The line and column of each wanted path ({@link pathKey}) found in `text`. Only the
 * branches that lead to a wanted path are read key by key; the rest is skipped, and the walk
 * stops as soon as every wanted path has been found.
 */
export function locateJsonPaths(text: string, wanted: ReadonlySet<string>): Map<string, TextPosition> {
  const found = new Map<string, TextPosition>();
  if (wanted.size === 0) return found;
  const tree = wantedTree(wanted);
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;

  const here = (): TextPosition => ({ line, column: i - lineStart + 1 });
  const mark = (node: WantedNode | undefined): void => {
    if (node?.key !== undefined && !found.has(node.key)) {
      found.set(node.key, here());
      if (found.size >= wanted.size) i = n; // every path found: stop
    }
  };
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
  /** Moves past a string at `i` (on its quote); returns where its text ends (before the closing quote). */
  const skipString = (): number => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 34) {
        i++;
        return i - 1;
      } else i++;
    }
    return i;
  };
  const readString = (): string => {
    const start = i;
    const end = skipString();
    try {
      return nfc(JSON.parse(text.slice(start, i)) as string);
    } catch {
      return text.slice(start + 1, end);
    }
  };
  /** Moves past one value of no interest (any depth, without recursion). */
  const skipValue = (): void => {
    let depth = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        skipString();
        if (depth === 0) return;
        continue;
      }
      if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (depth === 0) return; // the end of the enclosing container
        depth--;
        if (depth === 0) {
          i++;
          return;
        }
      } else if (depth === 0 && (c === 44 || c === 32 || c === 10 || c === 13 || c === 9)) return;
      else if (c === 10) {
        line++;
        lineStart = i + 1;
      }
      i++;
    }
  };
  const value = (node: WantedNode | undefined, depth: number): void => {
    skipSpace();
    if (depth > MAX_DEPTH) {
      i = n;
      return;
    }
    if (node === undefined || node.children.size === 0) {
      skipValue();
      return;
    }
    const c = text[i];
    if (c === "{") {
      i++;
      for (;;) {
        skipSpace();
        if (i >= n) return;
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
        const child = node.children.get(readString());
        if (child?.key !== undefined && !found.has(child.key)) {
          found.set(child.key, at);
          if (found.size >= wanted.size) {
            i = n;
            return;
          }
        }
        skipSpace();
        if (text[i] === ":") i++;
        value(child, depth + 1);
        if (i >= n) return;
      }
    } else if (c === "[") {
      i++;
      let index = 0;
      for (;;) {
        skipSpace();
        if (i >= n) return;
        if (text[i] === "]") {
          i++;
          return;
        }
        if (text[i] === ",") {
          i++;
          continue;
        }
        const child = node.children.get(index++);
        mark(child);
        if (i >= n) return;
        value(child, depth + 1);
      }
    } else skipValue();
  };
  skipSpace();
  mark(tree);
  if (i < n) value(tree, 0);
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
