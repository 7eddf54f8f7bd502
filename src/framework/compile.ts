/**
 * Compiles a validated framework into the frozen plan of ./ir.ts: names become
 * slots, numbers Decimals, dates CalendarDates, defaults are applied.
 * Only called when validation found no error.
 */
import { DEFAULT_ROUNDING, ZERO, dec, isDecimal, type Decimal } from "../core/decimal.js";
import { CalendarDate } from "../core/value.js";
import type { DocPath } from "../diagnostics/index.js";
import { compileExpression } from "../expr/index.js";
import {
  IMPLICIT_PART,
  type AdjustmentPlan,
  type BandCondition,
  type BandPlan,
  type CompiledExpr,
  type CompiledFramework,
  type DerivedPlan,
  type GradeBandPlan,
  type InputPlan,
  type NodePlan,
  type PartPlan,
  type RulePlan,
} from "./ir.js";
import type { RawFramework, RawRule, RawTitle } from "./schema.js";
import { conditionsOf } from "./checks/bands.js";
import type { NodeEntry } from "./checks/context.js";
import { pathKey, type ExprTable } from "./checks/expressions.js";
import { describeConditions } from "./checks/intervals.js";

export interface CompileInput {
  readonly fw: RawFramework;
  readonly nodes: readonly NodeEntry[];
  readonly exprs: ExprTable;
  readonly file?: string;
}

export function compileFramework({ fw, nodes, exprs, file }: CompileInput): CompiledFramework {
  const inputs: InputPlan[] = Object.entries(fw.inputs ?? {}).map(([name, raw], slot) => ({
    kind: "input",
    name,
    slot,
    type: raw.type,
    ...(raw.min !== undefined && { min: dec(raw.min) }),
    ...(raw.max !== undefined && { max: dec(raw.max) }),
    ...(raw.values !== undefined && { values: [...raw.values] }),
    missing: raw.missing ?? "error",
    ...(raw.label !== undefined && { label: raw.label }),
  }));
  const slots = new Map<string, number>(inputs.map((i) => [i.name, i.slot]));
  exprs.derivedOrder.forEach((name, i) => slots.set(name, inputs.length + i));
  const slotOf = (name: string): number => slots.get(name) ?? -1;
  const compileAt = (path: DocPath): CompiledExpr => {
    const checked = exprs.byPath.get(pathKey(path));
    if (!checked) throw new Error(`internal: no parsed expression at ${path.join(".")}`);
    return compileExpression(checked.parsed, slotOf);
  };

  const derived: DerivedPlan[] = exprs.derivedOrder.map((name) => ({
    kind: "derived",
    name,
    slot: slotOf(name),
    expr: compileAt(["derived", name]),
  }));

  const parts: PartPlan[] = fw.parts
    ? Object.entries(fw.parts).map(([id, p]) => ({ kind: "part", id, title: titleOf(p?.title).vi ?? id, optional: p?.optional ?? false }))
    : [{ kind: "part", id: IMPLICIT_PART, title: "Total", optional: false }];
  const defaultPart = parts[0]!.id;

  const groupMax: Decimal[] = new Array(nodes.length);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    groupMax[i] = n.children.length ? n.children.reduce((sum, c) => sum.plus(groupMax[c]!), ZERO) : dec(n.raw.max ?? 0);
  }
  const resolvedPart: string[] = [];
  const nodePlans: NodePlan[] = nodes.map((n) => {
    const part = n.raw.part ?? (n.parent >= 0 ? resolvedPart[n.parent]! : defaultPart);
    resolvedPart.push(part);
    const common = {
      id: n.raw.id,
      title: titleOf(n.raw.title).vi ?? "",
      index: n.index,
      parent: n.parent,
      depth: n.depth,
      part,
      max: groupMax[n.index]!,
      ...(n.raw.applies_if !== undefined && { appliesIf: compileAt([...n.path, "applies_if"]) }),
      notApplicable: n.raw.not_applicable ?? "exclude",
      ...(n.raw.evidence !== undefined && {
        evidence: typeof n.raw.evidence === "string" ? n.raw.evidence : n.raw.evidence.join("; "),
      }),
      ...(Array.isArray(n.raw.evidence) && { documents: Object.freeze(n.raw.evidence.map((d) => d.normalize("NFC"))) }),
      ...(n.raw.notes !== undefined && { notes: n.raw.notes }),
    };
    if (n.raw.rule && n.children.length === 0) {
      return { ...common, kind: "leaf", rule: compileRule(n.raw.rule, [...n.path, "rule"], groupMax[n.index]!, compileAt) };
    }
    return { ...common, kind: "group", children: [...n.children] };
  });

  const adjustments: AdjustmentPlan[] = (fw.adjustments ?? []).map((a, i) => ({
    kind: a.kind,
    id: a.id,
    title: titleOf(a.title).vi ?? "",
    max: dec(a.max),
    rule: compileRule(a.rule, ["adjustments", i, "rule"], dec(a.max), compileAt),
  }));

  const grades: GradeBandPlan[] | undefined = fw.grades?.map((g) =>
    g.otherwise !== undefined ? { conditions: [], label: g.otherwise } : { conditions: toConditions(conditionsOf(g)), label: g.label ?? "" },
  );

  const title = titleOf(fw.title);
  const compiled: CompiledFramework = {
    kind: "framework",
    format: "par-index/v1",
    id: fw.id,
    title: title.vi ?? "",
    ...(title.en !== undefined && { titleEn: title.en }),
    ...(fw.level !== undefined && { level: fw.level }),
    year: fw.year,
    source: fw.source,
    ...(fw.notes !== undefined && { notes: fw.notes }),
    ...(file !== undefined && { file }),
    rounding: { decimals: fw.rounding?.decimals ?? DEFAULT_ROUNDING.decimals, mode: fw.rounding?.mode ?? DEFAULT_ROUNDING.mode },
    parts,
    inputs,
    inputByName: new Map(inputs.map((i) => [i.name, i])),
    derived,
    slotCount: inputs.length + derived.length,
    nodes: nodePlans,
    roots: nodePlans.filter((n) => n.parent < 0).map((n) => n.index),
    nodeById: new Map(nodePlans.map((n) => [n.id, n])),
    adjustments,
    ...(fw.cap !== undefined && { cap: dec(fw.cap) }),
    ...(grades !== undefined && { grades }),
    ranking: {
      by: fw.ranking?.by ?? "index",
      on: fw.ranking?.on ?? "published",
      ties: fw.ranking?.ties ?? "competition",
      tiebreak: [...(fw.ranking?.tiebreak ?? [])],
      ...(fw.ranking?.within !== undefined && { within: fw.ranking.within }),
    },
  };
  return deepFreeze(compiled);
}

function titleOf(title: RawTitle | undefined): { vi?: string; en?: string } {
  if (title === undefined) return {};
  if (typeof title === "string") return { vi: title };
  return { vi: title.vi, ...(title.en !== undefined && { en: title.en }) };
}

function toConditions(conds: ReturnType<typeof conditionsOf>): BandCondition[] {
  return conds.map((c) => ({ op: c.op, bound: typeof c.bound === "number" ? dec(c.bound) : c.bound }));
}

function compileRule(rule: RawRule, path: DocPath, max: Decimal, compileAt: (path: DocPath) => CompiledExpr): RulePlan {
  const num = (n: number | undefined, fallback: Decimal): Decimal => (n === undefined ? fallback : dec(n));
  if (rule.boolean) {
    return { kind: "boolean", value: compileAt([...path, "boolean", "value"]), truePoints: num(rule.boolean.true, max), falsePoints: num(rule.boolean.false, ZERO) };
  }
  if (rule.bands) {
    const bands: BandPlan[] = rule.bands.bands.map((b) => {
      if (b.otherwise !== undefined) return { kind: "band", conditions: [], points: dec(b.otherwise), label: "otherwise" };
      const conditions = toConditions(conditionsOf(b));
      return { kind: "band", conditions, points: num(b.points, ZERO), label: describeConditions(conditions) };
    });
    return { kind: "bands", value: compileAt([...path, "bands", "value"]), bands };
  }
  if (rule.ratio) {
    return { kind: "ratio", value: compileAt([...path, "ratio", "value"]), lower: num(rule.ratio.lower, ZERO), upper: num(rule.ratio.upper, dec(1)) };
  }
  if (rule.deadline) {
    const d = rule.deadline;
    const lateUntil = d.late_until !== undefined ? CalendarDate.parseIso(d.late_until) : undefined;
    return {
      kind: "deadline",
      value: compileAt([...path, "deadline", "value"]),
      due: CalendarDate.parseIso(d.due)!,
      late: num(d.late, ZERO),
      ...(lateUntil && { lateUntil }),
      missingPoints: num(d.missing, ZERO),
    };
  }
  if (rule.choice) {
    const points = new Map(Object.entries(rule.choice.points).map(([k, v]) => [k, dec(v)] as const));
    return { kind: "choice", value: compileAt([...path, "choice", "value"]), points };
  }
  if (rule.deduct) {
    return { kind: "deduct", value: compileAt([...path, "deduct", "value"]), per: dec(rule.deduct.per), floor: num(rule.deduct.floor, ZERO) };
  }
  if (rule.expr !== undefined) return { kind: "expr", value: compileAt([...path, "expr"]) };
  const step = rule.manual?.step;
  return step !== undefined ? { kind: "manual", step: dec(step) } : { kind: "manual" };
}

/** Freezes plain objects, arrays and Map values recursively; Decimals, dates and functions are left as they are. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value) || isDecimal(value) || value instanceof CalendarDate) return value;
  if (value instanceof Map) {
    for (const v of value.values()) deepFreeze(v);
    return Object.freeze(value);
  }
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
