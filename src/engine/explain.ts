/**
 * Explanations as text: a unit's tree with, for every leaf, the values it read,
 * the rule and the band or branch that applied, its points and the points lost.
 * Titles are printed as written (Vietnamese intact).
 */
import { argumentError, expectFramework } from "../core/args.js";
import { type Decimal, type Rounding, roundTo } from "../core/decimal.js";
import { formatValue, type Value } from "../core/value.js";
import { isDecimal } from "../core/decimal.js";
import type { CompiledFramework, NodePlan } from "../framework/ir.js";
import { divRoundNum, pow10Num, scaledNumIndex } from "./fixed.js";
import type { Explanation, NodeResult, NodeStatus, UnitResult } from "./result.js";
import { UnitScore } from "./unit.js";

export type { Explanation, ValueRead } from "./result.js";

/** The explanation lines of one leaf (or adjustment), without indentation. */
export function explanationLines(e: Explanation): string[] {
  const lines: string[] = [];
  lines.push(`rule ${e.rule}${e.source !== undefined ? `: ${e.source}` : ""}`);
  for (const v of e.values) lines.push(`  ${v.name} ${readable(v.value)}${v.via !== undefined ? ` (via ${v.via})` : ""}`);
  lines.push(`→ ${e.branch}`);
  return lines;
}

/**
 * Renders a unit's result as indented text for `par-index explain --unit CODE`.
 * Needs a result scored with explanations (the default).
 */
export function explainText(unit: UnitResult, framework: CompiledFramework): string {
  if (typeof unit !== "object" || unit === null || !Array.isArray((unit as { nodes?: unknown }).nodes)) throw argumentError("explainText(unit, framework)", "unit", "a unit of score(…).units", unit);
  expectFramework("explainText(unit, framework)", "framework", framework);
  const r = framework.rounding;
  const pts = (d: Decimal) => roundTo(d, r).toString();
  const idx = (d: Decimal | undefined) => (d === undefined ? "–" : roundTo(d, r).toFixed(r.decimals));
  const out: string[] = [];
  const head = [`${unit.name} (${unit.unit})`, `${pts(unit.points)} / ${pts(unit.max)} points`, `index ${idx(unit.index)}`];
  if (unit.grade !== undefined) head.push(`grade ${unit.grade}`);
  if (unit.rank > 0) head.push(`rank ${unit.rank}${unit.rankGroup !== undefined ? ` in ${unit.rankGroup}` : ""}`);
  if (!unit.complete) head.push("INCOMPLETE");
  out.push(head.join(", "));
  out.push(`Framework: ${framework.title} (${framework.id}, ${framework.year})`);

  if (unit.parts.length > 1 || unit.parts.some((p) => p.dropped)) {
    const titles = new Map(framework.parts.map((p) => [p.id, p.title]));
    out.push("Parts:");
    for (const p of unit.parts) {
      const title = titles.get(p.id) ?? p.id;
      out.push(p.dropped ? `  ${p.id} ${title}: dropped (no data for this unit)` : `  ${p.id} ${title}: ${pts(p.points)} / ${pts(p.max)} (${idx(p.index)})`);
    }
  }

  out.push("Criteria:");
  const texts = unit instanceof UnitScore && unit.core.plan.framework === framework ? countTexts(unit, framework) : undefined;
  for (const node of framework.nodes) {
    const t = texts ? texts(node) : nodeTexts(unit.nodes[node.index], node, pts, idx);
    if (!t) continue;
    const pad = "  ".repeat(node.depth + 1);
    const title = node.title ? ` ${node.title}` : "";
    if (t.status === "not_applicable") {
      out.push(`${pad}${node.id}${title}: not applicable`);
    } else {
      const flags = [t.status === "missing" ? "MISSING" : "", t.policy ? `not applicable, policy ${t.policy}` : ""].filter(Boolean);
      const self = t.self !== undefined ? `, self ${pts(t.self)} (diff ${pts(t.self.minus(t.pointsValue!))})` : "";
      const lost = node.kind === "leaf" ? `, lost ${t.lost}` : "";
      out.push(`${pad}${node.id}${title}: ${t.points} / ${t.max} (${t.index})${lost}${self}${flags.length ? ` [${flags.join("; ")}]` : ""}`);
    }
    const explanation = t.explanation;
    if (explanation) {
      if (t.status === "not_applicable") out.push(`${pad}    → ${explanation.branch}`);
      else for (const line of explanationLines(explanation)) out.push(`${pad}    ${line}`);
    }
  }

  if (unit.adjustments.length > 0) {
    out.push("Adjustments:");
    const plans = new Map(framework.adjustments.map((a) => [a.id, a]));
    for (const a of unit.adjustments) {
      const title = plans.get(a.id)?.title ?? "";
      const sign = a.kind === "bonus" ? "+" : "−";
      out.push(`  ${a.id}${title ? ` ${title}` : ""} (${a.kind}): ${sign}${pts(a.points)}${a.status === "missing" ? " [MISSING]" : ""}`);
      if (a.explanation) for (const line of explanationLines(a.explanation)) out.push(`      ${line}`);
    }
  }
  const capped = unit.uncappedPoints.eq(unit.points) ? "" : ` (capped from ${pts(unit.uncappedPoints)})`;
  out.push(`Total: ${pts(unit.points)}${capped} of ${pts(unit.max)} applicable → index ${idx(unit.index)}`);
  return out.join("\n") + "\n";
}

/** What a criterion line shows, as text. */
interface NodeTexts {
  readonly status: NodeStatus;
  readonly policy: "full" | "zero" | undefined;
  readonly points: string;
  readonly max: string;
  readonly index: string;
  readonly lost: string;
  readonly self: Decimal | undefined;
  /** The points as a Decimal, when there is a self score to compare them with. */
  readonly pointsValue: Decimal | undefined;
  /** A leaf's explanation. */
  readonly explanation: Explanation | undefined;
}

function nodeTexts(res: NodeResult | undefined, node: NodePlan, pts: (d: Decimal) => string, idx: (d: Decimal | undefined) => string): NodeTexts | undefined {
  if (!res) return undefined;
  return {
    status: res.status,
    policy: res.policy,
    points: pts(res.points),
    max: pts(res.max),
    index: idx(res.index),
    lost: node.kind === "leaf" ? pts(res.max.minus(res.points)) : "",
    self: res.self,
    pointsValue: res.points,
    explanation: node.kind === "leaf" ? res.explanation : undefined,
  };
}

const STATUS: readonly NodeStatus[] = ["scored", "not_applicable", "missing"];
const POLICY: readonly (undefined | "full" | "zero")[] = [undefined, "full", "zero"];

/** A count of 10^-d as decimal.js prints it: `toString` (no trailing zeros) or `toFixed(d)`. */
function countText(r: number, d: number, fixed: boolean): string {
  const digits = String(r < 0 ? -r : r);
  let text = digits;
  if (d > 0) {
    const padded = digits.padStart(d + 1, "0");
    let frac = padded.slice(-d);
    if (!fixed) frac = frac.replace(/0+$/, "");
    text = frac === "" ? padded.slice(0, -d) : `${padded.slice(0, -d)}.${frac}`;
  }
  return r < 0 ? `-${text}` : text;
}

/** Texts of counts, per plan: points repeat a lot across units. */
const TEXT_MEMO_LIMIT = 100_000;
const textMemos = new WeakMap<object, { plain: Map<number, string>; fixed: Map<number, string> }>();
function textMemo(plan: object): { plain: Map<number, string>; fixed: Map<number, string> } {
  let m = textMemos.get(plan);
  if (m === undefined) textMemos.set(plan, (m = { plain: new Map(), fixed: new Map() }));
  return m;
}

/**
 * Criterion texts of an engine unit straight from its exact counts (safe plans): the same
 * text as rounding the Decimals and printing them, without decimal.js work. Explanations
 * are built per line and not kept. Undefined (use the Decimals) for BigInt plans, or when
 * decimal.js would print an exponent (more than 6 decimals).
 */
function countTexts(unit: UnitScore, framework: CompiledFramework): ((node: NodePlan) => NodeTexts) | undefined {
  const core = unit.core;
  const plan = core.plan;
  const rounding: Rounding = framework.rounding;
  const d = rounding.decimals;
  if (!plan.safe || d > 6) return undefined;
  const shift = pow10Num(plan.k - d);
  const memo = textMemo(plan);
  const plain = (n: number): string => {
    let t = memo.plain.get(n);
    if (t === undefined) {
      t = countText(shift === 1 ? n : divRoundNum(n, shift, rounding.mode), d, false);
      if (memo.plain.size < TEXT_MEMO_LIMIT) memo.plain.set(n, t);
    }
    return t;
  };
  const fixed = (n: number): string => {
    let t = memo.fixed.get(n);
    if (t === undefined) {
      t = countText(n, d, true);
      if (memo.fixed.size < TEXT_MEMO_LIMIT) memo.fixed.set(n, t);
    }
    return t;
  };
  const ev = core.ev;
  return (node) => {
    const i = node.index;
    const self = ev?.points.get(node.id)?.self;
    const p = core.nodePoints(i) as number;
    const m = core.nodeMax(i) as number;
    const flags = core.nodeFlags(i);
    const index = m === 0 ? Number.NaN : scaledNumIndex(p, m, rounding);
    const res = index === index || m === 0 ? undefined : unit.nodes[i]!; // an index beyond safe integers: use the Decimals
    return {
      status: STATUS[flags % 3]!,
      policy: POLICY[Math.floor(flags / 3)],
      points: plain(p),
      max: plain(m),
      index: m === 0 ? "–" : res ? roundTo(res.index!, rounding).toFixed(d) : fixed(index),
      lost: node.kind === "leaf" ? plain(m - p) : "",
      self,
      pointsValue: self === undefined ? undefined : plan.decimalOf(p),
      explanation: node.kind === "leaf" ? core.leafExplanation(i) : undefined,
    };
  };
}

/** A value for people: a long quotient is shown to 6 decimal places with "≈" (the data keeps it exact). */
function readable(value: Value): string {
  if (isDecimal(value) && value.decimalPlaces() > 6) return `≈ ${value.toDecimalPlaces(6).toString()}`;
  return `= ${formatValue(value)}`;
}
