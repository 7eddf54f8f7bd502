import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { diag, type Diagnostic } from "../diagnostics/index.js";
import type { DocPath } from "../diagnostics/types.js";
import { PositionIndex } from "./positions.js";
import { prescanYaml } from "./prescan.js";

import { nfc } from "../core/text.js";

export interface YamlLimits {
  /** Largest accepted file, in characters (default 1 MiB; the largest shipped framework has 30 KB). */
  readonly maxBytes?: number;
  /** Most alias (`*name`) expansions in one document (default 1,000). */
  readonly maxAliases?: number;
  /** Most values in the document, before and after alias expansion (default 20,000; the largest shipped framework has about 1,400). */
  readonly maxNodes?: number;
  /** Deepest nesting of collections (default 100). */
  readonly maxDepth?: number;
}

export interface LoadedYaml {
  /** The plain value (objects, arrays, strings, numbers, booleans, null); undefined when unreadable. */
  readonly value: unknown;
  readonly positions: PositionIndex;
  readonly diagnostics: readonly Diagnostic[];
}

/** Keys that could reach JavaScript prototypes; refused wherever they appear. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Parses YAML text into plain values while recording the position of every value,
 * so that schema and static checks can report `file:line:column`.
 * Pure: never throws; problems come back as diagnostics.
 */
export function loadYaml(text: string, filename?: string, limits: YamlLimits = {}): LoadedYaml {
  const file = filename;
  const diagnostics: Diagnostic[] = [];
  const maxBytes = limits.maxBytes ?? 1024 * 1024;
  if (text.length > maxBytes) {
    diagnostics.push(diag("yaml-too-large", { size: text.length, limit: maxBytes }, { ...(file !== undefined && { file }), line: 1, column: 1 }));
    return { value: undefined, positions: new PositionIndex(file), diagnostics };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const maxAliases = limits.maxAliases ?? 1000;
  const maxNodes = limits.maxNodes ?? 20_000;
  const maxDepth = limits.maxDepth ?? 100;

  // Bound the cost before the parser builds anything (see prescan.ts).
  const scan = prescanYaml(text, { maxValues: maxNodes, maxAliases, maxDepth });
  if (scan.exceeded !== undefined) {
    const where = lineColumn(text, scan.offset);
    const loc = { ...(file !== undefined && { file }), ...where };
    if (scan.exceeded === "values") diagnostics.push(diag("yaml-too-many-values", { limit: maxNodes }, loc));
    else if (scan.exceeded === "aliases") diagnostics.push(diag("yaml-too-many-aliases", { limit: maxAliases, alias: "…" }, loc));
    else diagnostics.push(diag("yaml-too-deep", { limit: maxDepth }, loc));
    return { value: undefined, positions: new PositionIndex(file), diagnostics };
  }

  const lineCounter = new LineCounter();
  const positions = new PositionIndex(file, text, (offset) => lineCounter.linePos(offset));
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: "1.2", merge: false }) as Document;
  } catch (error) {
    // The prescan bounds nesting; this is the last guard: a stack overflow inside the parser is
    // too deep, anything else the parser throws is worded as a syntax problem, not hidden.
    const start = { ...(file !== undefined && { file }), line: 1, column: 1 };
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError && /call stack/i.test(message)) diagnostics.push(diag("yaml-too-deep", { limit: maxDepth }, start));
    else diagnostics.push(diag("yaml-syntax", { detail: firstLine(message) }, start));
    return { value: undefined, positions: new PositionIndex(file), diagnostics };
  }
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { ...(file !== undefined && { file }), line: p.line, column: p.col };
  };

  for (const e of doc.errors) {
    const code = e.code === "DUPLICATE_KEY" ? "yaml-duplicate-key" : /call stack/i.test(e.message) ? "yaml-too-deep" : "yaml-syntax";
    diagnostics.push(code === "yaml-too-deep" ? diag(code, { limit: maxDepth }, at(e.pos[0])) : diag(code, { detail: firstLine(e.message) }, at(e.pos[0])));
  }
  if (doc.errors.length > 0) return { value: undefined, positions, diagnostics };

  const state = { aliases: 0, nodes: 0, stopped: false };
  const expanding = new Set<Node>();
  // Anchors met so far in document order: an alias refers to the last one before it. One map
  // instead of the parser's resolve(), which walks the whole document for every alias.
  const anchors = new Map<string, Node>();
  // The current path, as a mutable stack (copied only for diagnostics) and as its lookup key.
  const path: (string | number)[] = [];
  const here = (): DocPath => [...path];

  const convert = (node: unknown, key: string, keyStart: number): unknown => {
    if (state.stopped) return undefined;
    const start = rangeStart(node);
    if (++state.nodes > maxNodes) {
      state.stopped = true;
      diagnostics.push(diag("yaml-too-many-nodes", { limit: maxNodes }, { ...at(start), path: here() }));
      return undefined;
    }
    if (path.length > maxDepth) {
      state.stopped = true;
      diagnostics.push(diag("yaml-too-deep", { limit: maxDepth }, { ...at(start), path: here() }));
      return undefined;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor && !isAlias(node)) anchors.set(anchor, node as Node);
    if (isAlias(node)) {
      if (++state.aliases > maxAliases) {
        state.stopped = true;
        diagnostics.push(diag("yaml-too-many-aliases", { limit: maxAliases, alias: node.source }, { ...at(start), path: here() }));
        return undefined;
      }
      const target = anchors.get(node.source) ?? (node.resolve(doc) as Node | undefined);
      if (!target) {
        diagnostics.push(diag("yaml-syntax", { detail: `unknown alias *${node.source}` }, { ...at(start), path: here() }));
        return undefined;
      }
      if (expanding.has(target)) {
        diagnostics.push(diag("yaml-alias-cycle", { alias: node.source }, { ...at(start), path: here() }));
        return undefined;
      }
      expanding.add(target);
      const value = convert(target, key, keyStart);
      expanding.delete(target);
      positions.record(key, start, keyStart, -1);
      return value;
    }
    const isRoot = path.length === 0;
    if (isMap(node)) {
      positions.record(key, start, keyStart, -1);
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as unknown;
        const name = nfc(isScalar(keyNode) ? String(keyNode.value) : keyNode == null ? "" : String(keyNode));
        const nameStart = rangeStart(keyNode);
        path.push(name);
        if (FORBIDDEN_KEYS.has(name)) {
          diagnostics.push(diag("forbidden-key", { key: name }, { ...at(nameStart), path: here() }));
          path.pop();
          continue;
        }
        const childKey = PositionIndex.childKey(key, isRoot, name);
        let value: unknown = null;
        if (pair.value == null) positions.record(childKey, nameStart, nameStart, -1);
        else value = convert(pair.value, childKey, nameStart);
        path.pop();
        Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (isSeq(node)) {
      positions.record(key, start, keyStart, -1);
      const out: unknown[] = [];
      node.items.forEach((item, i) => {
        path.push(i);
        out.push(item == null ? null : convert(item, PositionIndex.childKey(key, isRoot, i), -1));
        path.pop();
      });
      return out;
    }
    if (isScalar(node)) {
      positions.record(key, start, keyStart, node.range ? node.range[1] : -1);
      const v = node.value;
      return typeof v === "bigint" ? Number(v) : typeof v === "string" ? nfc(v) : v;
    }
    return null;
  };

  const value = doc.contents == null ? null : convert(doc.contents, "", -1);
  return { value: state.stopped ? undefined : value, positions, diagnostics };
}

function rangeStart(node: unknown): number {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? r[0] : 0;
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: Math.max(1, offset - start + 1) };
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}
