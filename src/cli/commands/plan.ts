import { defineStrings } from "../../diagnostics/define.js";
import { dec, roundTo } from "../../core/decimal.js";
import { planRules, planTables, planUnit, publish, type PlanJson, type PlanTarget } from "../../analysis/index.js";
import { analysisTable, type AnalysisTable } from "../../analysis/tables.js";
import { didYouMean, hasErrors } from "../../diagnostics/index.js";
import { score } from "../../engine/index.js";
import { isLocale, parseValue, type EvidenceSet, type UnitEvidence } from "../../evidence/index.js";
import type { CompiledFramework } from "../../framework/ir.js";
import { asArray, oneOf, parseCommandArgs } from "../args.js";
import { ANALYSIS_FORMATS, ANALYSIS_HELP, ANALYSIS_OPTIONS, emitAnalysis, requireXlsxOut, loadAnalysisInput, type TableStyle } from "../analysis.js";
import { EXIT_ERRORS, EXIT_OK, usageError, langOf, type CliIo, type Help } from "../io.js";
import { printDiagnostics } from "../output.js";

export const planHelp: Help = {
  en: `par-index plan (--framework F.yaml --evidence E ... | --results R.json [--framework F.yaml]) --unit CODE [target] [--set NAME=VALUE ...]

For one unit: every criterion where it lost points, the index and rank it would have
with that criterion at full points (other units unchanged), and the fewest criteria
that reach the target: the next rank up by default, or
  --target-rank K      the index of the unit now ranked K
  --target-grade L     the threshold of grade L (e.g. A)
  --target-index X     the index X
What-if (needs the scoring flags, not --results):
  --set NAME=VALUE     re-score the unit with input NAME (or the appraised points of a
                       manual criterion NAME) set to VALUE; repeatable

${ANALYSIS_HELP.en}`,
  vi: `par-index plan (--framework F.yaml --evidence TỆP ... | --results R.json [--framework F.yaml]) --unit MÃ [mục tiêu] [--set TÊN=GIÁ_TRỊ ...]

Với một đơn vị: mọi tiêu chí đơn vị bị mất điểm, chỉ số và thứ hạng đơn vị sẽ có nếu
tiêu chí đó đạt điểm tối đa (các đơn vị khác giữ nguyên), và ít tiêu chí nhất cần cải
thiện để đạt mục tiêu: mặc định là lên một bậc xếp hạng, hoặc
  --target-rank K      đạt chỉ số của đơn vị đang xếp hạng K
  --target-grade L     đạt ngưỡng của xếp loại L (ví dụ A)
  --target-index X     đạt chỉ số X
Giả định (cần các tùy chọn chấm điểm, không dùng với --results):
  --set TÊN=GIÁ_TRỊ    chấm lại đơn vị với số liệu TÊN (hoặc điểm thẩm định của tiêu chí
                       do Hội đồng chấm có mã TÊN) bằng GIÁ_TRỊ; ghi được nhiều lần

${ANALYSIS_HELP.vi}`,
};

interface WhatIf {
  set: Record<string, string>;
  points: number;
  index: number | null;
  grade?: string | null;
  rank: number;
  complete: boolean;
  index_gain: number | null;
}

/** The unit's evidence with the `--set` edits applied; an unknown name or a bad value is a usage error. */
function applySets(framework: CompiledFramework, evidence: EvidenceSet, unit: string, sets: readonly string[], locale: string): EvidenceSet {
  const own = evidence.byUnit.get(unit);
  const inputs = new Map(own?.inputs ?? []);
  const points = new Map(own?.points ?? []);
  for (const s of sets) {
    const eq = s.indexOf("=");
    if (eq <= 0) throw usageError("usage-set-syntax", { value: s });
    const name = s.slice(0, eq).trim().normalize("NFC");
    const text = s.slice(eq + 1);
    const input = framework.inputByName.get(name);
    if (input !== undefined) {
      const v = parseValue(text, input, isLocale(locale) ? locale : "en");
      if (!v.ok) throw usageError("usage-set-bad-value", { name, value: text, type: input.type });
      inputs.set(name, { value: v.value });
      continue;
    }
    const node = framework.nodeById.get(name) ?? framework.adjustments.find((a) => a.id === name);
    const manual = node !== undefined && "rule" in node && node.rule.kind === "manual";
    if (manual && /^\d+([.,]\d+)?$/.test(text.trim())) {
      const prev = points.get(name);
      points.set(name, { ...prev, appraised: dec(text.trim().replace(",", ".")) });
      continue;
    }
    if (manual) throw usageError("usage-set-not-points", { name, value: text });
    const hint = didYouMean(name, [...framework.inputByName.keys(), ...framework.nodes.map((n) => n.id)]);
    throw usageError("usage-set-unknown", { name, framework: framework.id, ...(hint !== undefined && { suggestion: hint }) });
  }
  const byUnit = new Map(evidence.byUnit);
  const changed: UnitEvidence = { code: unit, inputs, points };
  byUnit.set(unit, changed);
  return { ...evidence, byUnit };
}

const WHAT_IF = defineStrings({
  en: { title: "What if", set: "Changed", points: "Points", index: "Index", grade: "Grade", rank: "Rank", gain: "Index gain" },
  vi: { title: "Nếu thay đổi số liệu", set: "Thay đổi", points: "Tổng điểm", index: "Chỉ số", grade: "Xếp loại", rank: "Xếp hạng", gain: "Chỉ số tăng" },
});

function whatIfTable(w: WhatIf, decimals: number, style: TableStyle): AnalysisTable {
  const s = WHAT_IF[style.lang];
  return analysisTable({
    id: "plan-what-if",
    title: s.title,
    decimals,
    locale: style.locale,
    columns: [
      ["set", s.set],
      ["points", s.points, "number"],
      ["index", s.index, "number"],
      ["grade", s.grade],
      ["rank", s.rank, "integer"],
      ["index_gain", s.gain, "number"],
    ],
    rows: [[Object.entries(w.set).map(([k, v]) => `${k}=${v}`).join(", "), w.points, w.index, w.grade ?? null, w.rank, w.index_gain]],
  });
}

export async function planCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...ANALYSIS_OPTIONS,
    unit: { type: "string" },
    "target-rank": { type: "string" },
    "target-grade": { type: "string" },
    "target-index": { type: "string" },
    set: { type: "string", multiple: true },
  });
  const format = oneOf(values.format, ANALYSIS_FORMATS, "--format", "json");
  requireXlsxOut(format, values.out);
  const lang = langOf(io);
  if (!values.unit) throw usageError("usage-missing-option", { option: "--unit", placeholder: "CODE" });
  const targets = [values["target-rank"], values["target-grade"], values["target-index"]].filter((t) => t !== undefined);
  if (targets.length > 1) throw usageError("usage-one-target", {});
  let target: PlanTarget = { kind: "next" };
  if (values["target-rank"] !== undefined) {
    const k = Number(values["target-rank"]);
    if (!Number.isInteger(k) || k < 1) throw usageError("usage-whole-number", { option: "--target-rank", value: values["target-rank"] });
    target = { kind: "rank", rank: k };
  } else if (values["target-grade"] !== undefined) target = { kind: "grade", grade: values["target-grade"].normalize("NFC") };
  else if (values["target-index"] !== undefined) {
    const t = values["target-index"].trim();
    if (!/^\d+([.,]\d+)?$/.test(t)) throw usageError("usage-number", { option: "--target-index", value: t });
    target = { kind: "index", index: dec(t.replace(",", ".")) };
  }
  const sets = asArray(values.set);
  if (sets.length > 0 && values.results !== undefined) throw usageError("usage-set-with-results", {});
  const input = await loadAnalysisInput(values, io, { framework: true });
  if (input === undefined) return EXIT_ERRORS;
  printDiagnostics(io, input.diagnostics);
  const framework = input.framework!;
  const outcome = planUnit(input.published, input.structure, planRules(framework), values.unit.normalize("NFC"), target);
  if (!outcome.ok) {
    if (outcome.reason === "unknown-unit") {
      const hint = didYouMean(values.unit, input.published.units.map((u) => u.unit));
      throw usageError("usage-unknown-unit", { unit: values.unit, ...(hint !== undefined && { suggestion: hint }) });
    }
    if (outcome.reason === "unknown-grade") {
      const labels = (framework.grades ?? []).map((g) => g.label);
      throw labels.length === 0
        ? usageError("usage-no-grades", { framework: framework.id })
        : usageError("usage-bad-choice", { option: "--target-grade", value: values["target-grade"] ?? "", allowed: labels });
    }
    throw usageError("usage-whole-number", { option: "--target-rank", value: values["target-rank"] ?? "" });
  }
  const plan: PlanJson & { what_if?: WhatIf } = outcome.plan;
  const rounding = input.published.framework.rounding;
  if (sets.length > 0 && input.evidence !== undefined) {
    const edited = applySets(framework, input.evidence, plan.unit, sets, values.locale ?? "en");
    const rescored = publish(score(framework, edited, { explain: false }));
    const u = rescored.units.find((x) => x.unit === plan.unit)!;
    const current = input.published.units.find((x) => x.unit === plan.unit)!;
    const toNum = (d: typeof u.points) => Number(roundTo(d, rounding).toString());
    plan.what_if = {
      set: Object.fromEntries(sets.map((s) => [s.slice(0, s.indexOf("=")).trim(), s.slice(s.indexOf("=") + 1)])),
      points: toNum(u.points),
      index: u.index === undefined ? null : toNum(u.index),
      ...(u.grade !== undefined && { grade: u.grade }),
      rank: u.rank,
      complete: u.complete,
      index_gain: u.index === undefined || current.index === undefined ? null : toNum(u.index.minus(current.index)),
    };
  }
  const decimals = rounding.decimals;
  await emitAnalysis(
    io,
    format,
    plan,
    (style) => {
      const t = planTables(plan, decimals, style);
      return plan.what_if ? [...t, whatIfTable(plan.what_if, decimals, style)] : t;
    },
    values.out,
    "plan-options",
    { lang, locale: values.locale },
  );
  return hasErrors(input.diagnostics) ? EXIT_ERRORS : EXIT_OK;
}
