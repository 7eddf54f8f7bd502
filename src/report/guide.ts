/**
 * The scoring guidance ("hướng dẫn chấm điểm"): the framework as the table a Sở Nội
 * vụ publishes — STT | lĩnh vực, tiêu chí | điểm tối đa | cách chấm | tài liệu kiểm
 * chứng — with every rule in plain words (bands, ratio goalposts, deadlines with
 * dd/mm/yyyy dates, choices, deductions, manual steps, applicability), as data,
 * Markdown, HTML or a workbook sheet.
 */
import { type Decimal, Dec, ZERO } from "../core/decimal.js";
import type { CalendarDate } from "../core/value.js";
import type { AdjustmentPlan, BandCondition, BandPlan, CompiledExpr, CompiledFramework, InputPlan, NodePlan, RulePlan } from "../framework/ir.js";
import { type Lang, words } from "./lang.js";
import { defineStrings } from "../diagnostics/define.js";
import type { CellData, SheetData } from "./workbook.js";

/** One line of the guidance table. */
export interface GuideRow {
  /** The node's id (STT), or the adjustment's id. */
  readonly no: string;
  readonly title: string;
  /** 0 for a field, 1 for its criteria, … */
  readonly depth: number;
  readonly kind: "field" | "group" | "leaf" | "bonus" | "penalty" | "total";
  readonly max: number | null;
  /** How it is scored, in plain words (empty for a group). */
  readonly scoring: string;
  /** The evidence documents required. */
  readonly evidence: string;
}

const T = defineStrings({
  vi: {
    point: (p: string) => `${p} điểm`,
    above: "trên",
    atLeast: "từ",
    atMost: "đến",
    below: "dưới",
    equals: "bằng",
    from: "từ",
    to: "đến",
    toBelow: "đến dưới",
    orMore: "trở lên",
    orLess: "trở xuống",
    otherwise: "các trường hợp còn lại",
    yes: "có / đạt",
    no: "không / không đạt",
    ratio: (v: string, l: string, u: string, max: string) => `Theo ${v}: từ ${u} trở lên: ${max}; từ ${l} trở xuống: 0 điểm; ở giữa: tính theo tỷ lệ thuận`,
    ratioInverse: (v: string, l: string, u: string, max: string) =>
      `Theo ${v} (càng thấp càng tốt): từ ${u} trở xuống: ${max}; từ ${l} trở lên: 0 điểm; ở giữa: tính theo tỷ lệ nghịch`,
    onTime: (d: string, p: string) => `Đúng hạn (đến ${d}): ${p}`,
    lateUntil: (d: string, p: string) => `chậm đến ${d}: ${p}`,
    late: (p: string) => `chậm hạn: ${p}`,
    after: (p: string) => `sau đó: ${p}`,
    notDone: (p: string) => `không thực hiện: ${p}`,
    deduct: (max: string, per: string, v: string, floor: string) => `Tối đa ${max}; trừ ${per} cho mỗi ${v}; thấp nhất ${floor}`,
    manual: (max: string) => `Hội đồng thẩm định chấm căn cứ tài liệu kiểm chứng, từ 0 đến ${max}`,
    step: (s: string) => ` (chấm theo bước ${s} điểm)`,
    expr: (e: string) => `Điểm tính theo công thức: ${e}`,
    appliesIf: (e: string) => `Chỉ áp dụng khi: ${e}.`,
    naFull: "Nếu không phát sinh: được tối đa điểm.",
    naZero: "Nếu không phát sinh: 0 điểm (vẫn tính điểm tối đa).",
    bonus: "Điểm thưởng",
    penalty: "Điểm trừ",
    total: "Tổng điểm tối đa",
    values: "giá trị",
    heading: "HƯỚNG DẪN CHẤM ĐIỂM",
    columns: ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Cách chấm", "Tài liệu kiểm chứng"],
    sheet: "Hướng dẫn",
  },
  en: {
    point: (p: string) => `${p} ${p === "1" ? "point" : "points"}`,
    above: "above",
    atLeast: "at least",
    atMost: "at most",
    below: "below",
    equals: "equal to",
    from: "from",
    to: "to",
    toBelow: "to below",
    orMore: "or more",
    orLess: "or less",
    otherwise: "otherwise",
    yes: "yes / passed",
    no: "no / not passed",
    ratio: (v: string, l: string, u: string, max: string) => `By ${v}: ${u} or more: ${max}; ${l} or less: 0 points; in between: in proportion`,
    ratioInverse: (v: string, l: string, u: string, max: string) => `By ${v} (lower is better): ${u} or less: ${max}; ${l} or more: 0 points; in between: in inverse proportion`,
    onTime: (d: string, p: string) => `On time (by ${d}): ${p}`,
    lateUntil: (d: string, p: string) => `late until ${d}: ${p}`,
    late: (p: string) => `late: ${p}`,
    after: (p: string) => `after that: ${p}`,
    notDone: (p: string) => `not done: ${p}`,
    deduct: (max: string, per: string, v: string, floor: string) => `At most ${max}; minus ${per} for each ${v}; not below ${floor}`,
    manual: (max: string) => `The appraisal council scores it from the evidence documents, from 0 to ${max}`,
    step: (s: string) => ` (in steps of ${s} points)`,
    expr: (e: string) => `Points by the formula: ${e}`,
    appliesIf: (e: string) => `Applies only when: ${e}.`,
    naFull: "When it does not arise: full points.",
    naZero: "When it does not arise: 0 points (the maximum still counts).",
    bonus: "Bonus",
    penalty: "Penalty",
    total: "Total maximum",
    values: "value",
    heading: "SCORING GUIDANCE",
    columns: ["No.", "Field, criterion", "Maximum", "How it is scored", "Evidence documents"],
    sheet: "Guidance",
  },
});

type Words = (typeof T)["vi"];

/** A decimal as an official writes it: `0,5` in Vietnamese, `0.5` in English. */
export function decimalText(value: Decimal | number | string, lang: Lang): string {
  const s = new Dec(value).toFixed();
  return lang === "vi" ? s.replace(".", ",") : s;
}

/** A date as dd/mm/yyyy. */
export function dateText(d: CalendarDate): string {
  return `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${String(d.year).padStart(4, "0")}`;
}

interface ValueShape {
  /** What the value is called (the input's label, or the expression). */
  readonly name: string;
  /** Show numbers as percentages (a ratio). */
  readonly percent: boolean;
  /** The value is already a percentage (0..100): bounds get a % sign. */
  readonly percentType?: boolean;
}

function shapeOf(expr: CompiledExpr, fw: CompiledFramework, numericBounds: readonly Decimal[]): ValueShape {
  const source = expr.source.trim();
  const input: InputPlan | undefined = fw.inputByName.get(source);
  if (input !== undefined) return { name: input.label ?? input.name, percent: input.type === "ratio", percentType: input.type === "percent" };
  const derived = fw.derived.find((d) => d.name === source);
  const body = derived?.expr.source ?? source;
  // A quotient compared with bounds within [0, 1] is a rate: shown as a percentage.
  const percent = body.includes("/") && numericBounds.length > 0 && numericBounds.every((b) => b.gte(ZERO) && b.lte(1));
  return { name: source, percent };
}

function boundText(bound: Decimal | string | boolean, shape: ValueShape, lang: Lang): string {
  if (typeof bound === "string") return `"${bound}"`;
  if (typeof bound === "boolean") return bound ? T[lang].yes : T[lang].no;
  if (shape.percent) return `${decimalText(bound.times(100), lang)}%`;
  return shape.percentType ? `${decimalText(bound, lang)}%` : decimalText(bound, lang);
}

interface Edge {
  readonly bound: Decimal;
  readonly inclusive: boolean;
}

function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** The bands in words; each band's range is what its own conditions leave after the bands before it. */
function bandsText(bands: readonly BandPlan[], shape: ValueShape, lang: Lang): string {
  const w: Words = T[lang];
  const parts: string[] = [];
  // The range covered by earlier single-sided bands (descending: lower edges; ascending: upper edges).
  let coveredAbove: Edge | undefined; // earlier bands cover values ≥ / > this
  let coveredBelow: Edge | undefined; // earlier bands cover values ≤ / < this
  for (const band of bands) {
    const points = w.point(decimalText(band.points, lang));
    let lower: Edge | undefined;
    let upper: Edge | undefined;
    const other: string[] = [];
    for (const c of band.conditions) {
      if (typeof c.bound !== "object") {
        other.push(`${w.equals} ${boundText(c.bound, shape, lang)}`);
        continue;
      }
      if (c.op === "at_least") lower = { bound: c.bound, inclusive: true };
      else if (c.op === "above") lower = { bound: c.bound, inclusive: false };
      else if (c.op === "at_most") upper = { bound: c.bound, inclusive: true };
      else if (c.op === "below") upper = { bound: c.bound, inclusive: false };
      else other.push(`${w.equals} ${boundText(c.bound, shape, lang)}`);
    }
    if (band.conditions.length === 0 && coveredAbove === undefined && coveredBelow === undefined) {
      parts.push(`${w.otherwise}: ${points}`);
      continue;
    }
    // What earlier bands took away: the complement of their edges.
    if (upper === undefined && coveredAbove !== undefined) upper = { bound: coveredAbove.bound, inclusive: !coveredAbove.inclusive };
    if (lower === undefined && coveredBelow !== undefined) lower = { bound: coveredBelow.bound, inclusive: !coveredBelow.inclusive };
    let text: string;
    const b = (e: Edge) => boundText(e.bound, shape, lang);
    if (other.length > 0 && lower === undefined && upper === undefined) text = other.join(", ");
    else if (lower !== undefined && upper !== undefined) {
      text = `${lower.inclusive ? w.from : w.above} ${b(lower)} ${upper.inclusive ? w.to : w.toBelow} ${b(upper)}`;
    } else if (lower !== undefined) text = lower.inclusive ? `${w.atLeast} ${b(lower)} ${w.orMore}` : `${w.above} ${b(lower)}`;
    else if (upper !== undefined) text = upper.inclusive ? `${w.atMost} ${b(upper)} ${w.orLess}`.replace(/^đến/, "từ") : `${w.below} ${b(upper)}`;
    else text = w.otherwise;
    if (lang === "en" && upper !== undefined && lower === undefined && upper.inclusive) text = `${b(upper)} ${w.orLess}`;
    if (lang === "en" && lower !== undefined && upper === undefined && lower.inclusive) text = `${b(lower)} ${w.orMore}`;
    parts.push(`${text}: ${points}`);
    // Remember what this band covers, for the bands after it.
    const own = band.conditions.filter((c) => typeof c.bound === "object");
    if (own.length === 1) {
      const c = own[0] as BandCondition & { bound: Decimal };
      if (c.op === "at_least" || c.op === "above") coveredAbove = { bound: c.bound, inclusive: c.op === "at_least" };
      if (c.op === "at_most" || c.op === "below") coveredBelow = { bound: c.bound, inclusive: c.op === "at_most" };
    }
  }
  return capitalize(parts.join("; "));
}

function numericBoundsOf(bands: readonly BandPlan[]): Decimal[] {
  return bands.flatMap((b) => b.conditions.map((c) => c.bound).filter((x): x is Decimal => typeof x === "object"));
}

/** A rule in plain words. */
export function ruleText(rule: RulePlan, max: Decimal, fw: CompiledFramework, lang: Lang): string {
  const w: Words = T[lang];
  const pts = (d: Decimal) => w.point(decimalText(d, lang));
  switch (rule.kind) {
    case "boolean": {
      const shape = shapeOf(rule.value, fw, []);
      return `${capitalize(shape.name)}: ${w.yes}: ${pts(rule.truePoints)}; ${w.no}: ${pts(rule.falsePoints)}`;
    }
    case "bands":
      return bandsText(rule.bands, shapeOf(rule.value, fw, numericBoundsOf(rule.bands)), lang);
    case "ratio": {
      const shape = shapeOf(rule.value, fw, [rule.lower, rule.upper]);
      const f = rule.upper.lt(rule.lower) ? w.ratioInverse : w.ratio;
      return f(shape.name, boundText(rule.lower, shape, lang), boundText(rule.upper, shape, lang), pts(max));
    }
    case "deadline": {
      const parts = [w.onTime(dateText(rule.due), pts(max))];
      if (rule.lateUntil !== undefined) {
        parts.push(w.lateUntil(dateText(rule.lateUntil), pts(rule.late)), w.after(pts(ZERO)));
      } else parts.push(w.late(pts(rule.late)));
      if (!rule.missingPoints.isZero()) parts.push(w.notDone(pts(rule.missingPoints)));
      return parts.join("; ");
    }
    case "choice": {
      const shape = shapeOf(rule.value, fw, []);
      return `${capitalize(shape.name)}: ${[...rule.points].map(([name, p]) => `${name}: ${pts(p)}`).join("; ")}`;
    }
    case "deduct": {
      const shape = shapeOf(rule.value, fw, []);
      return w.deduct(pts(max), pts(rule.per), shape.name, pts(rule.floor));
    }
    case "manual":
      return w.manual(pts(max)) + (rule.step === undefined ? "" : w.step(decimalText(rule.step, lang)));
    case "expr":
      return w.expr(rule.value.source);
  }
}

function nodeScoring(node: NodePlan, fw: CompiledFramework, lang: Lang): string {
  const w: Words = T[lang];
  const parts: string[] = [];
  if (node.kind === "leaf") parts.push(ruleText(node.rule, node.max, fw, lang) + ".");
  if (node.appliesIf !== undefined) parts.push(w.appliesIf(node.appliesIf.source));
  if (node.notApplicable === "full") parts.push(w.naFull);
  else if (node.notApplicable === "zero") parts.push(w.naZero);
  return parts.join(" ");
}

function adjustmentRow(a: AdjustmentPlan, fw: CompiledFramework, lang: Lang): GuideRow {
  const w: Words = T[lang];
  return {
    no: a.id,
    title: `${a.kind === "bonus" ? w.bonus : w.penalty}: ${a.title}`,
    depth: 0,
    kind: a.kind,
    max: Number(a.max.toString()),
    scoring: ruleText(a.rule, a.max, fw, lang) + ".",
    evidence: "",
  };
}

/** The guidance table's rows: every node in framework order, the adjustments, and the total. */
export function guideRows(fw: CompiledFramework, lang: Lang = "vi"): GuideRow[] {
  const rows: GuideRow[] = fw.nodes.map((n) => ({
    no: n.id,
    title: n.title,
    depth: n.depth,
    kind: n.kind === "leaf" ? "leaf" : n.depth === 0 ? "field" : "group",
    max: Number(n.max.toString()),
    scoring: nodeScoring(n, fw, lang),
    evidence: n.evidence ?? "",
  }));
  const total = fw.roots.reduce((s, i) => s.plus(fw.nodes[i]!.max), ZERO);
  rows.push(...fw.adjustments.map((a) => adjustmentRow(a, fw, lang)));
  rows.push({ no: "", title: T[lang].total, depth: 0, kind: "total", max: Number(total.toString()), scoring: "", evidence: "" });
  return rows;
}

function markdownText(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#])/g, "\\$1")
    .replace(/\r?\n|\r/g, " ");
}

function htmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function frameworkTitle(fw: CompiledFramework, lang: Lang): string {
  return lang === "en" && fw.titleEn !== undefined ? fw.titleEn : fw.title;
}

function maxText(row: GuideRow, lang: Lang): string {
  return row.max === null ? "" : decimalText(row.max, lang);
}

/** The guidance as a Markdown document (every text escaped). */
export function guideMarkdown(fw: CompiledFramework, lang: Lang = "vi"): string {
  const w: Words = T[lang];
  const head = `| ${w.columns.join(" | ")} |\n| --- | --- | ---: | --- | --- |`;
  const lines = guideRows(fw, lang).map((r) => {
    const title = r.kind === "field" || r.kind === "total" ? `**${markdownText(r.title)}**` : `${"\u00a0\u00a0".repeat(r.depth)}${markdownText(r.title)}`;
    return `| ${markdownText(r.no)} | ${title} | ${maxText(r, lang)} | ${markdownText(r.scoring)} | ${markdownText(r.evidence)} |`;
  });
  const src = `${words(lang).source}: ${markdownText(fw.source)} — ${words(lang).year} ${fw.year}`;
  return `# ${markdownText(w.heading)}: ${markdownText(frameworkTitle(fw, lang))}\n\n${src}\n\n${head}\n${lines.join("\n")}\n`;
}

/** The guidance as one self-contained HTML page (no external resource; every text escaped; prints on A4). */
export function guideHtml(fw: CompiledFramework, lang: Lang = "vi"): string {
  const w: Words = T[lang];
  const rows = guideRows(fw, lang)
    .map((r) => {
      const cls = r.kind === "field" || r.kind === "total" ? ' class="field"' : "";
      const pad = r.depth > 0 ? ` style="padding-left:${0.4 + r.depth}em"` : "";
      return `<tr${cls}><td>${htmlText(r.no)}</td><td${pad}>${htmlText(r.title)}</td><td class="num">${htmlText(maxText(r, lang))}</td><td>${htmlText(r.scoring)}</td><td>${htmlText(r.evidence)}</td></tr>`;
    })
    .join("\n");
  const title = `${w.heading}: ${frameworkTitle(fw, lang)}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${htmlText(title)}</title>
<style>
@page { size: A4 landscape; margin: 15mm; }
body { font-family: "Times New Roman", serif; font-size: 12pt; margin: 1em; }
h1 { font-size: 14pt; text-align: center; text-transform: uppercase; }
p.source { text-align: center; font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: 0.25em 0.4em; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
tr.field td { font-weight: bold; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
</style>
</head>
<body>
<h1>${htmlText(title)}</h1>
<p class="source">${htmlText(`${words(lang).source}: ${fw.source} — ${words(lang).year} ${fw.year}`)}</p>
<table>
<thead><tr>${w.columns.map((c) => `<th>${htmlText(c)}</th>`).join("")}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

/** The guidance as a workbook sheet (the `Hướng dẫn` sheet of the template, or `guide --format xlsx`). */
export function guideSheet(fw: CompiledFramework, lang: Lang = "vi", intro: readonly string[] = []): SheetData {
  const w: Words = T[lang];
  const decimals = fw.rounding.decimals;
  const rows = guideRows(fw, lang).map((r): CellData[] => [r.no, `${"   ".repeat(r.depth)}${r.title}`, r.max, r.scoring, r.evidence]);
  return {
    name: w.sheet,
    title: [w.heading, frameworkTitle(fw, lang), `${words(lang).source}: ${fw.source} — ${words(lang).year} ${fw.year}`, ...intro],
    columns: [
      { header: w.columns[0]!, width: 10 },
      { header: w.columns[1]!, width: 50, wrap: true },
      { header: w.columns[2]!, type: "number", decimals: Math.min(decimals, 2), width: 10 },
      { header: w.columns[3]!, width: 70, wrap: true },
      { header: w.columns[4]!, width: 40, wrap: true },
    ],
    rows,
  };
}

/** The name of the guidance sheet in a language. */
export function guideSheetName(lang: Lang): string {
  return T[lang].sheet;
}
