/**
 * The contract's Results JSON (framework-format.md, "Results"): numbers rounded to
 * the framework's decimals, units by rank then code, every node in framework order.
 */
import { type Decimal, indexOf, type Rounding, roundTo, toJsonNumber } from "../core/decimal.js";
import { exactJson } from "../core/json-text.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { NodeResult, NodeStatus, ScoreResult, UnitResult } from "./result.js";
import type { CompiledFramework } from "../framework/ir.js";
import { type Scaled, STATUS_NOT_APPLICABLE, TOTAL_MAX, TOTAL_POINTS } from "./store.js";
import { UnitScore } from "./unit.js";

const STATUS: readonly NodeStatus[] = ["scored", "not_applicable", "missing"];

export interface ScoreResultJson {
  framework: { id: string; year: number };
  units: UnitJson[];
  diagnostics: DiagnosticJson[];
}

export interface UnitJson {
  unit: string;
  name: string;
  rank: number;
  points: number;
  max: number;
  index?: number;
  grade?: string | null;
  complete: boolean;
  parts: Record<string, { points: number; max: number; index?: number }>;
  adjustments: { id: string; points: number }[];
  criteria: CriterionJson[];
}

export interface CriterionJson {
  id: string;
  points: number;
  max: number;
  index?: number;
  status: NodeStatus;
  self?: number;
  self_diff?: number;
}

export interface DiagnosticJson {
  severity: string;
  code: string;
  message: string;
  file?: string;
  sheet?: string;
  line?: number;
  column?: number;
  unit?: string;
  criterion?: string;
  input?: string;
  /** The JSON path of the offending value, for problems in JSON (or YAML) files. */
  path?: (string | number)[];
}

/**
 * With `exact`, a number that a double cannot hold (`decimals: 10`, 12345678.1234567891) becomes an
 * ExactJsonNumber (typed as number) that {@link stringifyJson} writes digit for digit; without it
 * (the API default), a plain JSON number, the nearest double.
 */
let exactNumbers = false;

function num(value: Decimal, rounding: Rounding): number {
  const r = roundTo(value, rounding);
  const n = toJsonNumber(r);
  const v = Object.is(n, -0) ? 0 : n;
  return exactNumbers ? (exactJson(v, () => r) as number) : v;
}

/** A number from the store's counts, exact when asked (see {@link num}). */
function counted(n: number, exact: () => Decimal): number {
  return exactNumbers ? (exactJson(n, exact) as number) : n;
}

/** A diagnostic as JSON: severity, code, message, then where it is (the keys that are known). */
export function diagnosticToJson(d: Diagnostic): DiagnosticJson {
  const out: DiagnosticJson = { severity: d.severity, code: d.code, message: d.message };
  if (d.file !== undefined) out.file = d.file;
  if (d.sheet !== undefined) out.sheet = d.sheet;
  if (d.line !== undefined) out.line = d.line;
  if (d.column !== undefined) out.column = d.column;
  if (d.unit !== undefined) out.unit = d.unit;
  if (d.criterion !== undefined) out.criterion = d.criterion;
  if (d.input !== undefined) out.input = d.input;
  if (d.path !== undefined && d.path.length > 0) out.path = [...d.path];
  return out;
}

function criterionToJson(n: NodeResult, rounding: Rounding): CriterionJson {
  const points = num(n.points, rounding);
  const max = num(n.max, rounding);
  const i = n.status === "not_applicable" ? undefined : n.index;
  const index = i === undefined ? undefined : num(i, rounding);
  const c: CriterionJson = index === undefined ? { id: n.id, points, max, status: n.status } : { id: n.id, points, max, index, status: n.status };
  const self = n.self;
  if (self !== undefined) {
    c.self = num(self, rounding);
    c.self_diff = num(self.minus(n.points), rounding);
  }
  return c;
}

/**
 * A unit scored by the engine, straight from its exact integer counts: the same numbers
 * as through its Decimals (rounded once, with the framework's mode), without building them.
 */
function unitScoreToJson(u: UnitScore, framework: CompiledFramework, hasGrades: boolean): UnitJson {
  const rounding = framework.rounding;
  const { store, row, ev } = u.core;
  const a = store.arith;
  const parts: UnitJson["parts"] = {};
  const J = (x: Scaled): number => counted(a.toJsonNumber(x), () => roundTo(a.toDecimal(x), rounding));
  const I = (p: Scaled, m: Scaled): number | undefined => {
    const i = a.indexJson(p, m);
    return i === undefined ? undefined : counted(i, () => roundTo(indexOf(a.toDecimal(p), a.toDecimal(m))!, rounding));
  };
  framework.parts.forEach((p, i) => {
    const at = row * store.partCount + i;
    const points = J(store.partPoints[at]!);
    const max = J(store.partMax[at]!);
    const index = I(store.partPoints[at]!, store.partMax[at]!);
    parts[p.id] = index === undefined ? { points, max } : { points, max, index };
  });
  const adjustments = framework.adjustments.map((adj, i) => {
    const at = row * store.adjustmentCount + i;
    if (store.adjustmentFlags[at] === STATUS_NOT_APPLICABLE) return { id: adj.id, points: 0 };
    const x = store.adjustmentPoints[at]!;
    const d = (): Decimal => roundTo(a.toDecimal(x), rounding);
    const p = a.toJsonNumber(x);
    if (adj.kind !== "penalty" || p === 0) return { id: adj.id, points: counted(p, d) };
    return { id: adj.id, points: counted(-p, () => d().neg()) };
  });
  // Self scores: only the points-table rows that have one (most nodes have none).
  let selfs: (Decimal | undefined)[] | undefined;
  if (ev !== undefined) {
    for (const [id, entry] of ev.points) {
      if (entry.self === undefined) continue;
      const node = framework.nodeById.get(id);
      if (node !== undefined) (selfs ??= [])[node.index] = entry.self;
    }
  }
  const n = store.nodeCount;
  const criteria: CriterionJson[] = new Array<CriterionJson>(n);
  for (let i = 0; i < n; i++) {
    const at = row * n + i;
    const p = store.nodePoints[at]!;
    const m = store.nodeMax[at]!;
    const status = STATUS[store.nodeFlags[at]! % 3]!;
    const points = J(p);
    const max = J(m);
    const index = status === "not_applicable" ? undefined : I(p, m);
    const c: CriterionJson = index === undefined ? { id: framework.nodes[i]!.id, points, max, status } : { id: framework.nodes[i]!.id, points, max, index, status };
    const self = selfs?.[i];
    if (self !== undefined) {
      c.self = num(self, rounding);
      c.self_diff = num(self.minus(a.toDecimal(p)), rounding);
    }
    criteria[i] = c;
  }
  const total = store.totals[row * 4 + TOTAL_POINTS]!;
  const totalMax = store.totals[row * 4 + TOTAL_MAX]!;
  const index = I(total, totalMax);
  return {
    unit: u.unit,
    name: u.name,
    rank: u.rank,
    points: J(total),
    max: J(totalMax),
    ...(index !== undefined && { index }),
    ...(hasGrades && { grade: u.grade ?? null }),
    complete: u.complete,
    parts,
    adjustments,
    criteria,
  };
}

/** One unit as JSON; `grade` is present only when the framework has grades (null when no band matched). */
export function unitResultToJson(u: UnitResult, framework: CompiledFramework): UnitJson {
  const rounding = framework.rounding;
  const hasGrades = (framework.grades?.length ?? 0) > 0;
  if (u instanceof UnitScore && u.core.plan.framework === framework) return unitScoreToJson(u, framework, hasGrades);
  const parts: UnitJson["parts"] = {};
  for (const p of u.parts) {
    parts[p.id] = p.index === undefined ? { points: num(p.points, rounding), max: num(p.max, rounding) } : { points: num(p.points, rounding), max: num(p.max, rounding), index: num(p.index, rounding) };
  }
  return {
    unit: u.unit,
    name: u.name,
    rank: u.rank,
    points: num(u.points, rounding),
    max: num(u.max, rounding),
    ...(u.index !== undefined && { index: num(u.index, rounding) }),
    ...(hasGrades && { grade: u.grade ?? null }),
    complete: u.complete,
    parts,
    adjustments: u.adjustments.map((a) => ({ id: a.id, points: num(a.signed, rounding) })),
    criteria: u.nodes.map((n) => criterionToJson(n, rounding)),
  };
}

export interface ScoreJsonOptions {
  /**
   * Numbers a double cannot hold exactly (more than 15 significant digits) as
   * ExactJsonNumber objects, for `stringifyJson`, which writes every digit (the CLI's
   * JSON). Default false: plain numbers (the nearest double).
   */
  readonly exactNumbers?: boolean;
}

/** The whole result as the contract's JSON object. */
export function scoreResultToJson(result: ScoreResult, options: ScoreJsonOptions = {}): ScoreResultJson {
  const fw = result.framework;
  const before = exactNumbers;
  exactNumbers = options.exactNumbers === true;
  try {
    return {
      framework: { id: fw.id, year: fw.year },
      units: result.units.map((u) => unitResultToJson(u, fw)),
      diagnostics: result.diagnostics.map(diagnosticToJson),
    };
  } finally {
    exactNumbers = before;
  }
}
