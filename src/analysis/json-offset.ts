/**
 * Where a JSON text stops being valid: the offset of the first character that breaks
 * the grammar (or the text's length when it ends too early). For error positions on
 * engines whose `JSON.parse` message gives none. Iterative: no recursion on deep input.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const stack: ("{" | "[")[] = [];
  // States: expecting a value, or after a value (a comma, a closing bracket, or the end).
  let expectValue = true;
  let expectKey = false;
  while (true) {
    ws();
    if (expectKey) {
      if (text[i] === "}" ) {
        // only valid right after "{"
        return i;
      }
      if (text[i] !== '"') return i;
      const end = scanString(text, i);
      if (end < 0) return n;
      if (end > n) return end - n - 1;
      i = end;
      ws();
      if (text[i] !== ":") return i;
      i++;
      expectKey = false;
      expectValue = true;
      continue;
    }
    if (expectValue) {
      const c = text[i];
      if (c === undefined) return n;
      if (c === "{" || c === "[") {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === "{" ? "}" : "]")) {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        if (c === "{") expectKey = true;
        continue;
      }
      if (c === '"') {
        const end = scanString(text, i);
        if (end < 0) return n;
        if (end > n) return end - n - 1;
        i = end;
      } else {
        const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
        if (!m) return i;
        i += m[0].length;
      }
      expectValue = false;
      continue;
    }
    // After a value.
    const top = stack[stack.length - 1];
    if (top === undefined) return i < n ? i : n;
    const c = text[i];
    if (c === ",") {
      i++;
      if (top === "{") expectKey = true;
      else expectValue = true;
      continue;
    }
    if (c === (top === "{" ? "}" : "]")) {
      stack.pop();
      i++;
      continue;
    }
    return i < n ? i : n;
  }
}

/** The offset after a string starting at `start`; −1 when unterminated; n + 1 + offset of a bad character. */
function scanString(text: string, start: number): number {
  const n = text.length;
  let i = start + 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 0x20) return n + 1 + i;
    if (c === 92) {
      const e = text[i + 1];
      if (e === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return n + 1 + i;
        i += 6;
        continue;
      }
      if (e === undefined || !'"\\/bfnrt'.includes(e)) return n + 1 + i;
      i += 2;
      continue;
    }
    i++;
  }
  return -1;
}
