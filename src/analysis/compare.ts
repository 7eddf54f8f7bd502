/**
 * Comparison across years (`par-index compare`): units, ranks and criteria side by
 * side with deltas. A crosswalk pairs criteria of two frameworks; a lineage carries
 * old units into new ones (a new unit's base values are the weighted mean of its
 * sources'). Exact from the published values, rounded once at the end.
 */
import { defineStrings } from "../diagnostics/define.js";
import { dec, roundTo, type Decimal } from "../core/decimal.js";
import { didYouMean, diag, type Diagnostic } from "../diagnostics/index.js";
import type { Crosswalk } from "./crosswalk.js";
import { exactMean, exactMinus, exactOut, exactWeightedMean, Frac, toDecimal, type Exact } from "./frac.js";
import { byCode, competitionRanks, HUNDRED, mean, outOrNull, toScaled, ZERO } from "./exact.js";
import type { Lineage } from "./lineage.js";
import type { Published, PublishedUnit } from "./results.js";
import { analysisTable, tableStyle, type AnalysisTable, type Lang, type TextOptions } from "./tables.js";

export interface CompareOptions {
  readonly crosswalk?: Crosswalk;
  readonly lineage?: Lineage;
}

export interface CompareCriterion {
  id: string;
  base: string[];
  base_index: number | null;
  index: number | null;
  delta: number | null;
}

export interface CompareUnit {
  unit: string;
  name: string;
  status: "both" | "new" | "gone";
  from: string[];
  base_index: number | null;
  index: number | null;
  delta: number | null;
  base_rank: number | null;
  rank: number | null;
  rank_change: number | null;
  criteria: CompareCriterion[];
}

export interface ComparePairSummary {
  id: string;
  base: string[];
  base_mean: number | null;
  mean: number | null;
  delta: number | null;
}

/** `par-index compare` as JSON. */
export interface CompareJson {
  base: { framework: string; year: number };
  current: { framework: string; year: number };
  units: CompareUnit[];
  criteria: ComparePairSummary[];
}

interface Pair {
  readonly id: string;
  readonly base: readonly string[];
  readonly current: readonly string[];
}

/** Σ points ÷ Σ max × 100 over the ids that apply; undefined when none does (or no id). Sums in exact integers when they fit. */
function pairIndex(u: PublishedUnit, ids: readonly string[], scale: number): Exact | undefined {
  let p = 0;
  let m = 0;
  let exactInts = true;
  for (const id of ids) {
    const c = u.byId.get(id);
    if (c === undefined || c.status === "not_applicable") continue;
    const cp = toScaled(c.pointsNumber, scale);
    const cm = toScaled(c.maxNumber, scale);
    if (cp === undefined || cm === undefined) {
      exactInts = false;
      break;
    }
    p += cp;
    m += cm;
  }
  if (exactInts && Math.abs(p) < 2 ** 45 && Math.abs(m) < 2 ** 50) return m === 0 ? undefined : new Frac(p * 100, m);
  let points = ZERO;
  let max = ZERO;
  for (const id of ids) {
    const c = u.byId.get(id);
    if (c === undefined || c.status === "not_applicable") continue;
    points = points.plus(c.points);
    max = max.plus(c.max);
  }
  return max.isZero() ? undefined : points.div(max).times(HUNDRED);
}

/** The weighted mean of the defined values (undefined when none is defined); one value is itself. */
function weightedOf(values: readonly (Exact | undefined)[], weights: readonly Decimal[]): Exact | undefined {
  const v: Exact[] = [];
  const w: Decimal[] = [];
  values.forEach((x, i) => {
    if (x !== undefined) {
      v.push(x);
      w.push(weights[i]!);
    }
  });
  return exactWeightedMean(v, w);
}

/** The criterion pairs: the crosswalk's, or every id in both results paired with itself. */
function pairsOf(base: Published, current: Published, crosswalk: Crosswalk | undefined, diagnostics: Diagnostic[]): Pair[] {
  if (crosswalk !== undefined) {
    const at = (line: number | undefined) => ({ ...(crosswalk.file !== undefined && { file: crosswalk.file }), ...(line !== undefined && { line, column: 1 }) });
    for (const [side, published] of [
      ["base", base],
      ["current", current],
    ] as const) {
      if (crosswalk[side] !== published.framework.id) {
        diagnostics.push(diag("crosswalk-framework", { side, expected: published.framework.id, found: crosswalk[side] }, at(undefined)));
      }
      const ids = new Set(published.nodeIds);
      for (const p of crosswalk.pairs) {
        for (const id of p[side]) {
          if (ids.has(id)) continue;
          const h = didYouMean(id, ids);
          diagnostics.push(diag("crosswalk-unknown-id", { id, side, framework: published.framework.id, ...(h !== undefined && { hint: h }) }, at(p.line)));
        }
      }
    }
    return crosswalk.pairs.map((p) => ({ id: (p.current.length > 0 ? p.current : p.base).join("+"), base: p.base, current: p.current }));
  }
  const baseIds = new Set(base.nodeIds);
  const currentIds = new Set(current.nodeIds);
  if (base.framework.id !== current.framework.id) {
    const baseOnly = base.nodeIds.filter((i) => !currentIds.has(i));
    const currentOnly = current.nodeIds.filter((i) => !baseIds.has(i));
    if (baseOnly.length + currentOnly.length > 0) {
      diagnostics.push(diag("compare-unpaired", { base: base.framework.id, current: current.framework.id, baseOnly, currentOnly }));
    } else diagnostics.push(diag("compare-framework-differs", { base: base.framework.id, current: current.framework.id }));
  }
  return current.nodeIds.filter((i) => baseIds.has(i)).map((id) => ({ id, base: [id], current: [id] }));
}

/**
 * Compares two published results. Problems (a crosswalk or lineage that does not fit the
 * results, frameworks that cannot be paired) come back as diagnostics, without a comparison.
 */
export function compare(base: Published, current: Published, options: CompareOptions = {}): { compare?: CompareJson; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const pairs = pairsOf(base, current, options.crosswalk, diagnostics);
  const baseByCode = new Map(base.units.map((u) => [u.unit, u]));
  const currentByCode = new Map(current.units.map((u) => [u.unit, u]));

  // Sources of each current unit, in file order.
  const sources = new Map<string, { unit: PublishedUnit; weight: Decimal }[]>();
  const usedBase = new Set<string>();
  const lineage = options.lineage;
  if (lineage !== undefined) {
    const at = (line: number, column: number) => ({ ...(lineage.file !== undefined && { file: lineage.file }), line, column });
    for (const row of lineage.rows) {
      const from = baseByCode.get(row.from);
      const to = currentByCode.get(row.to);
      // Hints cost an edit distance per code: only for the first few unknown codes.
      const hintsLeft = diagnostics.length < 20;
      if (from === undefined) {
        const h = hintsLeft ? didYouMean(row.from, baseByCode.keys()) : undefined;
        diagnostics.push(diag("lineage-unknown-from", { code: row.from, ...(h !== undefined && { hint: h }) }, at(row.line, 1)));
      }
      if (to === undefined) {
        const h = hintsLeft ? didYouMean(row.to, currentByCode.keys()) : undefined;
        diagnostics.push(diag("lineage-unknown-to", { code: row.to, ...(h !== undefined && { hint: h }) }, at(row.line, 2)));
      }
      if (from === undefined || to === undefined) continue;
      const list = sources.get(row.to) ?? [];
      list.push({ unit: from, weight: row.weight });
      sources.set(row.to, list);
      usedBase.add(row.from);
    }
  }
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  for (const u of current.units) {
    if (sources.has(u.unit)) continue;
    const b = baseByCode.get(u.unit);
    if (b !== undefined && !(lineage !== undefined && usedBase.has(u.unit))) {
      sources.set(u.unit, [{ unit: b, weight: dec(1) }]);
      usedBase.add(u.unit);
    }
  }

  const cr = current.framework.rounding;
  const br = base.framework.rounding;
  const baseScale = 10 ** br.decimals;
  const currentScale = 10 ** cr.decimals;
  // A base unit's pair indices, computed once however many new units it feeds.
  const baseCache = new Map<PublishedUnit, (Exact | undefined)[]>();
  const basePairs = (b: PublishedUnit) => {
    let v = baseCache.get(b);
    if (v === undefined) baseCache.set(b, (v = pairs.map((p) => pairIndex(b, p.base, baseScale))));
    return v;
  };
  const rows = current.units.map((u) => {
    const src = sources.get(u.unit) ?? [];
    const weights = src.map((s) => s.weight);
    const baseIndex = src.length === 0 ? undefined : weightedOf(src.map((s) => s.unit.index), weights);
    const baseIndexDecimal = baseIndex === undefined ? undefined : toDecimal(baseIndex);
    const sourcePairs = src.map((s) => basePairs(s.unit));
    const criteria = pairs.map((p, k) => {
      const now = pairIndex(u, p.current, currentScale);
      const then = src.length === 0 ? undefined : src.length === 1 ? sourcePairs[0]![k] : weightedOf(sourcePairs.map((v) => v[k]), weights);
      return { pair: p, now, then };
    });
    return { u, src, baseIndex: baseIndexDecimal, criteria };
  });
  // base_rank: among the current units that have a base index, within the current ranking group.
  const baseRankOf = new Map<string, number>();
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    if (r.baseIndex === undefined) continue;
    const key = r.u.group ?? "";
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const members of groups.values()) {
    const ranks = competitionRanks(members.map((r) => roundTo(r.baseIndex!, br)));
    members.forEach((r, i) => baseRankOf.set(r.u.unit, ranks[i]!));
  }

  const delta = (now: Exact | undefined, then: Exact | undefined) => (now === undefined || then === undefined ? null : exactOut(exactMinus(now, then), cr));
  const units: CompareUnit[] = rows.map((r) => {
    const baseRank = baseRankOf.get(r.u.unit);
    return {
      unit: r.u.unit,
      name: r.u.name,
      status: r.src.length === 0 ? "new" : "both",
      from: r.src.map((s) => s.unit.unit),
      base_index: outOrNull(r.baseIndex, br),
      index: outOrNull(r.u.index, cr),
      delta: delta(r.u.index, r.baseIndex),
      base_rank: baseRank ?? null,
      rank: r.u.rank,
      rank_change: baseRank === undefined ? null : baseRank - r.u.rank,
      criteria: r.criteria.map((c) => ({
        id: c.pair.id,
        base: [...c.pair.base],
        base_index: exactOut(c.then, br),
        index: exactOut(c.now, cr),
        delta: delta(c.now, c.then),
      })),
    };
  });
  units.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || byCode(a.unit, b.unit));
  const gone = base.units
    .filter((b) => !usedBase.has(b.unit))
    .sort((a, b) => byCode(a.unit, b.unit))
    .map(
      (b): CompareUnit => ({
        unit: b.unit,
        name: b.name,
        status: "gone",
        from: [b.unit],
        base_index: outOrNull(b.index, br),
        index: null,
        delta: null,
        base_rank: null,
        rank: null,
        rank_change: null,
        criteria: pairs.map((p, k) => ({ id: p.id, base: [...p.base], base_index: exactOut(basePairs(b)[k], br), index: null, delta: null })),
      }),
    );

  const criteria: ComparePairSummary[] = pairs.map((p, k) => {
    const both = rows.filter((r) => r.criteria[k]!.now !== undefined && r.criteria[k]!.then !== undefined);
    const m = exactMean(both.map((r) => r.criteria[k]!.now!));
    const bm = exactMean(both.map((r) => r.criteria[k]!.then!));
    return { id: p.id, base: [...p.base], base_mean: exactOut(bm, br), mean: exactOut(m, cr), delta: delta(m, bm) };
  });
  return {
    compare: {
      base: { framework: base.framework.id, year: base.framework.year },
      current: { framework: current.framework.id, year: current.framework.year },
      units: [...units, ...gone],
      criteria,
    },
    diagnostics,
  };
}

const WORDS = defineStrings({
  en: {
    units: (b: CompareJson["base"], c: CompareJson["current"]) => `Units: ${c.year} (${c.framework}) against ${b.year} (${b.framework})`,
    criteria: "Criteria: mean index of the units compared",
    rank: "Rank",
    unit: "Unit",
    name: "Name",
    status: "Status",
    from: "Formed from",
    baseIndex: (y: number) => `Index ${y}`,
    index: (y: number) => `Index ${y}`,
    delta: "Change",
    baseRank: "Rank then",
    rankChange: "Places gained",
    id: "Criterion",
    baseIds: "Base criteria",
    both: "both years",
    new: "new",
    gone: "gone",
    note: "Rank then: the rank of the base index among the current units; places gained = rank then − rank.",
  },
  vi: {
    units: (b: CompareJson["base"], c: CompareJson["current"]) => `Đơn vị: năm ${c.year} (${c.framework}) so với năm ${b.year} (${b.framework})`,
    criteria: "Tiêu chí: chỉ số bình quân của các đơn vị được so sánh",
    rank: "Xếp hạng",
    unit: "Mã",
    name: "Đơn vị",
    status: "Tình trạng",
    from: "Hình thành từ",
    baseIndex: (y: number) => `Chỉ số ${y}`,
    index: (y: number) => `Chỉ số ${y}`,
    delta: "Tăng/giảm",
    baseRank: "Hạng năm gốc",
    rankChange: "Số bậc tăng",
    id: "Tiêu chí",
    baseIds: "Tiêu chí năm gốc",
    both: "cả hai năm",
    new: "mới",
    gone: "không còn",
    note: "Hạng năm gốc: thứ hạng của chỉ số năm gốc giữa các đơn vị hiện nay; số bậc tăng = hạng năm gốc − hạng hiện nay.",
  },
});

/** The comparison as two tables (units, criteria), headed in `lang`. */
export function compareTables(c: CompareJson, decimals: number, style: Lang | TextOptions = "vi"): AnalysisTable[] {
  const { lang, locale } = tableStyle(style);
  const w = WORDS[lang];
  return [
    analysisTable({
      id: "compare-units",
      title: w.units(c.base, c.current),
      decimals,
      locale,
      columns: [
        ["rank", w.rank, "integer"],
        ["unit", w.unit],
        ["name", w.name],
        ["status", w.status],
        ["from", w.from],
        ["base_index", w.baseIndex(c.base.year), "number"],
        ["index", w.index(c.current.year), "number"],
        ["delta", w.delta, "number"],
        ["base_rank", w.baseRank, "integer"],
        ["rank_change", w.rankChange, "integer"],
      ],
      rows: c.units.map((u) => [u.rank, u.unit, u.name, w[u.status], u.from.join(", "), u.base_index, u.index, u.delta, u.base_rank, u.rank_change]),
      notes: [w.note],
    }),
    analysisTable({
      id: "compare-criteria",
      title: w.criteria,
      decimals,
      locale,
      columns: [
        ["id", w.id],
        ["base", w.baseIds],
        ["base_mean", w.baseIndex(c.base.year), "number"],
        ["mean", w.index(c.current.year), "number"],
        ["delta", w.delta, "number"],
      ],
      rows: c.criteria.map((p) => [p.id, p.base.join(" + "), p.base_mean, p.mean, p.delta]),
    }),
  ];
}
