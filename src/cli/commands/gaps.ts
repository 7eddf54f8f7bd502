import { gaps, gapsTables } from "../../analysis/index.js";
import { hasErrors } from "../../diagnostics/index.js";
import { oneOf, parseCommandArgs } from "../args.js";
import { ANALYSIS_FORMATS, ANALYSIS_HELP, ANALYSIS_OPTIONS, emitAnalysis, requireXlsxOut, loadAnalysisInput } from "../analysis.js";
import { EXIT_ERRORS, EXIT_OK, langOf, type CliIo, type Help } from "../io.js";
import { printDiagnostics } from "../output.js";

export const gapsHelp: Help = {
  en: `par-index gaps (--results R.json | --framework F.yaml --evidence E ...) [--level leaf|all]

Where the points were lost: per criterion across units, how many units, how many at
full points, the points lost in total and per unit, the share of all lost points and
the three units that lost most. --level all adds the parent criteria (not counted in
the total).

${ANALYSIS_HELP.en}
  --level leaf|all     leaves only (default), or parents too`,
  vi: `par-index gaps (--results R.json | --framework F.yaml --evidence TỆP ...) [--level leaf|all]

Điểm bị mất ở đâu: theo từng tiêu chí trên mọi đơn vị, số đơn vị, số đơn vị đạt điểm
tối đa, tổng số điểm chưa đạt và bình quân mỗi đơn vị, tỷ trọng trong tổng số điểm chưa
đạt và ba đơn vị mất nhiều điểm nhất. --level all thêm các tiêu chí cấp trên (không
cộng vào tổng).

${ANALYSIS_HELP.vi}
  --level leaf|all     chỉ tiêu chí cuối cùng (mặc định), hoặc cả tiêu chí cấp trên`,
};

export async function gapsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...ANALYSIS_OPTIONS, level: { type: "string" } });
  const format = oneOf(values.format, ANALYSIS_FORMATS, "--format", "json");
  requireXlsxOut(format, values.out);
  const level = oneOf(values.level, ["leaf", "all"] as const, "--level", "leaf");
  const lang = langOf(io);
  const input = await loadAnalysisInput(values, io);
  if (input === undefined) return EXIT_ERRORS;
  printDiagnostics(io, input.diagnostics);
  const report = gaps(input.published, input.structure, { level });
  const decimals = input.published.framework.rounding.decimals;
  await emitAnalysis(io, format, report, (style) => gapsTables(report, input.structure, decimals, style), values.out, undefined, { lang, locale: values.locale });
  return hasErrors(input.diagnostics) ? EXIT_ERRORS : EXIT_OK;
}
