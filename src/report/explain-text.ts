/**
 * A unit's explanation as text, in Vietnamese or English (`par-index explain`): its tree
 * with, for every leaf, the rule, the values read and the band or branch that applied,
 * its points and the points lost. The explanations are worded by {@link explanationWords},
 * as in the HTML report, so the text and the report say the same thing. Titles, ids and
 * input names are printed as written; numbers and dates per the locale.
 */
import { type Decimal, roundTo } from "../core/decimal.js";
import { defineStrings, type Lang } from "../diagnostics/define.js";
import type { UnitResult } from "../engine/result.js";
import type { Locale } from "../evidence/locale.js";
import type { CompiledFramework } from "../framework/ir.js";
import { explanationWords } from "./explain-words.js";
import { localeNumber } from "./format.js";

const S = defineStrings({
  en: {
    points: (p: string, max: string) => `${p} / ${max} points`,
    index: (i: string) => `index ${i}`,
    grade: (g: string) => `grade ${g}`,
    rank: (r: number, group: string | undefined) => `rank ${r}${group !== undefined ? ` in ${group}` : ""}`,
    incomplete: "INCOMPLETE",
    framework: (title: string, id: string, year: number) => `Framework: ${title} (${id}, ${year})`,
    parts: "Parts:",
    dropped: "dropped (no data for this unit)",
    criteria: "Criteria:",
    notApplicable: "not applicable",
    lost: (l: string) => `lost ${l}`,
    self: (s: string, diff: string) => `self ${s} (diff ${diff})`,
    missing: "MISSING",
    policy: (p: "full" | "zero") => `not applicable, policy ${p}`,
    rule: (r: string) => `rule: ${r}`,
    adjustments: "Adjustments:",
    kind: { bonus: "bonus", penalty: "penalty" },
    total: (p: string, capped: string | undefined, max: string, index: string) =>
      `Total: ${p}${capped === undefined ? "" : ` (capped from ${capped})`} of ${max} applicable → index ${index}`,
  },
  vi: {
    points: (p: string, max: string) => `${p} / ${max} điểm`,
    index: (i: string) => `chỉ số ${i}`,
    grade: (g: string) => `xếp loại ${g}`,
    rank: (r: number, group: string | undefined) => `xếp hạng ${r}${group !== undefined ? ` trong khối ${group}` : ""}`,
    incomplete: "CHƯA ĐỦ SỐ LIỆU",
    framework: (title: string, id: string, year: number) => `Bộ tiêu chí: ${title} (${id}, năm ${year})`,
    parts: "Các phần:",
    dropped: "không tính (đơn vị không có số liệu của phần này)",
    criteria: "Các tiêu chí:",
    notApplicable: "không áp dụng",
    lost: (l: string) => `chưa đạt ${l}`,
    self: (s: string, diff: string) => `tự chấm ${s} (chênh lệch ${diff})`,
    missing: "THIẾU SỐ LIỆU",
    policy: (p: "full" | "zero") => (p === "full" ? "không áp dụng, được tính đủ điểm" : "không áp dụng, tính 0 điểm"),
    rule: (r: string) => `cách chấm: ${r}`,
    adjustments: "Điểm cộng, điểm trừ:",
    kind: { bonus: "điểm cộng", penalty: "điểm trừ" },
    total: (p: string, capped: string | undefined, max: string, index: string) =>
      `Tổng điểm: ${p}${capped === undefined ? "" : ` (trước khi áp giới hạn: ${capped})`} trên ${max} điểm tối đa áp dụng → chỉ số ${index}`,
  },
});

/** Options of {@link explainTextIn}. */
export interface ExplainTextOptions {
  /** Language of the words (default Vietnamese). */
  readonly lang?: Lang;
  /** How numbers and dates are written (default: as the language writes them). */
  readonly locale?: Locale;
}

/**
 * Renders a unit's result (scored with explanations) as indented text in `lang`:
 * the head line, the parts, every criterion with its explanation, the adjustments and the total.
 */
export function explainTextIn(unit: UnitResult, framework: CompiledFramework, options: ExplainTextOptions = {}): string {
  const lang = options.lang ?? "vi";
  const locale: Locale = options.locale ?? lang;
  const T = S[lang];
  const r = framework.rounding;
  const pts = (d: Decimal) => localeNumber(roundTo(d, r).toString(), locale);
  const idx = (d: Decimal | undefined) => (d === undefined ? "–" : localeNumber(roundTo(d, r).toFixed(r.decimals), locale));
  const out: string[] = [];
  const head = [`${unit.name} (${unit.unit})`, T.points(pts(unit.points), pts(unit.max)), T.index(idx(unit.index))];
  if (unit.grade !== undefined) head.push(T.grade(unit.grade));
  if (unit.rank > 0) head.push(T.rank(unit.rank, unit.rankGroup));
  if (!unit.complete) head.push(T.incomplete);
  out.push(head.join(", "));
  out.push(T.framework(framework.title, framework.id, framework.year));

  if (unit.parts.length > 1 || unit.parts.some((p) => p.dropped)) {
    const titles = new Map(framework.parts.map((p) => [p.id, p.title]));
    out.push(T.parts);
    for (const p of unit.parts) {
      const title = titles.get(p.id) ?? p.id;
      out.push(p.dropped ? `  ${p.id} ${title}: ${T.dropped}` : `  ${p.id} ${title}: ${pts(p.points)} / ${pts(p.max)} (${idx(p.index)})`);
    }
  }

  out.push(T.criteria);
  for (const node of framework.nodes) {
    const res = unit.nodes[node.index];
    if (!res) continue;
    const pad = "  ".repeat(node.depth + 1);
    const title = node.title ? ` ${node.title}` : "";
    if (res.status === "not_applicable" && res.policy === undefined) {
      out.push(`${pad}${node.id}${title}: ${T.notApplicable}`);
    } else {
      const flags = [res.status === "missing" ? T.missing : "", res.policy ? T.policy(res.policy) : ""].filter(Boolean);
      const parts = [`${pts(res.points)} / ${pts(res.max)} (${idx(res.index)})`];
      if (node.kind === "leaf") parts.push(T.lost(pts(res.max.minus(res.points))));
      if (res.self !== undefined) parts.push(T.self(pts(res.self), pts(res.self.minus(res.points))));
      out.push(`${pad}${node.id}${title}: ${parts.join(", ")}${flags.length ? ` [${flags.join("; ")}]` : ""}`);
    }
    const e = node.kind === "leaf" ? res.explanation : undefined;
    if (e) {
      const w = explanationWords(e, lang, locale);
      if (res.status === "not_applicable" && res.policy === undefined) out.push(`${pad}    → ${w.branch}`);
      else {
        out.push(`${pad}    ${T.rule(w.rule)}`);
        for (const v of w.values) out.push(`${pad}      ${v}`);
        out.push(`${pad}    → ${w.branch}`);
      }
    }
  }

  if (unit.adjustments.length > 0) {
    out.push(T.adjustments);
    const plans = new Map(framework.adjustments.map((a) => [a.id, a]));
    for (const a of unit.adjustments) {
      const title = plans.get(a.id)?.title ?? "";
      const sign = a.kind === "bonus" ? "+" : "−";
      out.push(`  ${a.id}${title ? ` ${title}` : ""} (${T.kind[a.kind]}): ${sign}${pts(a.points)}${a.status === "missing" ? ` [${T.missing}]` : ""}`);
      if (a.explanation) {
        const w = explanationWords(a.explanation, lang, locale);
        out.push(`      ${T.rule(w.rule)}`);
        for (const v of w.values) out.push(`        ${v}`);
        out.push(`      → ${w.branch}`);
      }
    }
  }
  const capped = unit.uncappedPoints.eq(unit.points) ? undefined : pts(unit.uncappedPoints);
  out.push(T.total(pts(unit.points), capped, pts(unit.max), idx(unit.index)));
  return out.join("\n") + "\n";
}
