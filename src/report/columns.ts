/**
 * The columns shared by the table, Markdown and CSV reports: rank, unit, the
 * index of every field (top-level node), total points, index, grade, flags.
 */
import { type Decimal, type Rounding, roundTo } from "../core/decimal.js";
import { divRoundNum, pow10Num, scaledNumIndex } from "../engine/fixed.js";
import type { ScoreResult, UnitResult } from "../engine/result.js";
import { STATUS_NOT_APPLICABLE, TOTAL_MAX, TOTAL_POINTS } from "../engine/store.js";
import { UnitScore } from "../engine/unit.js";
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

/**
 * A non-negative safe-integer count of 10^-d as text with d decimals (`9250`, 2 → `92.50`);
 * `trim` drops trailing zeros (and a bare point), as Decimal's toString of a rounded value does.
 */
function countText(n: number, d: number, trim: boolean): string {
  if (d === 0) return String(n);
  const digits = String(n).padStart(d + 1, "0");
  let text = `${digits.slice(0, -d)}.${digits.slice(-d)}`;
  if (trim) text = text.replace(/\.?0+$/, "");
  return text;
}

/** A unit's published numbers as text (`en`), read from the engine's stored integers: see {@link stored}. */
export interface StoredTexts {
  /** Total points as {@link plain} prints them. */
  readonly points: () => string | undefined;
  /** Applicable max as {@link plain} prints it. */
  readonly max: () => string | undefined;
  /** The published index as {@link fixed} prints it ("" when max is 0). */
  readonly index: () => string | undefined;
  /** A node's published index as {@link fieldIndex} gives it ("" when not applicable). */
  readonly node: (position: number) => string | undefined;
}

/**
 * The stored integers of a unit scored by the engine, read without building Decimals or
 * node views (undefined for other units, or when counts are not safe integers). Every text
 * it gives is the one the Decimal path gives (a property test compares them); it declines
 * (undefined) where the two could differ: negative values and more than 6 decimals.
 * Read it once per unit for several columns (`toCsv`).
 */
export function stored(unit: UnitResult, framework: CompiledFramework): StoredTexts | undefined {
  if (!(unit instanceof UnitScore)) return undefined;
  const { store, row, plan } = unit.core;
  if (plan.framework !== framework || !plan.safe || framework.rounding.decimals > 6) return undefined;
  const rounding: Rounding = framework.rounding;
  const d = rounding.decimals;
  const k = plan.k;
  const n = store.nodeCount;
  /** Points (a count of 10^-k) rounded once to d decimals, as `plain` prints them. */
  const plainAt = (count: number): string | undefined => {
    if (count < 0) return undefined;
    const r = k > d ? divRoundNum(count, pow10Num(k - d), rounding.mode) : count * pow10Num(d - k);
    return Number.isSafeInteger(r) && r >= 0 ? countText(r, d, true) : undefined;
  };
  /** points ÷ max × 100 rounded once to d decimals, as `fixed` prints it; "" when max is 0. */
  const indexAt = (points: number, max: number): string | undefined => {
    if (max === 0) return "";
    if (points < 0 || max < 0) return undefined;
    const q = scaledNumIndex(points, max, rounding);
    return Number.isSafeInteger(q) && q >= 0 ? countText(q, d, false) : undefined;
  };
  const totals = store.totals;
  return {
    points: () => plainAt(totals[row * 4 + TOTAL_POINTS] as number),
    max: () => plainAt(totals[row * 4 + TOTAL_MAX] as number),
    index: () => indexAt(totals[row * 4 + TOTAL_POINTS] as number, totals[row * 4 + TOTAL_MAX] as number),
    node: (position: number): string | undefined => {
      const at = row * n + position;
      if (store.nodeFlags[at]! % 3 === STATUS_NOT_APPLICABLE) return "";
      return indexAt(store.nodePoints[at] as number, store.nodeMax[at] as number);
    },
  };
}

/** A unit's total points as {@link plain} prints them, from the stored integers when it can. */
export function pointsText(unit: UnitResult, framework: CompiledFramework): string {
  return stored(unit, framework)?.points() ?? plain(unit.points, framework);
}

/** A unit's applicable max as {@link plain} prints it, from the stored integers when it can. */
export function maxText(unit: UnitResult, framework: CompiledFramework): string {
  return stored(unit, framework)?.max() ?? plain(unit.max, framework);
}

/** A unit's published index as {@link fixed} prints it, from the stored integers when it can. */
export function indexText(unit: UnitResult, framework: CompiledFramework): string {
  return stored(unit, framework)?.index() ?? fixed(unit.index, framework);
}

/** A field's published index for a unit; empty when the field is not applicable. */
export function fieldIndex(unit: UnitResult, field: Field, framework: CompiledFramework, locale: Locale = "en"): string {
  if (locale === "en") {
    const fast = stored(unit, framework)?.node(field.position);
    if (fast !== undefined) return fast;
  }
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
