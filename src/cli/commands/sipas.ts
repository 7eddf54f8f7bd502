import { runSurveyFiles } from "../../node/survey.js";
import { surveyToCsv, surveyToMarkdown, surveyToTable } from "../../survey/index.js";
import { asArray, oneOf, parseCommandArgs, requireOption } from "../args.js";
import { localizeDiagnostics } from "../../diagnostics/index.js";
import { EXIT_ERRORS, EXIT_OK, usageError, langOf, type CliIo, type Help } from "../io.js";
import { emit, FORMATS, printDiagnostics, progressReporter } from "../output.js";
import { PROGRESS } from "../scoring.js";

export const sipasHelp: Help = {
  en: `par-index sipas --survey S.yaml --responses R.csv [--responses R2.csv ...] [--ratings K.csv ...] [--format json|table|csv|md] [--locale vi|en] [--out FILE]

Computes SIPAS satisfaction indices per unit and for all units: items (with 95%
Wilson intervals), elements, groups and overall, by the survey's declared
aggregation. Exit 1 when a file has errors (the JSON still lists them).

  --locale vi|en       numbers as written in Vietnam (decimal comma; CSV with ";" and a BOM) or
                       in English; without it, tables follow --lang and CSV is en`,
  vi: `par-index sipas --survey S.yaml --responses R.csv [--responses R2.csv ...] [--ratings K.csv ...] [--format json|table|csv|md] [--locale vi|en] [--out TỆP]

Tính Chỉ số hài lòng SIPAS của từng đơn vị và chung cho mọi đơn vị: từng câu hỏi (kèm
khoảng tin cậy Wilson 95%), từng yếu tố, từng nhóm và chỉ số chung, theo cách tổng hợp
khai báo trong phiếu khảo sát. Mã thoát 1 khi có tệp bị lỗi (JSON vẫn liệt kê các lỗi).

  --locale vi|en       số viết theo cách Việt Nam (dấu phẩy thập phân; CSV dùng ";" và BOM) hoặc
                       theo cách tiếng Anh; không có tùy chọn này, bảng theo --lang, CSV theo en`,
};

export async function sipasCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    survey: { type: "string" },
    responses: { type: "string", multiple: true },
    ratings: { type: "string", multiple: true },
    format: { type: "string" },
    out: { type: "string" },
    locale: { type: "string" },
  });
  const survey = requireOption(values.survey, "--survey", "S.yaml");
  const responses = asArray(values.responses);
  const ratings = asArray(values.ratings);
  if (responses.length === 0 && ratings.length === 0) throw usageError("usage-option-needs", { option: "--survey", values: ["--responses R.csv", "--ratings K.csv"] });
  const format = oneOf(values.format, FORMATS, "--format", "json");
  const progress = progressReporter(io);
  const run = await runSurveyFiles(survey, responses, ratings, {
    onProgress: (p) => progress(PROGRESS[langOf(io)].readingBytes(p.path, (p.bytesRead / 1048576).toFixed(1))),
  });
  progress.done();
  if (!run.result) {
    printDiagnostics(io, run.diagnostics);
    return EXIT_ERRORS;
  }
  if (format === "json") {
    const json = { ...run.result.toJSON(), diagnostics: localizeDiagnostics(run.result.diagnostics, langOf(io)) };
    emit(io, JSON.stringify(json, null, 2), values.out);
  }
  else {
    printDiagnostics(io, run.diagnostics);
    const locale = values.locale === undefined ? undefined : oneOf(values.locale, ["vi", "en"] as const, "--locale", "en");
    const style = { lang: langOf(io), ...(locale !== undefined && { locale }) };
    const text = format === "csv" ? surveyToCsv(run.result, style) : format === "md" ? surveyToMarkdown(run.result, style) : surveyToTable(run.result, style);
    emit(io, text, values.out);
  }
  return run.ok ? EXIT_OK : EXIT_ERRORS;
}
