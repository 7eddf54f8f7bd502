/**
 * Typed scoring results. Every score is an exact Decimal; leaf points are already
 * rounded to the framework's decimals, parents are exact sums of their children,
 * and indices are kept exact (round them for publication with {@link roundTo}).
 */
import type { Decimal } from "../core/decimal.js";
import type { Value } from "../core/value.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { UnitInfo } from "../evidence/model.js";
import type { CompiledFramework, NotApplicablePolicy, RuleKind } from "../framework/ir.js";
import type { ScoreResultJson, UnitJson } from "./json.js";

export type NodeStatus = "scored" | "not_applicable" | "missing";

/** One value a rule (or applies_if) read, for explanations. */
export interface ValueRead {
  readonly name: string;
  readonly value: Value;
  /** For an input read through a derived value: the derived value's name. */
  readonly via?: string;
}

/** Why a leaf (or an adjustment) got its points. */
export interface Explanation {
  readonly rule: RuleKind;
  /** The value expression as written (absent for manual rules). */
  readonly source?: string;
  /** The values read, in first-use order; inputs behind a derived value follow it with `via`. */
  readonly values: readonly ValueRead[];
  /** The band or branch that applied, e.g. `above 0.9 → 2`, `on or before 2024-01-15 → 1`. */
  readonly branch: string;
  readonly points: Decimal;
  /** The applicable max (0 for an excluded node). */
  readonly max: Decimal;
  /** max − points. */
  readonly lost: Decimal;
}

export interface NodeResult {
  readonly id: string;
  /** Position in the framework's node list (pre-order). */
  readonly position: number;
  readonly status: NodeStatus;
  /** Leaf: rounded rule points; parent: exact sum of its children. */
  readonly points: Decimal;
  /** Applicable max: 0 when excluded. */
  readonly max: Decimal;
  /** Exact points ÷ max × 100 (computed on first use); undefined when max is 0. */
  readonly index?: Decimal | undefined;
  /** The unit's self-assessed points for this node (points table), when given. */
  readonly self?: Decimal | undefined;
  /** self − points. */
  readonly selfDiff?: Decimal | undefined;
  /** Set when the node is not applicable but scored by its policy (`full` or `zero`) and keeps its max. */
  readonly policy?: Exclude<NotApplicablePolicy, "exclude"> | undefined;
  /** Leaves only, when explanations were requested (built on first access from the values the unit read). */
  readonly explanation?: Explanation | undefined;
}

export interface PartResult {
  readonly id: string;
  readonly points: Decimal;
  readonly max: Decimal;
  readonly index?: Decimal;
  /** An optional part without any data for this unit: left out of the total's points and max. */
  readonly dropped: boolean;
}

export interface AdjustmentResult {
  readonly id: string;
  readonly kind: "bonus" | "penalty";
  readonly status: NodeStatus;
  /**
   * The rule's points (≥ 0): what a bonus adds or a penalty deducts. For a penalty, a
   * `deduct` rule gives min(per × value, max − floor), not below 0; any other rule
   * gives its points as the amount (`boolean` true → max by default).
   */
  readonly points: Decimal;
  /** What it adds to the total: +points for a bonus, −points for a penalty. */
  readonly signed: Decimal;
  readonly explanation?: Explanation | undefined;
}

export interface UnitResult {
  readonly unit: string;
  readonly name: string;
  readonly info: UnitInfo;
  /** 1-based rank (within its `ranking.within` group when set). */
  readonly rank: number;
  /** The `ranking.within` value this unit was ranked in, when the framework ranks within groups. */
  readonly rankGroup?: string;
  /** The adjusted total after the cap. */
  readonly points: Decimal;
  /** Sum of the (non-dropped) parts, before adjustments. */
  readonly criteriaPoints: Decimal;
  /** criteriaPoints + adjustments, before the cap. */
  readonly uncappedPoints: Decimal;
  /** Applicable maximum of the non-dropped parts. */
  readonly max: Decimal;
  /** Exact index; undefined when max is 0. */
  readonly index?: Decimal | undefined;
  /** The index rounded to the framework's decimals (what grades and published ranking use). */
  readonly publishedIndex?: Decimal | undefined;
  readonly grade?: string | undefined;
  /** False when some criterion (or adjustment) lacked its data: status `missing`. */
  readonly complete: boolean;
  readonly parts: readonly PartResult[];
  readonly adjustments: readonly AdjustmentResult[];
  /** Every node in framework order. */
  readonly nodes: readonly NodeResult[];
  /** Scoring diagnostics of this unit. */
  readonly diagnostics: readonly Diagnostic[];
  /** The specification's unit JSON, which `JSON.stringify(unit)` gives. */
  toJSON(): UnitJson;
}

export interface ScoreResult {
  readonly framework: CompiledFramework;
  /** Sorted by rank, then by code. */
  readonly units: readonly UnitResult[];
  /** Evidence diagnostics first, then scoring diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
  /** The contract's Results JSON (see {@link scoreResultToJson}). */
  toJSON(): ScoreResultJson;
}

export interface ScoreOptions {
  /** Build per-leaf explanations (default true). */
  readonly explain?: boolean;
}
