/**
 * The columns shared by the table, Markdown and CSV reports: rank, unit, the
 * index of every field (top-level node), total points, index, grade, flags.
 */
import { type Decimal, roundTo } from "../core/decimal.js";
import type { ScoreResult, UnitResult } from "../engine/result.js";
import type { CompiledFramework } from "../framework/ir.js";

/** A published number as text with the framework's decimals (`92.50`); empty for undefined. */
export function fixed(value: Decimal | undefined, framework: CompiledFramework): string {
  return value === undefined ? "" : roundTo(value, framework.rounding).toFixed(framework.rounding.decimals);
}

/** Points as text, rounded, without trailing zeros (`18.5`). */
export function plain(value: Decimal, framework: CompiledFramework): string {
  return roundTo(value, framework.rounding).toString();
}

export interface Field {
  readonly id: string;
  readonly title: string;
  readonly position: number;
}

export function fieldsOf(framework: CompiledFramework): Field[] {
  return framework.roots.map((i) => ({ id: framework.nodes[i]!.id, title: framework.nodes[i]!.title, position: i }));
}

/** A field's published index for a unit; empty when the field is not applicable. */
export function fieldIndex(unit: UnitResult, field: Field, framework: CompiledFramework): string {
  const n = unit.nodes[field.position];
  return n === undefined || n.status === "not_applicable" ? "" : fixed(n.index, framework);
}

export function flagsOf(unit: UnitResult): string {
  return unit.complete ? "" : "incomplete";
}

/**
 * Units in reading order for people: by rank, then code; with `ranking.within`, group by
 * group (in order of each group's first unit), so that every group's ranks read 1, 2, 3…
 */
export function readingOrder(result: ScoreResult): readonly UnitResult[] {
  if (result.framework.ranking.within === undefined) return result.units;
  const groups = new Map<string, UnitResult[]>();
  for (const u of result.units) {
    const key = u.rankGroup ?? "";
    const list = groups.get(key);
    if (list) list.push(u);
    else groups.set(key, [u]);
  }
  return [...groups.values()].flat();
}

/** The header and one row of cells per unit, in {@link readingOrder}. */
export function summaryCells(result: ScoreResult, framework: CompiledFramework = result.framework): { header: string[]; rows: string[][]; numeric: boolean[] } {
  const fields = fieldsOf(framework);
  const hasGrades = (framework.grades?.length ?? 0) > 0;
  const within = framework.ranking.within;
  const header = ["Rank", ...(within ? [within] : []), "Unit", ...fields.map((f) => f.id), "Points", "Index", ...(hasGrades ? ["Grade"] : []), "Flags"];
  const numeric = [true, ...(within ? [false] : []), false, ...fields.map(() => true), true, true, ...(hasGrades ? [false] : []), false];
  const rows = readingOrder(result).map((u) => [
    String(u.rank),
    ...(within ? [u.rankGroup ?? ""] : []),
    u.name,
    ...fields.map((f) => fieldIndex(u, f, framework)),
    fixed(u.points, framework),
    fixed(u.index, framework),
    ...(hasGrades ? [u.grade ?? ""] : []),
    flagsOf(u),
  ]);
  return { header, rows, numeric };
}
