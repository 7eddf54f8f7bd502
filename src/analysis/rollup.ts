/**
 * Roll-up (`par-index rollup`): units grouped by a registry attribute, with the mean
 * (optionally weighted), median, min and max of their published indices, grade counts
 * and per-field means; groups ranked by mean. Exact, rounded once at the end.
 */
import { defineStrings } from "../diagnostics/define.js";
import { dec, roundTo, type Decimal } from "../core/decimal.js";
import { diag, type Diagnostic } from "../diagnostics/index.js";
import type { UnitInfo } from "../evidence/model.js";
import { byCode, competitionRanks, mean, median, out, outOrNull } from "./exact.js";
import type { Published, PublishedUnit, Structure } from "./results.js";
import { analysisTable, numberText, tableStyle, type AnalysisTable, type Lang, type TextOptions } from "./tables.js";

export interface RollupOptions {
  /** `parent`, `type` or any other registry column. */
  readonly by: string;
  /** A numeric registry column weighting the means. */
  readonly weight?: string;
}

export interface RollupGroup {
  group: string;
  rank: number;
  units: number;
  complete: number;
  mean: number | null;
  median: number | null;
  min: { unit: string; index: number } | null;
  max: { unit: string; index: number } | null;
  grades: Record<string, number>;
  fields: Record<string, number | null>;
}

/** `par-index rollup` as JSON. */
export interface RollupJson {
  by: string;
  weight?: string;
  groups: RollupGroup[];
}

/** The value of a registry attribute: `parent`, `type`, `name`, or another column. */
export function attributeOf(info: UnitInfo, attribute: string): string | undefined {
  const v = attribute === "parent" ? info.parent : attribute === "type" ? info.type : attribute === "name" ? info.name : Object.hasOwn(info.attributes, attribute) ? info.attributes[attribute] : undefined;
  const t = v?.trim();
  return t === undefined || t === "" ? undefined : t;
}

/**
 * Groups the result's units by `options.by` read from `registry`. Every unit of the
 * result must be in the registry with a value (and a positive weight when weighting):
 * otherwise it is reported and the roll-up is not made.
 */
export function rollup(
  published: Published,
  structure: Structure,
  registry: ReadonlyMap<string, UnitInfo>,
  options: RollupOptions,
): { rollup?: RollupJson; diagnostics: Diagnostic[] } {
  const rounding = published.framework.rounding;
  const diagnostics: Diagnostic[] = [];
  const members = new Map<string, { unit: PublishedUnit; weight?: Decimal }[]>();
  for (const u of published.units) {
    const info = registry.get(u.unit);
    if (info === undefined) {
      diagnostics.push(diag("analysis-unknown-unit", { unit: u.unit, where: "registry" }, { unit: u.unit }));
      continue;
    }
    const where = { ...info.where, unit: u.unit };
    const group = attributeOf(info, options.by);
    if (group === undefined) {
      diagnostics.push(diag("rollup-no-group", { unit: u.unit, by: options.by }, where));
      continue;
    }
    let weight: Decimal | undefined;
    if (options.weight !== undefined) {
      const text = attributeOf(info, options.weight) ?? "";
      const w = /^\d+([.,]\d+)?$/.test(text) ? dec(text.replace(",", ".")) : undefined;
      if (w === undefined || w.lte(0)) {
        diagnostics.push(diag("rollup-bad-weight", { unit: u.unit, by: options.weight, text }, where));
        continue;
      }
      weight = w;
    }
    const list = members.get(group) ?? [];
    list.push({ unit: u, ...(weight !== undefined && { weight }) });
    members.set(group, list);
  }
  if (diagnostics.length > 0) return { diagnostics };

  const weighted = options.weight !== undefined;
  const stats = [...members.entries()].map(([group, list]) => {
    const indexed = list.filter((m) => m.unit.index !== undefined);
    const values = indexed.map((m) => m.unit.index!);
    const weights = weighted ? indexed.map((m) => m.weight!) : undefined;
    const m = mean(values, weights);
    const order = [...indexed].sort((a, b) => a.unit.index!.comparedTo(b.unit.index!) || byCode(a.unit.unit, b.unit.unit));
    const lowest = order[0];
    const highest = [...indexed].sort((a, b) => b.unit.index!.comparedTo(a.unit.index!) || byCode(a.unit.unit, b.unit.unit))[0];
    const grades: Record<string, number> = {};
    for (const x of list) {
      const g = x.unit.grade;
      if (typeof g === "string") grades[g] = (grades[g] ?? 0) + 1;
    }
    const fields: Record<string, number | null> = {};
    for (const root of structure.roots) {
      const applicable = list.filter((x) => {
        const c = x.unit.byId.get(root.id);
        return c !== undefined && c.status !== "not_applicable" && c.index !== undefined;
      });
      const fm = mean(
        applicable.map((x) => x.unit.byId.get(root.id)!.index!),
        weighted ? applicable.map((x) => x.weight!) : undefined,
      );
      fields[root.id] = outOrNull(fm, rounding);
    }
    return {
      group,
      mean: m,
      published: m === undefined ? undefined : roundTo(m, rounding),
      json: {
        group,
        rank: 0,
        units: list.length,
        complete: list.filter((x) => x.unit.complete).length,
        mean: outOrNull(m, rounding),
        median: outOrNull(median(values), rounding),
        min: lowest ? { unit: lowest.unit.unit, index: out(lowest.unit.index!, rounding) } : null,
        max: highest ? { unit: highest.unit.unit, index: out(highest.unit.index!, rounding) } : null,
        grades,
        fields,
      } satisfies RollupGroup,
    };
  });
  const ranks = competitionRanks(stats.map((s) => s.published));
  stats.forEach((s, i) => (s.json.rank = ranks[i]!));
  stats.sort((a, b) => a.json.rank - b.json.rank || byCode(a.group, b.group));
  return {
    rollup: { by: options.by, ...(options.weight !== undefined && { weight: options.weight }), groups: stats.map((s) => s.json) },
    diagnostics,
  };
}

/**
 * The roll-up as evidence for a parent framework: long-form CSV `unit,input,value`, one
 * row per group with its mean as input `input` (groups without a mean are left out and reported).
 */
export function rollupEvidence(r: RollupJson, input: string): { csv: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const esc = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ["unit,input,value"];
  for (const g of r.groups) {
    if (g.mean === null) diagnostics.push(diag("rollup-no-mean", { group: g.group }, { unit: g.group }));
    else lines.push(`${esc(g.group)},${esc(input)},${g.mean}`);
  }
  return { csv: lines.join("\r\n") + "\r\n", diagnostics };
}

const WORDS = defineStrings({
  en: {
    title: (by: string, weight?: string) => `Groups by "${by}"${weight ? `, weighted by "${weight}"` : ""}`,
    rank: "Rank",
    group: "Group",
    units: "Units",
    complete: "Complete",
    mean: "Mean",
    median: "Median",
    min: "Lowest",
    max: "Highest",
    grades: "Grades",
    field: (id: string) => `Field ${id} (%)`,
  },
  vi: {
    title: (by: string, weight?: string) => `Tổng hợp theo nhóm "${by}"${weight ? `, bình quân gia quyền theo "${weight}"` : ""}`,
    rank: "Xếp hạng",
    group: "Nhóm",
    units: "Số đơn vị",
    complete: "Đủ số liệu",
    mean: "Bình quân",
    median: "Trung vị",
    min: "Thấp nhất",
    max: "Cao nhất",
    grades: "Xếp loại",
    field: (id: string) => `Lĩnh vực ${id} (%)`,
  },
});

/** The roll-up as one table, headed in `lang`. */
export function rollupTables(r: RollupJson, decimals: number, style: Lang | TextOptions = "vi"): AnalysisTable[] {
  const { lang, locale } = tableStyle(style);
  const w = WORDS[lang];
  const fieldIds = Object.keys(r.groups[0]?.fields ?? {});
  const extreme = (e: { unit: string; index: number } | null) => (e === null ? null : `${e.unit} (${numberText(e.index, locale, decimals)})`);
  return [
    analysisTable({
      id: "rollup",
      title: w.title(r.by, r.weight),
      decimals,
      locale,
      columns: [
        ["rank", w.rank, "integer"],
        ["group", w.group],
        ["units", w.units, "integer"],
        ["complete", w.complete, "integer"],
        ["mean", w.mean, "number"],
        ["median", w.median, "number"],
        ["min", w.min],
        ["max", w.max],
        ["grades", w.grades],
        ...fieldIds.map((id) => [`field_${id}`, w.field(id), "number"] as const),
      ],
      rows: r.groups.map((g) => [
        g.rank,
        g.group,
        g.units,
        g.complete,
        g.mean,
        g.median,
        extreme(g.min),
        extreme(g.max),
        Object.entries(g.grades)
          .map(([k, v]) => `${k}: ${v}`)
          .join(", "),
        ...fieldIds.map((id) => g.fields[id] ?? null),
      ]),
    }),
  ];
}
