/**
 * Where each character of a YAML scalar's value stands in its source text, so that a
 * problem found at an offset of the value (an expression's unknown name) is reported at
 * the right line and column, also inside double quotes with escapes (`\"`, `\u00e0`),
 * single quotes (`''`), multi-line plain and quoted scalars (lines folded into spaces)
 * and block scalars (`|`, `>`, with their indentation removed).
 *
 * A character produced by an escape maps to its backslash; a space produced by folding
 * a line break maps to the first character of the next line. Never throws.
 */

/** For each UTF-16 unit of the decoded value, its 0-based offset in `src` (the scalar's source text). */
export function scalarOffsets(src: string): number[] {
  const c0 = src[0];
  if (c0 === '"' || c0 === "'") return quotedOffsets(src, c0);
  if (c0 === "|" || c0 === ">") return blockOffsets(src, c0 === ">");
  return flowOffsets(src, 0, src.length, false, "");
}

const isBlank = (c: string | undefined) => c === " " || c === "\t";
const isBreak = (c: string | undefined) => c === "\n" || c === "\r";

/** Plain or quoted text between `start` and `end`: lines folded, each line's outer whitespace dropped. */
function flowOffsets(src: string, start: number, end: number, double: boolean, quote: string): number[] {
  const out: number[] = [];
  let i = start;
  while (i < end) {
    const c = src[i]!;
    if (double && c === "\\") {
      const e = src[i + 1];
      if (isBreak(e)) {
        // An escaped line break: nothing, and the next line's indentation is dropped.
        i += src[i + 1] === "\r" && src[i + 2] === "\n" ? 3 : 2;
        while (i < end && isBlank(src[i])) i++;
        continue;
      }
      const len = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
      let units = 1;
      if (len > 0) {
        const cp = Number.parseInt(src.slice(i + 2, i + 2 + len), 16);
        units = Number.isFinite(cp) && cp > 0xffff ? 2 : 1;
      }
      for (let u = 0; u < units; u++) out.push(i);
      i += 2 + len;
      continue;
    }
    if (quote === "'" && c === "'" && src[i + 1] === "'") {
      out.push(i);
      i += 2;
      continue;
    }
    if (isBreak(c)) {
      // Fold: drop trailing blanks already emitted, count empty lines, drop the next indentation.
      while (out.length > 0 && isBlank(src[out[out.length - 1]!]) && out[out.length - 1]! >= lineStart(src, i)) out.pop();
      let empty = 0;
      let j = i;
      for (;;) {
        j += src[j] === "\r" && src[j + 1] === "\n" ? 2 : 1;
        while (j < end && isBlank(src[j])) j++;
        if (j < end && isBreak(src[j])) {
          empty++;
          continue;
        }
        break;
      }
      if (empty === 0) out.push(j);
      else for (let k = 0; k < empty; k++) out.push(j);
      i = j;
      continue;
    }
    out.push(i);
    i++;
  }
  return out;
}

function lineStart(src: string, i: number): number {
  let s = i;
  while (s > 0 && !isBreak(src[s - 1])) s--;
  return s;
}

function quotedOffsets(src: string, quote: string): number[] {
  // The closing quote: the last one (sourceText ends with it).
  let end = src.length - 1;
  while (end > 0 && src[end] !== quote) end--;
  if (end <= 0) end = src.length;
  return flowOffsets(src, 1, end, quote === '"', quote);
}

function blockOffsets(src: string, folded: boolean): number[] {
  const out: number[] = [];
  let i = 0;
  // Header: indicators and an optional comment up to the line break.
  let explicit = 0;
  while (i < src.length && !isBreak(src[i])) {
    const c = src[i]!;
    if (c >= "1" && c <= "9" && explicit === 0) explicit = Number(c);
    if (c === "#") {
      while (i < src.length && !isBreak(src[i])) i++;
      break;
    }
    i++;
  }
  let indent = -1;
  let previousContent = false;
  let pendingBreak = -1;
  while (i < src.length) {
    // At a line break: move to the next line.
    i += src[i] === "\r" && src[i + 1] === "\n" ? 2 : 1;
    if (i >= src.length) break;
    let col = 0;
    while (i + col < src.length && src[i + col] === " ") col++;
    const rest = i + col;
    if (rest >= src.length || isBreak(src[rest])) {
      // An empty line: a line break in the value.
      if (pendingBreak >= 0) out.push(pendingBreak);
      pendingBreak = rest;
      previousContent = false;
      i = rest;
      continue;
    }
    if (indent < 0) indent = explicit > 0 ? explicit : col;
    if (pendingBreak >= 0) out.push(folded && previousContent && !isBlank(src[i + indent]) ? i + indent : pendingBreak);
    let j = i + Math.min(indent, col);
    while (j < src.length && !isBreak(src[j])) out.push(j++);
    previousContent = !isBlank(src[i + indent]);
    pendingBreak = j;
    i = j;
  }
  return out;
}

/** 1-based line and column, relative to the scalar's start, of offset `rel` in `src`. */
export function relativePosition(src: string, rel: number): { lines: number; column: number | undefined } {
  let lines = 0;
  let last = -1;
  for (let k = 0; k < rel && k < src.length; k++) {
    if (src[k] === "\n") {
      lines++;
      last = k;
    }
  }
  // On the first line the column is relative to the scalar's start (undefined: add the start column).
  return { lines, column: lines === 0 ? undefined : rel - last };
}
