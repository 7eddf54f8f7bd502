import { compare, compareTables, parseCrosswalk, parseLineage, type Crosswalk, type Lineage } from "../../analysis/index.js";
import { hasErrors, type Diagnostic } from "../../diagnostics/index.js";
import { oneOf, parseCommandArgs } from "../args.js";
import { ANALYSIS_FORMATS, ANALYSIS_HELP, ANALYSIS_OPTIONS, emitAnalysis, requireXlsxOut, loadAnalysisInput, readResultsFile, readText } from "../analysis.js";
import { EXIT_ERRORS, EXIT_OK, usageError, langOf, type CliIo, type Help } from "../io.js";
import { printDiagnostics } from "../output.js";

export const compareHelp: Help = {
  en: `par-index compare --base A.json (--current B.json | --framework F.yaml --evidence E ...) [--crosswalk C.yaml] [--lineage L.csv]

Units, ranks and criteria of two years side by side, with deltas. Units pair by code,
or through a lineage file (from,to[,weight]: old units into new ones, e.g. the merger
of 1 July 2025): a new unit's base values are the weighted mean of its old units'.
base_rank is the rank of the base index among the current units, rank_change =
base_rank − rank (positive: moved up). Criteria pair by id, or through a crosswalk
(format: par-index/crosswalk-v1) when the frameworks differ.

  --base A.json        the base year's results (score --format json)
  --current B.json     the current year's results (or score it with the flags below)
  --crosswalk C.yaml   pairs the criteria of two frameworks
  --lineage L.csv      carries old units into new ones
${ANALYSIS_HELP.en.replace(/ {2}--results[^\n]*\n[^\n]*\n[^\n]*\n/, "")}`,
  vi: `par-index compare --base A.json (--current B.json | --framework F.yaml --evidence TỆP ...) [--crosswalk C.yaml] [--lineage L.csv]

Đặt cạnh nhau đơn vị, thứ hạng và tiêu chí của hai năm, kèm mức tăng/giảm. Đơn vị được
ghép theo mã, hoặc theo tệp nguồn gốc đơn vị (from,to[,weight]: đơn vị cũ hợp thành đơn
vị mới, ví dụ sắp xếp đơn vị hành chính ngày 1/7/2025): giá trị năm gốc của đơn vị mới là
bình quân có trọng số của các đơn vị cũ. base_rank là thứ hạng của chỉ số năm gốc giữa các
đơn vị hiện nay, rank_change = base_rank − rank (dương: tăng bậc). Tiêu chí được ghép theo
mã, hoặc theo tệp đối chiếu (format: par-index/crosswalk-v1) khi hai bộ tiêu chí khác nhau.

  --base A.json        kết quả của năm gốc (score --format json)
  --current B.json     kết quả năm hiện tại (hoặc chấm luôn bằng các tùy chọn dưới đây)
  --crosswalk C.yaml   đối chiếu tiêu chí giữa hai bộ tiêu chí
  --lineage L.csv      chuyển đơn vị cũ sang đơn vị mới
${ANALYSIS_HELP.vi.replace(/ {2}--results[^\n]*\n[^\n]*\n[^\n]*\n/, "")}`,
};

export async function compareCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...ANALYSIS_OPTIONS,
    base: { type: "string" },
    current: { type: "string" },
    crosswalk: { type: "string" },
    lineage: { type: "string" },
  });
  const format = oneOf(values.format, ANALYSIS_FORMATS, "--format", "json");
  requireXlsxOut(format, values.out);
  const lang = langOf(io);
  if (!values.base) throw usageError("usage-missing-option", { option: "--base", placeholder: "A.json" });
  if (values.results !== undefined) throw usageError("usage-compare-current", {});
  const diagnostics: Diagnostic[] = [];
  const base = readResultsFile(values.base, io.cwd);
  diagnostics.push(...base.diagnostics);
  const current =
    values.current !== undefined
      ? await loadAnalysisInput({ results: values.current, units: values.units, framework: values.framework }, io)
      : await loadAnalysisInput(values, io);
  if (base.published === undefined || current === undefined) {
    printDiagnostics(io, diagnostics);
    return EXIT_ERRORS;
  }
  diagnostics.push(...current.diagnostics);
  let crosswalk: Crosswalk | undefined;
  if (values.crosswalk !== undefined) {
    const read = readText(values.crosswalk, io.cwd);
    diagnostics.push(...read.diagnostics);
    if (read.text !== undefined) {
      const ids = (p: typeof base.published) => ({ framework: p!.framework.id, ids: new Set(p!.nodeIds) });
      const parsed = parseCrosswalk(read.text, values.crosswalk, { base: ids(base.published), current: ids(current.published) });
      diagnostics.push(...parsed.diagnostics);
      crosswalk = parsed.crosswalk;
    }
  }
  let lineage: Lineage | undefined;
  if (values.lineage !== undefined) {
    const read = readText(values.lineage, io.cwd);
    diagnostics.push(...read.diagnostics);
    if (read.text !== undefined) {
      const parsed = parseLineage(read.text, values.lineage);
      diagnostics.push(...parsed.diagnostics);
      lineage = parsed.lineage;
    }
  }
  // Problems in the base, crosswalk or lineage files stop the comparison; evidence problems of the current year do not.
  if (hasErrors(diagnostics.filter((d) => !current.diagnostics.includes(d)))) {
    printDiagnostics(io, diagnostics);
    return EXIT_ERRORS;
  }
  const made = compare(base.published, current.published, { ...(crosswalk !== undefined && { crosswalk }), ...(lineage !== undefined && { lineage }) });
  diagnostics.push(...made.diagnostics);
  printDiagnostics(io, diagnostics);
  if (made.compare === undefined) return EXIT_ERRORS;
  const c = made.compare;
  await emitAnalysis(io, format, c, (style) => compareTables(c, current.published.framework.rounding.decimals, style), values.out, undefined, { lang, locale: values.locale });
  return hasErrors(diagnostics) ? EXIT_ERRORS : EXIT_OK;
}
