/**
 * The HTML report a council reads: one self-contained file (styles inline, charts
 * as inline SVG, no script, no request) that prints on A4. Pure: it takes the
 * Results JSON, the framework and the charts already rendered to SVG, and returns
 * the page as text. Every text that comes from an input is HTML-escaped.
 */
import { Dec, ZERO, roundTo, type Decimal } from "../core/decimal.js";
import { defineStrings, type Lang } from "../diagnostics/define.js";
import type { DiagnosticJson, ScoreResultJson, UnitJson, CriterionJson } from "../engine/json.js";
import type { UnitResult } from "../engine/result.js";
import type { Locale } from "../evidence/locale.js";
import type { CompiledFramework, NodePlan } from "../framework/ir.js";
import { planner, planRules, type PlanJson } from "../analysis/plan.js";
import { readPublished, structureOf, type Published } from "../analysis/results.js";
import { gradeColours, type ChartSpecs } from "./charts.js";
import { explanationWords } from "./explain-words.js";
import { localeNumber, textStyle, type TextOptions } from "./format.js";

/** What the report is about and what it shows. */
export interface ReportInput {
  readonly framework: CompiledFramework;
  /** The Results JSON (diagnostics already worded in the report's language). */
  readonly results: ScoreResultJson;
  /** Live results by unit code, for the explanation of every point (absent from a saved JSON). */
  readonly units?: ReadonlyMap<string, UnitResult>;
  /** A base year's Results JSON, for the year-over-year section. */
  readonly base?: ScoreResultJson;
  /** The charts, rendered to SVG (see `renderCharts` in `par-index/node`). */
  readonly charts?: Partial<Record<keyof ChartSpecs, string>>;
  /** What the report was made from. */
  readonly manifest?: ReportManifest;
}

export interface ReportManifest {
  readonly engine: string;
  readonly framework: { readonly id: string; readonly file?: string; readonly sha256?: string };
  readonly inputs: readonly { readonly file: string; readonly sha256?: string }[];
}

const S = defineStrings({
  en: {
    title: (t: string) => `Scoring report: ${t}`,
    contents: "Contents",
    summary: "Summary",
    ranking: "Ranking",
    heatmap: "Index by field",
    lost: "Points lost by criterion",
    self: "Self-assessment against appraisal",
    compare: (y: number) => `Compared with ${y}`,
    diagnostics: "Problems in the data",
    units: "Units in detail",
    manifest: "How this report was made",
    framework: "Framework",
    source: "Source",
    year: "Year assessed",
    unitCount: "Units",
    unitsLine: (n: number, complete: number) => (complete === n ? `${n}, all with complete data` : `${n} (${complete} with complete data, ${n - complete} incomplete)`),
    meanIndex: "Mean index",
    best: "Highest",
    worst: "Lowest",
    grades: "Grades",
    noGrades: "The framework sets no grades.",
    readingNote:
      "Index = points ÷ the maximum of the criteria that apply to the unit × 100. A unit to which fewer criteria apply has a lower maximum, so it can have a higher index with fewer points; the maximum is shown beside the points.",
    incompleteNote: "Units marked ⚠ lack some data: the criteria concerned scored 0, and they are ranked after the units with complete data.",
    rank: "Rank",
    unit: "Unit",
    points: "Points",
    max: "Max",
    index: "Index (%)",
    grade: "Grade",
    note: "Note",
    incomplete: "⚠ incomplete",
    fieldsLegend: "Fields",
    criterion: "Criterion",
    unitsLosing: "Units losing points",
    lostPoints: "Points lost",
    lostMean: "Per unit",
    share: "Share (%)",
    lostNote: (shown: number, all: number, total: string) => `The ${shown} criteria where most points were lost, of ${all}; ${total} points were lost in all.`,
    overClaimUnit: "Unit",
    overClaimCriteria: "Criteria self-assessed higher",
    overClaimPoints: "Points above appraisal",
    overClaimWorst: "Largest difference",
    worstText: (id: string, self: string, got: string) => `${id}: self ${self}, appraised ${got}`,
    noOverClaim: "No unit assessed itself higher than the appraised score.",
    noSelf: "The data holds no self-assessed scores.",
    baseIndex: (y: number) => `Index ${y}`,
    currentIndex: (y: number) => `Index ${y}`,
    change: "Change",
    baseRank: (y: number) => `Rank ${y}`,
    currentRank: (y: number) => `Rank ${y}`,
    newUnit: "new",
    goneUnit: "not in this year",
    compareNote:
      "Units are paired by code. The earlier rank is the unit's rank by its earlier index among this year's units, so a change of rank compares like with like.",
    noProblems: "No problem was found in the data.",
    problemsLine: (e: number, w: number) => `${e} error(s) and ${w} warning(s).`,
    more: (n: number) => `… and ${n} more (see the JSON output for all of them).`,
    severity: { error: "Error", warning: "Warning", info: "Note" } as Record<string, string>,
    where: "Where",
    severityHead: "Severity",
    message: "Problem and how to fix it",
    unitFacts: (rank: number, of: number, points: string, max: string, index: string) => `Rank ${rank} of ${of} · ${points} of ${max} points · index ${index}%`,
    gradeFact: (g: string) => `grade ${g}`,
    parts: "Parts",
    adjustments: "Bonus and penalty points",
    code: "Code",
    selfShort: "Self",
    explanation: "How it was scored",
    notApplicable: "not applicable",
    missing: "missing data",
    noExplanation: "Explanations are not kept in a saved result; score from the evidence to see them.",
    options: "Where the unit can gain most",
    optionsNote: "Each criterion alone at full points, other units unchanged (par-index plan): the index and rank the unit would then have.",
    optionLine: (id: string, title: string, available: string, gain: string, index: string, rank: number, missing: boolean) =>
      `${id} ${title}: +${available} point(s) → index ${index}% (+${gain}), rank ${rank}${missing ? " (data missing: providing it is the first step)" : ""}`,
    noOptions: "The unit has every point of every criterion that applies to it.",
    planHead: "The fewest criteria that reach the next rank up",
    planLine: (target: string, criteria: string, points: string, index: string, rank: number) =>
      `To reach ${target}: ${criteria} (+${points} points) → index ${index}%, rank ${rank}.`,
    planTarget: (rank: number | undefined, index: string) => (rank !== undefined ? `rank ${rank} (index ${index}%)` : `index ${index}%`),
    planNotReached: (target: string, criteria: string, points: string, index: string, rank: number) =>
      `Even all ${criteria} at full points (+${points} points → index ${index}%, rank ${rank}) do not reach ${target}.`,
    planTop: "The unit ranks first: there is no rank above it.",
    planThere: (target: string) => `The unit is already at ${target}.`,
    backToRanking: "↑ back to the ranking",
    engine: "Engine",
    frameworkFile: "Framework file",
    inputs: "Input files",
    file: "File",
    sha256: "SHA-256",
    charts: "The charts are drawn from Vega-Lite specifications (par-index chartSpecs).",
  },
  vi: {
    title: (t: string) => `Báo cáo kết quả chấm điểm: ${t}`,
    contents: "Mục lục",
    summary: "Tổng quan",
    ranking: "Kết quả xếp hạng",
    heatmap: "Chỉ số thành phần theo lĩnh vực",
    lost: "Điểm chưa đạt theo tiêu chí",
    self: "Tự chấm so với kết quả thẩm định",
    compare: (y: number) => `So sánh với năm ${y}`,
    diagnostics: "Các vấn đề về số liệu",
    units: "Chi tiết từng đơn vị",
    manifest: "Thông tin lập báo cáo",
    framework: "Bộ tiêu chí",
    source: "Căn cứ",
    year: "Năm đánh giá",
    unitCount: "Số đơn vị",
    unitsLine: (n: number, complete: number) =>
      complete === n ? `${n} đơn vị, tất cả đủ số liệu` : `${n} (${complete} đơn vị đủ số liệu, ${n - complete} đơn vị chưa đủ số liệu)`,
    meanIndex: "Chỉ số bình quân",
    best: "Cao nhất",
    worst: "Thấp nhất",
    grades: "Xếp loại",
    noGrades: "Bộ tiêu chí không quy định xếp loại.",
    readingNote:
      "Chỉ số = tổng điểm ÷ tổng điểm tối đa của các tiêu chí áp dụng đối với đơn vị × 100. Đơn vị có ít tiêu chí áp dụng hơn thì điểm tối đa thấp hơn, nên có thể đạt chỉ số cao hơn dù tổng điểm thấp hơn; vì vậy điểm tối đa được ghi bên cạnh tổng điểm.",
    incompleteNote:
      "Đơn vị đánh dấu ⚠ chưa đủ số liệu: các tiêu chí liên quan được tính 0 điểm và đơn vị được xếp sau các đơn vị đủ số liệu.",
    rank: "Hạng",
    unit: "Đơn vị",
    points: "Tổng điểm",
    max: "Điểm tối đa",
    index: "Chỉ số (%)",
    grade: "Xếp loại",
    note: "Ghi chú",
    incomplete: "⚠ chưa đủ số liệu",
    fieldsLegend: "Lĩnh vực",
    criterion: "Tiêu chí",
    unitsLosing: "Số đơn vị chưa đạt điểm tối đa",
    lostPoints: "Điểm chưa đạt",
    lostMean: "Bình quân/đơn vị",
    share: "Tỷ trọng (%)",
    lostNote: (shown: number, all: number, total: string) =>
      `${shown} tiêu chí có nhiều điểm chưa đạt nhất trong tổng số ${all} tiêu chí; tổng số điểm chưa đạt của các đơn vị là ${total} điểm.`,
    overClaimUnit: "Đơn vị",
    overClaimCriteria: "Số tiêu chí tự chấm cao hơn",
    overClaimPoints: "Số điểm tự chấm cao hơn",
    overClaimWorst: "Chênh lệch lớn nhất",
    worstText: (id: string, self: string, got: string) => `${id}: tự chấm ${self}, thẩm định ${got}`,
    noOverClaim: "Không có đơn vị nào tự chấm cao hơn kết quả thẩm định.",
    noSelf: "Số liệu không có điểm tự chấm.",
    baseIndex: (y: number) => `Chỉ số ${y}`,
    currentIndex: (y: number) => `Chỉ số ${y}`,
    change: "Tăng/giảm",
    baseRank: (y: number) => `Hạng ${y}`,
    currentRank: (y: number) => `Hạng ${y}`,
    newUnit: "đơn vị mới",
    goneUnit: "không còn trong năm nay",
    compareNote:
      "Đơn vị được đối chiếu theo mã. Hạng năm trước là thứ hạng của chỉ số năm trước trong số các đơn vị năm nay, để việc tăng/giảm hạng so sánh trên cùng một tập đơn vị.",
    noProblems: "Không phát hiện vấn đề nào trong số liệu.",
    problemsLine: (e: number, w: number) => `${e} lỗi và ${w} cảnh báo.`,
    more: (n: number) => `… và ${n} vấn đề khác (xem đầy đủ trong kết quả JSON).`,
    severity: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" } as Record<string, string>,
    where: "Vị trí",
    severityHead: "Mức độ",
    message: "Nội dung và cách khắc phục",
    unitFacts: (rank: number, of: number, points: string, max: string, index: string) =>
      `Hạng ${rank}/${of} · ${points}/${max} điểm · chỉ số ${index}%`,
    gradeFact: (g: string) => `xếp loại ${g}`,
    parts: "Các phần điểm",
    adjustments: "Điểm thưởng, điểm trừ",
    code: "Mã",
    selfShort: "Tự chấm",
    explanation: "Cách tính",
    notApplicable: "không áp dụng",
    missing: "thiếu số liệu",
    noExplanation: "Kết quả đã lưu không kèm giải trình; chấm lại từ số liệu để xem giải trình từng điểm.",
    options: "Các tiêu chí có thể giúp tăng chỉ số nhiều nhất",
    optionsNote: "Từng tiêu chí nếu đạt điểm tối đa, các đơn vị khác giữ nguyên (par-index plan): chỉ số và thứ hạng đơn vị khi đó.",
    optionLine: (id: string, title: string, available: string, gain: string, index: string, rank: number, missing: boolean) =>
      `${id} ${title}: thêm ${available} điểm → chỉ số ${index}% (tăng ${gain}), hạng ${rank}${missing ? " (đang thiếu số liệu: cần bổ sung trước)" : ""}`,
    noOptions: "Đơn vị đã đạt điểm tối đa ở mọi tiêu chí áp dụng.",
    planHead: "Số tiêu chí ít nhất để lên hạng liền trên",
    planLine: (target: string, criteria: string, points: string, index: string, rank: number) =>
      `Để đạt ${target}: ${criteria} (thêm ${points} điểm) → chỉ số ${index}%, hạng ${rank}.`,
    planTarget: (rank: number | undefined, index: string) => (rank !== undefined ? `hạng ${rank} (chỉ số ${index}%)` : `chỉ số ${index}%`),
    planNotReached: (target: string, criteria: string, points: string, index: string, rank: number) =>
      `Kể cả khi ${criteria} đều đạt điểm tối đa (thêm ${points} điểm → chỉ số ${index}%, hạng ${rank}) vẫn chưa đạt ${target}.`,
    planTop: "Đơn vị đang xếp hạng nhất: không có hạng cao hơn.",
    planThere: (target: string) => `Đơn vị đã đạt ${target}.`,
    backToRanking: "↑ về bảng xếp hạng",
    engine: "Phần mềm",
    frameworkFile: "Tệp bộ tiêu chí",
    inputs: "Các tệp số liệu",
    file: "Tệp",
    sha256: "SHA-256",
    charts: "Biểu đồ được vẽ từ đặc tả Vega-Lite (hàm chartSpecs của par-index).",
  },
});

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-escapes text for element content and quoted attribute values (NFC). */
export function esc(text: string | number | undefined | null): string {
  return String(text ?? "")
    .normalize("NFC")
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The id of a unit's section: `unit-CODE`. */
export function unitAnchor(code: string): string {
  return `unit-${code}`;
}

/** Decimal of a JSON number (published values have a short exact decimal text). */
function D(n: number): Decimal {
  return new Dec(String(n));
}

/**
 * The report as one HTML page (Vietnamese by default). Texts from the inputs are
 * escaped; charts are embedded as given (SVG rendered by vega, which escapes text).
 */
export function reportHtml(input: ReportInput, options: TextOptions = {}): string {
  const { lang, locale } = textStyle(options);
  const T = S[lang];
  const fw = input.framework;
  const json = input.results;
  const d = fw.rounding.decimals;
  const fixed = (n: number | Decimal | undefined) =>
    n === undefined ? "" : localeNumber((typeof n === "number" ? D(n) : roundTo(n, fw.rounding)).toFixed(d), locale);
  const plain = (n: number | Decimal) => localeNumber((typeof n === "number" ? D(n) : roundTo(n, fw.rounding)).toFixed(), locale);
  const colours = gradeColours(fw);
  const title = lang === "en" && fw.titleEn ? fw.titleEn : fw.title;
  const units = json.units;
  const leaves = fw.nodes.filter((n) => n.kind === "leaf");
  const fields = fw.roots.map((i) => fw.nodes[i]!);
  const within = fw.ranking.within;

  const gradeBadge = (g: string | null | undefined) => {
    if (g === undefined || g === null) return "";
    const colour = colours.get(g) ?? "#57606a";
    return `<span class="grade" style="background:${colour}">${esc(g)}</span>`;
  };
  const unitLink = (u: UnitJson) => `<a href="#${esc(unitAnchor(u.unit))}">${esc(u.name)}</a>`;
  const chart = (name: keyof ChartSpecs, label: string) => {
    const svg = input.charts?.[name];
    return svg ? `<figure class="chart" id="chart-${name}" aria-label="${esc(label)}">${svg}</figure>` : "";
  };

  const sections: { id: string; title: string; body: string }[] = [];

  // ── Summary ──────────────────────────────────────────────────────────────
  {
    const indexed = units.filter((u) => u.index !== undefined);
    const mean = indexed.length === 0 ? undefined : indexed.reduce<Decimal>((s, u) => s.plus(D(u.index!)), ZERO).div(indexed.length);
    const byIndex = [...indexed].sort((a, b) => D(b.index!).cmp(D(a.index!)) || (a.unit < b.unit ? -1 : 1));
    const best = byIndex[0];
    const worst = byIndex[byIndex.length - 1];
    const gradeCounts = new Map<string, number>();
    for (const u of units) if (u.grade) gradeCounts.set(u.grade, (gradeCounts.get(u.grade) ?? 0) + 1);
    const complete = units.filter((u) => u.complete).length;
    const rows: [string, string][] = [
      [T.framework, `${esc(title)} <span class="code">(${esc(fw.id)})</span>`],
      [T.source, esc(fw.source)],
      [T.year, esc(fw.year)],
      [T.unitCount, esc(T.unitsLine(units.length, complete))],
    ];
    if (mean !== undefined) rows.push([T.meanIndex, `${fixed(mean)}%`]);
    if (best && worst) {
      rows.push([T.best, `${unitLink(best)}: ${fixed(best.index)}%`]);
      rows.push([T.worst, `${unitLink(worst)}: ${fixed(worst.index)}%`]);
    }
    const gradesText =
      (fw.grades?.length ?? 0) === 0
        ? esc(T.noGrades)
        : [...colours.keys()].map((g) => `${gradeBadge(g)} ${gradeCounts.get(g) ?? 0}`).join(" &nbsp; ");
    rows.push([T.grades, gradesText]);
    sections.push({
      id: "summary",
      title: T.summary,
      body: `<table class="facts">${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join("")}</table>
<p class="note">${esc(T.readingNote)}</p>`,
    });
  }

  // ── Ranking ──────────────────────────────────────────────────────────────
  {
    const head = [T.rank, ...(within ? [within] : []), T.unit, T.points, T.max, T.index, ...(fw.grades?.length ? [T.grade] : []), T.note];
    const numeric = [true, ...(within ? [false] : []), false, true, true, true, ...(fw.grades?.length ? [false] : []), false];
    const order = readingOrder(units, within !== undefined ? input.units : undefined);
    const rows = order.map((u) => {
      const cells = [
        String(u.rank),
        ...(within ? [esc(groupOf(u, input.units))] : []),
        unitLink(u),
        fixed(u.points),
        fixed(u.max),
        fixed(u.index),
        ...(fw.grades?.length ? [gradeBadge(u.grade)] : []),
        u.complete ? "" : `<span class="flag">${esc(T.incomplete)}</span>`,
      ];
      return `<tr${u.complete ? "" : ' class="incomplete"'}>${cells.map((c, i) => `<td${numeric[i] ? ' class="num"' : ""}>${c}</td>`).join("")}</tr>`;
    });
    sections.push({
      id: "ranking",
      title: T.ranking,
      body: `${chart("ranking", T.ranking)}
<table class="data ranking"><thead><tr>${head.map((h, i) => `<th${numeric[i] ? ' class="num"' : ""}>${esc(h)}</th>`).join("")}</tr></thead>
<tbody>${rows.join("\n")}</tbody></table>
${units.some((u) => !u.complete) ? `<p class="note">${esc(T.incompleteNote)}</p>` : ""}`,
    });
  }

  // ── Heatmap ──────────────────────────────────────────────────────────────
  sections.push({
    id: "heatmap",
    title: T.heatmap,
    body: `${chart("heatmap", T.heatmap)}
<dl class="legend">${fields.map((f) => `<dt>${esc(f.id)}</dt><dd>${esc(f.title)} <span class="muted">(${esc(T.max.toLowerCase())} ${plain(f.max)})</span></dd>`).join("")}</dl>`,
  });

  // ── Lost points by criterion (the contract's gaps, leaves) ───────────────
  {
    const stats = leaves.map((node) => {
      let n = 0;
      let losing = 0;
      let lost: Decimal = ZERO;
      for (const u of units) {
        const c = u.criteria[node.index];
        if (!c || c.status === "not_applicable") continue;
        n++;
        const l = D(c.max).minus(D(c.points));
        if (l.gt(0)) losing++;
        lost = lost.plus(l);
      }
      return { node, n, losing, lost };
    });
    const total = stats.reduce<Decimal>((s, x) => s.plus(x.lost), ZERO);
    const shown = stats.filter((x) => x.lost.gt(0)).sort((a, b) => b.lost.cmp(a.lost) || a.node.index - b.node.index).slice(0, 20);
    const rows = shown.map(
      (x) =>
        `<tr><td class="id">${esc(x.node.id)}</td><td>${esc(x.node.title)}</td><td class="num">${x.losing}/${x.n}</td><td class="num">${fixed(x.lost)}</td><td class="num">${fixed(x.n === 0 ? ZERO : x.lost.div(x.n))}</td><td class="num">${fixed(total.isZero() ? ZERO : x.lost.div(total).times(100))}</td></tr>`,
    );
    sections.push({
      id: "lost",
      title: T.lost,
      body: `${chart("lost", T.lost)}
<p class="note">${esc(T.lostNote(shown.length, leaves.length, fixed(total)))}</p>
<table class="data"><thead><tr><th>${esc(T.code)}</th><th>${esc(T.criterion)}</th><th class="num">${esc(T.unitsLosing)}</th><th class="num">${esc(T.lostPoints)}</th><th class="num">${esc(T.lostMean)}</th><th class="num">${esc(T.share)}</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`,
    });
  }

  // ── Self-assessed against appraised ──────────────────────────────────────
  {
    const hasSelf = units.some((u) => u.criteria.some((c) => c.self !== undefined));
    const claims = units
      .map((u) => {
        let excess: Decimal = ZERO;
        let count = 0;
        let worst: CriterionJson | undefined;
        for (const [i, c] of u.criteria.entries()) {
          if (fw.nodes[i]?.kind !== "leaf" || c.self_diff === undefined || c.self_diff <= 0) continue;
          excess = excess.plus(D(c.self_diff));
          count++;
          if (worst === undefined || D(c.self_diff).gt(D(worst.self_diff!))) worst = c;
        }
        return { u, excess, count, worst };
      })
      .filter((x) => x.count > 0)
      .sort((a, b) => b.excess.cmp(a.excess) || (a.u.unit < b.u.unit ? -1 : 1));
    const body = !hasSelf
      ? `<p>${esc(T.noSelf)}</p>`
      : claims.length === 0
        ? `<p>${esc(T.noOverClaim)}</p>`
        : `${chart("selfAssessment", T.self)}
<table class="data"><thead><tr><th>${esc(T.overClaimUnit)}</th><th class="num">${esc(T.overClaimCriteria)}</th><th class="num">${esc(T.overClaimPoints)}</th><th>${esc(T.overClaimWorst)}</th></tr></thead>
<tbody>${claims
            .map(
              (x) =>
                `<tr><td>${unitLink(x.u)}</td><td class="num">${x.count}</td><td class="num">+${fixed(x.excess)}</td><td>${x.worst ? esc(T.worstText(x.worst.id, plain(x.worst.self!), plain(x.worst.points))) : ""}</td></tr>`,
            )
            .join("\n")}</tbody></table>`;
    sections.push({ id: "self", title: T.self, body });
  }

  // ── Year over year ───────────────────────────────────────────────────────
  if (input.base) {
    const base = input.base;
    const baseBy = new Map(base.units.map((u) => [u.unit, u]));
    const current = new Set(units.map((u) => u.unit));
    const withBase = units.filter((u) => baseBy.get(u.unit)?.index !== undefined);
    const baseRank = (u: UnitJson) => {
      const b = D(baseBy.get(u.unit)!.index!);
      return 1 + withBase.filter((o) => D(baseBy.get(o.unit)!.index!).gt(b)).length;
    };
    const rows = units.map((u) => {
      const b = baseBy.get(u.unit);
      if (b === undefined || b.index === undefined || u.index === undefined) {
        return `<tr><td>${unitLink(u)}</td><td class="num"></td><td class="num">${fixed(u.index)}</td><td class="num"></td><td class="num"></td><td class="num">${u.rank}</td><td>${esc(T.newUnit)}</td></tr>`;
      }
      const delta = D(u.index).minus(D(b.index));
      const br = baseRank(u);
      const sign = (x: Decimal | number) => (typeof x === "number" ? (x > 0 ? "+" : "") : x.gt(0) ? "+" : "");
      const rankChange = br - u.rank;
      return `<tr><td>${unitLink(u)}</td><td class="num">${fixed(b.index)}</td><td class="num">${fixed(u.index)}</td><td class="num ${delta.lt(0) ? "down" : delta.gt(0) ? "up" : ""}">${sign(delta)}${fixed(delta)}</td><td class="num">${br}</td><td class="num">${u.rank}</td><td class="num">${rankChange === 0 ? "" : `${sign(rankChange)}${rankChange}`}</td></tr>`;
    });
    for (const b of base.units) {
      if (!current.has(b.unit))
        rows.push(`<tr class="gone"><td>${esc(b.name)}</td><td class="num">${fixed(b.index)}</td><td class="num"></td><td class="num"></td><td class="num"></td><td class="num"></td><td>${esc(T.goneUnit)}</td></tr>`);
    }
    sections.push({
      id: "compare",
      title: T.compare(base.framework.year),
      body: `${chart("compare", T.compare(base.framework.year))}
<p class="note">${esc(T.compareNote)}</p>
<table class="data"><thead><tr><th>${esc(T.unit)}</th><th class="num">${esc(T.baseIndex(base.framework.year))}</th><th class="num">${esc(T.currentIndex(json.framework.year))}</th><th class="num">${esc(T.change)}</th><th class="num">${esc(T.baseRank(base.framework.year))}</th><th class="num">${esc(T.currentRank(json.framework.year))}</th><th class="num">±</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`,
    });
  }

  // ── Diagnostics ──────────────────────────────────────────────────────────
  {
    const list: readonly DiagnosticJson[] = json.diagnostics;
    const errors = list.filter((x) => x.severity === "error").length;
    const warnings = list.filter((x) => x.severity === "warning").length;
    const LIMIT = 200;
    const where = (x: DiagnosticJson) => {
      let w = x.file ?? "";
      if (x.line !== undefined) w += `:${x.line}:${x.column ?? 1}`;
      const unit = x.unit !== undefined ? units.find((u) => u.unit === x.unit) : undefined;
      return [w && `<span class="code">${esc(w)}</span>`, unit ? unitLink(unit) : x.unit ? esc(x.unit) : ""].filter(Boolean).join("<br>");
    };
    const body =
      list.length === 0
        ? `<p>${esc(T.noProblems)}</p>`
        : `<p>${esc(T.problemsLine(errors, warnings))}</p>
<table class="data diagnostics"><thead><tr><th>${esc(T.severityHead)}</th><th>${esc(T.where)}</th><th>${esc(T.message)}</th></tr></thead>
<tbody>${list
            .slice(0, LIMIT)
            .map(
              (x) =>
                `<tr class="${esc(x.severity)}"><td>${esc(T.severity[x.severity] ?? x.severity)}<br><span class="code">${esc(x.code)}</span></td><td>${where(x)}</td><td>${esc(x.message)}</td></tr>`,
            )
            .join("\n")}</tbody></table>${list.length > LIMIT ? `<p>${esc(T.more(list.length - LIMIT))}</p>` : ""}`;
    sections.push({ id: "diagnostics", title: T.diagnostics, body });
  }

  // ── One section per unit ─────────────────────────────────────────────────
  {
    const parts = new Map(fw.parts.map((p) => [p.id, p.title]));
    const adjustments = new Map(fw.adjustments.map((a) => [a.id, a]));
    const planner = plannerOf(json, fw, input.units);
    const bodies = readingOrder(units, within !== undefined ? input.units : undefined).map((u) =>
      unitSection(u, {
        fw,
        T,
        lang,
        locale,
        of: units.length,
        fixed,
        plain,
        gradeBadge,
        parts,
        adjustments,
        live: input.units?.get(u.unit),
        plan: planner(u.unit),
      }),
    );
    sections.push({
      id: "units",
      title: T.units,
      body: `${input.units === undefined ? `<p class="note">${esc(T.noExplanation)}</p>` : ""}${bodies.join("\n")}`,
    });
  }

  // ── Manifest ─────────────────────────────────────────────────────────────
  if (input.manifest) {
    const m = input.manifest;
    const rows: [string, string][] = [
      [T.engine, esc(m.engine)],
      [T.framework, `${esc(m.framework.id)}${m.framework.file ? ` — <span class="code">${esc(m.framework.file)}</span>` : ""}${m.framework.sha256 ? `<br><span class="hash">${esc(m.framework.sha256)}</span>` : ""}`],
    ];
    const inputs = m.inputs
      .map((f) => `<tr><td class="code">${esc(f.file)}</td><td class="hash">${esc(f.sha256 ?? "")}</td></tr>`)
      .join("");
    sections.push({
      id: "manifest",
      title: T.manifest,
      body: `<table class="facts">${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join("")}</table>
${m.inputs.length ? `<table class="data"><thead><tr><th>${esc(T.inputs)}</th><th>${esc(T.sha256)}</th></tr></thead><tbody>${inputs}</tbody></table>` : ""}
<p class="note">${esc(T.charts)}</p>`,
    });
  }

  const toc = sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join("");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="par-index">
<title>${esc(T.title(title))}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(T.title(title))}</h1>
<nav class="toc" aria-label="${esc(T.contents)}"><ol>${toc}</ol></nav>
</header>
<main>
${sections.map((s) => `<section id="${s.id}"><h2>${esc(s.title)}</h2>\n${s.body}\n</section>`).join("\n")}
</main>
</body>
</html>
`;
}

/** Units in reading order: by rank (JSON order); with ranking groups, each group's units together (in order of its first unit). */
function readingOrder(units: readonly UnitJson[], live: ReadonlyMap<string, UnitResult> | undefined): UnitJson[] {
  if (live === undefined) return [...units];
  const groups = new Map<string, UnitJson[]>();
  for (const u of units) {
    const key = live.get(u.unit)?.rankGroup ?? "";
    const list = groups.get(key);
    if (list) list.push(u);
    else groups.set(key, [u]);
  }
  return [...groups.values()].flat();
}

function groupOf(u: UnitJson, live: ReadonlyMap<string, UnitResult> | undefined): string {
  return live?.get(u.unit)?.rankGroup ?? "";
}

interface UnitContext {
  readonly fw: CompiledFramework;
  readonly T: (typeof S)["en"];
  readonly lang: Lang;
  readonly locale: Locale;
  readonly of: number;
  readonly fixed: (n: number | Decimal | undefined) => string;
  readonly plain: (n: number | Decimal) => string;
  readonly gradeBadge: (g: string | null | undefined) => string;
  readonly parts: ReadonlyMap<string, string>;
  readonly adjustments: ReadonlyMap<string, { readonly title?: string; readonly kind: string }>;
  readonly live: UnitResult | undefined;
  readonly plan: PlanJson | undefined;
}

/** How many of the planner's options a unit section lists. */
const OPTIONS_SHOWN = 5;

/**
 * The planner over the report's results, read once (exact decimals of the published
 * values, the framework's tree, cap and grades); ranking groups from the live
 * results when known. Returns a unit's plan toward the next rank up.
 */
function plannerOf(json: ScoreResultJson, fw: CompiledFramework, live: ReadonlyMap<string, UnitResult> | undefined): (unit: string) => PlanJson | undefined {
  const read = readPublished(json);
  if (read.published === undefined) return () => undefined;
  const published: Published = {
    ...read.published,
    framework: { ...read.published.framework, rounding: fw.rounding },
    units: read.published.units.map((u) => {
      const g = live?.get(u.unit)?.rankGroup;
      return g === undefined ? u : { ...u, group: g };
    }),
  };
  const plan = planner(published, structureOf(fw), planRules(fw));
  return (unit) => {
    const outcome = plan(unit);
    return outcome.ok ? outcome.plan : undefined;
  };
}

function unitSection(u: UnitJson, c: UnitContext): string {
  const { T, fw, fixed, plain } = c;
  const facts = [T.unitFacts(u.rank, c.of, plain(u.points), plain(u.max), fixed(u.index))];
  if (u.grade) facts.push(T.gradeFact(u.grade));
  const head = `<h3>${esc(u.rank)}. ${esc(u.name)} <span class="code">(${esc(u.unit)})</span>${u.grade ? ` ${c.gradeBadge(u.grade)}` : ""}</h3>
<p class="facts-line">${esc(facts.join(" · "))}${u.complete ? "" : ` · <span class="flag">${esc(T.incomplete)}</span>`}</p>`;

  const partIds = Object.keys(u.parts);
  const partsHtml =
    partIds.length > 1
      ? `<p class="parts"><b>${esc(T.parts)}:</b> ${partIds
          .map((id) => {
            const p = u.parts[id]!;
            return `${esc(c.parts.get(id) ?? id)} ${plain(p.points)}/${plain(p.max)}${p.index !== undefined ? ` (${fixed(p.index)}%)` : ""}`;
          })
          .join("; ")}</p>`
      : "";
  const adjustmentsHtml =
    u.adjustments.length > 0
      ? `<p class="parts"><b>${esc(T.adjustments)}:</b> ${u.adjustments
          .map((a) => `${esc(a.id)} ${esc(c.adjustments.get(a.id)?.title ?? "")} ${a.points > 0 ? "+" : ""}${plain(a.points)}`)
          .join("; ")}</p>`
      : "";

  const rows = fw.nodes.map((node) => criterionRow(node, u.criteria[node.index], c));
  const table = `<table class="data tree"><thead><tr><th>${esc(T.code)}</th><th>${esc(T.criterion)}</th><th class="num">${esc(T.points)}</th><th class="num">${esc(T.max)}</th><th class="num">${esc(T.selfShort)}</th><th>${esc(T.explanation)}</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;

  const optionsHtml = planHtml(c.plan, c);
  return `<section class="unit" id="${esc(unitAnchor(u.unit))}">
${head}
${partsHtml}${adjustmentsHtml}
${table}
${optionsHtml}
<p class="back"><a href="#ranking">${esc(T.backToRanking)}</a></p>
</section>`;
}

/** The planner's best options (by index gain) and its fewest criteria to the next rank up. */
function planHtml(p: PlanJson | undefined, c: UnitContext): string {
  const { T, fixed, plain } = c;
  if (p === undefined) return "";
  const head = `<h4>${esc(T.options)}</h4>`;
  if (p.options.length === 0) return `${head}<p>${esc(T.noOptions)}</p>`;
  const titles = new Map(c.fw.nodes.map((n) => [n.id, n.title]));
  const best = [...p.options].sort((a, b) => D(b.index_gain).cmp(D(a.index_gain))).slice(0, OPTIONS_SHOWN);
  const list = `<p class="note">${esc(T.optionsNote)}</p><ul class="options">${best
    .map((o) => `<li>${esc(T.optionLine(o.id, o.title ?? titles.get(o.id) ?? "", plain(o.available), fixed(o.index_gain), fixed(o.index), o.rank, o.status === "missing"))}</li>`)
    .join("")}</ul>`;
  const target = T.planTarget(p.target.rank, fixed(p.target.index));
  const criteria = p.plan.criteria.map((id) => `${id} ${titles.get(id) ?? ""}`.trim()).join("; ");
  const planIndex = p.plan.index === null ? "" : fixed(p.plan.index);
  let sentence: string;
  if (p.plan.criteria.length === 0) sentence = p.rank === 1 && p.target.rank === 1 ? T.planTop : T.planThere(target);
  else if (p.plan.reached) sentence = T.planLine(target, criteria, plain(p.plan.points), planIndex, p.plan.rank);
  else sentence = T.planNotReached(target, criteria, plain(p.plan.points), planIndex, p.plan.rank);
  return `${head}${list}<h4>${esc(T.planHead)}</h4><p class="plan">${esc(sentence)}</p>`;
}

function criterionRow(node: NodePlan, cr: CriterionJson | undefined, c: UnitContext): string {
  const { T, plain } = c;
  if (!cr) return "";
  const pad = `padding-left:${(node.depth * 0.9).toFixed(1)}em`;
  const cls = [node.kind === "group" ? "group" : "leaf", cr.status === "not_applicable" ? "na" : "", cr.status === "missing" ? "missing" : ""]
    .filter(Boolean)
    .join(" ");
  let explanation = "";
  if (cr.status === "not_applicable") explanation = esc(T.notApplicable);
  const live = c.live?.nodes[node.index];
  if (node.kind === "leaf" && live?.explanation) {
    const w = explanationWords(live.explanation, c.lang, c.locale);
    explanation = `<span class="rule">${esc(w.rule)}</span>${w.values.length ? `<br>${w.values.map(esc).join("<br>")}` : ""}<br>→ ${esc(w.branch)}`;
  } else if (cr.status === "missing") explanation = esc(T.missing);
  const self = cr.self !== undefined ? plain(cr.self) : "";
  return `<tr class="${cls}"><td class="id">${esc(node.id)}</td><td style="${pad}">${esc(node.title)}</td><td class="num">${cr.status === "not_applicable" ? "–" : plain(cr.points)}</td><td class="num">${cr.status === "not_applicable" ? "–" : plain(cr.max)}</td><td class="num${cr.self_diff !== undefined && cr.self_diff > 0 ? " over" : ""}">${self}</td><td class="why">${explanation}</td></tr>`;
}

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #1f2328; background: #fff; }
body { margin: 0 auto; max-width: 186mm; padding: 6mm 0 12mm; line-height: 1.35; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 2px solid #1f2328; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 6mm 0 1mm; break-after: avoid; }
h4 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
a { color: #0550ae; text-decoration: none; }
nav.toc ol { columns: 2; margin: 0; padding-left: 5mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.5mm; border-bottom: 1px solid #d0d7de; overflow-wrap: anywhere; }
thead th { background: #f6f8fa; border-bottom: 1.5px solid #8c959f; font-weight: 600; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.id { white-space: nowrap; }
table.facts th { width: 32%; font-weight: 600; background: none; }
table.tree { font-size: 8.5pt; }
table.tree td.id { white-space: nowrap; }
table.tree td.why { font-size: 8pt; color: #424a53; width: 38%; }
table.tree tr.group td { font-weight: 600; background: #f6f8fa; }
table.tree tr.na td { color: #8c959f; }
tr.incomplete td, tr.missing td { background: #fff8c5; }
td.over { color: #9a6700; font-weight: 600; }
td.up { color: #1a7f37; } td.down { color: #cf222e; }
.grade { display: inline-block; min-width: 1.6em; padding: 0 0.4em; border-radius: 3px; color: #fff; font-weight: 600; text-align: center; }
.flag { color: #9a6700; font-weight: 600; white-space: nowrap; }
.code, .hash { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.9em; color: #57606a; }
.hash { font-size: 7.5pt; overflow-wrap: anywhere; }
.note, .muted { color: #57606a; }
.note { font-size: 9pt; }
.rule { font-style: italic; }
figure.chart { margin: 2mm 0 3mm; break-inside: avoid; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 3mm; font-size: 9pt; }
dl.legend dt { font-weight: 600; } dl.legend dd { margin: 0; }
ul.options { margin: 0; padding-left: 5mm; }
p.back { font-size: 8.5pt; text-align: right; }
section.unit { border-top: 1px solid #d0d7de; }
@media print {
  nav.toc { break-after: page; }
  section.unit { break-before: page; border-top: none; }
  p.back { display: none; }
  tr { break-inside: avoid; }
  a { color: inherit; }
}
`;
