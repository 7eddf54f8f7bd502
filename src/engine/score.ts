/**
 * `score`: a compiled framework plus evidence gives every unit its points, max,
 * index, grade and rank, per node, per part and in total, with explanations.
 * Pure and synchronous; problems become diagnostics, never exceptions.
 */
import { type Decimal, indexOf, roundTo, ZERO } from "../core/decimal.js";
import { formatValue, MISSING, type Value } from "../core/value.js";
import { diag, type Diagnostic, type Location } from "../diagnostics/index.js";
import type { EvidenceSet, PointsEntry, UnitEvidence, UnitInfo } from "../evidence/model.js";
import type { CompiledFramework, InputPlan, NotApplicablePolicy, RulePlan } from "../framework/ir.js";
import { rank } from "../rank/rank.js";
import { gradeOf } from "./grade.js";
import { scoreResultToJson } from "./json.js";
import { type EnginePlan, enginePlan, type ExprDeps } from "./plan.js";
import type {
  AdjustmentResult,
  Explanation,
  NodeResult,
  NodeStatus,
  PartResult,
  ScoreOptions,
  ScoreResult,
  UnitResult,
  ValueRead,
} from "./result.js";
import { evaluateManual, evaluateValueRule } from "./rules.js";
import { isMiss } from "./values.js";
import { fromScaled, toScaled } from "./fixed.js";

/** Code-point order, independent of the host's locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Scores every unit: the registry's units when there is one, else the units of the
 * evidence sorted by code. Units come back ranked (by `framework.ranking`) and sorted
 * by rank, then code. Never throws.
 */
export function score(framework: CompiledFramework, evidence: EvidenceSet, options: ScoreOptions = {}): ScoreResult {
  const plan = enginePlan(framework);
  const explain = options.explain !== false;
  const units: readonly UnitInfo[] =
    evidence.units.length > 0
      ? evidence.units
      : [...evidence.byUnit.keys()].sort(compareCodes).map((code) => ({ code, name: code, attributes: {} }));
  const scored: UnitResult[] = [];
  for (const info of units) scored.push(scoreUnitSafely(plan, info, evidence.byUnit.get(info.code), explain));
  const ranked = rank(scored, framework.ranking, framework.rounding, framework);
  const diagnostics: Diagnostic[] = [...evidence.diagnostics];
  for (const u of scored) for (const d of u.diagnostics) diagnostics.push(d);
  for (const d of ranked.diagnostics) diagnostics.push(d);
  return makeScoreResult(framework, ranked.units, diagnostics);
}

/** Wraps units and diagnostics as a {@link ScoreResult} with its `toJSON`. */
export function makeScoreResult(framework: CompiledFramework, units: readonly UnitResult[], diagnostics: readonly Diagnostic[]): ScoreResult {
  const result: ScoreResult = {
    framework,
    units,
    diagnostics,
    toJSON: () => scoreResultToJson(result),
  };
  return result;
}

function scoreUnitSafely(plan: EnginePlan, info: UnitInfo, ev: UnitEvidence | undefined, explain: boolean): UnitResult {
  try {
    return scoreUnit(plan, info, ev, explain);
  } catch (error) {
    // A compiled expression must never throw; if one does, the unit is reported rather than the run lost.
    const detail = error instanceof Error ? error.message : String(error);
    const failed = scoreUnit(plan, info, undefined, false);
    return { ...failed, complete: false, diagnostics: [diag("engine-internal-error", { unit: info.code, detail }, { unit: info.code })] };
  }
}

/** What a unit's scoring pass keeps: its slots and evidence, for diagnostics and (lazy) explanations. */
class UnitContext {
  readonly diagnostics: Diagnostic[] = [];
  private reported: Set<string> | undefined;
  constructor(
    readonly plan: EnginePlan,
    readonly info: UnitInfo,
    readonly ev: UnitEvidence | undefined,
    readonly slots: Value[],
    /** Per input slot: still missing after `missing: zero`. */
    readonly unresolved: Uint8Array,
    /** Whether explanations were requested. */
    readonly explain: boolean,
  ) {}

  where(criterion: string, entry?: PointsEntry, input?: string): Location {
    const w = entry?.where;
    const out: { -readonly [K in keyof Location]: Location[K] } = {};
    if (w?.file !== undefined) out.file = w.file;
    if (w?.line !== undefined) out.line = w.line;
    if (w?.column !== undefined) out.column = w.column;
    out.unit = this.info.code;
    out.criterion = criterion;
    if (input !== undefined) out.input = input;
    return out;
  }

  /** Reports `missing-input` once per unit and input. */
  missingInput(input: InputPlan, criterion: string): void {
    this.reported ??= new Set();
    if (this.reported.has(input.name)) return;
    this.reported.add(input.name);
    this.diagnostics.push(diag("missing-input", { unit: this.info.code, input: input.name, criterion }, this.where(criterion, undefined, input.name)));
  }
}

/**
 * What a missing value means for a criterion: a division by zero, or an absent
 * `missing: not_applicable` input, makes it not applicable (this wins over absent
 * `missing: error` inputs) and the reason is returned; otherwise it is missing,
 * every absent input it needs is reported, and undefined is returned.
 */
function resolveMissing(ctx: UnitContext, deps: ExprDeps | undefined, value: Value, criterion: string, source: string, report: boolean): string | undefined {
  if (isMiss(value) && value.reason === "division_by_zero") return "division by zero";
  const inputs = ctx.plan.framework.inputs;
  const absent: InputPlan[] = [];
  for (const slot of deps?.inputSlots ?? []) {
    if (!ctx.unresolved[slot]) continue;
    const input = inputs[slot]!;
    if (input.missing === "not_applicable") return `${input.name} is missing`;
    absent.push(input);
  }
  if (report) {
    if (absent.length === 0) ctx.diagnostics.push(diag("missing-value", { unit: ctx.info.code, criterion, source }, ctx.where(criterion)));
    for (const input of absent) ctx.missingInput(input, criterion);
  }
  return undefined;
}

/** A rule's score before it becomes a node. */
interface RuleScore {
  readonly status: NodeStatus;
  readonly points: Decimal;
  /** `points` as an integer count of 10^-k. */
  readonly scaled: bigint;
  readonly max: Decimal;
  readonly policy?: "full" | "zero";
  /** Set when not applicable (excluded, or scored by the policy). */
  readonly naReason?: string;
}

const MISSING_SCORE = (max: Decimal): RuleScore => ({ status: "missing", points: ZERO, scaled: 0n, max });

function notApplicableScore(plan: EnginePlan, policy: NotApplicablePolicy, max: Decimal, naReason: string): RuleScore {
  switch (policy) {
    case "exclude":
      return { status: "not_applicable", points: ZERO, scaled: 0n, max: ZERO, naReason };
    case "full": {
      const points = plan.roundConst(max);
      return { status: "scored", points, scaled: plan.scaled(points), max, policy: "full", naReason };
    }
    case "zero":
      return { status: "scored", points: ZERO, scaled: 0n, max, policy: "zero", naReason };
  }
}

/** Scores one rule (of a leaf or an adjustment) on the unit's slots; `id` names it in diagnostics and the points table. */
function scoreRule(
  ctx: UnitContext,
  rule: RulePlan,
  id: string,
  max: Decimal,
  deps: ExprDeps | undefined,
  naPolicy: NotApplicablePolicy,
  isAdjustment: boolean,
): RuleScore {
  const plan = ctx.plan;
  const code = ctx.info.code;
  if (rule.kind === "manual") {
    const entry = ctx.ev?.points.get(id);
    const m = evaluateManual(plan, rule.step, max, entry);
    if (m.kind === "absent") {
      // An adjustment without an entry is simply not awarded; a criterion without one lacks its data.
      if (isAdjustment) return { status: "scored", points: ZERO, scaled: 0n, max };
      ctx.diagnostics.push(diag("missing-points", { unit: code, criterion: id }, ctx.where(id)));
      return MISSING_SCORE(max);
    }
    if (m.usedSelf) ctx.diagnostics.push(diag("self-used", { unit: code, criterion: id, self: entry!.self!.toString() }, ctx.where(id, entry)));
    if (m.outOfRange !== undefined) {
      ctx.diagnostics.push(
        diag(
          "manual-points-out-of-range",
          { unit: code, criterion: id, points: m.outOfRange.toString(), max: max.toString(), used: m.points.toString() },
          ctx.where(id, entry),
        ),
      );
    }
    if (m.offStep && rule.step) {
      const given = (entry!.appraised ?? entry!.self)!.toString();
      ctx.diagnostics.push(diag("manual-points-step", { unit: code, criterion: id, points: given, step: rule.step.toString() }, ctx.where(id, entry)));
    }
    return { status: "scored", points: m.points, scaled: toScaled(m.points, plan.k), max };
  }
  const value = rule.value.evaluate(ctx.slots);
  if (isMiss(value)) {
    const naReason = resolveMissing(ctx, deps, value, id, rule.value.source, rule.kind !== "deadline");
    if (naReason !== undefined) return notApplicableScore(plan, naPolicy, max, naReason);
    if (rule.kind !== "deadline") return MISSING_SCORE(max);
  }
  const outcome = evaluateValueRule(plan, rule, max, value);
  switch (outcome.kind) {
    case "points":
      if (outcome.clampedFrom !== undefined) {
        ctx.diagnostics.push(
          diag(
            "expr-points-clamped",
            { unit: code, criterion: id, value: outcome.clampedFrom.toString(), used: outcome.points.toString(), max: max.toString() },
            ctx.where(id),
          ),
        );
      }
      return {
        status: "scored",
        points: outcome.points,
        scaled: outcome.constant ? plan.scaled(outcome.points) : outcome.points.isZero() ? 0n : toScaled(outcome.points, plan.k),
        max,
      };
    case "invalid":
      ctx.diagnostics.push(
        diag("rule-value-invalid", { unit: code, criterion: id, rule: rule.kind, value: formatValue(outcome.value), expected: outcome.expected }, ctx.where(id)),
      );
      return MISSING_SCORE(max);
    case "missing":
      return MISSING_SCORE(max);
  }
}

function readsOf(ctx: UnitContext, deps: ExprDeps | undefined): ValueRead[] {
  const out: ValueRead[] = [];
  for (const r of deps?.reads ?? []) {
    const value = ctx.slots[r.slot] ?? MISSING;
    out.push(r.via === undefined ? { name: r.name, value } : { name: r.name, value, via: r.via });
  }
  return out;
}

/** The branch text of a rule's outcome, recomputed from the unit's retained values (the same pure evaluation). */
function branchOf(ctx: UnitContext, rule: RulePlan, id: string, max: Decimal, s: ScoreFacts): string {
  if (s.naReason !== undefined) {
    if (s.policy === "full") return `not applicable (${s.naReason}), policy full → ${s.points.toString()}`;
    if (s.policy === "zero") return `not applicable (${s.naReason}), policy zero → 0`;
    return `not applicable (${s.naReason}) → excluded`;
  }
  if (rule.kind === "manual") return evaluateManual(ctx.plan, rule.step, max, ctx.ev?.points.get(id), true).branch;
  const value = rule.value.evaluate(ctx.slots);
  if (isMiss(value) && rule.kind !== "deadline") return `value missing → 0`;
  const outcome = evaluateValueRule(ctx.plan, rule, max, value, true);
  if (outcome.kind === "points") return outcome.branch;
  if (outcome.kind === "invalid") return `invalid value ${formatValue(outcome.value)} → 0`;
  return `value missing → 0`;
}

interface ScoreFacts {
  readonly status: NodeStatus;
  readonly points: Decimal;
  readonly max: Decimal;
  readonly policy?: "full" | "zero" | undefined;
  readonly naReason?: string | undefined;
}

function explanationOf(ctx: UnitContext, rule: RulePlan, id: string, deps: ExprDeps | undefined, s: ScoreFacts, ruleMax: Decimal): Explanation {
  const source = rule.kind === "manual" ? undefined : rule.value.source;
  const e: { -readonly [K in keyof Explanation]: Explanation[K] } = {
    rule: rule.kind,
    values: readsOf(ctx, deps),
    branch: branchOf(ctx, rule, id, ruleMax, s),
    points: s.points,
    max: s.max,
    lost: s.max.minus(s.points),
  };
  if (source !== undefined) e.source = source;
  return e;
}

/** Lazily built values of a node. */
interface NodeCache {
  points?: Decimal;
  max?: Decimal;
  index?: Decimal | undefined;
  explanation?: Explanation | undefined;
}

const STATUS: readonly NodeStatus[] = ["scored", "not_applicable", "missing"];
const POLICY: readonly (undefined | "full" | "zero")[] = [undefined, "full", "zero"];

/**
 * A node result. Sums are kept as exact scaled integers; a parent's Decimal points
 * and max, every index and every explanation are built on first use (divisions
 * and explanation texts are the costliest parts of a run, and most consumers read
 * only a few of them).
 */
export class NodeScore implements NodeResult {
  private cache: NodeCache | undefined;
  constructor(
    readonly position: number,
    /** status + 3 × policy. */
    private readonly flags: number,
    /** Points as an integer count of 10^-k (see {@link EnginePlan.k}). */
    readonly scaledPoints: bigint,
    /** Applicable max as an integer count of 10^-k. */
    readonly scaledMax: bigint,
    /** The unit's retained values (explanations, self). */
    private readonly ctx: UnitContext,
    /** A leaf's points as computed by its rule (parents: built from the scaled sum). */
    private readonly leafPoints: Decimal | undefined,
    private readonly naReason: string | undefined,
  ) {}

  get id(): string {
    return this.ctx.plan.framework.nodes[this.position]!.id;
  }
  get status(): NodeStatus {
    return STATUS[this.flags % 3]!;
  }
  get policy(): "full" | "zero" | undefined {
    return POLICY[Math.floor(this.flags / 3)];
  }
  get points(): Decimal {
    if (this.leafPoints !== undefined) return this.leafPoints;
    const c = (this.cache ??= {});
    return (c.points ??= this.scaledPoints === 0n ? ZERO : fromScaled(this.scaledPoints, this.ctx.plan.k));
  }
  get max(): Decimal {
    if (this.scaledMax === 0n) return ZERO;
    const node = this.ctx.plan.framework.nodes[this.position]!;
    if (node.kind === "leaf") return node.max;
    const c = (this.cache ??= {});
    return (c.max ??= fromScaled(this.scaledMax, this.ctx.plan.k));
  }
  get index(): Decimal | undefined {
    const c = (this.cache ??= {});
    if (!("index" in c)) c.index = indexOf(this.points, this.max);
    return c.index;
  }
  get self(): Decimal | undefined {
    return this.ctx.ev?.points.get(this.id)?.self;
  }
  get selfDiff(): Decimal | undefined {
    const self = this.self;
    return self === undefined ? undefined : self.minus(this.points);
  }
  get explanation(): Explanation | undefined {
    const ctx = this.ctx;
    if (!ctx.explain) return undefined;
    const c = (this.cache ??= {});
    if (!("explanation" in c)) {
      const node = ctx.plan.framework.nodes[this.position];
      c.explanation =
        node?.kind === "leaf"
          ? explanationOf(ctx, node.rule, node.id, ctx.plan.ruleDeps[this.position], { status: this.status, points: this.points, max: this.max, policy: this.policy, naReason: this.naReason }, node.max)
          : undefined;
    }
    return c.explanation;
  }

  /** A plain view (without the unit context it keeps). */
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

function nodeFlags(status: NodeStatus, policy: "full" | "zero" | undefined): number {
  return STATUS.indexOf(status) + 3 * POLICY.indexOf(policy);
}

class AdjustmentScore implements AdjustmentResult {
  private cachedExplanation: Explanation | undefined | null = null;
  constructor(
    readonly id: string,
    readonly kind: "bonus" | "penalty",
    readonly status: NodeStatus,
    readonly points: Decimal,
    readonly signed: Decimal,
    private readonly ctx: UnitContext,
    private readonly position: number,
    private readonly naReason: string | undefined,
  ) {}

  get explanation(): Explanation | undefined {
    if (this.cachedExplanation === null) {
      const ctx = this.ctx;
      const a = ctx.explain ? ctx.plan.framework.adjustments[this.position] : undefined;
      this.cachedExplanation =
        a
          ? explanationOf(ctx, a.rule, this.id, ctx.plan.adjustmentDeps[this.position], { status: this.status, points: this.points, max: a.max, ...(this.naReason !== undefined && { naReason: this.naReason }) }, a.max)
          : undefined;
    }
    return this.cachedExplanation;
  }

  toJSON(): Record<string, unknown> {
    return { id: this.id, kind: this.kind, status: this.status, points: this.points, signed: this.signed, explanation: this.explanation };
  }
}

function fillSlots(plan: EnginePlan, ev: UnitEvidence | undefined) {
  const fw = plan.framework;
  const slots: Value[] = new Array<Value>(fw.slotCount);
  const absent = new Uint8Array(fw.inputs.length);
  const unresolved = new Uint8Array(fw.inputs.length);
  for (const input of fw.inputs) {
    const entry = ev?.inputs.get(input.name);
    let value: Value = entry === undefined ? MISSING : entry.value;
    if (isMiss(value)) {
      absent[input.slot] = 1;
      if (input.missing === "zero") {
        if (input.type === "boolean") value = false;
        else if (input.type === "number" || input.type === "integer" || input.type === "ratio" || input.type === "percent") value = ZERO;
      }
      if (isMiss(value)) unresolved[input.slot] = 1;
    }
    slots[input.slot] = value;
  }
  for (const d of fw.derived) slots[d.slot] = d.expr.evaluate(slots);
  return { slots, absent, unresolved };
}

/**
 * Whether an optional part has any data for the unit: a value (before `missing: zero`)
 * for an input that one of its leaves reads (rule value or applies_if, through derived
 * values), or a points-table entry with self or appraised for one of its leaves.
 */
function partHasData(plan: EnginePlan, part: number, absent: Uint8Array, ev: UnitEvidence | undefined): boolean {
  const facts = plan.parts[part]!;
  for (const slot of facts.inputSlots) if (!absent[slot]) return true;
  if (ev) {
    for (const id of facts.leafIds) {
      const e = ev.points.get(id);
      if (e !== undefined && (e.self !== undefined || e.appraised !== undefined)) return true;
    }
  }
  return false;
}

function scoreUnit(plan: EnginePlan, info: UnitInfo, ev: UnitEvidence | undefined, explain: boolean): UnitResult {
  const fw = plan.framework;
  const k = plan.k;
  const { slots, absent, unresolved } = fillSlots(plan, ev);
  const ctx = new UnitContext(plan, info, ev, slots, unresolved, explain);
  const dropped = plan.parts.map((p, i) => p.optional && !partHasData(plan, i, absent, ev));
  const anyDropped = dropped.includes(true);

  const nodes = fw.nodes;
  const count = nodes.length;
  // Per node: the not-applicable policy in force (own or inherited) and why.
  const na: (NotApplicablePolicy | undefined)[] = new Array(count);
  const naReason: (string | undefined)[] = new Array(count);
  const results: NodeScore[] = new Array(count);
  let complete = true;

  for (let i = 0; i < count; i++) {
    const node = nodes[i]!;
    let policy: NotApplicablePolicy | undefined;
    let reason: string | undefined;
    if (node.parent >= 0 && na[node.parent] !== undefined) {
      policy = na[node.parent];
      reason = naReason[node.parent];
    } else if (anyDropped && node.kind === "leaf" && dropped[plan.nodePart[i]!]) {
      policy = "exclude";
      reason = `part ${node.part} has no data for this unit`;
    } else if (node.appliesIf) {
      const v = node.appliesIf.evaluate(slots);
      if (v === false) {
        policy = node.notApplicable;
        reason = "applies_if is false";
      } else if (isMiss(v)) {
        const r = resolveMissing(ctx, plan.appliesIfDeps[i], v, node.id, node.appliesIf.source, true);
        if (r !== undefined) {
          policy = node.notApplicable;
          reason = `applies_if: ${r}`;
        }
      } else if (v !== true) {
        ctx.diagnostics.push(diag("applies-if-invalid", { unit: info.code, criterion: node.id, value: formatValue(v) }, ctx.where(node.id)));
      }
    }
    na[i] = policy;
    naReason[i] = reason;
    if (node.kind === "group") continue;

    const s =
      policy !== undefined
        ? notApplicableScore(plan, policy, node.max, reason!)
        : scoreRule(ctx, node.rule, node.id, node.max, plan.ruleDeps[i], node.notApplicable, false);
    if (s.status === "missing") complete = false;
    const scaledMax = s.status === "not_applicable" ? 0n : plan.scaled(node.max);
    results[i] = new NodeScore(i, nodeFlags(s.status, s.policy), s.scaled, scaledMax, ctx, s.points, s.naReason);
  }

  for (let i = count - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node.kind !== "group") continue;
    let sum = 0n;
    let max = 0n;
    let allNa = true;
    let anyMissing = false;
    for (const c of node.children) {
      const r = results[c]!;
      sum += r.scaledPoints;
      max += r.scaledMax;
      const st = r.status;
      if (st !== "not_applicable") allNa = false;
      if (st === "missing") anyMissing = true;
    }
    const status: NodeStatus = allNa ? "not_applicable" : anyMissing ? "missing" : "scored";
    const own = na[i];
    const policy = own === "full" || own === "zero" ? own : undefined;
    results[i] = new NodeScore(i, nodeFlags(status, policy), sum, max, ctx, undefined, undefined);
  }

  const partPoints = plan.parts.map(() => 0n);
  const partMax = plan.parts.map(() => 0n);
  for (const { position, part } of plan.partCover) {
    const r = results[position]!;
    partPoints[part]! += r.scaledPoints;
    partMax[part]! += r.scaledMax;
  }
  let criteriaScaled = 0n;
  let maxScaled = 0n;
  const parts: PartResult[] = plan.parts.map((p, i) => {
    criteriaScaled += partPoints[i]!;
    maxScaled += partMax[i]!;
    const points = fromScaled(partPoints[i]!, k);
    const max = fromScaled(partMax[i]!, k);
    const idx = indexOf(points, max);
    return idx === undefined ? { id: p.id, points, max, dropped: dropped[i]! } : { id: p.id, points, max, index: idx, dropped: dropped[i]! };
  });

  let uncappedScaled = criteriaScaled;
  const adjustments: AdjustmentResult[] = fw.adjustments.map((a, i) => {
    const s = scoreRule(ctx, a.rule, a.id, a.max, plan.adjustmentDeps[i], "exclude", true);
    if (s.status === "missing") complete = false;
    const p = s.status === "not_applicable" ? ZERO : s.points;
    const scaled = s.status === "not_applicable" ? 0n : s.scaled;
    uncappedScaled += a.kind === "bonus" ? scaled : -scaled;
    return new AdjustmentScore(a.id, a.kind, s.status, p, a.kind === "bonus" ? p : p.negated(), ctx, i, s.naReason);
  });
  let totalScaled = uncappedScaled;
  if (fw.cap !== undefined) {
    const cap = plan.scaled(fw.cap);
    if (totalScaled < 0n) totalScaled = 0n;
    else if (totalScaled > cap) totalScaled = cap;
  }

  const max = fromScaled(maxScaled, k);
  const total = fromScaled(totalScaled, k);
  const index = indexOf(total, max);
  const publishedIndex = index === undefined ? undefined : roundTo(index, fw.rounding);
  const grade = publishedIndex === undefined ? undefined : gradeOf(fw, publishedIndex);
  const unit: { -readonly [K in keyof UnitResult]: UnitResult[K] } = {
    unit: info.code,
    name: info.name,
    info,
    rank: 0,
    points: total,
    criteriaPoints: fromScaled(criteriaScaled, k),
    uncappedPoints: uncappedScaled === totalScaled ? total : fromScaled(uncappedScaled, k),
    max,
    complete,
    parts,
    adjustments,
    nodes: results,
    diagnostics: ctx.diagnostics,
  };
  if (index !== undefined) unit.index = index;
  if (publishedIndex !== undefined) unit.publishedIndex = publishedIndex;
  if (grade !== undefined) unit.grade = grade;
  return unit;
}
