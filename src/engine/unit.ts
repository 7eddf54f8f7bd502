/**
 * The typed results of one unit as lazy views over a {@link ScoreStore} row: a Decimal,
 * an index or an explanation is built when it is first read. What a unit keeps for its
 * explanations is its slot array (inputs and derived values, shared with the evidence
 * where they come from it) and the not-applicable reason codes; the branch text of a
 * rule is rendered on demand by the same pure evaluation that scored it.
 */
import { type Decimal, indexOf, roundTo, ZERO } from "../core/decimal.js";
import { formatValue, MISSING, type Value } from "../core/value.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { PointsEntry, UnitEvidence, UnitInfo } from "../evidence/model.js";
import type { RulePlan } from "../framework/ir.js";
import { scaledNumIndex } from "./fixed.js";
import { gradeOf } from "./grade.js";
import { unitResultToJson, type UnitJson } from "./json.js";
import type { EnginePlan, ExprDeps } from "./plan.js";
import type { AdjustmentResult, Explanation, NodeResult, NodeStatus, PartResult, ScoreResult, UnitResult, ValueRead } from "./result.js";
import { evaluateManual, evaluateValueRule } from "./rules.js";
import { type Scaled, type ScoreStore, STATUS_NOT_APPLICABLE, TOTAL_CRITERIA, TOTAL_MAX, TOTAL_POINTS, TOTAL_UNCAPPED } from "./store.js";
import { isMiss } from "./values.js";

const STATUS: readonly NodeStatus[] = ["scored", "not_applicable", "missing"];
const POLICY: readonly (undefined | "full" | "zero")[] = [undefined, "full", "zero"];

/** Everything scored for one unit: its store row, its evidence and (for explanations) its slots. */
export class UnitCore {
  /** Decimals and views built on first use. */
  private totalsCache: (Decimal | undefined)[] | undefined;
  private indexCache: Decimal | null | undefined = null;
  private publishedCache: Decimal | null | undefined = null;
  private partsCache: PartResult[] | undefined;
  private adjustmentsCache: AdjustmentView[] | undefined;
  private nodesCache: NodeView[] | undefined;

  /** Self scores by node position, kept when the evidence was released (see {@link releaseEvidence}). */
  private selfsKept: readonly (Decimal | undefined)[] | undefined;
  private evidence: UnitEvidence | undefined;

  constructor(
    readonly store: ScoreStore,
    readonly row: number,
    readonly info: UnitInfo,
    ev: UnitEvidence | undefined,
    /** The unit's slots, kept only when explanations were requested (lazy derived values may be unset). */
    private readonly slots: Value[] | undefined,
    public complete: boolean,
    public diagnostics: readonly Diagnostic[],
  ) {
    this.evidence = ev;
  }

  get plan(): EnginePlan {
    return this.store.plan;
  }

  /** The unit's evidence; undefined once released (see {@link releaseEvidence}). */
  get ev(): UnitEvidence | undefined {
    return this.evidence;
  }

  /** Whether the evidence was released: the unit's results read as before, but it cannot be re-scored. */
  get released(): boolean {
    return this.selfsKept !== undefined;
  }

  /** The self-assessed points by node position (a sparse array; undefined when there are none). */
  selfScores(): readonly (Decimal | undefined)[] | undefined {
    if (this.selfsKept !== undefined) return this.selfsKept.length === 0 ? undefined : this.selfsKept;
    const ev = this.evidence;
    let selfs: (Decimal | undefined)[] | undefined;
    if (ev !== undefined) {
      const byId = this.plan.framework.nodeById;
      for (const [id, entry] of ev.points) {
        if (entry.self === undefined) continue;
        const node = byId.get(id);
        if (node !== undefined) (selfs ??= [])[node.index] = entry.self;
      }
    }
    return selfs;
  }

  /** Node `i`'s self-assessed points, when given. */
  selfAt(i: number): Decimal | undefined {
    if (this.selfsKept !== undefined) return this.selfsKept[i];
    return this.evidence?.points.get(this.plan.framework.nodes[i]!.id)?.self;
  }

  /**
   * Lets the unit's evidence go once it is scored: only its self-assessed points are kept (by
   * node position). Nothing is released when explanations were kept (they read the evidence).
   */
  releaseEvidence(): void {
    if (this.slots !== undefined || this.selfsKept !== undefined) return;
    this.selfsKept = this.selfScores() ?? [];
    this.evidence = undefined;
  }

  /** The slots for explanations, with every derived value computed (those left for later too). */
  explanationSlots(): readonly Value[] | undefined {
    const slots = this.slots;
    if (slots !== undefined && !this.derivedReady) {
      const lazy = this.plan.lazyDerived;
      this.plan.framework.derived.forEach((d, i) => {
        if (lazy[i] && slots[d.slot] === undefined) slots[d.slot] = d.expr.evaluate(slots);
      });
      this.derivedReady = true;
    }
    return slots;
  }
  private derivedReady = false;

  total(which: number): Decimal {
    const c = (this.totalsCache ??= []);
    return (c[which] ??= this.store.arith.toDecimal(this.store.totals[this.row * 4 + which]!));
  }

  get index(): Decimal | undefined {
    if (this.indexCache === null) this.indexCache = indexOf(this.total(TOTAL_POINTS), this.total(TOTAL_MAX));
    return this.indexCache;
  }

  get publishedIndex(): Decimal | undefined {
    if (this.publishedCache === null) {
      const { store, row } = this;
      const plan = this.plan;
      // Safe counts: the exact quotient rounded once, by integers (what rounding the exact index gives).
      const q = plan.safe ? scaledNumIndex(store.totals[row * 4 + TOTAL_POINTS] as number, store.totals[row * 4 + TOTAL_MAX] as number, plan.framework.rounding) : Number.NaN;
      if (q === q) this.publishedCache = plan.publishedDecimalOf(q);
      else {
        const index = this.index;
        this.publishedCache = index === undefined ? undefined : roundTo(index, plan.framework.rounding);
      }
    }
    return this.publishedCache;
  }

  get parts(): readonly PartResult[] {
    if (this.partsCache === undefined) {
      const { store, row } = this;
      const a = store.arith;
      this.partsCache = this.plan.parts.map((p, i) => {
        const at = row * store.partCount + i;
        const points = a.toDecimal(store.partPoints[at]!);
        const max = a.toDecimal(store.partMax[at]!);
        const dropped = store.partDropped[at] === 1;
        const index = indexOf(points, max);
        return index === undefined ? { id: p.id, points, max, dropped } : { id: p.id, points, max, index, dropped };
      });
    }
    return this.partsCache;
  }

  get adjustments(): readonly AdjustmentResult[] {
    return (this.adjustmentsCache ??= this.plan.framework.adjustments.map((_, i) => new AdjustmentView(this, i)));
  }

  get nodes(): readonly NodeResult[] {
    return (this.nodesCache ??= this.plan.framework.nodes.map((_, i) => new NodeView(this, i)));
  }

  /** Node `i`'s points, max (counts of 10^-k) and flags (status + 3 × policy), without building a view. */
  nodePoints(i: number): Scaled {
    return this.store.nodePoints[this.row * this.store.nodeCount + i]!;
  }
  nodeMax(i: number): Scaled {
    return this.store.nodeMax[this.row * this.store.nodeCount + i]!;
  }
  nodeFlags(i: number): number {
    return this.store.nodeFlags[this.row * this.store.nodeCount + i]!;
  }

  /** Leaf `i`'s explanation, built now and not kept (undefined when explanations were not kept or `i` is a group). */
  leafExplanation(i: number): Explanation | undefined {
    const node = this.plan.framework.nodes[i]!;
    if (node.kind !== "leaf" || this.explanationSlots() === undefined) return undefined;
    const a = this.store.arith;
    const flags = this.nodeFlags(i);
    const p = this.nodePoints(i);
    const m = this.nodeMax(i);
    const reason = this.store.nodeReason[this.row * this.store.nodeCount + i]!;
    return explanationOf(
      this,
      node.rule,
      node.id,
      this.plan.ruleDeps[i],
      {
        status: STATUS[flags % 3]!,
        points: a.toDecimal(p),
        max: a.isZero(m) ? ZERO : node.max,
        lost: a.toDecimal(a.sub(m, p)),
        policy: POLICY[Math.floor(flags / 3)],
        naReason: reason === 0 ? undefined : this.plan.reasonText(reason),
      },
      node.max,
      false,
    );
  }
}

/** A unit's result (see {@link UnitResult}): a rank over a shared {@link UnitCore}. */
export class UnitScore implements UnitResult {
  declare readonly rankGroup?: string;

  constructor(
    readonly core: UnitCore,
    readonly rank: number,
    rankGroup?: string,
  ) {
    if (rankGroup !== undefined) this.rankGroup = rankGroup;
  }

  /** The same unit with another rank (ranking never copies the scores). */
  withRank(rank: number, rankGroup: string | undefined): UnitScore {
    return new UnitScore(this.core, rank, rankGroup);
  }

  get unit(): string {
    return this.core.info.code;
  }
  get name(): string {
    return this.core.info.name;
  }
  get info(): UnitInfo {
    return this.core.info;
  }
  get points(): Decimal {
    return this.core.total(TOTAL_POINTS);
  }
  get criteriaPoints(): Decimal {
    return this.core.total(TOTAL_CRITERIA);
  }
  get uncappedPoints(): Decimal {
    return this.core.total(TOTAL_UNCAPPED);
  }
  get max(): Decimal {
    return this.core.total(TOTAL_MAX);
  }
  get index(): Decimal | undefined {
    return this.core.index;
  }
  get publishedIndex(): Decimal | undefined {
    return this.core.publishedIndex;
  }
  get grade(): string | undefined {
    const published = this.core.publishedIndex;
    return published === undefined ? undefined : gradeOf(this.core.plan.framework, published);
  }
  get complete(): boolean {
    return this.core.complete;
  }
  get parts(): readonly PartResult[] {
    return this.core.parts;
  }
  get adjustments(): readonly AdjustmentResult[] {
    return this.core.adjustments;
  }
  get nodes(): readonly NodeResult[] {
    return this.core.nodes;
  }
  get diagnostics(): readonly Diagnostic[] {
    return this.core.diagnostics;
  }

  /** The specification's unit JSON (`JSON.stringify(unit)`): numbers rounded as the framework says. */
  toJSON(): UnitJson {
    return unitResultToJson(this, this.core.plan.framework);
  }

  /**
   * What `console.log(unit)` shows in Node, Deno and browsers' consoles that honour it: the unit's
   * scores, not the store behind them. Keyed by `Symbol.for`, so the core imports nothing from Node.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): Record<string, unknown> {
    const json = this.toJSON();
    const summary: Record<string, unknown> = { unit: json.unit, name: json.name, rank: json.rank, points: json.points, max: json.max };
    if (json.index !== undefined) summary["index"] = json.index;
    if (json.grade !== undefined) summary["grade"] = json.grade;
    summary["complete"] = json.complete;
    summary["parts"] = json.parts;
    if (this.diagnostics.length > 0) summary["diagnostics"] = this.diagnostics.length;
    return summary;
  }
}

/** One node of a unit (see {@link NodeResult}). */
export class NodeView implements NodeResult {
  private indexCache: Decimal | null | undefined = null;
  private explanationCache: Explanation | null | undefined = null;

  constructor(
    private readonly core: UnitCore,
    readonly position: number,
  ) {}

  private get at(): number {
    return this.core.row * this.core.store.nodeCount + this.position;
  }
  get id(): string {
    return this.core.plan.framework.nodes[this.position]!.id;
  }
  get status(): NodeStatus {
    return STATUS[this.core.store.nodeFlags[this.at]! % 3]!;
  }
  get policy(): "full" | "zero" | undefined {
    return POLICY[Math.floor(this.core.store.nodeFlags[this.at]! / 3)];
  }
  get points(): Decimal {
    return this.core.store.arith.toDecimal(this.core.store.nodePoints[this.at]!);
  }
  get max(): Decimal {
    const store = this.core.store;
    const m = store.nodeMax[this.at]!;
    if (store.arith.isZero(m)) return ZERO;
    const node = this.core.plan.framework.nodes[this.position]!;
    return node.kind === "leaf" ? node.max : store.arith.toDecimal(m);
  }
  get index(): Decimal | undefined {
    if (this.indexCache === null) this.indexCache = indexOf(this.points, this.max);
    return this.indexCache;
  }
  get self(): Decimal | undefined {
    return this.core.selfAt(this.position);
  }
  get selfDiff(): Decimal | undefined {
    const self = this.self;
    return self === undefined ? undefined : self.minus(this.points);
  }
  get explanation(): Explanation | undefined {
    if (this.explanationCache === null) this.explanationCache = this.core.leafExplanation(this.position);
    return this.explanationCache;
  }

  /** A plain view (without the unit it reads). */
  toJSON(): Record<string, unknown> {
    return {
      id: this.id,
      position: this.position,
      status: this.status,
      points: this.points,
      max: this.max,
      index: this.index,
      self: this.self,
      selfDiff: this.selfDiff,
      policy: this.policy,
      explanation: this.explanation,
    };
  }
}

/** One adjustment of a unit (see {@link AdjustmentResult}). */
export class AdjustmentView implements AdjustmentResult {
  private explanationCache: Explanation | null | undefined = null;
  private pointsCache: Decimal | undefined;

  constructor(
    private readonly core: UnitCore,
    private readonly position: number,
  ) {}

  private get at(): number {
    return this.core.row * this.core.store.adjustmentCount + this.position;
  }
  get id(): string {
    return this.core.plan.framework.adjustments[this.position]!.id;
  }
  get kind(): "bonus" | "penalty" {
    return this.core.plan.framework.adjustments[this.position]!.kind;
  }
  get status(): NodeStatus {
    return STATUS[this.core.store.adjustmentFlags[this.at]! % 3]!;
  }
  get points(): Decimal {
    const store = this.core.store;
    return (this.pointsCache ??= store.adjustmentFlags[this.at] === STATUS_NOT_APPLICABLE ? ZERO : store.arith.toDecimal(store.adjustmentPoints[this.at]!));
  }
  get signed(): Decimal {
    return this.kind === "bonus" ? this.points : this.points.negated();
  }
  get explanation(): Explanation | undefined {
    if (this.explanationCache === null) {
      const core = this.core;
      const a = core.plan.framework.adjustments[this.position]!;
      const reason = core.store.adjustmentReason[this.at]!;
      this.explanationCache =
        core.explanationSlots() !== undefined
          ? explanationOf(core, a.rule, a.id, core.plan.adjustmentDeps[this.position], {
              status: this.status,
              points: this.points,
              max: a.max,
              naReason: reason === 0 ? undefined : core.plan.reasonText(reason),
            }, a.max, a.kind === "penalty")
          : undefined;
    }
    return this.explanationCache;
  }

  toJSON(): Record<string, unknown> {
    return { id: this.id, kind: this.kind, status: this.status, points: this.points, signed: this.signed, explanation: this.explanation };
  }
}

// ---- Explanations, rendered from the unit's retained values.

interface ScoreFacts {
  readonly status: NodeStatus;
  readonly points: Decimal;
  readonly max: Decimal;
  /** max − points, when known without arithmetic. */
  readonly lost?: Decimal;
  readonly policy?: "full" | "zero" | undefined;
  readonly naReason?: string | undefined;
}

function readsOf(slots: readonly Value[], deps: ExprDeps | undefined): ValueRead[] {
  const out: ValueRead[] = [];
  for (const r of deps?.reads ?? []) {
    const value = slots[r.slot] ?? MISSING;
    out.push(r.via === undefined ? { name: r.name, value } : { name: r.name, value, via: r.via });
  }
  return out;
}

/** The branch text of a rule's outcome, recomputed from the unit's retained values (the same pure evaluation). */
function branchOf(core: UnitCore, slots: readonly Value[], rule: RulePlan, id: string, max: Decimal, s: ScoreFacts, penalty: boolean): string {
  if (s.naReason !== undefined) {
    if (s.policy === "full") return `not applicable (${s.naReason}), policy full → ${s.points.toString()}`;
    if (s.policy === "zero") return `not applicable (${s.naReason}), policy zero → 0`;
    return `not applicable (${s.naReason}) → excluded`;
  }
  if (rule.kind === "manual") return evaluateManual(core.plan, rule.step, max, core.ev?.points.get(id) as PointsEntry | undefined, true).branch;
  const value = rule.value.evaluate(slots);
  // A deadline scores its own missing points only when absence may score (status scored).
  if (isMiss(value) && (rule.kind !== "deadline" || s.status === "missing")) return `value missing → 0`;
  const outcome = evaluateValueRule(core.plan, rule, max, value, true, penalty);
  if (outcome.kind === "points") return outcome.branch;
  if (outcome.kind === "invalid") return `invalid value ${formatValue(outcome.value)} → 0`;
  return `value missing → 0`;
}

function explanationOf(core: UnitCore, rule: RulePlan, id: string, deps: ExprDeps | undefined, s: ScoreFacts, ruleMax: Decimal, penalty: boolean): Explanation {
  const slots = core.explanationSlots()!;
  const source = rule.kind === "manual" ? undefined : rule.value.source;
  const e: { -readonly [K in keyof Explanation]: Explanation[K] } = {
    rule: rule.kind,
    values: readsOf(slots, deps),
    branch: branchOf(core, slots, rule, id, ruleMax, s, penalty),
    points: s.points,
    max: s.max,
    lost: s.lost ?? s.max.minus(s.points),
  };
  if (source !== undefined) e.source = source;
  return e;
}

/**
 * Lets the evidence of every unit of `result` go (see {@link UnitCore.releaseEvidence}) so that
 * a caller that drops its own reference to the evidence set frees it before writing the output:
 * what a unit shows (numbers, statuses, self scores, diagnostics) is unchanged; `rescoreUnit`
 * refuses its units. For the CLI, which writes a result once.
 */
export function releaseEvidence(result: ScoreResult): void {
  for (const u of result.units) if (u instanceof UnitScore) u.core.releaseEvidence();
}
