/**
 * The report's charts as Vega-Lite specifications: plain JSON that a notebook,
 * Observable or the HTML report (rendered to SVG on the server) can display.
 * Pure: builds data, never renders.
 */
import type { ScoreResultJson, UnitJson } from "../engine/json.js";
import type { ScoreResult } from "../engine/result.js";
import type { Locale } from "../evidence/locale.js";
import type { CompiledFramework } from "../framework/ir.js";
import { defineStrings } from "../diagnostics/define.js";
import { textStyle, type TextOptions } from "./format.js";

/** A Vega-Lite specification (v6), as plain JSON. */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

/** The charts of a report, by name; `compare` only when a base year is given. */
export interface ChartSpecs {
  readonly ranking: VegaLiteSpec;
  readonly heatmap: VegaLiteSpec;
  readonly lost: VegaLiteSpec;
  readonly selfAssessment: VegaLiteSpec;
  readonly compare?: VegaLiteSpec;
}

export interface ChartOptions extends TextOptions {
  /** A base year's Results JSON: adds the year-over-year chart (units paired by code). */
  readonly base?: ScoreResultJson;
  /** How many criteria the lost-points chart shows (default 15). */
  readonly topCriteria?: number;
}

const W = defineStrings({
  en: {
    unit: "Unit",
    index: "Index (%)",
    grade: "Grade",
    noGrade: "no grade",
    points: "Points",
    max: "Max",
    field: "Field",
    criterion: "Criterion",
    lost: "Points lost (all units)",
    overClaim: "Self-assessed above appraised (points)",
    criteria: "Criteria over-claimed",
    status: "Evidence",
    complete: "complete",
    incomplete: "incomplete",
    base: "Base year index",
    current: "Index",
    delta: "Change (points of index)",
    rankingTitle: "Ranking by index",
    heatmapTitle: "Index of each field (%)",
    lostTitle: "Where points were lost, by criterion",
    selfTitle: "Self-assessment above the appraised score",
    compareTitle: (base: number, current: number) => `Change of index, ${base} → ${current}`,
  },
  vi: {
    unit: "Đơn vị",
    index: "Chỉ số (%)",
    grade: "Xếp loại",
    noGrade: "chưa xếp loại",
    points: "Điểm",
    max: "Điểm tối đa",
    field: "Lĩnh vực",
    criterion: "Tiêu chí",
    lost: "Điểm chưa đạt (cộng các đơn vị)",
    overClaim: "Điểm tự chấm cao hơn thẩm định",
    criteria: "Số tiêu chí tự chấm cao hơn",
    status: "Số liệu",
    complete: "đủ số liệu",
    incomplete: "chưa đủ số liệu",
    base: "Chỉ số năm trước",
    current: "Chỉ số",
    delta: "Thay đổi (điểm chỉ số)",
    rankingTitle: "Xếp hạng theo chỉ số",
    heatmapTitle: "Chỉ số thành phần theo lĩnh vực (%)",
    lostTitle: "Điểm chưa đạt theo tiêu chí",
    selfTitle: "Tự chấm cao hơn kết quả thẩm định",
    compareTitle: (base: number, current: number) => `Thay đổi chỉ số, ${base} → ${current}`,
  },
});

/** Colours of grades, best first; a framework's grades take them in its order. */
export const GRADE_COLOURS: readonly string[] = ["#1a7f37", "#2f81f7", "#bf8700", "#cf222e", "#8250df", "#57606a"];
const NO_GRADE_COLOUR = "#8c959f";

/** Grade label → colour, in the framework's order (the best grade first). */
export function gradeColours(framework: CompiledFramework): Map<string, string> {
  const out = new Map<string, string>();
  for (const [i, g] of (framework.grades ?? []).entries()) {
    if (!out.has(g.label)) out.set(g.label, GRADE_COLOURS[Math.min(i, GRADE_COLOURS.length - 1)]!);
  }
  return out;
}

/** Vega's number format for a locale (`vi`: decimal comma, `.` between thousands). */
function vegaLocale(locale: Locale): Record<string, unknown> {
  return locale === "vi"
    ? { number: { decimal: ",", thousands: ".", grouping: [3], currency: ["", " ₫"] } }
    : { number: { decimal: ".", thousands: ",", grouping: [3], currency: ["$", ""] } };
}

function base(title: string, locale: Locale, width = 560): Record<string, unknown> {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, anchor: "start", fontSize: 13 },
    width,
    background: "white",
    config: {
      locale: vegaLocale(locale),
      font: "DejaVu Sans, Arial, sans-serif",
      // Axes and legends are drawn for the eye; vega's own descriptions of them are English only.
      axis: { labelFontSize: 10, titleFontSize: 11, labelLimit: 220, aria: false },
      legend: { labelFontSize: 10, titleFontSize: 11, orient: "bottom", aria: false },
      view: { stroke: null },
    },
  };
}

const fmt = (decimals: number) => `,.${decimals}f`;

/**
 * The Vega-Lite specifications of the report's charts, from a result (or its
 * Results JSON and framework). Texts follow `lang`, numbers `locale`.
 */
export function chartSpecs(result: ScoreResult, options: ChartOptions = {}): ChartSpecs {
  return chartSpecsOf(result.toJSON(), result.framework, options);
}

/** {@link chartSpecs} from the Results JSON and its framework. */
export function chartSpecsOf(json: ScoreResultJson, framework: CompiledFramework, options: ChartOptions = {}): ChartSpecs {
  const { lang, locale } = textStyle(options);
  const T = W[lang];
  const d = framework.rounding.decimals;
  const colours = gradeColours(framework);
  const units = json.units;
  const nodeOf = new Map(framework.nodes.map((n) => [n.id, n]));

  // Ranking: one bar per unit (index), coloured by grade, incomplete units hatched by opacity and marked *.
  const rankingData = units.map((u) => ({
    unit: `${u.rank}. ${u.name}${u.complete ? "" : " *"}`,
    code: u.unit,
    index: u.index ?? 0,
    points: u.points,
    max: u.max,
    grade: u.grade ?? T.noGrade,
    status: u.complete ? T.complete : T.incomplete,
  }));
  const gradeDomain = [...colours.keys()];
  const gradeRange = [...colours.values()];
  if (units.some((u) => (u.grade ?? null) === null)) {
    gradeDomain.push(T.noGrade);
    gradeRange.push(NO_GRADE_COLOUR);
  }
  const sortOrder = rankingData.map((r) => r.unit);
  const ranking = {
    ...base(T.rankingTitle, locale),
    height: { step: 14 },
    data: { values: rankingData },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.8 } },
        encoding: {
          y: { field: "unit", type: "nominal", sort: sortOrder, title: T.unit, axis: { title: null } },
          x: { field: "index", type: "quantitative", title: T.index, scale: { domain: [0, 100] } },
          color:
            gradeDomain.length > 0
              ? { field: "grade", type: "nominal", title: T.grade, scale: { domain: gradeDomain, range: gradeRange } }
              : { value: GRADE_COLOURS[1] },
          opacity: { field: "status", type: "ordinal", title: T.status, scale: { domain: [T.complete, T.incomplete], range: [1, 0.45] } },
          tooltip: [
            { field: "unit", title: T.unit },
            { field: "index", title: T.index, format: fmt(d) },
            { field: "points", title: T.points, format: fmt(d) },
            { field: "max", title: T.max, format: fmt(d) },
          ],
        },
      },
      {
        mark: { type: "text", aria: false, align: "left", dx: 3, fontSize: 9 },
        encoding: {
          y: { field: "unit", type: "nominal", sort: sortOrder },
          x: { field: "index", type: "quantitative" },
          text: { field: "index", type: "quantitative", format: fmt(d) },
        },
      },
    ],
  };

  // Heatmap: units × fields, colour = the field's index.
  const fields = framework.roots.map((i) => framework.nodes[i]!);
  const heatData: { unit: string; field: string; index: number | null }[] = [];
  for (const u of units) {
    for (const f of fields) {
      const c = u.criteria[f.index];
      heatData.push({
        unit: `${u.rank}. ${u.name}`,
        field: f.id,
        index: c === undefined || c.status === "not_applicable" || c.index === undefined ? null : c.index,
      });
    }
  }
  const heatOrder = units.map((u) => `${u.rank}. ${u.name}`);
  // Colours from the lowest tens below the lowest index to 100, so differences among high indices show.
  const lowest = Math.min(100, ...heatData.map((x) => x.index ?? 100));
  const heatFloor = Math.max(0, Math.floor(lowest / 10) * 10);
  const heatmap = {
    ...base(T.heatmapTitle, locale, Math.min(560, 48 * Math.max(1, fields.length))),
    height: { step: 14 },
    data: { values: heatData },
    encoding: {
      y: { field: "unit", type: "nominal", sort: heatOrder, title: T.unit, axis: { title: null } },
      x: { field: "field", type: "nominal", sort: fields.map((f) => f.id), title: T.field, axis: { labelAngle: 0, orient: "top" } },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 1 },
        encoding: {
          color: {
            field: "index",
            type: "quantitative",
            title: T.index,
            scale: { domain: [heatFloor, (heatFloor + 100) / 2, 100], range: ["#cf222e", "#f6e05e", "#1a7f37"], clamp: true },
          },
          tooltip: [
            { field: "unit", title: T.unit },
            { field: "field", title: T.field },
            { field: "index", title: T.index, format: fmt(d) },
          ],
        },
      },
      {
        mark: { type: "text", aria: false, fontSize: 8 },
        encoding: { text: { field: "index", type: "quantitative", format: ".0f" } },
      },
    ],
  };

  // Lost points by criterion (leaves), most first.
  const lostBy = new Map<string, number>();
  for (const u of units) {
    for (const c of u.criteria) {
      const node = nodeOf.get(c.id);
      if (!node || node.kind !== "leaf" || c.status === "not_applicable") continue;
      lostBy.set(c.id, (lostBy.get(c.id) ?? 0) + (c.max - c.points));
    }
  }
  const top = options.topCriteria ?? 15;
  const lostData = [...lostBy.entries()]
    .filter(([, v]) => v > 0)
    .map(([id, v]) => ({ criterion: `${id} ${shorten(nodeOf.get(id)?.title ?? "", 48)}`.trim(), lost: round(v, d) }))
    .sort((a, b) => b.lost - a.lost)
    .slice(0, top);
  const lost = {
    ...base(T.lostTitle, locale),
    height: { step: 16 },
    data: { values: lostData },
    layer: [
      {
        mark: { type: "bar", color: "#cf222e", height: { band: 0.8 } },
        encoding: {
          y: { field: "criterion", type: "nominal", sort: lostData.map((x) => x.criterion), title: T.criterion, axis: { title: null } },
          x: { field: "lost", type: "quantitative", title: T.lost },
          tooltip: [
            { field: "criterion", title: T.criterion },
            { field: "lost", title: T.lost, format: fmt(d) },
          ],
        },
      },
      {
        mark: { type: "text", aria: false, align: "left", dx: 3, fontSize: 9 },
        encoding: {
          y: { field: "criterion", type: "nominal", sort: lostData.map((x) => x.criterion) },
          x: { field: "lost", type: "quantitative" },
          text: { field: "lost", type: "quantitative", format: fmt(d) },
        },
      },
    ],
  };

  // Self-assessed above appraised: Σ (self − points) over leaves where it is positive, per unit.
  const selfData = units
    .map((u) => {
      let excess = 0;
      let criteria = 0;
      for (const c of u.criteria) {
        const node = nodeOf.get(c.id);
        if (node?.kind === "leaf" && c.self_diff !== undefined && c.self_diff > 0) {
          excess += c.self_diff;
          criteria++;
        }
      }
      return { unit: u.name, excess: round(excess, d), criteria };
    })
    .filter((x) => x.excess > 0)
    .sort((a, b) => b.excess - a.excess || (a.unit < b.unit ? -1 : 1));
  const selfAssessment = {
    ...base(T.selfTitle, locale),
    height: { step: 16 },
    data: { values: selfData },
    layer: [
      {
        mark: { type: "bar", color: "#bf8700", height: { band: 0.8 } },
        encoding: {
          y: { field: "unit", type: "nominal", sort: selfData.map((x) => x.unit), title: T.unit, axis: { title: null } },
          x: { field: "excess", type: "quantitative", title: T.overClaim },
          tooltip: [
            { field: "unit", title: T.unit },
            { field: "excess", title: T.overClaim, format: fmt(d) },
            { field: "criteria", title: T.criteria },
          ],
        },
      },
      {
        mark: { type: "text", aria: false, align: "left", dx: 3, fontSize: 9 },
        encoding: {
          y: { field: "unit", type: "nominal", sort: selfData.map((x) => x.unit) },
          x: { field: "excess", type: "quantitative" },
          text: { field: "excess", type: "quantitative", format: fmt(d) },
        },
      },
    ],
  };

  const specs: ChartSpecs = { ranking, heatmap, lost, selfAssessment };
  if (options.base === undefined) return specs;
  const baseBy = new Map<string, UnitJson>(options.base.units.map((u) => [u.unit, u]));
  const compareData = units
    .filter((u) => baseBy.get(u.unit)?.index !== undefined && u.index !== undefined)
    .map((u) => {
      const b = baseBy.get(u.unit)!;
      return { unit: u.name, base: b.index!, index: u.index!, delta: round(u.index! - b.index!, d) };
    })
    .sort((a, b) => b.delta - a.delta || (a.unit < b.unit ? -1 : 1));
  const compare = {
    ...base(T.compareTitle(options.base.framework.year, json.framework.year), locale),
    height: { step: 14 },
    data: { values: compareData },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.8 } },
        encoding: {
          y: { field: "unit", type: "nominal", sort: compareData.map((x) => x.unit), title: T.unit, axis: { title: null } },
          x: { field: "delta", type: "quantitative", title: T.delta },
          color: { condition: { test: "datum.delta < 0", value: "#cf222e" }, value: "#1a7f37" },
          tooltip: [
            { field: "unit", title: T.unit },
            { field: "base", title: T.base, format: fmt(d) },
            { field: "index", title: T.current, format: fmt(d) },
            { field: "delta", title: T.delta, format: fmt(d) },
          ],
        },
      },
    ],
  };
  return { ...specs, compare };
}

/** Rounds a sum of published (already rounded) numbers back to `decimals`, removing float noise. */
function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

function shorten(text: string, max: number): string {
  const t = text.normalize("NFC");
  return [...t].length <= max ? t : [...t].slice(0, max - 1).join("") + "…";
}
