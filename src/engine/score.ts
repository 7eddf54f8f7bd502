/**
 * `score`: a compiled framework plus evidence gives every unit its points, max,
 * index, grade and rank, per node, per part and in total, with explanations.
 * Pure and synchronous; problems become diagnostics, never exceptions.
 *
 * One pass per unit writes exact integer counts into a {@link ScoreStore} row; the
 * typed results are lazy views over it (unit.ts), so a run allocates a few objects
 * per unit rather than several per node.
 */
import { nfc } from "../core/text.js";
import { argumentError, expectFramework, expectOptions } from "../core/args.js";
import { mergeEvidence } from "../evidence/merge.js";
import type { EvidencePart } from "../evidence/part.js";
import { ZERO } from "../core/decimal.js";
import { formatValue, MISSING, type Value } from "../core/value.js";
import { diag, type Diagnostic, type Location } from "../diagnostics/index.js";
import type { EvidenceSet, InputEntry, PointsEntry, UnitEvidence, UnitInfo } from "../evidence/model.js";
import type { CompiledFramework, InputPlan, LeafPlan, NotApplicablePolicy, RulePlan } from "../framework/ir.js";
import type { Decimal } from "../core/decimal.js";
import { rank } from "../rank/rank.js";
import type { FastManualRule, FastValueRule } from "./fast.js";
import { scoreResultToJson } from "./json.js";
import { type EnginePlan, enginePlan, type ExprDeps, type Fallback } from "./plan.js";
import type { ScoreOptions, ScoreResult, UnitResult } from "./result.js";
import { evaluateManual, evaluateValueRule } from "./rules.js";
import {
  type Arith,
  POLICY_FULL,
  POLICY_ZERO,
  type Scaled,
  ScoreStore,
  STATUS_MISSING,
  STATUS_NOT_APPLICABLE,
  STATUS_SCORED,
  TOTAL_CRITERIA,
  TOTAL_MAX,
  TOTAL_POINTS,
  TOTAL_UNCAPPED,
} from "./store.js";
import { UnitCore, UnitScore } from "./unit.js";
import { isMiss } from "./values.js";
import { ENGINE_PATHS } from "./paths.js";
import { ChangedInputs } from "./changed-inputs.js";
import { type InputStore, TAG_ABSENT, TAG_NUMBER_MAX, UnitInputs } from "../evidence/columns.js";
import { RATIONAL, type SlotNumbers, useSlotNumbers } from "../expr/rational.js";

/** Code-point order, independent of the host's locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/**
 * Scores every unit: the registry's units when there is one, else the units of the
 * evidence sorted by code. Units come back ranked (by `framework.ranking`) and sorted
 * by rank, then code. Never throws.
 */
export function score(framework: CompiledFramework, evidence: EvidenceSet | EvidencePart | readonly EvidencePart[], options: ScoreOptions = {}): ScoreResult {
  expectFramework("score(framework, evidence, options)", "framework", framework);
  expectOptions("score(framework, evidence, options)", "options", options);
  evidence = evidenceSetOf(evidence);
  const plan = enginePlan(framework);
  const explain = options.explain !== false;
  const units: readonly UnitInfo[] =
    evidence.units.length > 0
      ? evidence.units
      : [...evidence.byUnit.keys()].sort(compareCodes).map((code) => ({ code, name: code, attributes: {} }));
  const store = new ScoreStore(plan, units.length);
  const scratch = new Scratch(plan);
  const ctx = new UnitContext(plan, store.arith, scratch);
  const scored: UnitResult[] = new Array<UnitResult>(units.length);
  for (let row = 0; row < units.length; row++) {
    const info = units[row]!;
    scored[row] = new UnitScore(scoreUnitSafely(store, ctx, row, info, evidence.byUnit.get(info.code), explain), 0);
  }
  const ranked = rank(scored, framework.ranking, framework.rounding, framework);
  const diagnostics: Diagnostic[] = [...evidence.diagnostics];
  for (const u of scored) for (const d of u.diagnostics) diagnostics.push(d);
  for (const d of ranked.diagnostics) diagnostics.push(d);
  return makeScoreResult(framework, ranked.units, diagnostics);
}

/** The evidence as a set: a set as it is; a part, or an array of parts, merged. Anything else is a TypeError. */
function evidenceSetOf(evidence: unknown): EvidenceSet {
  const e = evidence as Partial<EvidenceSet & EvidencePart> | null;
  if (Array.isArray(evidence)) return mergeEvidence(evidence as EvidencePart[]);
  if (typeof e === "object" && e !== null && e.byUnit instanceof Map && Array.isArray(e.diagnostics)) {
    if (Array.isArray(e.units) && e.stats !== undefined) return e as EvidenceSet;
    if (typeof e.kind === "string" && e.rejectedRows !== undefined) return mergeEvidence([e as EvidencePart]);
  }
  throw argumentError(
    "score(framework, evidence, options)",
    "evidence",
    "an evidence set from mergeEvidence([...parts]) or loadEvidence(...), a part from readEvidenceCsv / readEvidenceJson, or an array of parts",
    evidence,
  );
}

/** Per plan: the working arrays and context for scoring one unit at a time (see {@link scoreOneUnit}). */
const singles = new WeakMap<EnginePlan, UnitContext>();

/**
 * Scores one unit on its own, into a fresh one-row store (results already handed out are
 * never overwritten). Unranked; the per-plan working arrays are reused, so a call costs the
 * unit's own scoring and a few small allocations. Used by `rescoreUnit`.
 */
export function scoreOneUnit(framework: CompiledFramework, info: UnitInfo, ev: UnitEvidence | undefined, explain: boolean): UnitCore {
  const plan = enginePlan(framework);
  const store = new ScoreStore(plan, 1);
  let ctx = singles.get(plan);
  if (ctx === undefined) singles.set(plan, (ctx = new UnitContext(plan, store.arith, new Scratch(plan))));
  return scoreUnitSafely(store, ctx, 0, info, ev, explain);
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

function scoreUnitSafely(store: ScoreStore, ctx: UnitContext, row: number, info: UnitInfo, ev: UnitEvidence | undefined, explain: boolean): UnitCore {
  try {
    return scoreUnit(store, ctx, row, info, ev, explain);
  } catch (error) {
    // A compiled expression must never throw; if one does, the unit is reported rather than the run lost.
    const detail = error instanceof Error ? error.message : String(error);
    const failed = scoreUnit(store, ctx, row, info, undefined, false);
    failed.complete = false;
    failed.diagnostics = [diag("engine-internal-error", { unit: info.code, detail }, { unit: info.code })];
    return failed;
  }
}

/** Per-run working arrays, reused unit after unit. */
class Scratch {
  readonly absent: Uint8Array;
  /** Per input slot: still missing after `missing: zero`. */
  readonly unresolved: Uint8Array;
  /** Per node: the not-applicable policy in force (own or inherited), −1 for none. */
  readonly policy: Int8Array;
  /** Per node: its reason code. */
  readonly reason: Uint32Array;
  readonly dropped: Uint8Array;
  /** Slots of a unit whose explanations are not kept. */
  readonly slots: Value[];
  /** The unit's input numbers known as scaled integers (read by the fast forms; see {@link readInput}). */
  readonly numbers: SlotNumbers;
  /** Where the unit's inputs are, when the evidence keeps them by column. */
  readonly columns = new UnitColumns();
  /** The last rule's outcome (see {@link scoreRule}). */
  points: Scaled = 0;
  ruleReason = 0;

  constructor(plan: EnginePlan) {
    const fw = plan.framework;
    this.absent = new Uint8Array(fw.inputs.length);
    this.unresolved = new Uint8Array(fw.inputs.length);
    this.policy = new Int8Array(fw.nodes.length);
    this.reason = new Uint32Array(fw.nodes.length);
    this.dropped = new Uint8Array(plan.parts.length);
    this.slots = new Array<Value>(fw.slotCount).fill(MISSING);
    this.numbers = { slots: undefined, num: new Float64Array(fw.slotCount), den: new Float64Array(fw.slotCount) };
  }
}

const POLICY_CODE: Readonly<Record<NotApplicablePolicy, number>> = { exclude: 0, full: 1, zero: 2 };

/** A unit's scoring pass: its values, evidence and diagnostics (one object per run, reset per unit). */
class UnitContext {
  diagnostics: Diagnostic[] | undefined;
  private reported: Set<string> | undefined;
  info!: UnitInfo;
  ev: UnitEvidence | undefined;
  /** Lazily computed derived values are undefined until needed (see {@link EnginePlan.lazyDerived}). */
  slots!: Value[];
  constructor(
    readonly plan: EnginePlan,
    readonly arith: Arith,
    readonly scratch: Scratch,
  ) {}

  reset(info: UnitInfo, ev: UnitEvidence | undefined, slots: Value[]): void {
    this.info = info;
    this.ev = ev;
    this.slots = slots;
    this.diagnostics = undefined;
    this.reported = undefined;
  }

  report(d: Diagnostic): void {
    (this.diagnostics ??= []).push(d);
  }

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

  /**
   * Where a rule's value came from: the evidence row (file, line, column) of the first input
   * it reads that has one, so that an invalid value is reported at the cell that holds it.
   */
  whereValue(criterion: string, deps: ExprDeps | undefined): Location {
    const inputs = this.ev?.inputs;
    if (inputs !== undefined) {
      for (const slot of deps?.inputSlots ?? []) {
        const input = this.plan.framework.inputs[slot];
        const w = input === undefined ? undefined : inputs.get(input.name)?.where;
        if (w?.file !== undefined || w?.line !== undefined) {
          const out: { -readonly [K in keyof Location]: Location[K] } = {};
          if (w.file !== undefined) out.file = w.file;
          if (w.line !== undefined) out.line = w.line;
          if (w.column !== undefined) out.column = w.column;
          out.unit = this.info.code;
          out.criterion = criterion;
          out.input = input!.name;
          return out;
        }
      }
    }
    return this.where(criterion);
  }

  /** Reports `missing-input` once per unit and input. */
  missingInput(input: InputPlan, criterion: string): void {
    this.reported ??= new Set();
    if (this.reported.has(input.name)) return;
    this.reported.add(input.name);
    this.report(diag("missing-input", { unit: this.info.code, input: input.name, criterion }, this.where(criterion, undefined, input.name)));
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
  const unresolved = ctx.scratch.unresolved;
  let absent: InputPlan[] | undefined;
  for (const slot of deps?.inputSlots ?? []) {
    if (!unresolved[slot]) continue;
    const input = inputs[slot]!;
    if (input.missing === "not_applicable") return `${input.name} is missing`;
    (absent ??= []).push(input);
  }
  if (report) {
    if (absent === undefined) ctx.report(diag("missing-value", { unit: ctx.info.code, criterion, source }, ctx.where(criterion)));
    else for (const input of absent) ctx.missingInput(input, criterion);
  }
  return undefined;
}

/** Reports every absent input under `missing: error` that the rule reads; whether there was one. */
function absentUnderError(ctx: UnitContext, deps: ExprDeps | undefined, criterion: string): boolean {
  const inputs = ctx.plan.framework.inputs;
  const unresolved = ctx.scratch.unresolved;
  let any = false;
  for (const slot of deps?.inputSlots ?? []) {
    const input = inputs[slot]!;
    if (!unresolved[slot] || input.missing !== "error") continue;
    ctx.missingInput(input, criterion);
    any = true;
  }
  return any;
}

/** Flags (status + 3 × policy) of a rule scored by a not-applicable policy; sets the scratch points and reason. */
function notApplicable(ctx: UnitContext, policy: number, max: Decimal, reason: number): number {
  const sc = ctx.scratch;
  sc.ruleReason = reason;
  if (policy === POLICY_FULL) {
    sc.points = ctx.arith.fromConst(ctx.plan.roundConst(max));
    return STATUS_SCORED + 3 * POLICY_FULL;
  }
  sc.points = ctx.arith.zero;
  return policy === POLICY_ZERO ? STATUS_SCORED + 3 * POLICY_ZERO : STATUS_NOT_APPLICABLE;
}

/**
 * Scores one rule (of a leaf or an adjustment) on the unit's slots; `id` names it in
 * diagnostics and the points table. Returns the flags (status + 3 × policy) and leaves
 * the points (and a not-applicable reason) in the scratch, so that nothing is allocated.
 */
function scoreRule(
  ctx: UnitContext,
  rule: RulePlan,
  id: string,
  max: Decimal,
  deps: ExprDeps | undefined,
  naPolicy: NotApplicablePolicy,
  isAdjustment: boolean,
  penalty: boolean,
  fast: FastValueRule | FastManualRule | undefined,
  /** A leaf's position (for its plain slot read), −1 for an adjustment. */
  position: number,
): number {
  const { plan, arith, scratch } = ctx;
  scratch.ruleReason = 0;
  const code = ctx.info.code;
  if (rule.kind === "manual") {
    const entry = ctx.ev?.points.get(id);
    if (fast !== undefined) {
      const p = (fast as FastManualRule)(entry);
      if (p === p) {
        scratch.points = p;
        return STATUS_SCORED;
      }
    }
    const m = evaluateManual(plan, rule.step, max, entry);
    if (m.kind === "absent") {
      scratch.points = arith.zero;
      // An adjustment without an entry is simply not awarded; a criterion without one lacks its data.
      if (isAdjustment) return STATUS_SCORED;
      ctx.report(diag("missing-points", { unit: code, criterion: id }, ctx.where(id)));
      return STATUS_MISSING;
    }
    if (m.usedSelf) ctx.report(diag("self-used", { unit: code, criterion: id, self: entry!.self!.toString() }, ctx.where(id, entry)));
    if (m.outOfRange !== undefined) {
      ctx.report(
        diag(
          "manual-points-out-of-range",
          { unit: code, criterion: id, points: m.outOfRange.toString(), max: max.toString(), used: m.points.toString() },
          ctx.where(id, entry),
        ),
      );
    }
    if (m.offStep && rule.step) {
      const given = (entry!.appraised ?? entry!.self)!.toString();
      ctx.report(diag("manual-points-step", { unit: code, criterion: id, points: given, step: rule.step.toString() }, ctx.where(id, entry)));
    }
    scratch.points = arith.fromDecimal(m.points);
    return STATUS_SCORED;
  }
  const slots = ctx.slots;
  const slot = position >= 0 ? plan.leafSlot[position]! : -1;
  const value = slot >= 0 ? (slots[slot] ?? MISSING) : rule.value.evaluate(slots);
  if (isMiss(value)) {
    const deadline = rule.kind === "deadline";
    const naReason = resolveMissing(ctx, deps, value, id, rule.value.source, !deadline);
    if (naReason !== undefined) return notApplicable(ctx, POLICY_CODE[naPolicy], max, plan.reasonCode(naReason));
    // A deadline's own `missing:` points apply only when absence may score (`missing: zero`);
    // an absent `missing: error` input is an error whatever the rule says.
    if (!deadline || absentUnderError(ctx, deps, id)) {
      scratch.points = arith.zero;
      return STATUS_MISSING;
    }
  }
  if (fast !== undefined) {
    const p = (fast as FastValueRule)(value);
    if (p === p) {
      scratch.points = p;
      return STATUS_SCORED;
    }
  }
  const outcome = evaluateValueRule(plan, rule, max, value, false, penalty);
  switch (outcome.kind) {
    case "points":
      if (outcome.clampedFrom !== undefined) {
        ctx.report(
          diag(
            "expr-points-clamped",
            { unit: code, criterion: id, value: outcome.clampedFrom.toString(), used: outcome.points.toString(), max: max.toString() },
            ctx.whereValue(id, deps),
          ),
        );
      }
      scratch.points = outcome.constant ? arith.fromConst(outcome.points) : arith.fromDecimal(outcome.points);
      return STATUS_SCORED;
    case "invalid":
      ctx.report(
        diag("rule-value-invalid", { unit: code, criterion: id, rule: rule.kind, value: formatValue(outcome.value), expected: outcome.expected }, ctx.whereValue(id, deps)),
      );
      scratch.points = arith.zero;
      return STATUS_MISSING;
    case "missing":
      scratch.points = arith.zero;
      return STATUS_MISSING;
  }
}

/** 10^k for k = 0..15, exact as doubles. */
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * The one place the engine reads an input of the unit's evidence. A number the evidence holds
 * as a scaled integer (`scaled × 10^-scale`) is recorded in `numbers` at `slot` as the fraction
 * scaled ÷ 10^scale (trailing zeros dropped), and its Value (a Decimal) is built only when
 * `wantValue`: then, or for any other value, the Value is returned (MISSING when absent);
 * otherwise undefined. Nothing is recorded (`den` 0) for other values. A scaled 0 stands for +0
 * (the readers leave a negative zero to their exact path, which gives no scaled form).
 */
function readInput(inputs: ReadonlyMap<string, InputEntry> | undefined, name: string, slot: number, numbers: SlotNumbers, wantValue: boolean, columns: UnitColumns): Value | undefined {
  if (columns.store !== undefined && !columns.changed?.has(name)) return readColumn(columns, slot, numbers, wantValue);
  const entry = inputs?.get(name);
  if (entry === undefined) {
    numbers.den[slot] = 0;
    return MISSING;
  }
  let n = entry.scaled;
  let scale = entry.scale;
  if (n === undefined || scale === undefined || !Number.isInteger(scale) || scale < 0 || scale > 15 || !Number.isSafeInteger(n) || Object.is(n, -0)) {
    numbers.den[slot] = 0;
    return entry.value;
  }
  while (scale > 0 && n % 10 === 0) {
    n /= 10;
    scale--;
  }
  numbers.num[slot] = n;
  numbers.den[slot] = POW10[scale]!;
  return wantValue ? entry.value : undefined;
}

/**
 * Where the unit's inputs are when the evidence keeps them by column (src/evidence/columns.ts):
 * the store, each framework input's column in it (−1: none) and the unit's index. Then inputs are
 * read from the typed arrays directly, without building an entry.
 */
class UnitColumns {
  store: InputStore | undefined;
  columns: Int32Array = new Int32Array(0);
  unit = 0;
  /** Names changed over the stored inputs (`rescoreUnit`): read from their entries, not the columns. */
  changed: ReadonlyMap<string, unknown> | undefined;

  /** Points at `inputs` when they are a column store's, or a store's with some changed (else clears). */
  use(inputs: ReadonlyMap<string, InputEntry> | undefined, list: readonly InputPlan[]): void {
    this.changed = undefined;
    let own = inputs;
    if (inputs instanceof ChangedInputs) {
      own = inputs.base;
      this.changed = inputs.changes;
    }
    if (own instanceof UnitInputs) {
      this.store = own.store;
      this.columns = own.store.columnsOf(list);
      this.unit = own.index;
    } else this.store = undefined;
  }
}

/** {@link readInput} from the column store: the same fraction and the same Value, read from the typed arrays. */
function readColumn(source: UnitColumns, slot: number, numbers: SlotNumbers, wantValue: boolean): Value | undefined {
  const store = source.store!;
  const c = source.columns[slot]!;
  const column = c < 0 ? undefined : store.columns[c]!;
  const tag = column === undefined ? TAG_ABSENT : column.tagOf(source.unit);
  if (tag === TAG_ABSENT) {
    numbers.den[slot] = 0;
    return MISSING;
  }
  if (tag > TAG_NUMBER_MAX) {
    numbers.den[slot] = 0;
    return store.valueAt(column!, source.unit);
  }
  let n = column!.numOf(source.unit);
  let scale = tag - 1;
  if (Object.is(n, -0)) {
    numbers.den[slot] = 0;
    return store.valueAt(column!, source.unit);
  }
  while (scale > 0 && n % 10 === 0) {
    n /= 10;
    scale--;
  }
  numbers.num[slot] = n;
  numbers.den[slot] = POW10[scale]!;
  return wantValue ? store.valueAt(column!, source.unit) : undefined;
}

/**
 * Fills the unit's slots: inputs from the evidence (with `missing: zero`), then derived values.
 * Lazy inputs (see {@link EnginePlan.lazyInput}) that the evidence gives as scaled integers are
 * only recorded as fractions and their slots left unset, unless `allValues` (explanations, the
 * exact-only switch); lazy derived values are left unset (see {@link materialize}).
 */
function fillSlots(plan: EnginePlan, scratch: Scratch, slots: Value[], ev: UnitEvidence | undefined, allValues: boolean): void {
  const fw = plan.framework;
  const { absent, unresolved, numbers } = scratch;
  absent.fill(0);
  unresolved.fill(0);
  numbers.slots = slots;
  useSlotNumbers(numbers);
  const inputs = ev?.inputs;
  const lazyInput = plan.lazyInput;
  const list = fw.inputs;
  const columns = scratch.columns;
  columns.use(inputs, list);
  for (let i = 0; i < list.length; i++) {
    const input = list[i]!;
    const slot = input.slot;
    let value = readInput(inputs, input.name, slot, numbers, allValues || !lazyInput[i], columns);
    if (value === undefined) {
      slots[slot] = undefined as unknown as Value; // a number, read as a fraction until needed
      continue;
    }
    // Text compared as NFC: evidence typed in decomposed form equals the framework's literals.
    if (typeof value === "string") value = nfc(value);
    if (isMiss(value)) {
      absent[slot] = 1;
      if (input.missing === "zero") {
        if (input.type === "boolean") value = false;
        else if (input.type === "number" || input.type === "integer" || input.type === "ratio" || input.type === "percent") value = ZERO;
      }
      if (isMiss(value)) unresolved[slot] = 1;
    }
    slots[slot] = value;
  }
  const lazy = plan.lazyDerived;
  const exactOnly = ENGINE_PATHS.exactOnly;
  const derived = fw.derived;
  for (let i = 0; i < derived.length; i++) {
    const d = derived[i]!;
    slots[d.slot] = lazy[i] && !exactOnly ? (undefined as unknown as Value) : d.expr.evaluate(slots);
  }
}

/**
 * Before a rule with a fraction form falls back to the exact evaluation: builds the Values of the
 * lazy inputs it reads and computes the lazy derived values it reads (in order: each reads only
 * earlier ones), where the slots are still unset.
 */
function materialize(ctx: UnitContext, fallback: Fallback | undefined): void {
  if (fallback === undefined) return;
  const fw = ctx.plan.framework;
  const slots = ctx.slots;
  const ins = fallback.inputs;
  if (ins.length > 0) {
    const inputs = ctx.ev?.inputs;
    const numbers = ctx.scratch.numbers;
    for (let j = 0; j < ins.length; j++) {
      const input = fw.inputs[ins[j]!]!;
      if (slots[input.slot] === undefined) slots[input.slot] = readInput(inputs, input.name, input.slot, numbers, true, ctx.scratch.columns)!;
    }
  }
  const ds = fallback.derived;
  for (let j = 0; j < ds.length; j++) {
    const d = fw.derived[ds[j]!]!;
    if (slots[d.slot] === undefined) slots[d.slot] = d.expr.evaluate(slots);
  }
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

const APPLIES_IF_FALSE = "applies_if is false";

function scoreUnit(store: ScoreStore, ctx: UnitContext, row: number, info: UnitInfo, ev: UnitEvidence | undefined, explain: boolean): UnitCore {
  const plan = store.plan;
  const fw = plan.framework;
  const A = store.arith;
  const scratch = ctx.scratch;
  const slots = explain ? new Array<Value>(fw.slotCount) : scratch.slots;
  fillSlots(plan, scratch, slots, ev, explain || ENGINE_PATHS.exactOnly);
  ctx.reset(info, ev, slots);
  const nodeMaxConst = A.nodeMax;

  const partCount = store.partCount;
  const partBase = row * partCount;
  let anyDropped = false;
  for (let p = 0; p < partCount; p++) {
    const dropped = plan.parts[p]!.optional && !partHasData(plan, p, scratch.absent, ev);
    scratch.dropped[p] = dropped ? 1 : 0;
    store.partDropped[partBase + p] = dropped ? 1 : 0;
    if (dropped) anyDropped = true;
  }

  const nodes = fw.nodes;
  const count = nodes.length;
  const base = row * count;
  const { policy: na, reason: naReason } = scratch;
  const { nodePoints, nodeMax, nodeFlags, nodeReason } = store;
  let complete = true;

  const { parent, isLeaf, childStart, childList, appliesIf, policy: ownPolicy } = plan.tree;
  const { leafFast, leafSlot, leafRational, leafManual } = plan;
  const exactOnly = ENGINE_PATHS.exactOnly;
  const dropped = scratch.dropped;
  for (let i = 0; i < count; i++) {
    const up = parent[i]!;
    let policy = -1;
    let reason = 0;
    if (up >= 0 && na[up]! >= 0) {
      policy = na[up]!;
      reason = naReason[up]!;
    } else if (anyDropped && isLeaf[i] && dropped[plan.nodePart[i]!]) {
      policy = POLICY_CODE.exclude;
      reason = plan.reasonCode(plan.noDataReason[plan.nodePart[i]!]!);
    } else {
      const condition = appliesIf[i];
      if (condition !== undefined) {
        const v = condition.evaluate(slots);
        if (v === false) {
          policy = ownPolicy[i]!;
          reason = plan.reasonCode(APPLIES_IF_FALSE);
        } else if (isMiss(v)) {
          const node = nodes[i]!;
          const r = resolveMissing(ctx, plan.appliesIfDeps[i], v, node.id, condition.source, true);
          if (r !== undefined) {
            policy = ownPolicy[i]!;
            reason = plan.reasonCode(`applies_if: ${r}`);
          }
        } else if (v !== true) {
          ctx.report(diag("applies-if-invalid", { unit: info.code, criterion: nodes[i]!.id, value: formatValue(v) }, ctx.where(nodes[i]!.id)));
        }
      }
    }
    na[i] = policy;
    naReason[i] = reason;
    if (!isLeaf[i]) continue;

    const at = base + i;
    if (policy < 0) {
      // The common case first: a value read from one slot (or an expression's exact fraction, or a points-table
      // entry) that the fast rule decides. Anything else goes through scoreRule.
      const fast = leafFast[i];
      const r = leafRational[i];
      let p = Number.NaN;
      if (exactOnly) {
        // every rule through rules.ts (see paths.ts)
      } else if (r !== undefined) {
        const n = r.value(slots);
        if (n === n) p = r.points(n, RATIONAL.den);
      } else if (fast !== undefined) {
        const slot = leafSlot[i]!;
        if (slot >= 0) {
          const v = slots[slot];
          if (v !== undefined && !isMiss(v)) p = (fast as FastValueRule)(v);
        } else if (leafManual[i]) p = (fast as FastManualRule)(ev?.points.get(nodes[i]!.id));
      }
      if (p === p) {
        nodePoints[at] = p;
        nodeMax[at] = nodeMaxConst[i]!;
        nodeFlags[at] = STATUS_SCORED;
        nodeReason[at] = 0;
        continue;
      }
    }
    const node = nodes[i] as LeafPlan;
    if (policy < 0) materialize(ctx, plan.leafFallback[i]); // undecided: the exact evaluation reads them
    const flags =
      policy >= 0
        ? notApplicable(ctx, policy, node.max, reason)
        : scoreRule(ctx, node.rule, node.id, node.max, plan.ruleDeps[i], node.notApplicable, false, false, exactOnly ? undefined : leafFast[i], i);
    const status = flags % 3;
    if (status === STATUS_MISSING) complete = false;
    nodePoints[at] = scratch.points;
    nodeMax[at] = status === STATUS_NOT_APPLICABLE ? A.zero : nodeMaxConst[i]!;
    nodeFlags[at] = flags;
    nodeReason[at] = scratch.ruleReason;
  }

  for (let i = count - 1; i >= 0; i--) {
    if (isLeaf[i]) continue;
    let sum = A.zero;
    let max = A.zero;
    let allNa = true;
    let anyMissing = false;
    const end = childStart[i + 1]!;
    for (let j = childStart[i]!; j < end; j++) {
      const at = base + childList[j]!;
      sum = A.add(sum, nodePoints[at]!);
      max = A.add(max, nodeMax[at]!);
      const st = nodeFlags[at]! % 3;
      if (st !== STATUS_NOT_APPLICABLE) allNa = false;
      if (st === STATUS_MISSING) anyMissing = true;
    }
    const status = allNa ? STATUS_NOT_APPLICABLE : anyMissing ? STATUS_MISSING : STATUS_SCORED;
    const own = na[i]!;
    const at = base + i;
    nodePoints[at] = sum;
    nodeMax[at] = max;
    nodeFlags[at] = status + 3 * (own === POLICY_FULL || own === POLICY_ZERO ? own : 0);
    nodeReason[at] = 0;
  }

  const { partPoints, partMax } = store;
  for (let p = 0; p < partCount; p++) {
    partPoints[partBase + p] = A.zero;
    partMax[partBase + p] = A.zero;
  }
  for (const { position, part } of plan.partCover) {
    partPoints[partBase + part] = A.add(partPoints[partBase + part]!, nodePoints[base + position]!);
    partMax[partBase + part] = A.add(partMax[partBase + part]!, nodeMax[base + position]!);
  }
  let criteria = A.zero;
  let max = A.zero;
  for (let p = 0; p < partCount; p++) {
    criteria = A.add(criteria, partPoints[partBase + p]!);
    max = A.add(max, partMax[partBase + p]!);
  }

  let uncapped = criteria;
  const adjustments = fw.adjustments;
  const adjustmentBase = row * store.adjustmentCount;
  for (let i = 0; i < adjustments.length; i++) {
    const a = adjustments[i]!;
    const penalty = a.kind === "penalty";
    const r = plan.adjustmentRational[i];
    let flags = -1;
    if (r !== undefined && !exactOnly) {
      const n = r.value(slots);
      const p = n === n ? r.points(n, RATIONAL.den) : Number.NaN;
      if (p === p) {
        scratch.points = p;
        scratch.ruleReason = 0;
        flags = STATUS_SCORED;
      } else materialize(ctx, plan.adjustmentFallback[i]);
    }
    if (flags < 0) flags = scoreRule(ctx, a.rule, a.id, a.max, plan.adjustmentDeps[i], "exclude", true, penalty, exactOnly ? undefined : plan.adjustmentFast[i], -1);
    const status = flags % 3;
    if (status === STATUS_MISSING) complete = false;
    const p = status === STATUS_NOT_APPLICABLE ? A.zero : scratch.points;
    store.adjustmentPoints[adjustmentBase + i] = p;
    store.adjustmentFlags[adjustmentBase + i] = flags;
    store.adjustmentReason[adjustmentBase + i] = scratch.ruleReason;
    uncapped = penalty ? A.sub(uncapped, p) : A.add(uncapped, p);
  }
  let total = uncapped;
  if (fw.cap !== undefined) {
    const cap = A.fromConst(fw.cap);
    if (A.lt(total, A.zero)) total = A.zero;
    else if (A.lt(cap, total)) total = cap;
  }
  const totals = store.totals;
  totals[row * 4 + TOTAL_CRITERIA] = criteria;
  totals[row * 4 + TOTAL_UNCAPPED] = uncapped;
  totals[row * 4 + TOTAL_POINTS] = total;
  totals[row * 4 + TOTAL_MAX] = max;

  return new UnitCore(store, row, info, ev, explain ? slots : undefined, complete, ctx.diagnostics ?? NO_DIAGNOSTICS);
}
