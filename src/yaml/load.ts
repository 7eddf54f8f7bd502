import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { diag, type Diagnostic } from "../diagnostics/index.js";
import type { DocPath } from "../diagnostics/types.js";
import { PositionIndex } from "./positions.js";

export interface YamlLimits {
  /** Largest accepted file, in bytes of UTF-16 text length (default 5 MiB). */
  readonly maxBytes?: number;
  /** Most alias (`*name`) expansions in one document (default 1,000). */
  readonly maxAliases?: number;
  /** Most values in the expanded document (default 200,000), against alias bombs. */
  readonly maxNodes?: number;
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
  const positions = new PositionIndex(file);
  const diagnostics: Diagnostic[] = [];
  const maxBytes = limits.maxBytes ?? 5 * 1024 * 1024;
  if (text.length > maxBytes) {
    diagnostics.push(diag("yaml-too-large", { size: text.length, limit: maxBytes }, { ...(file !== undefined && { file }), line: 1, column: 1 }));
    return { value: undefined, positions, diagnostics };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: "1.2", merge: false });
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { ...(file !== undefined && { file }), line: p.line, column: p.col };
  };

  for (const e of doc.errors) {
    const code = e.code === "DUPLICATE_KEY" ? "yaml-duplicate-key" : "yaml-syntax";
    diagnostics.push(diag(code, { detail: firstLine(e.message) }, at(e.pos[0])));
  }
  if (doc.errors.length > 0) return { value: undefined, positions, diagnostics };

  const state = { aliases: 0, nodes: 0, stopped: false };
  const maxAliases = limits.maxAliases ?? 1000;
  const maxNodes = limits.maxNodes ?? 200_000;
  const expanding = new Set<Node>();

  const convert = (node: unknown, path: DocPath, keyPos?: { line: number; column: number }): unknown => {
    if (state.stopped) return undefined;
    if (++state.nodes > maxNodes) {
      state.stopped = true;
      diagnostics.push(diag("yaml-too-many-nodes", { limit: maxNodes }, { ...at(rangeStart(node)), path }));
      return undefined;
    }
    const start = rangeStart(node);
    const pos = at(start);
    const entry = { line: pos.line, column: pos.column, ...(keyPos && { keyLine: keyPos.line, keyColumn: keyPos.column }) };

    if (isAlias(node)) {
      if (++state.aliases > maxAliases) {
        state.stopped = true;
        diagnostics.push(diag("yaml-too-many-aliases", { limit: maxAliases, alias: node.source }, { ...pos, path }));
        return undefined;
      }
      const target = node.resolve(doc as Document);
      if (!target) {
        diagnostics.push(diag("yaml-syntax", { detail: `unknown alias *${node.source}` }, { ...pos, path }));
        return undefined;
      }
      if (expanding.has(target as Node)) {
        diagnostics.push(diag("yaml-alias-cycle", { alias: node.source }, { ...pos, path }));
        return undefined;
      }
      expanding.add(target as Node);
      const value = convert(target, path, keyPos);
      expanding.delete(target as Node);
      positions.set(path, entry);
      return value;
    }
    if (isMap(node)) {
      positions.set(path, entry);
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as unknown;
        const key = isScalar(keyNode) ? String(keyNode.value) : keyNode == null ? "" : String(keyNode);
        const kp = at(rangeStart(keyNode));
        if (FORBIDDEN_KEYS.has(key)) {
          diagnostics.push(diag("forbidden-key", { key }, { ...kp, path: [...path, key] }));
          continue;
        }
        const value = pair.value == null ? null : convert(pair.value, [...path, key], { line: kp.line, column: kp.column });
        if (pair.value == null) positions.set([...path, key], { ...kp, keyLine: kp.line, keyColumn: kp.column });
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (isSeq(node)) {
      positions.set(path, entry);
      return node.items.map((item, i) => (item == null ? null : convert(item, [...path, i])));
    }
    if (isScalar(node)) {
      const src = node.range ? text.slice(node.range[0], node.range[1]) : undefined;
      positions.set(path, { ...entry, ...(src !== undefined && { source: src.trim() }) });
      const v = node.value;
      if (typeof v === "bigint") return Number(v);
      return v;
    }
    return null;
  };

  const value = doc.contents == null ? null : convert(doc.contents, []);
  return { value: state.stopped ? undefined : value, positions, diagnostics };
}

function rangeStart(node: unknown): number {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? r[0] : 0;
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}
