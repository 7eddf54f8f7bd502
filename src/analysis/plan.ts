/**
 * The planner (`par-index plan`): for one unit, every leaf where it lost points, the
 * index and rank it would have with that leaf at full points (other units unchanged),
 * and the fewest criteria that reach a target. Exact from the published values:
 * total = Σ parts + adjustments (then the framework's cap), index = total ÷ max × 100.
 */
import { defineStrings } from "../diagnostics/define.js";
import type { Decimal } from "../core/decimal.js";
import { roundTo } from "../core/decimal.js";
import type { CompiledFramework, GradeBandPlan } from "../framework/ir.js";
import { HUNDRED, out, ZERO } from "./exact.js";
import type { Published, PublishedUnit, Structure } from "./results.js";
import { analysisTable, numberText, tableStyle, type AnalysisTable, type Lang, type TextOptions } from "./tables.js";

/** What the unit aims at. Without one: the next rank up. */
export type PlanTarget =
  | { readonly kind: "next" }
  | { readonly kind: "rank"; readonly rank: number }
  | { readonly kind: "grade"; readonly grade: string }
  | { readonly kind: "index"; readonly index: Decimal };

/** What the planner needs of the framework besides the tree. */
export interface PlanRules {
  readonly cap?: Decimal;
  readonly grades?: readonly GradeBandPlan[];
}

/** The planner's rules of a compiled framework: its cap and grades. */
export function planRules(framework: CompiledFramework): PlanRules {
  return { ...(framework.cap !== undefined && { cap: framework.cap }), ...(framework.grades !== undefined && { grades: framework.grades }) };
}

export interface PlanOption {
  id: string;
  title: string | null;
  status: "scored" | "missing";
  available: number;
  index_gain: number;
  index: number;
  rank: number;
}

/** `par-index plan` as JSON. */
export interface PlanJson {
  unit: string;
  name: string;
  index: number | null;
  rank: number;
  grade?: string | null;
  target: { rank?: number; grade?: string; index: number };
  options: PlanOption[];
  plan: { criteria: string[]; points: number; index: number | null; rank: number; reached: boolean };
}

/** The result of {@link planUnit}: the JSON, or why there is none. */
export type PlanOutcome = { readonly ok: true; readonly plan: PlanJson } | { readonly ok: false; readonly reason: "unknown-unit" | "unknown-grade" | "bad-rank" };

function indexOf(points: Decimal, max: Decimal): Decimal | undefined {
  return max.isZero() ? undefined : points.div(max).times(HUNDRED);
}

/** The unit's total before the cap: Σ parts + signed adjustments. */
function uncapped(u: PublishedUnit): Decimal {
  let t = ZERO;
  if (u.parts.size > 0) for (const p of u.parts.values()) t = t.plus(p.points);
  else t = u.points;
  for (const a of u.adjustments) t = t.plus(a.points);
  return t;
}

function capped(total: Decimal, cap: Decimal | undefined): Decimal {
  if (cap === undefined) return total;
  if (total.lt(0)) return ZERO;
  return total.gt(cap) ? cap : total;
}

/** A ranking group's published indices, sorted once for every unit of it. */
interface GroupStats {
  /** Its complete units with an index, by index descending. */
  readonly ranked: readonly PublishedUnit[];
  /** Indices descending: of complete units, of incomplete units. */
  readonly completeIdx: readonly Decimal[];
  readonly incompleteIdx: readonly Decimal[];
  readonly completeCount: number;
}

function groupStats(units: readonly PublishedUnit[]): GroupStats {
  const ranked = units.filter((o) => o.complete && o.index !== undefined).sort((a, b) => b.index!.comparedTo(a.index!));
  const incompleteIdx = units
    .filter((o) => !o.complete && o.index !== undefined)
    .map((o) => o.index!)
    .sort((a, b) => b.comparedTo(a));
  return { ranked, completeIdx: ranked.map((o) => o.index!), incompleteIdx, completeCount: units.filter((o) => o.complete).length };
}

/** How many of `desc` (descending) are above `value`; all of them when `value` is undefined. */
function countAbove(desc: readonly Decimal[], value: Decimal | undefined): number {
  if (value === undefined) return desc.length;
  let lo = 0;
  let hi = desc.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (desc[mid]!.gt(value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The competition rank unit `u` would have with published index `value` (and
 * completeness `complete`) among the other units of its ranking group, unchanged:
 * 1 + the complete others above it (all complete others when it is incomplete, then
 * the incomplete others above it). Others without an index are never above.
 */
function rankAmong(g: GroupStats, u: PublishedUnit, value: Decimal | undefined, complete: boolean): number {
  const selfAbove = u.index !== undefined && (value === undefined || u.index.gt(value)) ? 1 : 0;
  if (complete) return 1 + countAbove(g.completeIdx, value) - (u.complete ? selfAbove : 0);
  return 1 + g.completeCount - (u.complete ? 1 : 0) + countAbove(g.incompleteIdx, value) - (u.complete ? 0 : selfAbove);
}

/** The threshold of a grade: its `at_least`/`above` bound (`above` is strict); 0 for `otherwise`. */
function gradeThreshold(bands: readonly GradeBandPlan[], label: string): { index: Decimal; strict: boolean } | undefined {
  const band = bands.find((b) => b.label === label);
  if (band === undefined) return undefined;
  let index = ZERO;
  let strict = false;
  for (const c of band.conditions) {
    if ((c.op === "at_least" || c.op === "above") && typeof c.bound !== "string" && typeof c.bound !== "boolean") {
      if (c.bound.gte(index)) {
        strict = c.op === "above";
        index = c.bound;
      }
    }
  }
  return { index, strict };
}

/**
 * Plans one unit. `options`: every applicable leaf with points < max, by points
 * available (max − points) descending, then framework order; `plan`: the fewest of
 * them, taken greedily in that order, whose points reach the target.
 */
export function planUnit(published: Published, structure: Structure, rules: PlanRules, unit: string, target: PlanTarget = { kind: "next" }): PlanOutcome {
  return planner(published, structure, rules)(unit, target);
}

/**
 * {@link planUnit} for many units of one result: the result is indexed and each
 * ranking group sorted once, so planning every unit stays near-linear per unit.
 */
export function planner(published: Published, structure: Structure, rules: PlanRules): (unit: string, target?: PlanTarget) => PlanOutcome {
  const byCode = new Map<string, PublishedUnit>();
  for (const x of published.units) if (!byCode.has(x.unit)) byCode.set(x.unit, x);
  const members = new Map<string | undefined, PublishedUnit[]>();
  for (const x of published.units) {
    const list = members.get(x.group);
    if (list) list.push(x);
    else members.set(x.group, [x]);
  }
  const stats = new Map<string | undefined, GroupStats>();
  const statsOf = (group: string | undefined): GroupStats => {
    let g = stats.get(group);
    if (g === undefined) stats.set(group, (g = groupStats(members.get(group) ?? [])));
    return g;
  };
  return (unit, target = { kind: "next" }) => {
    const u = byCode.get(unit);
    if (u === undefined) return { ok: false, reason: "unknown-unit" };
    return planOne(published, structure, rules, u, statsOf(u.group), target);
  };
}

function planOne(published: Published, structure: Structure, rules: PlanRules, u: PublishedUnit, g: GroupStats, target: PlanTarget): PlanOutcome {
  const rounding = published.framework.rounding;
  const base = uncapped(u);
  const publishedIndex = (points: Decimal) => {
    const i = indexOf(capped(points, rules.cap), u.max);
    return i === undefined ? undefined : roundTo(i, rounding);
  };
  const exactIndex = (points: Decimal) => indexOf(capped(points, rules.cap), u.max);
  const currentExact = exactIndex(base);
  const current = u.index;

  // The target index (on published values) and whether it must be exceeded.
  let goal: { index: Decimal; strict: boolean; rank?: number; grade?: string };
  if (target.kind === "index") goal = { index: target.index, strict: false };
  else if (target.kind === "grade") {
    const t = gradeThreshold(rules.grades ?? [], target.grade);
    if (t === undefined) return { ok: false, reason: "unknown-grade" };
    goal = { ...t, grade: target.grade };
  } else {
    const ranked = g.ranked;
    if (target.kind === "rank") {
      if (!Number.isInteger(target.rank) || target.rank < 1) return { ok: false, reason: "bad-rank" };
      const at = ranked[Math.min(target.rank, ranked.length) - 1];
      goal = { index: at?.index ?? current ?? ZERO, strict: false, rank: target.rank };
    } else {
      const above = ranked.filter((o) => o !== u && current !== undefined && o.index!.gt(current));
      const next = above[above.length - 1];
      goal = next ? { index: next.index!, strict: false, rank: next.rank } : { index: current ?? ZERO, strict: false, rank: u.rank };
    }
  }
  const reaches = (i: Decimal | undefined) => i !== undefined && (goal.strict ? i.gt(goal.index) : i.gte(goal.index));

  const missing = new Set(u.criteria.filter((c) => c.status === "missing" && structure.byId.get(c.id)?.leaf).map((c) => c.id));
  const completeWith = (fixed: ReadonlySet<string>) => u.complete || (missing.size > 0 && [...missing].every((m) => fixed.has(m)));

  const candidates = structure.nodes
    .filter((n) => n.leaf)
    .flatMap((n) => {
      const c = u.byId.get(n.id);
      if (c === undefined || c.status === "not_applicable" || !c.points.lt(c.max)) return [];
      return [{ node: n, status: c.status as "scored" | "missing", available: c.max.minus(c.points) }];
    })
    .sort((a, b) => b.available.comparedTo(a.available) || a.node.position - b.node.position);

  const options: PlanOption[] = candidates.map((c) => {
    const points = base.plus(c.available);
    const exact = exactIndex(points)!;
    return {
      id: c.node.id,
      title: c.node.title,
      status: c.status,
      available: out(c.available, rounding),
      index_gain: out(exact.minus(currentExact ?? ZERO), rounding),
      index: out(exact, rounding),
      rank: rankAmong(g, u, publishedIndex(points), completeWith(new Set([c.node.id]))),
    };
  });

  const chosen: string[] = [];
  let points = base;
  let gained = ZERO;
  let reached = reaches(current) && u.complete;
  for (const c of candidates) {
    if (reached) break;
    chosen.push(c.node.id);
    points = points.plus(c.available);
    gained = gained.plus(c.available);
    reached = reaches(publishedIndex(points)) && completeWith(new Set(chosen));
  }
  const planIndex = exactIndex(points);
  const grade = u.grade;
  return {
    ok: true,
    plan: {
      unit: u.unit,
      name: u.name,
      index: current === undefined ? null : out(current, rounding),
      rank: u.rank,
      ...(grade !== undefined && { grade }),
      target: {
        ...(goal.rank !== undefined && { rank: goal.rank }),
        ...(goal.grade !== undefined && { grade: goal.grade }),
        index: out(goal.index, rounding),
      },
      options,
      plan: {
        criteria: chosen,
        points: out(gained, rounding),
        index: planIndex === undefined ? null : out(planIndex, rounding),
        rank: rankAmong(g, u, publishedIndex(points), completeWith(new Set(chosen))),
        reached,
      },
    },
  };
}

const WORDS = defineStrings({
  en: {
    summary: "Unit and target",
    options: "Criteria where points were lost (each one alone at full points)",
    plan: "The fewest criteria that reach the target",
    unit: "Unit",
    index: "Index",
    rank: "Rank",
    target: "Target",
    id: "Criterion",
    title: "Title",
    status: "Status",
    available: "Points available",
    gain: "Index gain",
    newIndex: "Index then",
    newRank: "Rank then",
    criteria: "Criteria",
    points: "Points",
    reached: "Reached",
    yes: "yes",
    no: "no",
    scored: "scored",
    missing: "missing evidence",
    targetText: (t: PlanJson["target"], index: string) =>
      `${t.grade !== undefined ? `grade ${t.grade}, ` : ""}${t.rank !== undefined ? `rank ${t.rank}, ` : ""}index ${index}`,
  },
  vi: {
    summary: "Đơn vị và mục tiêu",
    options: "Các tiêu chí bị mất điểm (từng tiêu chí nếu đạt tối đa)",
    plan: "Số tiêu chí ít nhất để đạt mục tiêu",
    unit: "Đơn vị",
    index: "Chỉ số",
    rank: "Xếp hạng",
    target: "Mục tiêu",
    id: "Tiêu chí",
    title: "Nội dung",
    status: "Tình trạng",
    available: "Điểm có thể thêm",
    gain: "Chỉ số tăng",
    newIndex: "Chỉ số khi đó",
    newRank: "Xếp hạng khi đó",
    criteria: "Các tiêu chí",
    points: "Số điểm",
    reached: "Đạt mục tiêu",
    yes: "có",
    no: "không",
    scored: "đã chấm",
    missing: "thiếu số liệu",
    targetText: (t: PlanJson["target"], index: string) =>
      `${t.grade !== undefined ? `loại ${t.grade}, ` : ""}${t.rank !== undefined ? `hạng ${t.rank}, ` : ""}chỉ số ${index}`,
  },
});

/** The plan as tables (summary, options, plan), headed in `lang`. */
export function planTables(p: PlanJson, decimals: number, style: Lang | TextOptions = "vi"): AnalysisTable[] {
  const { lang, locale } = tableStyle(style);
  const w = WORDS[lang];
  return [
    analysisTable({
      id: "plan-summary",
      title: w.summary,
      decimals,
      locale,
      columns: [
        ["unit", w.unit],
        ["index", w.index, "number"],
        ["rank", w.rank, "integer"],
        ["target", w.target],
      ],
      rows: [[`${p.name} (${p.unit})`, p.index, p.rank, w.targetText(p.target, numberText(p.target.index, locale))]],
    }),
    analysisTable({
      id: "plan-options",
      title: w.options,
      decimals,
      locale,
      columns: [
        ["id", w.id],
        ["title", w.title],
        ["status", w.status],
        ["available", w.available, "number"],
        ["index_gain", w.gain, "number"],
        ["index", w.newIndex, "number"],
        ["rank", w.newRank, "integer"],
      ],
      rows: p.options.map((o) => [o.id, o.title ?? "", o.status === "missing" ? w.missing : w.scored, o.available, o.index_gain, o.index, o.rank]),
    }),
    analysisTable({
      id: "plan",
      title: w.plan,
      decimals,
      locale,
      columns: [
        ["criteria", w.criteria],
        ["points", w.points, "number"],
        ["index", w.newIndex, "number"],
        ["rank", w.newRank, "integer"],
        ["reached", w.reached],
      ],
      rows: [[p.plan.criteria.join(", "), p.plan.points, p.plan.index, p.plan.rank, p.plan.reached ? w.yes : w.no]],
    }),
  ];
}
