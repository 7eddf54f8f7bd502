import { attributeOf, rollup, rollupEvidence, rollupTables } from "../../analysis/index.js";
import { hasErrors } from "../../diagnostics/index.js";
import { oneOf, parseCommandArgs } from "../args.js";
import { ANALYSIS_HELP, ANALYSIS_OPTIONS, emitAnalysis, requireXlsxOut, loadAnalysisInput } from "../analysis.js";
import { EXIT_ERRORS, EXIT_OK, usageError, langOf, type CliIo, type Help } from "../io.js";
import { emit, printDiagnostics } from "../output.js";

export const rollupHelp: Help = {
  en: `par-index rollup (--results R.json --units U.csv | --framework F.yaml --units U.csv --evidence E ...) --by ATTR [--weight ATTR]

Groups units by a registry attribute (parent, type, or any other column): per group
the number of units and of complete ones, the mean index (weighted by the numeric
column --weight when given), median, lowest and highest, grade counts and each
field's mean; groups ranked by mean.
--format evidence --input NAME writes long-form CSV unit,input,value with each
group's mean as input NAME of the group's code: evidence for a parent framework.

${ANALYSIS_HELP.en}
  --by ATTR            the registry column to group by (required)
  --weight ATTR        a numeric registry column (e.g. population) weighting the means
  --input NAME         with --format evidence: the parent framework's input name`,
  vi: `par-index rollup (--results R.json --units U.csv | --framework F.yaml --units U.csv --evidence TỆP ...) --by CỘT [--weight CỘT]

Tổng hợp các đơn vị theo một cột của danh mục đơn vị (parent, type hoặc cột bất kỳ):
với mỗi nhóm, số đơn vị và số đơn vị đủ số liệu, chỉ số bình quân (có trọng số theo
cột số --weight nếu có), trung vị, thấp nhất và cao nhất, số đơn vị theo xếp loại và
bình quân từng lĩnh vực; các nhóm được xếp theo chỉ số bình quân.
--format evidence --input TÊN ghi CSV dạng dọc unit,input,value, trong đó chỉ số bình quân
của mỗi nhóm là số liệu TÊN của mã nhóm: số liệu cho bộ tiêu chí cấp trên.

${ANALYSIS_HELP.vi}
  --by CỘT             cột của danh mục đơn vị dùng để phân nhóm (bắt buộc)
  --weight CỘT         cột số của danh mục (ví dụ dân số) làm trọng số bình quân
  --input TÊN          kèm --format evidence: tên số liệu của bộ tiêu chí cấp trên`,
};

export async function rollupCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...ANALYSIS_OPTIONS, by: { type: "string" }, weight: { type: "string" }, input: { type: "string" } });
  const format = oneOf(values.format, ["json", "table", "csv", "md", "xlsx", "evidence"] as const, "--format", "json");
  requireXlsxOut(format, values.out);
  const lang = langOf(io);
  if (!values.by) throw usageError("usage-missing-option", { option: "--by", placeholder: "parent" });
  if (format === "evidence" && !values.input) throw usageError("usage-option-needs", { option: "--format evidence", values: ["--input NAME"] });
  if (!values.units) throw usageError("usage-rollup-needs-units", {});
  const input = await loadAnalysisInput(values, io);
  if (input === undefined) return EXIT_ERRORS;
  printDiagnostics(io, input.diagnostics);
  const registry = [...(input.registry ?? new Map()).values()];
  if (registry.length > 0 && !registry.some((u) => attributeOf(u, values.by!) !== undefined)) {
    const columns = ["parent", "type", ...new Set(registry.flatMap((u) => Object.keys(u.attributes)))];
    throw usageError("usage-rollup-no-attribute", { by: values.by, values: columns });
  }
  const made = rollup(input.published, input.structure, input.registry ?? new Map(), { by: values.by, ...(values.weight !== undefined && { weight: values.weight }) });
  printDiagnostics(io, made.diagnostics);
  if (made.rollup === undefined) return EXIT_ERRORS;
  const r = made.rollup;
  if (format === "evidence") {
    const ev = rollupEvidence(r, values.input!);
    printDiagnostics(io, ev.diagnostics);
    emit(io, ev.csv, values.out);
  } else await emitAnalysis(io, format, r, (style) => rollupTables(r, input.published.framework.rounding.decimals, style), values.out, undefined, { lang, locale: values.locale });
  return hasErrors(input.diagnostics) || hasErrors(made.diagnostics) ? EXIT_ERRORS : EXIT_OK;
}
