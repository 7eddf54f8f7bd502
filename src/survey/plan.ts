/**
 * The compiled survey: a plain, frozen, `kind`-tagged form of a
 * `par-index/survey-v1` definition. Names are resolved to indices, so the
 * readers and the index computation never look anything up by string.
 */
import type { Decimal, Rounding } from "../core/decimal.js";

export interface ScalePlan {
  readonly kind: "scale";
  /** The levels in declared order (e.g. 1..5). A level's position here is its "level index". */
  readonly levels: readonly number[];
  /** Label by level index (undefined when the level has no label). */
  readonly labels: readonly (string | undefined)[];
  /** Whether each level index counts as satisfied. */
  readonly satisfied: readonly boolean[];
  /**
   * Level index by accepted answer text: the level written as an integer, and
   * its label in lower case (NFC). Answers are trimmed and lower-cased before lookup.
   */
  readonly lookup: ReadonlyMap<string, number>;
}

export interface GroupPlan {
  readonly kind: "group";
  readonly id: string;
  readonly title: string;
  /** Element indices, in declared order. */
  readonly elements: readonly number[];
  /** Item indices of all its elements, in declared order. */
  readonly items: readonly number[];
}

export interface ElementPlan {
  readonly kind: "element";
  readonly id: string;
  readonly title: string;
  readonly group: number;
  readonly items: readonly number[];
}

export interface ItemPlan {
  readonly kind: "item";
  readonly id: string;
  readonly text: string;
  readonly element: number;
}

export type ElementAggregation = "mean_of_items" | "pooled";
export type GroupAggregation = "mean_of_elements" | "pooled";
export type OverallAggregation =
  | { readonly kind: "mean_of_groups" }
  | { readonly kind: "mean_of_elements" }
  | { readonly kind: "pooled" }
  /** Weight by group index (0 for a group without weight); the weights sum to exactly 1. */
  | { readonly kind: "weights"; readonly weights: readonly Decimal[] };

export interface AggregatePlan {
  readonly kind: "aggregate";
  readonly element: ElementAggregation;
  readonly group: GroupAggregation;
  readonly overall: OverallAggregation;
}

export interface CompiledSurvey {
  readonly kind: "survey";
  readonly id: string;
  readonly title: string;
  readonly year: number;
  readonly source?: string;
  readonly notes?: string;
  readonly file?: string;
  readonly scale: ScalePlan;
  /** The responses column holding a sampling weight, when declared. */
  readonly weightColumn?: string;
  readonly minRespondents?: number;
  readonly rounding: Rounding;
  readonly groups: readonly GroupPlan[];
  readonly elements: readonly ElementPlan[];
  readonly items: readonly ItemPlan[];
  readonly aggregate: AggregatePlan;
  /** Item index by item id (the responses header). */
  readonly itemIndex: ReadonlyMap<string, number>;
}

/** Deep-freezes a plain plan object (arrays and plain objects; Maps are left as is but never exposed mutably). */
export function freezeDeep<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) {
      Object.freeze(value);
      for (const v of Object.values(value as object)) freezeDeep(v);
    }
  }
  return value;
}
