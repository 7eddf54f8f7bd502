/**
 * Per-framework facts the engine needs for every unit, computed once and cached:
 * which values each rule reads (for explanations) and which inputs it depends on
 * transitively through derived values (for missing-data policies and part presence).
 */
import type { Decimal } from "../core/decimal.js";
import { roundTo } from "../core/decimal.js";
import { placesOf, toScaled } from "./fixed.js";
import type { AdjustmentPlan, CompiledExpr, CompiledFramework, DerivedPlan, RulePlan } from "../framework/ir.js";

/** A value read by an expression, resolved to its slot. */
export interface ReadPlan {
  readonly name: string;
  readonly slot: number;
  readonly via?: string;
}

export interface ExprDeps {
  readonly reads: readonly ReadPlan[];
  /** Input slots read directly or through derived values, ascending, unique. */
  readonly inputSlots: readonly number[];
}

export interface PartPlanFacts {
  readonly id: string;
  readonly optional: boolean;
  /** Leaf positions of the part. */
  readonly leaves: readonly number[];
  /** Every input slot read by the part's leaves (rule values and applies_if). */
  readonly inputSlots: readonly number[];
  /** Criterion ids of the part's leaves (points-table presence). */
  readonly leafIds: readonly string[];
}

export interface EnginePlan {
  readonly framework: CompiledFramework;
  /** Per node position: the rule value's dependencies (leaves with a value expression). */
  readonly ruleDeps: readonly (ExprDeps | undefined)[];
  /** Per node position: applies_if dependencies. */
  readonly appliesIfDeps: readonly (ExprDeps | undefined)[];
  readonly adjustmentDeps: readonly (ExprDeps | undefined)[];
  readonly parts: readonly PartPlanFacts[];
  readonly partIndex: ReadonlyMap<string, number>;
  /** Per node position: the index of its part in {@link parts}. */
  readonly nodePart: readonly number[];
  /**
   * Nodes whose whole subtree counts toward one part, covering every leaf once:
   * part totals are sums of these nodes' points and max.
   */
  readonly partCover: readonly { readonly position: number; readonly part: number }[];
  /** Rounds a constant of the framework (band points, max, ...), memoised by identity. */
  readonly roundConst: (value: Decimal) => Decimal;
  /** Sums are exact integers counting 10^-k (k ≥ rounding decimals, ≥ every max's places). */
  readonly k: number;
  /** A framework constant (or a {@link roundConst} result) as an integer count of 10^-k, memoised by identity. */
  readonly scaled: (value: Decimal) => bigint;
}

const cache = new WeakMap<CompiledFramework, EnginePlan>();

/** The value expression of a rule, if it has one. */
export function ruleValue(rule: RulePlan): CompiledExpr | undefined {
  return rule.kind === "manual" ? undefined : rule.value;
}

/** Builds (once per framework object) the engine's plan. */
export function enginePlan(framework: CompiledFramework): EnginePlan {
  const hit = cache.get(framework);
  if (hit) return hit;
  const derivedByName = new Map<string, DerivedPlan>();
  for (const d of framework.derived) derivedByName.set(d.name, d);

  const depsOf = (expr: CompiledExpr | undefined): ExprDeps | undefined => {
    if (!expr) return undefined;
    const reads: ReadPlan[] = [];
    const seen = new Set<string>();
    const inputSlots = new Set<number>();
    const visit = (names: readonly string[], via: string | undefined, depth: number): void => {
      if (depth > framework.derived.length + 1) return; // cycles are rejected by the compiler; never loop
      for (const name of names) {
        const input = framework.inputByName.get(name);
        const derived = input ? undefined : derivedByName.get(name);
        if (input) inputSlots.add(input.slot);
        if (!seen.has(name) && (input || derived)) {
          seen.add(name);
          const slot = input ? input.slot : derived!.slot;
          reads.push(via === undefined ? { name, slot } : { name, slot, via });
        }
        if (derived) visit(derived.expr.names, name, depth + 1);
      }
    };
    visit(expr.names, undefined, 0);
    return { reads, inputSlots: [...inputSlots].sort((a, b) => a - b) };
  };

  const ruleDeps = framework.nodes.map((n) => (n.kind === "leaf" ? depsOf(ruleValue(n.rule)) : undefined));
  const appliesIfDeps = framework.nodes.map((n) => depsOf(n.appliesIf));
  const adjustmentDeps = framework.adjustments.map((a: AdjustmentPlan) => depsOf(ruleValue(a.rule)));

  const partIndex = new Map<string, number>();
  framework.parts.forEach((p, i) => partIndex.set(p.id, i));
  const nodePart = framework.nodes.map((n) => partIndex.get(n.part) ?? 0);
  const parts: PartPlanFacts[] = framework.parts.map((p, i) => {
    const leaves: number[] = [];
    const slots = new Set<number>();
    const leafIds: string[] = [];
    for (const n of framework.nodes) {
      if (n.kind !== "leaf" || nodePart[n.index] !== i) continue;
      leaves.push(n.index);
      leafIds.push(n.id);
      for (const s of ruleDeps[n.index]?.inputSlots ?? []) slots.add(s);
      for (const s of appliesIfDeps[n.index]?.inputSlots ?? []) slots.add(s);
    }
    return { id: p.id, optional: p.optional, leaves, inputSlots: [...slots].sort((a, b) => a - b), leafIds };
  });

  const singlePart = new Array<number>(framework.nodes.length); // part index, or -1 when mixed
  for (let i = framework.nodes.length - 1; i >= 0; i--) {
    const n = framework.nodes[i]!;
    if (n.kind === "leaf") singlePart[i] = nodePart[i]!;
    else {
      const first = n.children.length > 0 ? singlePart[n.children[0]!]! : -1;
      singlePart[i] = n.children.every((c) => singlePart[c] === first) ? first : -1;
    }
  }
  const partCover: { position: number; part: number }[] = [];
  const cover = (i: number): void => {
    const n = framework.nodes[i]!;
    if (singlePart[i]! >= 0) partCover.push({ position: i, part: singlePart[i]! });
    else if (n.kind === "group") for (const c of n.children) cover(c);
  };
  for (const r of framework.roots) cover(r);

  const roundCache = new Map<Decimal, Decimal>();
  const roundConst = (value: Decimal): Decimal => {
    let r = roundCache.get(value);
    if (r === undefined) {
      r = roundTo(value, framework.rounding);
      roundCache.set(value, r);
    }
    return r;
  };

  let k = framework.rounding.decimals;
  for (const n of framework.nodes) k = Math.max(k, placesOf(n.max));
  for (const a of framework.adjustments) k = Math.max(k, placesOf(a.max));
  if (framework.cap !== undefined) k = Math.max(k, placesOf(framework.cap));
  const scaledCache = new Map<Decimal, bigint>();
  const scaled = (value: Decimal): bigint => {
    let r = scaledCache.get(value);
    if (r === undefined) {
      r = toScaled(value, k);
      scaledCache.set(value, r);
    }
    return r;
  };

  const plan: EnginePlan = { framework, ruleDeps, appliesIfDeps, adjustmentDeps, parts, partIndex, nodePart, partCover, roundConst, k, scaled };
  cache.set(framework, plan);
  return plan;
}
