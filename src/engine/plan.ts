/**
 * Per-framework facts the engine needs for every unit, computed once and cached:
 * which values each rule reads (for explanations) and which inputs it depends on
 * transitively through derived values (for missing-data policies and part presence).
 */
import type { Decimal } from "../core/decimal.js";
import { roundTo, ZERO } from "../core/decimal.js";
import { fromScaled, placesOf, toScaled } from "./fixed.js";
import { type FastManualRule, type FastRationalRule, type FastValueRule, fastManualRule, fastRationalRule, fastValueRule } from "./fast.js";
import { exprShape } from "../expr/compile.js";
import { type FastNamed, type FastNum, rationalBoolOf, rationalOf } from "../expr/rational.js";
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
  /**
   * Whether every count of 10^-k the engine can meet (each leaf's and adjustment's points
   * lie within its constants, so every sum is bounded by their total) is below 2^50: then
   * counts are JS safe integers and sums are exact integer additions; else BigInt.
   */
  readonly safe: boolean;
  /** Per node position: the node's max as a count of 10^-k (a group: the sum of its leaves). */
  readonly maxScaled: readonly bigint[];
  /** Per node position: a leaf's fast rule (safe plans only; see fast.ts). */
  readonly leafFast: readonly (FastValueRule | FastManualRule | undefined)[];
  /** Per adjustment: its fast rule (safe plans only). */
  readonly adjustmentFast: readonly (FastValueRule | FastManualRule | undefined)[];
  /** Per part: why its leaves are excluded when the part has no data for a unit. */
  readonly noDataReason: readonly string[];
  /** Interns a not-applicable reason (a short text from a finite set per framework) as a small code ≥ 1. */
  readonly reasonCode: (text: string) => number;
  /** The text of a reason code. */
  readonly reasonText: (code: number) => string | undefined;
  /** The Decimal `n × 10^-k` for a safe count, memoised (points repeat a lot across units). */
  readonly decimalOf: (n: number) => Decimal;
  /** The Decimal `n × 10^-decimals` (a published index), memoised. */
  readonly publishedDecimalOf: (n: number) => Decimal;
  /** Whether every count fits a 32-bit signed integer (then the store uses Int32Arrays). */
  readonly small: boolean;
  /** How many distinct not-applicable reasons the framework can produce (sizes the reason codes). */
  readonly reasonCapacity: number;
  /** Per node position: the slot a leaf without a fraction form reads when its rule value is a plain name, else −1. */
  readonly leafSlot: Int32Array;
  /** Per node position: 1 for a leaf with a manual rule. */
  readonly leafManual: Uint8Array;
  /** Per node position: a numeric leaf scored from the exact fraction of its value expression (a plain input included). */
  readonly leafRational: readonly (RationalPlan | undefined)[];
  /** Per adjustment: the same. */
  readonly adjustmentRational: readonly (RationalPlan | undefined)[];
  /**
   * Per derived value (in {@link CompiledFramework.derived} order): computed only on demand —
   * read only through fast forms, which compute it as a fraction. Explanations and the exact
   * evaluation (when a fast form is undecided) compute it.
   */
  readonly lazyDerived: Uint8Array;
  /**
   * Per input (in {@link CompiledFramework.inputs} order): 1 when only fast forms read it, so that
   * a number the evidence holds as a scaled integer is read as a fraction and its Value (a Decimal)
   * is built only on demand (a fallback to the exact evaluation, explanations, the exact-only switch).
   */
  readonly lazyInput: Uint8Array;
  /** Per node position: what a leaf with a fraction form must have in its slots before its exact evaluation. */
  readonly leafFallback: readonly (Fallback | undefined)[];
  /** Per adjustment: the same. */
  readonly adjustmentFallback: readonly (Fallback | undefined)[];
  /** The tree as flat arrays, for the per-unit loop: parent (−1 for a root), leaf flag, children. */
  readonly tree: FlatTree;
}

export interface FlatTree {
  readonly parent: Int32Array;
  readonly isLeaf: Uint8Array;
  /** Children of node i: childList[childStart[i] .. childStart[i + 1]). */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  readonly appliesIf: readonly (CompiledExpr | undefined)[];
  /** The node's own not-applicable policy: 0 exclude, 1 full, 2 zero. */
  readonly policy: Uint8Array;
}

const POLICY_CODES = { exclude: 0, full: 1, zero: 2 } as const;

function flatTree(framework: CompiledFramework): FlatTree {
  const nodes = framework.nodes;
  const parent = new Int32Array(nodes.length);
  const isLeaf = new Uint8Array(nodes.length);
  const childStart = new Int32Array(nodes.length + 1);
  const childList: number[] = [];
  const policy = new Uint8Array(nodes.length);
  nodes.forEach((n, i) => {
    parent[i] = n.parent;
    isLeaf[i] = n.kind === "leaf" ? 1 : 0;
    policy[i] = POLICY_CODES[n.notApplicable];
    childStart[i] = childList.length;
    if (n.kind === "group") childList.push(...n.children);
  });
  childStart[nodes.length] = childList.length;
  return { parent, isLeaf, childStart, childList: Int32Array.from(childList), appliesIf: nodes.map((n) => n.appliesIf), policy };
}

/** The lazy slots a rule's exact evaluation reads (see {@link EnginePlan.lazyInput}, {@link EnginePlan.lazyDerived}). */
export interface Fallback {
  /** Input indices (in {@link CompiledFramework.inputs} order) of lazy inputs it reads, directly or through derived values. */
  readonly inputs: Int32Array;
  /** Indices of lazy derived values it reads (ascending: each reads only earlier ones). */
  readonly derived: Int32Array;
}

/** A numeric rule scored from the exact fraction of its value (see fast.ts, src/expr/rational.ts). */
export interface RationalPlan {
  /** The value's numerator (its denominator in RATIONAL.den), or NaN: undecided. */
  readonly value: FastNum;
  /** The points for the fraction, or NaN: undecided. */
  readonly points: FastRationalRule;
}

/** Memo entries kept by {@link EnginePlan.decimalOf} (each distinct count of 10^-k met, up to this many). */
const DECIMAL_MEMO_LIMIT = 200_000;
const SAFE_LIMIT = 2n ** 50n;
const SMALL_LIMIT = 2n ** 31n;

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

  // Bound every count: the largest constant (in magnitude) of each leaf and adjustment, and the cap.
  let bound = 0n;
  const magnitude = (values: readonly Decimal[]): bigint => {
    let m = 0n;
    for (const v of values) {
      const s = toScaled(v.abs(), k) + 1n;
      if (s > m) m = s;
    }
    return m;
  };
  const ruleConstants = (rule: RulePlan, max: Decimal): Decimal[] => {
    switch (rule.kind) {
      case "boolean":
        return [max, rule.truePoints, rule.falsePoints];
      case "bands":
        return [max, ...rule.bands.map((b) => b.points)];
      case "deadline":
        return [max, rule.late, rule.missingPoints];
      case "choice":
        return [max, ...rule.points.values()];
      case "deduct":
        return [max, rule.floor];
      default:
        return [max];
    }
  };
  for (const n of framework.nodes) if (n.kind === "leaf") bound += magnitude(ruleConstants(n.rule, n.max));
  for (const a of framework.adjustments) bound += magnitude(ruleConstants(a.rule, a.max));
  if (framework.cap !== undefined) bound += magnitude([framework.cap]);
  const safe = bound < SAFE_LIMIT;
  const small = bound < SMALL_LIMIT;

  const maxScaled: bigint[] = new Array<bigint>(framework.nodes.length).fill(0n);
  for (let i = framework.nodes.length - 1; i >= 0; i--) {
    const n = framework.nodes[i]!;
    maxScaled[i] = n.kind === "leaf" ? scaled(n.max) : n.children.reduce((sum, c) => sum + maxScaled[c]!, 0n);
  }

  const fastContext = { k, rounding: framework.rounding, scaledConst: (value: Decimal) => Number(scaled(roundConst(value))) };
  const fastOf = (rule: RulePlan, max: Decimal, penalty: boolean): FastValueRule | FastManualRule | undefined =>
    !safe ? undefined : rule.kind === "manual" ? fastManualRule(fastContext, rule.step, max) : fastValueRule(fastContext, rule, max, penalty);
  const leafFast = framework.nodes.map((n) => (n.kind === "leaf" ? fastOf(n.rule, n.max, false) : undefined));
  const adjustmentFast = framework.adjustments.map((a) => fastOf(a.rule, a.max, a.kind === "penalty"));

  // Numeric rules on expressions (`a / b`, `x / 100 * m`, a derived quotient, …) are scored from
  // the exact fraction of their value, in safe integers (src/expr/rational.ts, fast.ts). A derived
  // value is computed per unit only when something reads its slot; the others are left unset
  // (lazy) until a rule falls back to the exact evaluation, or an explanation needs them.
  const leafSlot = new Int32Array(framework.nodes.length).fill(-1);
  const eager = new Set<string>();
  const markEager = (names: readonly string[], depth: number): void => {
    if (depth > framework.derived.length + 1) return;
    for (const name of names) {
      const d = derivedByName.get(name);
      if (d === undefined || eager.has(name)) continue;
      eager.add(name);
      markEager(d.expr.names, depth + 1);
    }
  };
  const derivedFast = new Map<string, FastNamed>();
  const named = (name: string): FastNamed | undefined => derivedFast.get(name);
  if (safe) {
    for (const d of framework.derived) {
      const num = rationalOf(d.expr, named);
      const bool = num === undefined ? rationalBoolOf(d.expr, named) : undefined;
      if (num !== undefined || bool !== undefined) derivedFast.set(d.name, { num, bool });
    }
  }
  /** A fast form reads derived values with no fast form of their own from their slots: those are eager. */
  const markSlotReads = (names: readonly string[], depth: number): void => {
    if (depth > framework.derived.length + 1) return;
    for (const name of names) {
      const d = derivedByName.get(name);
      if (d === undefined) continue;
      if (derivedFast.has(name)) markSlotReads(d.expr.names, depth + 1);
      else markEager([name], 0);
    }
  };
  const inputSlots = new Set(framework.inputs.map((i) => i.slot));
  const rationalOfRule = (rule: RulePlan, max: Decimal, penalty: boolean): RationalPlan | undefined => {
    if (!safe || rule.kind === "manual") return undefined;
    const shape = exprShape(rule.value);
    // A derived value without a fast form is read from its slot by the value rules; a plain input
    // is read as a fraction too (from the unit's scaled integer when the evidence gives one).
    if (shape?.kind === "slot" && !inputSlots.has(shape.slot) && !rule.value.names.some((n) => derivedFast.has(n))) return undefined;
    const points = fastRationalRule(fastContext, rule, max, penalty);
    const value = points === undefined ? undefined : rationalOf(rule.value, named);
    return points === undefined || value === undefined ? undefined : { value, points };
  };
  const leafRational = framework.nodes.map((n) => (n.kind === "leaf" ? rationalOfRule(n.rule, n.max, false) : undefined));
  const adjustmentRational = framework.adjustments.map((a) => rationalOfRule(a.rule, a.max, a.kind === "penalty"));
  for (const n of framework.nodes) {
    if (n.appliesIf) markEager(n.appliesIf.names, 0);
    if (n.kind !== "leaf" || n.rule.kind === "manual") continue;
    if (leafRational[n.index] !== undefined) markSlotReads(n.rule.value.names, 0);
    else {
      const shape = exprShape(n.rule.value);
      if (shape?.kind === "slot") leafSlot[n.index] = shape.slot;
      markEager(n.rule.value.names, 0);
    }
  }
  framework.adjustments.forEach((a, i) => {
    if (a.rule.kind === "manual") return;
    if (adjustmentRational[i] !== undefined) markSlotReads(a.rule.value.names, 0);
    else markEager(a.rule.value.names, 0);
  });
  const lazyDerived = new Uint8Array(framework.derived.length);
  framework.derived.forEach((d, i) => {
    if (safe && !eager.has(d.name)) lazyDerived[i] = 1;
  });

  // An input's Value (a Decimal, for a number the evidence holds as a scaled integer) is built per
  // unit only when something other than a fast form reads its slot: applies_if, a rule without a
  // fraction form, an eagerly computed derived value. The others are read as fractions and built
  // only when a rule falls back to the exact evaluation (`leafFallback`) or for explanations.
  const eagerSlot = new Uint8Array(framework.slotCount);
  const markInputs = (deps: ExprDeps | undefined): void => {
    for (const slot of deps?.inputSlots ?? []) eagerSlot[slot] = 1;
  };
  framework.nodes.forEach((n, i) => {
    markInputs(appliesIfDeps[i]);
    if (n.kind === "leaf" && leafRational[i] === undefined) markInputs(ruleDeps[i]);
  });
  framework.adjustments.forEach((_, i) => {
    if (adjustmentRational[i] === undefined) markInputs(adjustmentDeps[i]);
  });
  framework.derived.forEach((d, i) => {
    if (!lazyDerived[i]) markInputs(depsOf(d.expr));
  });
  const lazyInput = Uint8Array.from(framework.inputs, (input) => (safe && !eagerSlot[input.slot] ? 1 : 0));
  const inputIndexOfSlot = new Map<number, number>();
  framework.inputs.forEach((input, i) => inputIndexOfSlot.set(input.slot, i));
  const derivedIndexOfSlot = new Map<number, number>();
  framework.derived.forEach((d, i) => derivedIndexOfSlot.set(d.slot, i));
  /** What the exact evaluation of a rule with a fraction form reads that may be unset: lazy inputs, lazy derived values. */
  const fallbackOf = (deps: ExprDeps | undefined, r: RationalPlan | undefined): Fallback | undefined => {
    if (r === undefined) return undefined;
    const inputs: number[] = [];
    for (const slot of deps?.inputSlots ?? []) {
      const i = inputIndexOfSlot.get(slot);
      if (i !== undefined && lazyInput[i]) inputs.push(i);
    }
    const derived: number[] = [];
    for (const read of deps?.reads ?? []) {
      const i = derivedIndexOfSlot.get(read.slot);
      if (i !== undefined && lazyDerived[i]) derived.push(i);
    }
    return { inputs: Int32Array.from(inputs), derived: Int32Array.from(derived.sort((a, b) => a - b)) };
  };
  const leafFallback = framework.nodes.map((_, i) => fallbackOf(ruleDeps[i], leafRational[i]));
  const adjustmentFallback = framework.adjustments.map((_, i) => fallbackOf(adjustmentDeps[i], adjustmentRational[i]));

  const reasons: string[] = [""];
  const reasonCodes = new Map<string, number>();
  const reasonCode = (text: string): number => {
    let c = reasonCodes.get(text);
    if (c === undefined) {
      c = reasons.length;
      reasons.push(text);
      reasonCodes.set(text, c);
    }
    return c;
  };
  const noDataReason = framework.parts.map((p) => `part ${p.id} has no data for this unit`);

  const decimals = new Map<number, Decimal>();
  const decimalOf = (n: number): Decimal => {
    if (n === 0) return ZERO;
    let d = decimals.get(n);
    if (d === undefined) {
      d = fromScaled(BigInt(n), k);
      if (decimals.size < DECIMAL_MEMO_LIMIT) decimals.set(n, d);
    }
    return d;
  };

  const published = new Map<number, Decimal>();
  const publishedDecimalOf = (n: number): Decimal => {
    let d = published.get(n);
    if (d === undefined) {
      d = fromScaled(BigInt(n), framework.rounding.decimals);
      if (published.size < DECIMAL_MEMO_LIMIT) published.set(n, d);
    }
    return d;
  };

  const plan: EnginePlan = {
    framework,
    ruleDeps,
    appliesIfDeps,
    adjustmentDeps,
    parts,
    partIndex,
    nodePart,
    partCover,
    roundConst,
    k,
    scaled,
    safe,
    maxScaled,
    leafFast,
    adjustmentFast,
    noDataReason,
    reasonCode,
    reasonText: (code) => reasons[code],
    decimalOf,
    publishedDecimalOf,
    small,
    reasonCapacity: 6 + framework.parts.length + 2 * framework.inputs.length,
    leafSlot,
    leafManual: Uint8Array.from(framework.nodes, (n) => (n.kind === "leaf" && n.rule.kind === "manual" ? 1 : 0)),
    leafRational,
    adjustmentRational,
    lazyDerived,
    lazyInput,
    leafFallback,
    adjustmentFallback,
    tree: flatTree(framework),
  };
  cache.set(framework, plan);
  return plan;
}
