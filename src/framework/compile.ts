/**
 * Compiles a validated framework into the frozen plan of ./ir.ts: names become
 * slots, numbers Decimals, dates CalendarDates, defaults are applied.
 * Only called when validation found no error.
 */
import { DEFAULT_ROUNDING, ZERO, dec, isDecimal, type Decimal } from "../core/decimal.js";
import { CalendarDate, isCalendarDate } from "../core/value.js";
import { exactPlus } from "../core/exact.js";
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
  /** The source text of each value: numbers are read from it, never through a binary float. */
  readonly sourceText?: (path: DocPath) => string | undefined;
}

/** A plain decimal literal (what YAML reads as a number, but hex, octal, .inf and .nan). */
const DECIMAL_LITERAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** `n` as the exact decimal of its source text (`0.33333333333333333333`, `12345678901234567890`). */
function exactNumber(sourceText: CompileInput["sourceText"], path: DocPath, n: number): Decimal {
  const text = sourceText?.(path)?.trim();
  if (text !== undefined && DECIMAL_LITERAL.test(text)) {
    const d = dec(text);
    // Within the range a YAML number can have (the schema refused infinities); beyond it, the double.
    if (d.isFinite() && Math.abs(d.e) <= 400) return d;
  }
  return dec(n);
}

export function compileFramework({ fw, nodes, exprs, file, sourceText }: CompileInput): CompiledFramework {
  const numAt = (path: DocPath, n: number): Decimal => exactNumber(sourceText, path, n);
  const inputs: InputPlan[] = Object.entries(fw.inputs ?? {}).map(([name, raw], slot) => ({
    kind: "input",
    name,
    slot,
    type: raw.type,
    ...(raw.min !== undefined && { min: numAt(["inputs", name, "min"], raw.min) }),
    ...(raw.max !== undefined && { max: numAt(["inputs", name, "max"], raw.max) }),
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
    groupMax[i] = n.children.length ? n.children.reduce((sum, c) => exactPlus(sum, groupMax[c]!), ZERO) : n.raw.max === undefined ? ZERO : numAt([...n.path, "max"], n.raw.max);
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
      return { ...common, kind: "leaf", rule: compileRule(n.raw.rule, [...n.path, "rule"], groupMax[n.index]!, compileAt, numAt) };
    }
    return { ...common, kind: "group", children: [...n.children] };
  });

  const adjustments: AdjustmentPlan[] = (fw.adjustments ?? []).map((a, i) => ({
    kind: a.kind,
    id: a.id,
    title: titleOf(a.title).vi ?? "",
    max: numAt(["adjustments", i, "max"], a.max),
    rule: compileRule(a.rule, ["adjustments", i, "rule"], numAt(["adjustments", i, "max"], a.max), compileAt, numAt),
  }));

  const grades: GradeBandPlan[] | undefined = fw.grades?.map((g, i) =>
    g.otherwise !== undefined ? { conditions: [], label: g.otherwise } : { conditions: toConditions(conditionsOf(g), ["grades", i], numAt), label: g.label ?? "" },
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
    ...(fw.cap !== undefined && { cap: numAt(["cap"], fw.cap) }),
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

type NumAt = (path: DocPath, n: number) => Decimal;

function toConditions(conds: ReturnType<typeof conditionsOf>, path: DocPath, numAt: NumAt): BandCondition[] {
  return conds.map((c) => ({ op: c.op, bound: typeof c.bound === "number" ? numAt([...path, c.op], c.bound) : c.bound }));
}

function compileRule(rule: RawRule, path: DocPath, max: Decimal, compileAt: (path: DocPath) => CompiledExpr, numAt: NumAt): RulePlan {
  /** A number at `path` relative to the rule, or the fallback when absent. */
  const at = (rel: DocPath, n: number | undefined, fallback: Decimal): Decimal => (n === undefined ? fallback : numAt([...path, ...rel], n));
  if (rule.boolean) {
    return { kind: "boolean", value: compileAt([...path, "boolean", "value"]), truePoints: at(["boolean", "true"], rule.boolean.true, max), falsePoints: at(["boolean", "false"], rule.boolean.false, ZERO) };
  }
  if (rule.bands) {
    const bands: BandPlan[] = rule.bands.bands.map((b, j) => {
      const bandPath: DocPath = [...path, "bands", "bands", j];
      if (b.otherwise !== undefined) return { kind: "band", conditions: [], points: numAt([...bandPath, "otherwise"], b.otherwise), label: "otherwise" };
      const conditions = toConditions(conditionsOf(b), bandPath, numAt);
      return { kind: "band", conditions, points: b.points === undefined ? ZERO : numAt([...bandPath, "points"], b.points), label: describeConditions(conditions) };
    });
    return { kind: "bands", value: compileAt([...path, "bands", "value"]), bands };
  }
  if (rule.ratio) {
    return { kind: "ratio", value: compileAt([...path, "ratio", "value"]), lower: at(["ratio", "lower"], rule.ratio.lower, ZERO), upper: at(["ratio", "upper"], rule.ratio.upper, dec(1)) };
  }
  if (rule.deadline) {
    const d = rule.deadline;
    const lateUntil = d.late_until !== undefined ? CalendarDate.parseIso(d.late_until) : undefined;
    return {
      kind: "deadline",
      value: compileAt([...path, "deadline", "value"]),
      due: CalendarDate.parseIso(d.due)!,
      late: at(["deadline", "late"], d.late, ZERO),
      ...(lateUntil && { lateUntil }),
      missingPoints: at(["deadline", "missing"], d.missing, ZERO),
    };
  }
  if (rule.choice) {
    const points = new Map(Object.entries(rule.choice.points).map(([k, v]) => [k, numAt([...path, "choice", "points", k], v)] as const));
    return { kind: "choice", value: compileAt([...path, "choice", "value"]), points };
  }
  if (rule.deduct) {
    return { kind: "deduct", value: compileAt([...path, "deduct", "value"]), per: numAt([...path, "deduct", "per"], rule.deduct.per), floor: at(["deduct", "floor"], rule.deduct.floor, ZERO) };
  }
  if (rule.expr !== undefined) return { kind: "expr", value: compileAt([...path, "expr"]) };
  const step = rule.manual?.step;
  return step !== undefined ? { kind: "manual", step: numAt([...path, "manual", "step"], step) } : { kind: "manual" };
}

/** Freezes plain objects, arrays and Map values recursively; Decimals, dates and functions are left as they are. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value) || isDecimal(value) || isCalendarDate(value)) return value;
  if (value instanceof Map) {
    for (const v of value.values()) deepFreeze(v);
    return Object.freeze(value);
  }
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
