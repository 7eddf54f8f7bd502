import { loadFrameworkFile } from "../../node/framework.js";
import { guideHtml, guideMarkdown, guideSheet } from "../../report/guide.js";
import { oneOf, parseCommandArgs, requireOption } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, langOf, usageError, type CliIo, type Help } from "../io.js";
import { emit, printDiagnostics } from "../output.js";
import { writeXlsxOut } from "../xlsx.js";

export const guideHelp: Help = {
  en: `par-index guide --framework F.yaml [--format md|html|xlsx] [--out FILE] [--lang vi|en]

The framework as the scoring guidance ("hướng dẫn chấm điểm"): STT | lĩnh vực,
tiêu chí | điểm tối đa | cách chấm | tài liệu kiểm chứng, every rule in plain words
(bands, ratio goalposts, deadlines in dd/mm/yyyy, choices, deductions, manual
scoring, applicability) and the maximum of every field.

  --framework F.yaml   the framework (required)
  --format F           md (default), html (one self-contained page), xlsx (needs --out)
  --out FILE           write to FILE instead of stdout
  --lang vi|en         language (default vi)`,
  vi: `par-index guide --framework F.yaml [--format md|html|xlsx] [--out TỆP] [--lang vi|en]

Bộ tiêu chí dưới dạng "hướng dẫn chấm điểm": STT | lĩnh vực, tiêu chí | điểm tối đa |
cách chấm | tài liệu kiểm chứng; mọi quy tắc được diễn đạt bằng lời (theo khoảng, tỷ
lệ, thời hạn dạng dd/mm/yyyy, lựa chọn, trừ điểm, Hội đồng chấm, điều kiện áp dụng)
và điểm tối đa của từng lĩnh vực.

  --framework F.yaml   bộ tiêu chí (bắt buộc)
  --format F           md (mặc định), html (một trang độc lập), xlsx (cần --out)
  --out TỆP            ghi ra TỆP thay vì in ra màn hình
  --lang vi|en         ngôn ngữ (mặc định vi)`,
};

export async function guideCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { framework: { type: "string" }, format: { type: "string" }, out: { type: "string" } });
  const frameworkPath = requireOption(values.framework, "--framework", "F.yaml");
  const format = oneOf(values.format, ["md", "html", "xlsx"] as const, "--format", "md");
  const lang = langOf(io);
  if (format === "xlsx" && values.out === undefined) throw usageError("usage-xlsx-needs-out", { option: "--format" });
  const loaded = loadFrameworkFile(frameworkPath);
  printDiagnostics(io, loaded.diagnostics);
  if (!loaded.ok) return EXIT_ERRORS;
  const fw = loaded.framework;
  if (format === "xlsx") await writeXlsxOut(io, values.out as string, { sheets: [guideSheet(fw, lang)] });
  else emit(io, format === "md" ? guideMarkdown(fw, lang) : guideHtml(fw, lang), values.out);
  return EXIT_OK;
}
