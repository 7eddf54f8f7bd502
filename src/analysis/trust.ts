/**
 * How far a result can be trusted, per unit: which claims lack documents, who last
 * changed each score (the appraisal log), and completeness: the share of the maximum
 * backed by data, the share of claims with documents, survey sample sizes. Added to the
 * contract's Results JSON as one more top-level object (`trust`); the contract's keys and
 * unit objects do not change. Pure.
 */
import { Dec, HUNDRED, ZERO, roundTo, toJsonNumber, type Decimal } from "../core/decimal.js";
import type { ScoreResultJson } from "../engine/json.js";
import type { AppraisalChanges } from "../evidence/appraisal-log.js";
import type { ClaimCheck } from "../evidence/documents.js";
import type { CompiledFramework } from "../framework/ir.js";
import { scaledNumIndexToNumber } from "../engine/fixed.js";
import type { UnitResult } from "../engine/result.js";
import { STATUS_NOT_APPLICABLE, STATUS_SCORED } from "../engine/store.js";
import { UnitScore } from "../engine/unit.js";

/** Per unit: its claims and their documents. */
export interface UnitDocumentsJson {
  /** Claims: criteria with a self-assessed score above 0. */
  claims: number;
  /** Claims with at least one document. */
  documented: number;
  /** Claims without any document (explained or not), in framework order. */
  undocumented: string[];
  /** Claims whose criterion lists documents (`evidence:` as a list) that none of its documents names. */
  missing: { criterion: string; documents: string[] }[];
}

/** Completeness and confidence of one unit's score (percentages, rounded like the index). */
export interface ConfidenceJson {
  /** Share of the applicable maximum (leaves) scored from data rather than missing, in %. */
  data: number | null;
  /** Share of claims with documents, in % (null without claims). */
  documented: number | null;
  /** Survey respondents of the unit, when a survey was scored. */
  respondents?: number;
  fields: Record<string, { data: number | null; documented: number | null }>;
}

/** The last change of a score, from the appraisal log. */
export interface ChangeJson {
  at: string;
  by: string;
  field: "self" | "appraised";
  from: number | null;
  to: number | null;
  why: string;
  /** Its line in the log. */
  line: number;
}

/** What backs one unit's score. */
export interface UnitTrustJson {
  unit: string;
  /** Present when documents were checked (a register, or a points table with documents). */
  documents?: UnitDocumentsJson;
  confidence: ConfidenceJson;
  /** The last logged change of each criterion that has one, in framework order. */
  changes: (ChangeJson & { criterion: string })[];
}

/** The `trust` object of a JSON result: per unit, in the order of `units`. */
export interface TrustJson {
  units: UnitTrustJson[];
}

export interface TrustInputs {
  /** Claims and their documents (`checkDocuments`); without it no `documents` key is added. */
  readonly claims?: readonly ClaimCheck[];
  /** The last change per unit and criterion (`applyAppraisals`). */
  readonly changes?: AppraisalChanges;
  /** Survey respondents per unit code. */
  readonly respondents?: ReadonlyMap<string, number>;
}

/** Per leaf position, what a unit's score says about its data (see {@link LeafData}). */
export const LEAF_SKIPPED = 0;
export const LEAF_UNBACKED = 1;
export const LEAF_BACKED = 2;
/**
 * A node's state for confidence: {@link LEAF_SKIPPED} (not a leaf, not applicable, or an
 * applicable max that rounds to 0), {@link LEAF_UNBACKED} (applicable, status `missing`),
 * {@link LEAF_BACKED} (applicable and scored).
 */
export type LeafData = (position: number) => number;

/** What {@link unitTrustOf} needs of a framework and the trust inputs, computed once per run. */
export interface TrustPlan {
  readonly framework: CompiledFramework;
  readonly inputs: TrustInputs;
  /** Per node position: its top-level field's position. */
  readonly fieldOf: Int32Array;
  /** Per node position: a leaf's max as a count of 10^-k (numbers; undefined when a sum could leave the safe integers). */
  readonly leafMax: Float64Array | undefined;
  readonly claimsByUnit: ReadonlyMap<string, readonly ClaimCheck[]>;
  /** Framework order of criteria and adjustments. */
  readonly order: ReadonlyMap<string, number>;
  readonly fields: readonly { readonly id: string; readonly index: number }[];
  /** Per node position: 1 for a leaf whose max rounds to 0 at the framework's decimals (its JSON `max` is 0). */
  readonly roundsToZero: Uint8Array;
}

/** Prepares {@link unitTrustOf} for one framework and its trust inputs. */
export function trustPlan(framework: CompiledFramework, inputs: TrustInputs = {}): TrustPlan {
  const claimsByUnit = new Map<string, ClaimCheck[]>();
  for (const c of inputs.claims ?? []) {
    const list = claimsByUnit.get(c.unit);
    if (list === undefined) claimsByUnit.set(c.unit, [c]);
    else list.push(c);
  }
  const nodes = framework.nodes;
  const fieldOf = new Int32Array(nodes.length);
  nodes.forEach((n, i) => (fieldOf[i] = n.parent < 0 ? n.index : fieldOf[n.parent]!));
  const order = new Map<string, number>();
  nodes.forEach((n) => order.set(n.id, n.index));
  framework.adjustments.forEach((a, i) => order.set(a.id, nodes.length + i));
  // Leaf maxima as integers of one scale, when every sum of them stays a safe integer.
  let k = 0;
  for (const n of nodes) if (n.kind === "leaf") k = Math.max(k, n.max.decimalPlaces());
  let leafMax: Float64Array | undefined = new Float64Array(nodes.length);
  let total = 0;
  for (const n of nodes) {
    if (n.kind !== "leaf") continue;
    const m = Number(n.max.times(new Dec(10).pow(k)).toFixed(0));
    total += m;
    leafMax[n.index] = m;
  }
  // × 100 × 10^decimals must stay exact too (see scaledNumIndexToNumber, which falls back to bigints anyway).
  if (!Number.isSafeInteger(total) || k > 15) leafMax = undefined;
  const fields = nodes.filter((n) => n.parent < 0).map((n) => ({ id: n.id, index: n.index }));
  const roundsToZero = Uint8Array.from(nodes, (n) => (n.kind === "leaf" && toJsonNumber(roundTo(n.max, framework.rounding)) === 0 ? 1 : 0));
  return { framework, inputs, fieldOf, leafMax, claimsByUnit, order, fields, roundsToZero };
}

/**
 * What backs one unit's score: its `documents` (when claims are given), its `confidence`
 * and the last logged change of each criterion. `leaf(i)` says what the unit's result says
 * of node `i` (see {@link LeafData}); the same numbers whatever the result is read from.
 */
export function unitTrustOf(plan: TrustPlan, unit: string, leaf: LeafData): UnitTrustJson {
  const { framework, inputs, fieldOf, leafMax } = plan;
  const rounding = framework.rounding;
  const claims = plan.claimsByUnit.get(unit) ?? [];
  const nodes = framework.nodes;
  const fieldCount = nodes.length;
  // Per field position (sparse: only top-level positions are used): applicable and backed maxima.
  let pct: (part: number, whole: number) => number | null;
  let fieldShare: (f: number) => number | null;
  let share: number | null;
  if (leafMax !== undefined) {
    const applicable = new Float64Array(fieldCount);
    const backed = new Float64Array(fieldCount);
    let all = 0;
    let allBacked = 0;
    for (let i = 0; i < nodes.length; i++) {
      const state = leaf(i);
      if (state === LEAF_SKIPPED) continue;
      const f = fieldOf[i]!;
      const m = leafMax[i]!;
      applicable[f] = applicable[f]! + m;
      all += m;
      if (state === LEAF_BACKED) {
        backed[f] = backed[f]! + m;
        allBacked += m;
      }
    }
    pct = (part, whole) => scaledNumIndexToNumber(part, whole, rounding) ?? null;
    fieldShare = (f) => pct(backed[f]!, applicable[f]!);
    share = pct(allBacked, all);
  } else {
    const applicable = new Map<number, Decimal>();
    const backed = new Map<number, Decimal>();
    for (let i = 0; i < nodes.length; i++) {
      const state = leaf(i);
      if (state === LEAF_SKIPPED) continue;
      const node = nodes[i]!;
      const f = fieldOf[i]!;
      applicable.set(f, (applicable.get(f) ?? ZERO).plus(node.max));
      if (state === LEAF_BACKED) backed.set(f, (backed.get(f) ?? ZERO).plus(node.max));
    }
    const dpct = (part: Decimal, whole: Decimal): number | null => (whole.isZero() ? null : toJsonNumber(roundTo(part.div(whole).times(HUNDRED), rounding)));
    const sum = (m: Map<number, Decimal>): Decimal => [...m.values()].reduce((a, b) => a.plus(b), ZERO);
    pct = (part, whole) => dpct(new Dec(part), new Dec(whole));
    fieldShare = (f) => dpct(backed.get(f) ?? ZERO, applicable.get(f) ?? ZERO);
    share = dpct(sum(backed), sum(applicable));
  }
  const documentedShare = (list: readonly ClaimCheck[]): number | null => {
    if (inputs.claims === undefined) return null;
    let documented = 0;
    for (const c of list) if (c.documents.length > 0) documented++;
    return pct(documented, list.length);
  };
  const claimsIn = (f: number): ClaimCheck[] =>
    claims.filter((c) => {
      const n = framework.nodeById.get(c.criterion);
      return n !== undefined && fieldOf[n.index] === f;
    });
  const fields: ConfidenceJson["fields"] = {};
  for (const { id, index } of plan.fields) fields[id] = { data: fieldShare(index), documented: claims.length === 0 ? documentedShare(claims) : documentedShare(claimsIn(index)) };
  const respondents = inputs.respondents?.get(unit);
  const confidence: ConfidenceJson = {
    data: share,
    documented: documentedShare(claims),
    ...(inputs.respondents !== undefined && { respondents: respondents ?? 0 }),
    fields,
  };
  const changed = inputs.changes?.get(unit);
  const order = plan.order;
  const changes =
    changed === undefined || changed.size === 0
      ? []
      : [...changed.values()]
          .sort((a, b) => (order.get(a.criterion) ?? 0) - (order.get(b.criterion) ?? 0))
          .map((e) => ({ criterion: e.criterion, at: e.at, by: e.by, field: e.field, from: e.from, to: e.to, why: e.why, line: e.line }));
  if (inputs.claims === undefined) return { unit, confidence, changes };
  const documents: UnitDocumentsJson = {
    claims: claims.length,
    documented: claims.filter((c) => c.documents.length > 0).length,
    undocumented: claims.filter((c) => c.documents.length === 0).map((c) => c.criterion),
    missing: claims.filter((c) => c.missing.length > 0).map((c) => ({ criterion: c.criterion, documents: [...c.missing] })),
  };
  return { unit, documents, confidence, changes };
}

/**
 * What backs each unit of a Results JSON: its `documents` (when claims are given), its
 * `confidence`, and the last logged change of each criterion. The contract's unit objects
 * are left exactly as they are; this is a separate object (`trust` in the CLI's JSON).
 */
export function trustOf(json: ScoreResultJson, framework: CompiledFramework, inputs: TrustInputs = {}): TrustJson {
  const plan = trustPlan(framework, inputs);
  const nodes = framework.nodes;
  const units = json.units.map((u): UnitTrustJson =>
    unitTrustOf(plan, u.unit, (i) => {
      const c = u.criteria[i];
      const node = nodes[i];
      if (c === undefined || node === undefined || node.kind !== "leaf" || node.id !== c.id) return LEAF_SKIPPED;
      if (c.status === "not_applicable" || c.max === 0) return LEAF_SKIPPED;
      return c.status === "scored" ? LEAF_BACKED : LEAF_UNBACKED;
    }),
  );
  return { units };
}

/**
 * {@link LeafData} of a scored unit, read from the engine's stored counts (no JSON, no views):
 * what {@link trustOf} reads from the unit's JSON criteria.
 */
export function leafDataOf(plan: TrustPlan, unit: UnitResult): LeafData {
  const nodes = plan.framework.nodes;
  const zero = plan.roundsToZero;
  if (unit instanceof UnitScore && unit.core.plan.framework === plan.framework) {
    const core = unit.core;
    const a = core.store.arith;
    return (i) => {
      if (nodes[i]!.kind !== "leaf" || zero[i] === 1) return LEAF_SKIPPED;
      const status = core.nodeFlags(i) % 3;
      if (status === STATUS_NOT_APPLICABLE || a.isZero(core.nodeMax(i))) return LEAF_SKIPPED;
      return status === STATUS_SCORED ? LEAF_BACKED : LEAF_UNBACKED;
    };
  }
  const rounding = plan.framework.rounding;
  return (i) => {
    const n = unit.nodes[i];
    if (n === undefined || nodes[i]!.kind !== "leaf" || n.id !== nodes[i]!.id) return LEAF_SKIPPED;
    if (n.status === "not_applicable" || toJsonNumber(roundTo(n.max, rounding)) === 0) return LEAF_SKIPPED;
    return n.status === "scored" ? LEAF_BACKED : LEAF_UNBACKED;
  };
}
