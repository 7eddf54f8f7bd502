/**
 * The analysis commands work on published results: the contract's Results JSON
 * (`score --format json`), read back with every number as an exact decimal of its
 * JSON text. A result scored in memory goes through the same JSON, so a saved file
 * and an on-the-fly score give the same analysis.
 */
import { dec, DEFAULT_ROUNDING, type Decimal, type Rounding, type RoundingMode } from "../core/decimal.js";
import { diag, type Diagnostic, type DocPath } from "../diagnostics/index.js";
import type { NodeStatus, ScoreResult } from "../engine/result.js";
import type { CompiledFramework } from "../framework/ir.js";

/** One criterion of one unit, as published. */
export interface PublishedNode {
  readonly id: string;
  /** The JSON numbers, when read from JSON (for exact integer fast paths). */
  readonly pointsNumber?: number;
  readonly maxNumber?: number;
  readonly points: Decimal;
  readonly max: Decimal;
  readonly index?: Decimal | undefined;
  readonly status: NodeStatus;
}

/**
 * A criterion read from JSON: its numbers become exact decimals only when first used
 * (a national result holds hundreds of thousands of them). `pointsNumber`/`maxNumber`
 * keep the JSON numbers for integer fast paths.
 */
class LazyNode implements PublishedNode {
  private p?: Decimal;
  private m?: Decimal;
  private i?: Decimal;
  constructor(
    readonly id: string,
    readonly status: NodeStatus,
    readonly pointsNumber: number,
    readonly maxNumber: number,
    private readonly indexNumber: number | undefined,
  ) {}
  get points(): Decimal {
    return (this.p ??= dec(this.pointsNumber));
  }
  get max(): Decimal {
    return (this.m ??= dec(this.maxNumber));
  }
  get index(): Decimal | undefined {
    if (this.indexNumber === undefined) return undefined;
    return (this.i ??= dec(this.indexNumber));
  }
}

/** One unit of a published result. */
export interface PublishedUnit {
  readonly unit: string;
  readonly name: string;
  readonly rank: number;
  readonly points: Decimal;
  readonly max: Decimal;
  readonly index?: Decimal;
  readonly grade?: string | null;
  readonly complete: boolean;
  readonly parts: ReadonlyMap<string, { readonly points: Decimal; readonly max: Decimal }>;
  /** Signed: a penalty is negative. */
  readonly adjustments: readonly { readonly id: string; readonly points: Decimal }[];
  /** Every node in framework order. */
  readonly criteria: readonly PublishedNode[];
  readonly byId: ReadonlyMap<string, PublishedNode>;
  /** The `ranking.within` group it was ranked in, when known. */
  readonly group?: string;
}

/** A published result: what the analysis functions read. */
export interface Published {
  readonly framework: { readonly id: string; readonly year: number; readonly rounding: Rounding };
  /** By rank, then code (as in the file). */
  readonly units: readonly PublishedUnit[];
  /** Node ids in framework order (from the first unit). */
  readonly nodeIds: readonly string[];
}

/** One node of the framework's tree, as the analysis needs it. */
export interface StructureNode {
  readonly id: string;
  /** Null when the framework is not known (a results file read alone). */
  readonly title: string | null;
  readonly parent?: string;
  readonly leaf: boolean;
  readonly depth: number;
  /** The framework's max; for an inferred structure, the largest published max. */
  readonly max: Decimal;
  readonly position: number;
}

/** The framework's criteria tree: from the compiled framework, or inferred from a result's dotted ids. */
export interface Structure {
  readonly nodes: readonly StructureNode[];
  readonly byId: ReadonlyMap<string, StructureNode>;
  readonly roots: readonly StructureNode[];
  /** Whether it came from the framework itself (titles, exact tree). */
  readonly known: boolean;
}

/** The tree of a compiled framework. */
export function structureOf(framework: CompiledFramework): Structure {
  const nodes: StructureNode[] = framework.nodes.map((n) => ({
    id: n.id,
    title: n.title,
    ...(n.parent >= 0 && { parent: framework.nodes[n.parent]!.id }),
    leaf: n.kind === "leaf",
    depth: n.depth,
    max: n.max,
    position: n.index,
  }));
  return makeStructure(nodes, true);
}

/**
 * The tree inferred from a result alone: a node's parent is the longest other id that
 * is a dotted prefix of it (`2.1` under `2`); titles are unknown.
 */
export function inferStructure(published: Published): Structure {
  const ids = published.nodeIds;
  const set = new Set(ids);
  const parentOf = (id: string): string | undefined => {
    const parts = id.split(".");
    for (let k = parts.length - 1; k > 0; k--) {
      const p = parts.slice(0, k).join(".");
      if (set.has(p)) return p;
    }
    return undefined;
  };
  const hasChild = new Set<string>();
  for (const id of ids) {
    const p = parentOf(id);
    if (p !== undefined) hasChild.add(p);
  }
  const depth = (id: string): number => {
    let d = 0;
    for (let p = parentOf(id); p !== undefined; p = parentOf(p)) d++;
    return d;
  };
  const nodes: StructureNode[] = ids.map((id, position) => {
    let max = dec(0);
    for (const u of published.units) {
      const n = u.byId.get(id);
      if (n !== undefined && n.max.gt(max)) max = n.max;
    }
    const parent = parentOf(id);
    return { id, title: null, ...(parent !== undefined && { parent }), leaf: !hasChild.has(id), depth: depth(id), max, position };
  });
  return makeStructure(nodes, false);
}

function makeStructure(nodes: StructureNode[], known: boolean): Structure {
  return {
    nodes,
    byId: new Map(nodes.map((n) => [n.id, n])),
    roots: nodes.filter((n) => n.parent === undefined),
    known,
  };
}

/** A result scored in memory, as published (through its JSON, so numbers are those of the file). */
export function publish(result: ScoreResult): Published {
  const json = result.toJSON() as unknown;
  const read = readPublished(json);
  if (read.published === undefined) throw new Error("internal: a score result does not read back as results JSON");
  const groups = new Map(result.units.map((u) => [u.unit, u.rankGroup]));
  const rounding = result.framework.rounding;
  return {
    ...read.published,
    framework: { ...read.published.framework, rounding },
    units: read.published.units.map((u) => {
      const g = groups.get(u.unit);
      return g === undefined ? u : { ...u, group: g };
    }),
  };
}

const MODES: readonly RoundingMode[] = ["half_up", "half_even", "down"];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Reads the contract's Results JSON (already parsed) into exact decimals. Problems
 * come back as `results-invalid` diagnostics with the JSON path of the bad value.
 * Rounding: `framework.rounding` or `framework.decimals` when the file carries them,
 * else 2 decimals half-up.
 */
export function readPublished(json: unknown, file?: string): { published?: Published; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bad = (path: DocPath, detail: string) =>
    diagnostics.push(diag("results-invalid", { detail }, { ...(file !== undefined && { file }), path }));
  if (!isObject(json)) {
    bad([], "the file is not a JSON object");
    return { diagnostics };
  }
  const fw = json.framework;
  if (!isObject(fw) || typeof fw.id !== "string" || typeof fw.year !== "number") {
    bad(["framework"], "\"framework\" must be an object with \"id\" (text) and \"year\" (number)");
    return { diagnostics };
  }
  let rounding: Rounding = DEFAULT_ROUNDING;
  const r = fw.rounding;
  if (isObject(r) && Number.isInteger(r.decimals) && MODES.includes(r.mode as RoundingMode)) {
    rounding = { decimals: r.decimals as number, mode: r.mode as RoundingMode };
  } else if (Number.isInteger(fw.decimals) && (fw.decimals as number) >= 0) {
    rounding = { decimals: fw.decimals as number, mode: "half_up" };
  }
  if (!Array.isArray(json.units)) {
    bad(["units"], "\"units\" must be an array of units");
    return { diagnostics };
  }
  const num = (v: unknown, path: DocPath): Decimal | undefined => {
    if (typeof v === "number" && Number.isFinite(v)) return dec(v);
    bad(path, `expected a number, found ${JSON.stringify(v) ?? "nothing"}`);
    return undefined;
  };
  const opt = (v: unknown, path: DocPath): Decimal | undefined => (v === undefined || v === null ? undefined : num(v, path));
  const units: PublishedUnit[] = [];
  const seen = new Set<string>();
  json.units.forEach((u: unknown, i: number) => {
    const at: DocPath = ["units", i];
    if (!isObject(u) || typeof u.unit !== "string") {
      bad(at, "each unit must be an object with a \"unit\" code");
      return;
    }
    const code = u.unit.normalize("NFC");
    if (seen.has(code)) {
      bad([...at, "unit"], `the unit "${code}" appears twice`);
      return;
    }
    seen.add(code);
    const before = diagnostics.length;
    const points = num(u.points, [...at, "points"]);
    const max = num(u.max, [...at, "max"]);
    const index = opt(u.index, [...at, "index"]);
    if (!Number.isInteger(u.rank)) bad([...at, "rank"], "\"rank\" must be a whole number");
    const parts = new Map<string, { points: Decimal; max: Decimal }>();
    if (isObject(u.parts)) {
      for (const [k, p] of Object.entries(u.parts)) {
        if (!isObject(p)) continue;
        const pp = num(p.points, [...at, "parts", k, "points"]);
        const pm = num(p.max, [...at, "parts", k, "max"]);
        if (pp && pm) parts.set(k, { points: pp, max: pm });
      }
    }
    const adjustments: { id: string; points: Decimal }[] = [];
    if (Array.isArray(u.adjustments)) {
      u.adjustments.forEach((a: unknown, j: number) => {
        if (!isObject(a) || typeof a.id !== "string") return bad([...at, "adjustments", j], "an adjustment needs \"id\" and \"points\"");
        const p = num(a.points, [...at, "adjustments", j, "points"]);
        if (p) adjustments.push({ id: a.id, points: p });
      });
    }
    const criteria: PublishedNode[] = [];
    if (!Array.isArray(u.criteria)) bad([...at, "criteria"], "\"criteria\" must be an array");
    else {
      u.criteria.forEach((c: unknown, j: number) => {
        const cat: DocPath = [...at, "criteria", j];
        if (!isObject(c) || typeof c.id !== "string") return bad(cat, "a criterion needs \"id\"");
        const status = c.status;
        if (status !== "scored" && status !== "missing" && status !== "not_applicable") {
          return bad([...cat, "status"], `"status" must be scored, missing or not_applicable, not ${JSON.stringify(status)}`);
        }
        const finite = (v: unknown) => typeof v === "number" && Number.isFinite(v);
        if (!finite(c.points)) return bad([...cat, "points"], `expected a number, found ${JSON.stringify(c.points) ?? "nothing"}`);
        if (!finite(c.max)) return bad([...cat, "max"], `expected a number, found ${JSON.stringify(c.max) ?? "nothing"}`);
        if (c.index !== undefined && c.index !== null && !finite(c.index)) return bad([...cat, "index"], `expected a number, found ${JSON.stringify(c.index)}`);
        criteria.push(new LazyNode(c.id.normalize("NFC"), status, c.points as number, c.max as number, typeof c.index === "number" ? c.index : undefined));
      });
    }
    if (diagnostics.length > before || points === undefined || max === undefined) return;
    const grade = u.grade === undefined ? undefined : typeof u.grade === "string" ? u.grade : null;
    units.push({
      unit: code,
      name: typeof u.name === "string" ? u.name : code,
      rank: u.rank as number,
      points,
      max,
      ...(index !== undefined && { index }),
      ...(grade !== undefined && { grade }),
      complete: u.complete !== false,
      parts,
      adjustments,
      criteria,
      byId: new Map(criteria.map((c) => [c.id, c])),
    });
  });
  if (diagnostics.length > 0) return { diagnostics };
  return {
    published: {
      framework: { id: fw.id.normalize("NFC"), year: fw.year, rounding },
      units,
      nodeIds: units[0]?.criteria.map((c) => c.id) ?? [],
    },
    diagnostics,
  };
}
