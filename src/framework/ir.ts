/**
 * The compiled plan: a plain, frozen, `kind`-tagged intermediate form that the
 * engine evaluates many times. It is separate from the YAML-facing types
 * (src/framework/schema.ts): names are resolved to slots, numbers are Decimals,
 * dates are CalendarDates, expressions are closures.
 */
import type { Decimal, Rounding } from "../core/decimal.js";
import type { CalendarDate, Value } from "../core/value.js";

/** A compiled expression: a closure over the unit's value slots. Never throws. */
export interface CompiledExpr {
  readonly kind: "expr";
  /** The expression as written in the framework. */
  readonly source: string;
  /** Names of inputs and derived values it reads, in first-use order (for explanations). */
  readonly names: readonly string[];
  /** Evaluates on a unit's slots (inputs then derived values; see {@link CompiledFramework.slotCount}). */
  readonly evaluate: (slots: readonly Value[]) => Value;
}

export type InputType = "number" | "integer" | "ratio" | "percent" | "boolean" | "date" | "enum" | "text";
export type MissingPolicy = "error" | "zero" | "not_applicable";
export type NotApplicablePolicy = "exclude" | "full" | "zero";

export interface InputPlan {
  readonly kind: "input";
  readonly name: string;
  readonly slot: number;
  readonly type: InputType;
  readonly min?: Decimal;
  readonly max?: Decimal;
  /** For `enum` inputs: the allowed names, in declared order. */
  readonly values?: readonly string[];
  readonly missing: MissingPolicy;
  readonly label?: string;
}

export interface DerivedPlan {
  readonly kind: "derived";
  readonly name: string;
  readonly slot: number;
  readonly expr: CompiledExpr;
}

export type BandOp = "at_least" | "above" | "at_most" | "below" | "equals";

export interface BandCondition {
  readonly op: BandOp;
  readonly bound: Decimal | string | boolean;
}

export interface BandPlan {
  readonly kind: "band";
  /** ANDed; empty for an `otherwise` band. */
  readonly conditions: readonly BandCondition[];
  readonly points: Decimal;
  /** Human text of the band, e.g. `above 0.9` or `otherwise`. */
  readonly label: string;
}

export type RulePlan =
  | { readonly kind: "boolean"; readonly value: CompiledExpr; readonly truePoints: Decimal; readonly falsePoints: Decimal }
  | { readonly kind: "bands"; readonly value: CompiledExpr; readonly bands: readonly BandPlan[] }
  | { readonly kind: "ratio"; readonly value: CompiledExpr; readonly lower: Decimal; readonly upper: Decimal }
  | {
      readonly kind: "deadline";
      readonly value: CompiledExpr;
      readonly due: CalendarDate;
      readonly late: Decimal;
      readonly lateUntil?: CalendarDate;
      readonly missingPoints: Decimal;
    }
  | { readonly kind: "choice"; readonly value: CompiledExpr; readonly points: ReadonlyMap<string, Decimal> }
  | { readonly kind: "deduct"; readonly value: CompiledExpr; readonly per: Decimal; readonly floor: Decimal }
  | { readonly kind: "manual"; readonly step?: Decimal }
  | { readonly kind: "expr"; readonly value: CompiledExpr };

export type RuleKind = RulePlan["kind"];

interface NodeCommon {
  readonly id: string;
  readonly title: string;
  /** Position in {@link CompiledFramework.nodes} (framework order, pre-order). */
  readonly index: number;
  /** Index of the parent node, or -1 for a root. */
  readonly parent: number;
  readonly depth: number;
  /** The part this node's points count toward (resolved: inherited or the first part). */
  readonly part: string;
  /** A leaf's declared max; a group's sum of its children's max. */
  readonly max: Decimal;
  readonly appliesIf?: CompiledExpr;
  readonly notApplicable: NotApplicablePolicy;
  /** The documents required (tài liệu kiểm chứng), as one text (a list joined with "; "). */
  readonly evidence?: string;
  /**
   * The documents required, one per entry, when `evidence:` is a list: a claim is fully
   * documented when each of them is named in its documents (see `checkDocuments`). With
   * `evidence:` as one text, any document documents the claim.
   */
  readonly documents?: readonly string[];
  readonly notes?: string;
}

export interface LeafPlan extends NodeCommon {
  readonly kind: "leaf";
  readonly rule: RulePlan;
}

export interface GroupPlan extends NodeCommon {
  readonly kind: "group";
  /** Indices of the children in {@link CompiledFramework.nodes}. */
  readonly children: readonly number[];
}

export type NodePlan = LeafPlan | GroupPlan;

export interface PartPlan {
  readonly kind: "part";
  readonly id: string;
  readonly title: string;
  readonly optional: boolean;
}

export interface AdjustmentPlan {
  readonly kind: "bonus" | "penalty";
  readonly id: string;
  readonly title: string;
  readonly max: Decimal;
  readonly rule: RulePlan;
}

export interface GradeBandPlan {
  /** ANDed conditions on the published index; empty for `otherwise`. */
  readonly conditions: readonly BandCondition[];
  readonly label: string;
}

export interface RankingPlan {
  readonly by: "index" | "points";
  readonly on: "published" | "exact";
  readonly ties: "competition" | "dense";
  readonly tiebreak: readonly string[];
  readonly within?: string;
}

/** The id used for the single implicit part of a framework without `parts`. */
export const IMPLICIT_PART = "total";

export interface CompiledFramework {
  readonly kind: "framework";
  readonly format: "par-index/v1";
  readonly id: string;
  /** The Vietnamese title (or the only one given). */
  readonly title: string;
  readonly titleEn?: string;
  readonly level?: string;
  readonly year: number;
  readonly source: string;
  readonly notes?: string;
  /** The file it came from (the overlay's own file for an overlay). */
  readonly file?: string;
  readonly rounding: Rounding;
  /** Declared parts in order; one implicit part {@link IMPLICIT_PART} when none are declared. */
  readonly parts: readonly PartPlan[];
  readonly inputs: readonly InputPlan[];
  readonly inputByName: ReadonlyMap<string, InputPlan>;
  /** Derived values in evaluation (topological) order. */
  readonly derived: readonly DerivedPlan[];
  /** Inputs occupy slots 0..inputs.length-1, derived values the rest. */
  readonly slotCount: number;
  /** Every criterion node in framework order (pre-order). */
  readonly nodes: readonly NodePlan[];
  readonly roots: readonly number[];
  readonly nodeById: ReadonlyMap<string, NodePlan>;
  readonly adjustments: readonly AdjustmentPlan[];
  readonly cap?: Decimal;
  readonly grades?: readonly GradeBandPlan[];
  readonly ranking: RankingPlan;
}
