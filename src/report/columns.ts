/**
 * The columns shared by the table, Markdown and CSV reports: rank, unit, the
 * index of every field (top-level node), total points, index, grade, flags.
 */
import { type Decimal, roundTo } from "../core/decimal.js";
import type { ScoreResult, UnitResult } from "../engine/result.js";
import type { CompiledFramework } from "../framework/ir.js";
import type { Locale } from "../evidence/locale.js";
import { localeNumber, textStyle, type TextOptions } from "./format.js";
import { UI } from "./strings.js";

/** A published number as text with the framework's decimals (`92.50`, `92,50` in `vi`); empty for undefined. */
export function fixed(value: Decimal | undefined, framework: CompiledFramework, locale: Locale = "en"): string {
  return value === undefined ? "" : localeNumber(roundTo(value, framework.rounding).toFixed(framework.rounding.decimals), locale);
}

/** Points as text, rounded, without trailing zeros (`18.5`, `18,5` in `vi`). */
export function plain(value: Decimal, framework: CompiledFramework, locale: Locale = "en"): string {
  return localeNumber(roundTo(value, framework.rounding).toFixed(), locale);
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
export function fieldIndex(unit: UnitResult, field: Field, framework: CompiledFramework, locale: Locale = "en"): string {
  const n = unit.nodes[field.position];
  return n === undefined || n.status === "not_applicable" ? "" : fixed(n.index, framework, locale);
}

export function flagsOf(unit: UnitResult, options: TextOptions = {}): string {
  return unit.complete ? "" : UI[textStyle(options).lang].incomplete;
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

/**
 * The header and one row of cells per unit, in {@link readingOrder}: rank, [group], unit,
 * each field's index (%), points, max, index (%), [grade], flags — worded and written
 * per `options`.
 */
export function summaryCells(
  result: ScoreResult,
  framework: CompiledFramework = result.framework,
  options: TextOptions = {},
): { header: string[]; rows: string[][]; numeric: boolean[] } {
  const { lang, locale } = textStyle(options);
  const S = UI[lang];
  const fields = fieldsOf(framework);
  const hasGrades = (framework.grades?.length ?? 0) > 0;
  const within = framework.ranking.within;
  const header = [
    S.rank,
    ...(within ? [within] : []),
    S.unit,
    ...fields.map((f) => S.fieldIndex(f.id)),
    S.points,
    S.max,
    S.index,
    ...(hasGrades ? [S.grade] : []),
    S.flags,
  ];
  const numeric = [true, ...(within ? [false] : []), false, ...fields.map(() => true), true, true, true, ...(hasGrades ? [false] : []), false];
  const rows = readingOrder(result).map((u) => [
    String(u.rank),
    ...(within ? [u.rankGroup ?? ""] : []),
    u.name,
    ...fields.map((f) => fieldIndex(u, f, framework, locale)),
    fixed(u.points, framework, locale),
    fixed(u.max, framework, locale),
    fixed(u.index, framework, locale),
    ...(hasGrades ? [u.grade ?? ""] : []),
    flagsOf(u, { lang }),
  ]);
  return { header, rows, numeric };
}
