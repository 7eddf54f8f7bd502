import { score } from "../../engine/index.js";
import { explainTextIn } from "../../report/explain-text.js";
import { didYouMean } from "../../diagnostics/index.js";
import { parseCommandArgs, requireOption } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, langOf, usageError, type CliIo, type Help } from "../io.js";
import { emit, printDiagnostics } from "../output.js";
import { EVIDENCE_HELP, EVIDENCE_OPTIONS, loadForScoring, reportFailedLoad } from "../scoring.js";

export const explainHelp: Help = {
  en: `par-index explain --framework F.yaml --evidence E ... --unit CODE [--out FILE]

Prints one unit's tree: each leaf with the values it read, the rule and band
that applied, its points and the points it lost. Diagnostics of that unit go to
stderr; exit 1 when the unit has errors.

${EVIDENCE_HELP.en}
  --unit CODE          the unit to explain (required)
  --out FILE           write the explanation to FILE instead of stdout`,
  vi: `par-index explain --framework F.yaml --evidence TỆP ... --unit MÃ [--out TỆP]

In cây tiêu chí của một đơn vị: với mỗi tiêu chí, số liệu đã đọc, quy tắc chấm và
mức áp dụng, số điểm đạt được và số điểm chưa đạt. Các vấn đề của đơn vị đó in ra
stderr; mã thoát 1 khi đơn vị có lỗi.

${EVIDENCE_HELP.vi}
  --unit MÃ            mã đơn vị cần giải trình (bắt buộc)
  --out TỆP            ghi phần giải trình ra TỆP thay vì in ra màn hình`,
};

export async function explainCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...EVIDENCE_OPTIONS, unit: { type: "string" }, out: { type: "string" } });
  const code = requireOption(values.unit, "--unit", "CODE");
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
  emit(io, explainTextIn(unit, loaded.framework, { lang: langOf(io), ...(locale && { locale }) }), values.out);
  return concerning.some((d) => d.severity === "error") ? EXIT_ERRORS : EXIT_OK;
}
