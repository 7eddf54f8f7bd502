import { hasErrors } from "../../diagnostics/index.js";
import { evidenceSchemaOf, isLocale } from "../../evidence/index.js";
import { loadEvidence } from "../../node/evidence.js";
import { loadFrameworkFile } from "../../node/framework.js";
import { templateWorkbook } from "../../report/template.js";
import { parseCommandArgs, requireOption } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, langOf, usageError, type CliIo, type Help } from "../io.js";
import { printDiagnostics } from "../output.js";
import { writeXlsxOut } from "../xlsx.js";

export const templateHelp: Help = {
  en: `par-index template --framework F.yaml [--units U] --out F.xlsx [--lang vi|en]

Writes the self-assessment workbook a Sở Nội vụ sends its units: "Hướng dẫn" (the
scoring guidance), "Tự chấm" (unit, criterion, title, max, scoring, self,
appraised, documents, note; self and appraised validated 0..max on the rule's
step) and "Số liệu" (unit, input, label, type, value, note; dropdowns for choices
and yes/no, date validation for dates). Filled in and given back unchanged in
shape, it scores: par-index score --framework F.yaml --units U --evidence F.xlsx

  --framework F.yaml   the framework (required)
  --units FILE         the unit registry (CSV, JSON or .xlsx): rows for every unit;
                       without it, one block of rows whose unit cells the unit fills in
  --locale vi|en       how numbers are written in the registry file (default en)
  --out F.xlsx         the workbook to write (required)
  --lang vi|en         language of the guidance and captions (default vi)`,
  vi: `par-index template --framework F.yaml [--units TỆP] --out F.xlsx [--lang vi|en]

Ghi sổ tự chấm điểm mà Sở Nội vụ gửi các đơn vị: trang "Hướng dẫn" (hướng dẫn chấm
điểm), trang "Tự chấm" (đơn vị, tiêu chí, nội dung, điểm tối đa, cách chấm, tự chấm,
thẩm định, tài liệu kiểm chứng, ghi chú; điểm tự chấm và thẩm định được kiểm tra trong
khoảng 0..điểm tối đa theo bước điểm của quy tắc) và trang "Số liệu" (đơn vị, số liệu,
tên, kiểu, giá trị, ghi chú; danh sách chọn cho lựa chọn và có/không, kiểm tra ngày
cho số liệu ngày). Điền xong và gửi lại, giữ nguyên cấu trúc, là chấm được:
par-index score --framework F.yaml --units U --evidence F.xlsx

  --framework F.yaml   bộ tiêu chí (bắt buộc)
  --units TỆP          danh mục đơn vị (CSV, JSON hoặc .xlsx): có dòng cho mọi đơn vị;
                       không có thì ghi một khối dòng để đơn vị tự điền ô mã đơn vị
  --locale vi|en       cách viết số trong tệp danh mục (mặc định en)
  --out F.xlsx         sổ tính cần ghi (bắt buộc)
  --lang vi|en         ngôn ngữ của hướng dẫn và tiêu đề (mặc định vi)`,
};

export async function templateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    framework: { type: "string" },
    units: { type: "string" },
    locale: { type: "string" },
    out: { type: "string" },
  });
  const frameworkPath = requireOption(values.framework, "--framework", "F.yaml");
  const out = requireOption(values.out, "--out");
  const lang = langOf(io);
  const locale = values.locale ?? "en";
  if (!isLocale(locale)) throw usageError("usage-bad-choice", { option: "--locale", value: locale, allowed: ["vi", "en"] });
  const loaded = loadFrameworkFile(frameworkPath);
  printDiagnostics(io, loaded.diagnostics);
  if (!loaded.ok) return EXIT_ERRORS;
  let units;
  if (values.units !== undefined) {
    const evidence = await loadEvidence({ units: values.units, locale }, evidenceSchemaOf(loaded.framework));
    printDiagnostics(io, evidence.diagnostics);
    if (hasErrors(evidence.diagnostics)) return EXIT_ERRORS;
    units = evidence.units;
  }
  await writeXlsxOut(io, out, templateWorkbook(loaded.framework, { lang, ...(units === undefined ? {} : { units }) }));
  return EXIT_OK;
}
