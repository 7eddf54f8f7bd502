/**
 * The contract's Results JSON (framework-format.md, "Results"): numbers rounded to
 * the framework's decimals, units by rank then code, every node in framework order.
 */
import { type Decimal, type Rounding, roundTo, toJsonNumber } from "../core/decimal.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { scaledIndexToNumber, scaledToNumber } from "./fixed.js";
import { enginePlan } from "./plan.js";
import type { NodeResult, NodeStatus, ScoreResult, UnitResult } from "./result.js";
import type { CompiledFramework } from "../framework/ir.js";

/** Node results built by the engine carry exact scaled integers: JSON numbers come from them without decimal.js work. */
interface ScaledNode extends NodeResult {
  readonly scaledPoints: bigint;
  readonly scaledMax: bigint;
}

function isScaled(n: NodeResult): n is ScaledNode {
  return typeof (n as Partial<ScaledNode>).scaledPoints === "bigint";
}

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
  line?: number;
  column?: number;
  unit?: string;
  criterion?: string;
  input?: string;
}

function num(value: Decimal, rounding: Rounding): number {
  const n = toJsonNumber(roundTo(value, rounding));
  return Object.is(n, -0) ? 0 : n;
}

/** A diagnostic as JSON: severity, code, message, then where it is (the keys that are known). */
export function diagnosticToJson(d: Diagnostic): DiagnosticJson {
  const out: DiagnosticJson = { severity: d.severity, code: d.code, message: d.message };
  if (d.file !== undefined) out.file = d.file;
  if (d.line !== undefined) out.line = d.line;
  if (d.column !== undefined) out.column = d.column;
  if (d.unit !== undefined) out.unit = d.unit;
  if (d.criterion !== undefined) out.criterion = d.criterion;
  if (d.input !== undefined) out.input = d.input;
  return out;
}

function criterionToJson(n: NodeResult, rounding: Rounding, k: number): CriterionJson {
  let points: number;
  let max: number;
  let index: number | undefined;
  if (isScaled(n)) {
    points = scaledToNumber(n.scaledPoints, k, rounding);
    max = scaledToNumber(n.scaledMax, k, rounding);
    index = n.status === "not_applicable" ? undefined : scaledIndexToNumber(n.scaledPoints, n.scaledMax, rounding);
  } else {
    points = num(n.points, rounding);
    max = num(n.max, rounding);
    const i = n.status === "not_applicable" ? undefined : n.index;
    index = i === undefined ? undefined : num(i, rounding);
  }
  const c: CriterionJson = index === undefined ? { id: n.id, points, max, status: n.status } : { id: n.id, points, max, index, status: n.status };
  const self = n.self;
  if (self !== undefined) {
    c.self = num(self, rounding);
    c.self_diff = num(self.minus(n.points), rounding);
  }
  return c;
}

/** One unit as JSON; `grade` is present only when the framework has grades (null when no band matched). */
export function unitResultToJson(u: UnitResult, framework: CompiledFramework): UnitJson {
  const rounding = framework.rounding;
  const hasGrades = (framework.grades?.length ?? 0) > 0;
  const k = enginePlan(framework).k;
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
    criteria: u.nodes.map((n) => criterionToJson(n, rounding, k)),
  };
}

/** The whole result as the contract's JSON object. */
export function scoreResultToJson(result: ScoreResult): ScoreResultJson {
  const fw = result.framework;
  return {
    framework: { id: fw.id, year: fw.year },
    units: result.units.map((u) => unitResultToJson(u, fw)),
    diagnostics: result.diagnostics.map(diagnosticToJson),
  };
}
