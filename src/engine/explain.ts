/**
 * Explanations as text: a unit's tree with, for every leaf, the values it read,
 * the rule and the band or branch that applied, its points and the points lost.
 * Titles are printed as written (Vietnamese intact).
 */
import { type Decimal, roundTo } from "../core/decimal.js";
import { formatValue } from "../core/value.js";
import type { CompiledFramework } from "../framework/ir.js";
import type { Explanation, NodeResult, UnitResult } from "./result.js";

export type { Explanation, ValueRead } from "./result.js";

/** The explanation lines of one leaf (or adjustment), without indentation. */
export function explanationLines(e: Explanation): string[] {
  const lines: string[] = [];
  lines.push(`rule ${e.rule}${e.source !== undefined ? `: ${e.source}` : ""}`);
  for (const v of e.values) lines.push(`  ${v.name} = ${formatValue(v.value)}${v.via !== undefined ? ` (via ${v.via})` : ""}`);
  lines.push(`→ ${e.branch}`);
  return lines;
}

/**
 * Renders a unit's result as indented text for `par-index explain --unit CODE`.
 * Needs a result scored with explanations (the default).
 */
export function explainText(unit: UnitResult, framework: CompiledFramework): string {
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
  for (const node of framework.nodes) {
    const res: NodeResult | undefined = unit.nodes[node.index];
    if (!res) continue;
    const pad = "  ".repeat(node.depth + 1);
    const title = node.title ? ` ${node.title}` : "";
    if (res.status === "not_applicable") {
      out.push(`${pad}${node.id}${title}: not applicable`);
    } else {
      const flags = [res.status === "missing" ? "MISSING" : "", res.policy ? `not applicable, policy ${res.policy}` : ""].filter(Boolean);
      const self = res.self !== undefined ? `, self ${pts(res.self)} (diff ${pts(res.selfDiff ?? res.self.minus(res.points))})` : "";
      const lost = node.kind === "leaf" ? `, lost ${pts(res.max.minus(res.points))}` : "";
      out.push(`${pad}${node.id}${title}: ${pts(res.points)} / ${pts(res.max)} (${idx(res.index)})${lost}${self}${flags.length ? ` [${flags.join("; ")}]` : ""}`);
    }
    if (node.kind === "leaf" && res.explanation) {
      if (res.status === "not_applicable") out.push(`${pad}    → ${res.explanation.branch}`);
      else for (const line of explanationLines(res.explanation)) out.push(`${pad}    ${line}`);
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
