/**
 * Crosswalk files (`format: par-index/crosswalk-v1`): which criteria of one framework
 * correspond to which of another — renamed (`["3"] → ["4"]`), merged (`["2.1","2.2"] → ["2"]`),
 * split (`["2"] → ["2.1","2.2"]`), dropped (`["6.4"] → []`) or new (`[] → ["6.5"]`).
 */
import { didYouMean, diag, type Diagnostic, type DocPath } from "../diagnostics/index.js";
import { loadYaml } from "../yaml/load.js";

export const CROSSWALK_FORMAT = "par-index/crosswalk-v1";

export interface CrosswalkPair {
  readonly base: readonly string[];
  readonly current: readonly string[];
  /** 1-based line of the pair in the file. */
  readonly line?: number;
}

export interface Crosswalk {
  readonly file?: string;
  /** The base framework's id. */
  readonly base: string;
  /** The current framework's id. */
  readonly current: string;
  readonly pairs: readonly CrosswalkPair[];
}

/** The criterion ids a side may use (a framework's node ids), to check a crosswalk against. */
export interface CrosswalkIds {
  readonly base?: { readonly framework: string; readonly ids: ReadonlySet<string> };
  readonly current?: { readonly framework: string; readonly ids: ReadonlySet<string> };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Parses and checks a crosswalk: its form, ids paired at most once per side, and —
 * when `ids` are given — every id present in its framework. Positions are file:line:column.
 */
export function parseCrosswalk(text: string, file?: string, ids: CrosswalkIds = {}): { crosswalk?: Crosswalk; diagnostics: Diagnostic[] } {
  const loaded = loadYaml(text, file);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (loaded.value === undefined) return { diagnostics };
  const where = (path: DocPath) => ({ ...(file !== undefined && { file }), ...loaded.positions.locate(path), path });
  const bad = (path: DocPath, detail: string) => diagnostics.push(diag("crosswalk-invalid", { detail }, where(path)));
  const doc = loaded.value;
  if (!isObject(doc)) {
    bad([], "the file is not a mapping");
    return { diagnostics };
  }
  for (const key of Object.keys(doc)) {
    if (!["format", "base", "current", "pairs", "notes", "source"].includes(key)) bad([key], `unknown key "${key}"`);
  }
  if (doc.format !== CROSSWALK_FORMAT) bad(doc.format === undefined ? [] : ["format"], `"format" must be "${CROSSWALK_FORMAT}", not ${JSON.stringify(doc.format ?? null)}`);
  for (const side of ["base", "current"] as const) {
    if (typeof doc[side] !== "string" || doc[side] === "") bad(doc[side] === undefined ? [] : [side], `"${side}" must be the ${side} framework's id`);
  }
  const pairs: CrosswalkPair[] = [];
  if (!Array.isArray(doc.pairs) || doc.pairs.length === 0) {
    bad(doc.pairs === undefined ? [] : ["pairs"], "\"pairs\" must be a non-empty list");
  } else {
    const firstLine = { base: new Map<string, number>(), current: new Map<string, number>() };
    doc.pairs.forEach((p: unknown, i: number) => {
      const at: DocPath = ["pairs", i];
      if (!isObject(p)) return bad(at, "a pair must be a mapping { base: [...], current: [...] }");
      for (const key of Object.keys(p)) if (key !== "base" && key !== "current" && key !== "note") bad([...at, key], `unknown key "${key}" in a pair`);
      const sides: Record<"base" | "current", string[]> = { base: [], current: [] };
      for (const side of ["base", "current"] as const) {
        const list = p[side];
        if (!Array.isArray(list)) {
          bad(list === undefined ? at : [...at, side], `"${side}" must be a list of criterion ids (empty for a ${side === "base" ? "new" : "dropped"} criterion)`);
          continue;
        }
        list.forEach((raw: unknown, j: number) => {
          const path: DocPath = [...at, side, j];
          if (typeof raw !== "string" && typeof raw !== "number") return bad(path, `a criterion id must be text, e.g. "2.1", not ${JSON.stringify(raw)}`);
          const id = String(raw).normalize("NFC");
          const line = where(path).line;
          const first = firstLine[side].get(id);
          if (first !== undefined) {
            diagnostics.push(diag("crosswalk-duplicate-id", { id, side, first }, where(path)));
            return;
          }
          firstLine[side].set(id, line);
          const known = ids[side];
          if (known !== undefined && !known.ids.has(id)) {
            const h = didYouMean(id, known.ids);
            diagnostics.push(diag("crosswalk-unknown-id", { id, side, framework: known.framework, ...(h !== undefined && { hint: h }) }, where(path)));
            return;
          }
          sides[side].push(id);
        });
      }
      if (Array.isArray(p.base) && Array.isArray(p.current) && p.base.length === 0 && p.current.length === 0) bad(at, "a pair needs at least one id");
      pairs.push({ base: sides.base, current: sides.current, line: where(at).line });
    });
  }
  for (const side of ["base", "current"] as const) {
    const known = ids[side];
    if (known !== undefined && typeof doc[side] === "string" && doc[side] !== known.framework) {
      diagnostics.push(diag("crosswalk-framework", { side, expected: known.framework, found: doc[side] }, where([side])));
    }
  }
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return { crosswalk: { ...(file !== undefined && { file }), base: doc.base as string, current: doc.current as string, pairs }, diagnostics };
}
