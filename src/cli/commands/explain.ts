import { score } from "../../engine/index.js";
import { explainTextIn } from "../../report/explain-text.js";
import { didYouMean } from "../../diagnostics/index.js";
import { oneOf, parseCommandArgs, requireOption } from "../args.js";
import { formatValue } from "../../core/value.js";
import type { Lang } from "../../diagnostics/define.js";
import type { UnitResult } from "../../engine/result.js";
import type { Locale } from "../../evidence/locale.js";
import { explanationWords } from "../../report/explain-words.js";
import { EXIT_ERRORS, EXIT_OK, langOf, usageError, type CliIo, type Help } from "../io.js";
import { emit, printDiagnostics } from "../output.js";
import { EVIDENCE_HELP, EVIDENCE_OPTIONS, loadForScoring, reportFailedLoad } from "../scoring.js";

export const explainHelp: Help = {
  en: `par-index explain --framework F.yaml --evidence E ... --unit CODE [--format text|json] [--out FILE]

Prints one unit's tree: each leaf with the values it read, the rule and band
that applied, its points and the points it lost. Diagnostics of that unit go to
stderr; exit 1 when the unit has errors.

${EVIDENCE_HELP.en}
  --unit CODE          the unit to explain (required)
  --format text|json   text (default) or the unit's JSON with each leaf's explanation
                       (keys in English; "words" worded per --lang)
  --out FILE           write the explanation to FILE instead of stdout`,
  vi: `par-index explain --framework F.yaml --evidence TỆP ... --unit MÃ [--format text|json] [--out TỆP]

In cây tiêu chí của một đơn vị: với mỗi tiêu chí, số liệu đã đọc, quy tắc chấm và
mức áp dụng, số điểm đạt được và số điểm chưa đạt. Các vấn đề của đơn vị đó in ra
stderr; mã thoát 1 khi đơn vị có lỗi.

${EVIDENCE_HELP.vi}
  --unit MÃ            mã đơn vị cần giải trình (bắt buộc)
  --format text|json   văn bản (mặc định) hoặc JSON của đơn vị kèm giải trình từng tiêu chí
                       (khóa bằng tiếng Anh; phần "words" theo --lang)
  --out TỆP            ghi phần giải trình ra TỆP thay vì in ra màn hình`,
};

export async function explainCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...EVIDENCE_OPTIONS, unit: { type: "string" }, format: { type: "string" }, out: { type: "string" } });
  const code = requireOption(values.unit, "--unit", "CODE");
  const format = oneOf(values.format, ["text", "json"] as const, "--format", "text");
  const loaded = await loadForScoring(values, io);
  if (reportFailedLoad(loaded, io)) return EXIT_ERRORS;
  const result = score(loaded.framework, loaded.evidence, { explain: true });
  const unit = result.units.find((u) => u.unit === code);
  if (!unit) {
    const near = didYouMean(code, result.units.map((u) => u.unit));
    throw usageError("usage-unknown-unit", { unit: code, ...(near !== undefined && { suggestion: near }) });
  }
  const concerning = result.diagnostics.filter((d) => d.unit === code || d.unit === undefined);
  printDiagnostics(io, concerning);
  // Worded as the HTML report words it; numbers as --locale writes them (default: as the language does).
  const locale = values.locale === "vi" || values.locale === "en" ? values.locale : undefined;
  const lang = langOf(io);
  const text =
    format === "json"
      ? JSON.stringify(explainJson(unit, lang, locale ?? lang), null, 2)
      : explainTextIn(unit, loaded.framework, { lang, ...(locale && { locale }) });
  emit(io, text, values.out);
  return concerning.some((d) => d.severity === "error") ? EXIT_ERRORS : EXIT_OK;
}

/**
 * `explain --format json`: the unit's JSON (as in the Results) with, on each criterion that has
 * one, its explanation: the rule kind, the expression, the values read (as text, exact), the
 * branch in the engine's notation, and `words`, the same worded per `--lang` as the text and the
 * report word it. Keys never change with the language.
 */
function explainJson(unit: UnitResult, lang: Lang, locale: Locale): unknown {
  const json = unit.toJSON();
  const byId = new Map(unit.nodes.map((n) => [n.id, n]));
  return {
    ...json,
    criteria: json.criteria.map((c) => {
      const e = byId.get(c.id)?.explanation;
      if (e === undefined) return c;
      return {
        ...c,
        explanation: {
          rule: e.rule,
          ...(e.source !== undefined && { source: e.source }),
          values: e.values.map((v) => ({ name: v.name, value: typeof v.value === "string" ? v.value : formatValue(v.value), ...(v.via !== undefined && { via: v.via }) })),
          branch: e.branch,
          words: explanationWords(e, lang, locale),
        },
      };
    }),
  };
}
