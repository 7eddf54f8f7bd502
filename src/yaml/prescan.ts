/**
 * A single linear pass over YAML text that bounds what parsing it would cost, before
 * the parser builds anything: how many values it can hold, how many aliases it uses
 * and how deeply it nests. A file over a limit is refused in milliseconds with bounded
 * memory, instead of being parsed into a syntax tree of millions of nodes (a 5 MiB
 * list costs gigabytes) or recursing until the stack overflows.
 *
 * The counts are upper estimates, read without a full tokenizer: every line with
 * content, every `- ` item, every `,` in a flow collection and every `key:` counts as a
 * value; text inside quotes and comments is skipped. A real framework is far below
 * every limit (the largest shipped one has about 3,000 values and nests 16 deep).
 */

export interface PrescanCounts {
  /** Upper estimate of the values (nodes) the document holds before alias expansion. */
  readonly values: number;
  /** Alias uses (`*name`). */
  readonly aliases: number;
  /** Deepest nesting (block indentation levels plus flow brackets). */
  readonly depth: number;
  /** 0-based offset where the limit was first passed (for the diagnostic's position). */
  readonly offset: number;
  /** Which limit was passed first, if any. */
  readonly exceeded?: "values" | "aliases" | "depth";
}

export interface PrescanLimits {
  readonly maxValues: number;
  readonly maxAliases: number;
  readonly maxDepth: number;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isBreak(c: number): boolean {
  return c === LF || c === CR;
}

/** Whether a character may precede an indicator (`*`, `-`, `#`) at the start of a token. */
function tokenBoundary(c: number): boolean {
  return Number.isNaN(c) || c === SPACE || c === TAB || c === LF || c === CR || c === 0x5b /* [ */ || c === 0x7b /* { */ || c === 0x2c /* , */;
}

/** Scans `text` and stops at the first limit passed. Linear time, constant memory (but the indent stack, ≤ maxDepth). */
export function prescanYaml(text: string, limits: PrescanLimits): PrescanCounts {
  let values = 0;
  let aliases = 0;
  let depth = 0;
  let flow = 0;
  const indents: number[] = [];
  const n = text.length;
  let i = 0;
  // Inside a block scalar (| or >): lines indented more than `blockIndent` are text.
  let blockIndent = -1;
  let pendingBlock = false;
  let exceeded: PrescanCounts["exceeded"];
  let at = 0;
  const check = (offset: number): boolean => {
    if (exceeded !== undefined) return true;
    if (values > limits.maxValues) exceeded = "values";
    else if (aliases > limits.maxAliases) exceeded = "aliases";
    else if (depth > limits.maxDepth) exceeded = "depth";
    if (exceeded !== undefined) at = offset;
    return exceeded !== undefined;
  };
  while (i < n) {
    // Start of a line: its indentation.
    const start = i;
    let col = 0;
    while (i < n && text.charCodeAt(i) === SPACE) {
      i++;
      col++;
    }
    const c0 = text.charCodeAt(i);
    if (i >= n) break;
    if (isBreak(c0)) {
      i++;
      continue;
    }
    if (blockIndent >= 0) {
      if (col > blockIndent) {
        while (i < n && !isBreak(text.charCodeAt(i))) i++;
        continue;
      }
      blockIndent = -1;
    }
    if (c0 === 0x23 /* # */) {
      while (i < n && !isBreak(text.charCodeAt(i))) i++;
      continue;
    }
    const lineIndent = col;
    if (flow === 0) {
      // Block nesting: the stack of indentation columns of the lines above.
      while (indents.length > 0 && indents[indents.length - 1]! >= col) indents.pop();
      indents.push(col);
    }
    values++;
    // The rest of the line, token by token.
    let prev = Number.NaN;
    pendingBlock = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isBreak(c)) break;
      if ((c === 0x22 /* " */ || c === 0x27) /* ' */ && tokenBoundaryOrColon(prev)) {
        // A quoted scalar: skip to its closing quote (it may span lines).
        const quote = c;
        i++;
        while (i < n) {
          const q = text.charCodeAt(i);
          if (quote === 0x22 && q === 0x5c /* \ */) {
            i += 2;
            continue;
          }
          if (q === quote) {
            if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) {
              i += 2;
              continue;
            }
            break;
          }
          i++;
        }
        i++;
        prev = quote;
        continue;
      }
      if (c === 0x23 /* # */ && (prev === SPACE || prev === TAB)) {
        while (i < n && !isBreak(text.charCodeAt(i))) i++;
        break;
      }
      if (c === 0x5b || c === 0x7b) {
        flow++;
        values++;
        // Depth inside one line: `[[[[…]]]]` closes before the line ends.
        if (indents.length + flow > depth) depth = indents.length + flow;
        if (depth > limits.maxDepth && check(i)) break;
      } else if (c === 0x5d || c === 0x7d) {
        if (flow > 0) flow--;
      } else if (c === 0x2c /* , */ && flow > 0) values++;
      else if (c === 0x2a /* * */ && tokenBoundary(prev)) aliases++;
      else if (c === 0x2d /* - */ && tokenBoundary(prev) && flow === 0) {
        const next = text.charCodeAt(i + 1);
        if (next === SPACE || isBreak(next) || Number.isNaN(next)) {
          // A compact nested sequence item: one more level at this column.
          values++;
          const itemCol = i - start;
          while (indents.length > 0 && indents[indents.length - 1]! >= itemCol + 1) indents.pop();
          indents.push(itemCol + 1);
        }
      } else if (c === 0x3a /* : */ && flow === 0) {
        const next = text.charCodeAt(i + 1);
        if (next === SPACE || isBreak(next) || Number.isNaN(next)) values++;
      } else if ((c === 0x7c /* | */ || c === 0x3e) /* > */ && (prev === SPACE || prev === 0x3a)) {
        pendingBlock = true;
      }
      if (c !== SPACE && c !== TAB && c !== 0x7c && c !== 0x3e && c !== 0x2d && c !== 0x2b && !(c >= 0x30 && c <= 0x39)) pendingBlock = false;
      prev = c;
      i++;
    }
    if (pendingBlock) blockIndent = lineIndent;
    const d = indents.length + flow;
    if (d > depth) depth = d;
    if (check(i)) break;
  }
  check(i);
  return exceeded === undefined ? { values, aliases, depth, offset: at } : { values, aliases, depth, offset: at, exceeded };
}

function tokenBoundaryOrColon(c: number): boolean {
  return tokenBoundary(c) || c === 0x3a || c === 0x2d || c === 0x3f;
}
