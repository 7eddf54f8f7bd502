/**
 * Lost points (`par-index gaps`): per criterion across units, how many units, how
 * many at full points, the points lost in total and per unit, the share of all lost
 * points and who lost most. Exact from the published values, rounded once.
 */
import { defineStrings } from "../diagnostics/define.js";
import { dec, type Decimal } from "../core/decimal.js";
import { byCode, HUNDRED, out, toScaled, ZERO } from "./exact.js";
import type { Published, Structure, StructureNode } from "./results.js";
import { analysisTable, numberText, tableStyle, type AnalysisTable, type Lang, type TextOptions } from "./tables.js";

export interface GapsOptions {
  /** `leaf` (default): leaves only; `all`: parents too (not counted in `total_lost`). */
  readonly level?: "leaf" | "all";
  /** How many units `top` lists (default 3). */
  readonly top?: number;
}

/** One criterion's lost points (the contract's JSON). */
export interface GapsCriterion {
  id: string;
  title: string | null;
  max: number;
  units: number;
  full: number;
  lost: number;
  lost_mean: number | null;
  share: number;
  top: { unit: string; lost: number }[];
}

/** `par-index gaps` as JSON. */
export interface GapsJson {
  total_lost: number;
  criteria: GapsCriterion[];
}

interface Row {
  readonly node: StructureNode;
  readonly units: number;
  readonly full: number;
  readonly lost: Decimal;
  readonly losers: readonly { unit: string; lost: Decimal }[];
}

/** The exact integer path: the published numbers scaled by 10^decimals (undefined when one does not fit). */
function fastRow(published: Published, node: StructureNode, topCount: number): Row | undefined {
  const scale = 10 ** published.framework.rounding.decimals;
  let units = 0;
  let full = 0;
  let lost = 0;
  const losers: { unit: string; lost: number }[] = [];
  for (const u of published.units) {
    const c = u.byId.get(node.id);
    if (c === undefined || c.status === "not_applicable") continue;
    const p = toScaled(c.pointsNumber, scale);
    const m = toScaled(c.maxNumber, scale);
    if (p === undefined || m === undefined) return undefined;
    units++;
    const l = m - p;
    if (l <= 0) full++;
    else losers.push({ unit: u.unit, lost: l });
    lost += l;
  }
  if (Math.abs(lost) >= 2 ** 50) return undefined;
  losers.sort((a, b) => b.lost - a.lost || byCode(a.unit, b.unit));
  const d = (n: number) => dec(n).div(scale);
  return { node, units, full, lost: d(lost), losers: losers.slice(0, topCount).map((l) => ({ unit: l.unit, lost: d(l.lost) })) };
}

function decimalRow(published: Published, node: StructureNode, topCount: number): Row {
      let units = 0;
      let full = 0;
      let lost: Decimal = ZERO;
      const losers: { unit: string; lost: Decimal }[] = [];
      for (const u of published.units) {
        const c = u.byId.get(node.id);
        if (c === undefined || c.status === "not_applicable") continue;
        units++;
        const l = c.max.minus(c.points);
        if (l.lte(0)) full++;
        else losers.push({ unit: u.unit, lost: l });
        lost = lost.plus(l);
      }
      losers.sort((a, b) => b.lost.comparedTo(a.lost) || byCode(a.unit, b.unit));
      return { node, units, full, lost, losers: losers.slice(0, topCount) };
}

/** Lost points per criterion, sorted by `lost` descending, then framework order. */
export function gaps(published: Published, structure: Structure, options: GapsOptions = {}): GapsJson {
  const rounding = published.framework.rounding;
  const level = options.level ?? "leaf";
  const topCount = options.top ?? 3;
  const rows = structure.nodes
    .filter((n) => n.leaf || level === "all")
    .map((node) => fastRow(published, node, topCount) ?? decimalRow(published, node, topCount));
  let total = ZERO;
  for (const r of rows) if (r.node.leaf) total = total.plus(r.lost);
  rows.sort((a, b) => b.lost.comparedTo(a.lost) || a.node.position - b.node.position);
  return {
    total_lost: out(total, rounding),
    criteria: rows.map((r) => ({
      id: r.node.id,
      title: r.node.title,
      max: out(r.node.max, rounding),
      units: r.units,
      full: r.full,
      lost: out(r.lost, rounding),
      lost_mean: r.units === 0 ? null : out(r.lost.div(r.units), rounding),
      share: total.isZero() ? 0 : out(r.lost.div(total).times(HUNDRED), rounding),
      top: r.losers.map((l) => ({ unit: l.unit, lost: out(l.lost, rounding) })),
    })),
  };
}

const WORDS = defineStrings({
  en: {
    title: (total: string) => `Points lost by criterion (all units: ${total} points)`,
    id: "Criterion",
    name: "Title",
    max: "Max",
    units: "Units",
    full: "Full points",
    lost: "Points lost",
    lostMean: "Lost per unit",
    share: "Share (%)",
    top: "Lost most",
    parent: "(parent)",
  },
  vi: {
    title: (total: string) => `Điểm bị mất theo tiêu chí (tất cả đơn vị: ${total} điểm)`,
    id: "Tiêu chí",
    name: "Nội dung",
    max: "Điểm tối đa",
    units: "Số đơn vị",
    full: "Đạt tối đa",
    lost: "Điểm mất",
    lostMean: "Mất bình quân",
    share: "Tỷ trọng (%)",
    top: "Mất nhiều nhất",
    parent: "(tiêu chí cha)",
  },
});

/** The lost points as one table, headed in `lang` (numbers as the language writes them, or per `{ lang, locale }`). */
export function gapsTables(report: GapsJson, structure: Structure, decimals: number, style: Lang | TextOptions = "vi"): AnalysisTable[] {
  const { lang, locale } = tableStyle(style);
  const w = WORDS[lang];
  return [
    analysisTable({
      id: "gaps",
      title: w.title(numberText(report.total_lost, locale, decimals)),
      decimals,
      locale,
      columns: [
        ["id", w.id],
        ["title", w.name],
        ["max", w.max, "number"],
        ["units", w.units, "integer"],
        ["full", w.full, "integer"],
        ["lost", w.lost, "number"],
        ["lost_mean", w.lostMean, "number"],
        ["share", w.share, "number"],
        ["top", w.top],
      ],
      rows: report.criteria.map((c) => [
        c.id,
        (c.title ?? "") + (structure.byId.get(c.id)?.leaf === false ? ` ${w.parent}` : ""),
        c.max,
        c.units,
        c.full,
        c.lost,
        c.lost_mean,
        c.share,
        c.top.map((t) => `${t.unit} (${numberText(t.lost, locale, decimals)})`).join("; "),
      ]),
    }),
  ];
}
