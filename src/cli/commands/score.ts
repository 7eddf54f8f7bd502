import { scoreResultJsonPieces } from "../../engine/index.js";
import { hasErrors, localizeDiagnostics } from "../../diagnostics/index.js";
import { toCsv, toMarkdown, toTable } from "../../report/index.js";
import { oneOf, parseCommandArgs } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, langOf, usageError, type CliIo, type Help } from "../io.js";
import { emit, emitPieces, FORMATS, printDiagnostics } from "../output.js";
import { EVIDENCE_HELP, EVIDENCE_OPTIONS, loadAndScore } from "../scoring.js";
import { trustMembers } from "../manifest.js";
import { writeXlsxOut } from "../xlsx.js";
import { scoreWorkbook } from "../../report/score-workbook.js";

export const scoreHelp: Help = {
  en: `par-index score --framework F.yaml [--evidence E ...] [--points P ...] [--units U] [--format json|table|csv|md|xlsx] [--out FILE]

Scores every unit and prints the ranking. json is the contract's Results object
(diagnostics included); table, csv and md print diagnostics on stderr.
Exit 0 with no error diagnostic, 1 when the framework or the evidence has errors,
2 for usage errors.

${EVIDENCE_HELP.en}
  --format F           json (default), table (terminal), csv (one row per unit), md (Markdown),
                       xlsx (the results workbook: Xếp hạng, Chi tiết, Chẩn đoán; needs --out)
  --compact            json without indentation or line breaks (the same content, about a third smaller)
  --out FILE           write the result to FILE instead of stdout
  --stamp              put the time of the run in the JSON's manifest (without it, the same inputs give byte-identical results)`,
  vi: `par-index score --framework F.yaml [--evidence TỆP ...] [--points TỆP ...] [--units TỆP] [--format json|table|csv|md|xlsx] [--out TỆP]

Chấm điểm mọi đơn vị và in bảng xếp hạng. Dạng json là đối tượng Results theo hợp đồng
dữ liệu (kèm các vấn đề phát hiện được); table, csv và md in các vấn đề ra stderr.
Mã thoát 0 khi không có lỗi, 1 khi bộ tiêu chí hoặc số liệu có lỗi, 2 khi dùng sai lệnh.

${EVIDENCE_HELP.vi}
  --format F           json (mặc định), table (bảng trên màn hình), csv (mỗi đơn vị một dòng), md (Markdown),
                       xlsx (sổ kết quả: Xếp hạng, Chi tiết, Chẩn đoán; cần --out)
  --compact            json không thụt lề, không xuống dòng (cùng nội dung, nhỏ hơn khoảng một phần ba)
  --out TỆP            ghi kết quả ra TỆP thay vì in ra màn hình
  --stamp              ghi thời điểm chạy vào manifest của JSON (không có tùy chọn này, cùng đầu vào cho kết quả giống hệt từng byte)`,
};

export async function scoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...EVIDENCE_OPTIONS, format: { type: "string" }, out: { type: "string" }, stamp: { type: "boolean" }, compact: { type: "boolean" } });
  const format = oneOf(values.format, [...FORMATS, "xlsx"] as const, "--format", "json");
  if (values.compact === true && format !== "json") throw usageError("usage-compact-json-only", { format });
  if (format === "xlsx" && values.out === undefined) throw usageError("usage-xlsx-needs-out", { option: "--format" });
  // Scored without explanations; the evidence is let go before the output is written.
  const scored = await loadAndScore(values, io);
  if (!scored.ok) return EXIT_ERRORS;
  const { result, run: loaded } = scored;
  if (format === "json") {
    const worded = { ...result, diagnostics: localizeDiagnostics(result.diagnostics, langOf(io)) };
    const extra = await trustMembers(worded, loaded, values.stamp === true, langOf(io));
    // A reader that stops early (`| head`) ends the command with the status its result has.
    io.settle?.(hasErrors(result.diagnostics) ? EXIT_ERRORS : EXIT_OK);
    // Every digit kept (numbers a double cannot hold are written from their exact decimals), one unit at a time:
    // neither a giant string nor the whole Results object (trust figures too are computed per unit as written).
    await emitPieces(io, scoreResultJsonPieces(worded, { exactNumbers: true, extra, indent: values.compact === true ? 0 : 2 }), values.out);
  } else if (format === "xlsx") {
    printDiagnostics(io, result.diagnostics);
    const lang = langOf(io);
    const worded = { ...result, diagnostics: localizeDiagnostics(result.diagnostics, lang) };
    await writeXlsxOut(io, values.out as string, scoreWorkbook(worded, { lang }));
  } else {
    printDiagnostics(io, result.diagnostics);
    const lang = langOf(io);
    const locale = values.locale === "vi" || values.locale === "en" ? values.locale : undefined;
    const text =
      format === "csv"
        ? toCsv(result, result.framework, locale ? { locale } : {})
        : (format === "table" ? toTable : toMarkdown)(result, result.framework, { lang, ...(locale && { locale }) });
    emit(io, text, values.out);
  }
  return hasErrors(result.diagnostics) ? EXIT_ERRORS : EXIT_OK;
}
