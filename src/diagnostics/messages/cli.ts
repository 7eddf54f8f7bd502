import { defineMessages } from "../define.js";
import { viPhrase } from "../vi.js";

/** A list param as text (`a, b`); a single text as it is. */
function list(value: unknown, sep = ", "): string {
  return Array.isArray(value) ? value.join(sep) : String(value);
}

/** Placeholders of the help texts, in Vietnamese. */
const VI_PLACEHOLDER: Readonly<Record<string, string>> = { FILE: "TỆP", CODE: "MÃ", LOG: "NHẬT_KÝ", WHO: "NGƯỜI_SỬA", TEXT: "LÝ_DO", ID: "MÃ_TIÊU_CHÍ" };

/** ` Did you mean X?` / ` Có phải là X?`, or nothing. */
const hintEn = (s: string | undefined): string => (s ? ` Did you mean ${s}?` : "");
const hintVi = (s: string | undefined): string => (s ? ` Có phải là ${s}?` : "");

/**
 * Messages of the cli phase: usage errors (exit 2). They are data like every diagnostic
 * (a stable code and its params), worded per `--lang`; the CLI prints one line, then
 * where the options are listed. Each message quotes the offending text and ends with a fix.
 */
export const cliMessages = defineMessages({
  "usage-unknown-command": {
    severity: "error",
    message: (p: { command: string; suggestion?: string; values: readonly string[] }) =>
      `unknown command "${p.command}".${hintEn(p.suggestion && `"${p.suggestion}"`)} Give one of: ${list(p.values)}.`,
    vi: (p: { command: string; suggestion?: string; values: readonly string[] }) =>
      `không có lệnh "${p.command}".${hintVi(p.suggestion && `"${p.suggestion}"`)} Dùng một trong các lệnh: ${list(p.values)}.`,
  },
  "usage-unknown-option": {
    severity: "error",
    message: (p: { option: string; suggestion?: string }) => `unknown option ${p.option}.${hintEn(p.suggestion)} Remove it or correct its spelling.`,
    vi: (p: { option: string; suggestion?: string }) => `không có tùy chọn ${p.option}.${hintVi(p.suggestion)} Bỏ tùy chọn này hoặc sửa lại cho đúng.`,
  },
  "usage-missing-value": {
    severity: "error",
    message: (p: { option: string }) => `${p.option} needs a value: give it right after the option, e.g. ${p.option} VALUE.`,
    vi: (p: { option: string }) => `tùy chọn ${p.option} thiếu giá trị: ghi giá trị ngay sau tùy chọn, ví dụ ${p.option} GIÁ_TRỊ.`,
  },
  "usage-no-value-expected": {
    severity: "error",
    message: (p: { option: string }) => `${p.option} takes no value: write ${p.option} alone.`,
    vi: (p: { option: string }) => `tùy chọn ${p.option} không nhận giá trị: chỉ ghi ${p.option}.`,
  },
  "usage-unexpected-argument": {
    severity: "error",
    message: (p: { argument: string }) => `unexpected argument "${p.argument}": this command takes only options. Give it after the option it belongs to (e.g. --evidence ${p.argument}).`,
    vi: (p: { argument: string }) => `tham số "${p.argument}" không thuộc tùy chọn nào: lệnh này chỉ nhận các tùy chọn. Ghi nó sau tùy chọn tương ứng (ví dụ --evidence ${p.argument}).`,
  },
  "usage-bad-arguments": {
    severity: "error",
    message: (p: { detail: string }) => `the arguments cannot be read (${p.detail}). Correct them as the help shows.`,
    vi: (p: { detail: string }) => `không đọc được các tham số dòng lệnh (${p.detail}). Sửa lại theo hướng dẫn sử dụng.`,
  },
  "usage-missing-option": {
    severity: "error",
    message: (p: { option: string; placeholder: string }) => `missing ${p.option}: give it as ${p.option} ${p.placeholder}.`,
    vi: (p: { option: string; placeholder: string }) => `thiếu tùy chọn ${p.option}: ghi ${p.option} ${VI_PLACEHOLDER[p.placeholder] ?? p.placeholder}.`,
  },
  "usage-bad-choice": {
    severity: "error",
    message: (p: { option: string; value: string; allowed: readonly string[] }) => `${p.option} must be one of ${list(p.allowed)}, not "${p.value}".`,
    vi: (p: { option: string; value: string; allowed: readonly string[] }) => `giá trị "${p.value}" của ${p.option} không hợp lệ: chọn một trong ${list(p.allowed)}.`,
  },
  "usage-option-needs": {
    severity: "error",
    message: (p: { option: string; values: readonly string[] }) => `${p.option} needs ${list(p.values, " or ")}: add it.`,
    vi: (p: { option: string; values: readonly string[] }) => `${p.option} cần có kèm ${list(p.values, " hoặc ")}: bổ sung tùy chọn đó.`,
  },
  "usage-compact-json-only": {
    severity: "error",
    message: (p: { format: string }) => `--compact applies to --format json only, not ${p.format}. Leave out --compact.`,
    vi: (p: { format: string }) => `--compact chỉ dùng với --format json, không dùng với ${p.format}. Bỏ --compact.`,
  },
  "usage-xlsx-needs-out": {
    severity: "error",
    message: (p: { option: string }) => `${p.option} xlsx needs --out FILE.xlsx (a workbook is not printed).`,
    vi: (p: { option: string }) => `${p.option} xlsx cần có --out TỆP.xlsx (bảng tính không in ra màn hình được).`,
  },
  "usage-no-evidence": {
    severity: "error",
    message: () => "no evidence given: give --evidence FILE and/or --points FILE (or --survey with --responses).",
    vi: () => "chưa có tệp số liệu: ghi --evidence TỆP và/hoặc --points TỆP (hoặc --survey kèm --responses).",
  },
  "usage-no-files": {
    severity: "error",
    message: () => "no file given: par-index validate FILE... (a framework, a survey or a crosswalk).",
    vi: () => "chưa ghi tệp nào: par-index validate TỆP... (bộ tiêu chí, phiếu khảo sát hoặc tệp đối chiếu).",
  },
  "usage-out-folder-missing": {
    severity: "error",
    message: (p: { out: string; dir: string }) => `cannot write --out ${p.out}: the folder ${p.dir} does not exist. Create it first (mkdir -p ${p.dir}) or choose another --out.`,
    vi: (p: { out: string; dir: string }) => `không ghi được --out ${p.out}: thư mục ${p.dir} không tồn tại. Tạo thư mục trước (mkdir -p ${p.dir}) hoặc chọn --out khác.`,
  },
  "usage-out-not-folder": {
    severity: "error",
    message: (p: { out: string; dir: string }) => `cannot write --out ${p.out}: ${p.dir} is not a folder. Choose another --out.`,
    vi: (p: { out: string; dir: string }) => `không ghi được --out ${p.out}: ${p.dir} không phải là thư mục. Chọn --out khác.`,
  },
  "usage-out-is-folder": {
    severity: "error",
    message: (p: { out: string; example: string }) => `cannot write --out ${p.out}: it is a folder. Give a file name, e.g. --out ${p.example}.`,
    vi: (p: { out: string; example: string }) => `không ghi được --out ${p.out}: đây là một thư mục. Ghi tên tệp, ví dụ --out ${p.example}.`,
  },
  "usage-out-denied": {
    severity: "error",
    message: (p: { out: string }) => `cannot write --out ${p.out}: permission denied. Choose another --out.`,
    vi: (p: { out: string }) => `không ghi được --out ${p.out}: không có quyền ghi. Chọn --out khác.`,
  },
  "usage-out-unwritable": {
    severity: "error",
    message: (p: { out: string; detail: string }) => `cannot write --out ${p.out}: ${p.detail}. Choose another --out.`,
    vi: (p: { out: string; detail: string }) => `không ghi được --out ${p.out} (${p.detail}). Chọn --out khác.`,
  },
  "usage-bad-date": {
    severity: "error",
    message: (p: { option: string; value: string }) => `${p.option} must be a date such as 15/01/2025 or 2025-01-15, not "${p.value}".`,
    vi: (p: { option: string; value: string }) => `"${p.value}" của ${p.option} không phải là ngày: ghi ngày dạng 15/01/2025 hoặc 2025-01-15.`,
  },
  "usage-stdin-twice": {
    severity: "error",
    message: (p: { count: number }) => `"-" (standard input) is given ${p.count} times; it can be read only once. Save the other input to a file.`,
    vi: (p: { count: number }) => `"-" (đầu vào chuẩn) được ghi ${p.count} lần nhưng chỉ đọc được một lần. Lưu các đầu vào khác ra tệp.`,
  },
  "usage-stdin-unavailable": {
    severity: "error",
    message: () => `"-" (standard input) cannot be read here; give a file name.`,
    vi: () => `không đọc được "-" (đầu vào chuẩn) ở đây; ghi tên tệp.`,
  },
  "usage-results-and-scoring": {
    severity: "error",
    message: () => "give either --results R.json or the scoring flags (--evidence, --points, --survey), not both.",
    vi: () => "chỉ dùng một trong hai cách: --results R.json hoặc các tùy chọn chấm điểm (--evidence, --points, --survey), không dùng cả hai.",
  },
  "usage-framework-mismatch": {
    severity: "error",
    message: (p: { results: string; scored: string; framework: string }) =>
      `${p.results} was scored with framework "${p.scored}", not "${p.framework}". Give the framework it was scored with.`,
    vi: (p: { results: string; scored: string; framework: string }) =>
      `${p.results} được chấm theo bộ tiêu chí "${p.scored}", không phải "${p.framework}". Ghi đúng bộ tiêu chí đã dùng để chấm.`,
  },
  "usage-framework-not-bundled": {
    severity: "error",
    message: (p: { framework: string }) => `the results are of "${p.framework}", which is not bundled: give its file as --framework F.yaml.`,
    vi: (p: { framework: string }) => `kết quả được chấm theo bộ tiêu chí "${p.framework}", không có sẵn trong gói: ghi tệp của bộ tiêu chí bằng --framework F.yaml.`,
  },
  "usage-needs-registry": {
    severity: "error",
    message: (p: { within: string }) => `the framework ranks within "${p.within}": give the unit registry as --units U.csv.`,
    vi: (p: { within: string }) => `bộ tiêu chí xếp hạng theo nhóm "${p.within}": ghi danh mục đơn vị bằng --units U.csv.`,
  },
  "usage-unknown-unit": {
    severity: "error",
    message: (p: { unit: string; suggestion?: string }) =>
      `no unit "${p.unit}" in the results.${hintEn(p.suggestion && `"${p.suggestion}"`)} Give one of the codes in the registry or the evidence files.`,
    vi: (p: { unit: string; suggestion?: string }) =>
      `không có đơn vị "${p.unit}" trong kết quả.${hintVi(p.suggestion && `"${p.suggestion}"`)} Ghi một mã đơn vị có trong danh mục đơn vị hoặc tệp số liệu.`,
  },
  "usage-compare-current": {
    severity: "error",
    message: () => "compare takes --current B.json for the current results (not --results).",
    vi: () => "lệnh compare nhận kết quả năm hiện tại bằng --current B.json (không dùng --results).",
  },
  "usage-rollup-needs-units": {
    severity: "error",
    message: () => "missing --units: the roll-up reads the groups from the unit registry (--units U.csv).",
    vi: () => "thiếu --units: tổng hợp theo nhóm lấy nhóm từ danh mục đơn vị (--units U.csv).",
  },
  "usage-rollup-no-attribute": {
    severity: "error",
    message: (p: { by: string; values: readonly string[] }) => `no unit of the registry has a value in "${p.by}"; group by one of: ${list(p.values)}.`,
    vi: (p: { by: string; values: readonly string[] }) => `không đơn vị nào trong danh mục có giá trị ở cột "${p.by}"; chọn một trong các cột: ${list(p.values)}.`,
  },
  "usage-file-unreadable": {
    severity: "error",
    message: (p: { file: string; detail: string }) => `cannot read ${p.file} (${p.detail}). Check the file name.`,
    vi: (p: { file: string; detail: string }) => `không đọc được tệp ${p.file} (${p.detail}). Kiểm tra lại tên tệp.`,
  },
  "usage-file-missing": {
    severity: "error",
    message: (p: { file: string }) => `the file ${p.file} does not exist. Check the file name (relative to the current folder).`,
    vi: (p: { file: string }) => `không có tệp ${p.file}. Kiểm tra lại tên tệp (tính từ thư mục hiện tại).`,
  },
  "usage-points-value": {
    severity: "error",
    message: (p: { option: string; value: string }) => `${p.option} must be a number of points (1.5 or 1,5) or "none", not "${p.value}".`,
    vi: (p: { option: string; value: string }) => `"${p.value}" của ${p.option} không phải là số điểm: ghi số điểm (1,5 hoặc 1.5) hoặc "none".`,
  },
  "usage-appraisal-event": {
    severity: "error",
    message: (p: { detail: string }) => `the appraisal event cannot be written (${p.detail}). Correct the options named.`,
    vi: (p: { detail: string }) => `không ghi được sự kiện thẩm định (${p.detail}). Sửa các tùy chọn tương ứng.`,
  },
  "usage-results-unreadable": {
    severity: "error",
    message: (p: { option: string; file: string; detail: string }) => `${p.option} ${p.file}: cannot read it as JSON (${p.detail}). Give the output of "par-index score --format json".`,
    vi: (p: { option: string; file: string; detail: string }) => `${p.option} ${p.file}: không đọc được dưới dạng JSON (${p.detail}). Ghi tệp kết quả của "par-index score --format json".`,
  },
  "usage-not-results": {
    severity: "error",
    message: (p: { option: string; file: string }) =>
      `${p.option} ${p.file}: not a Results JSON (it needs "framework" and "units" with their "criteria"). Give the output of "par-index score --format json".`,
    vi: (p: { option: string; file: string }) =>
      `${p.option} ${p.file}: không phải tệp kết quả chấm điểm (cần có "framework" và "units" kèm "criteria"). Ghi tệp kết quả của "par-index score --format json".`,
  },
  "usage-set-syntax": {
    severity: "error",
    message: (p: { value: string }) => `--set takes NAME=VALUE, e.g. --set dossiers_on_time=120, not "${p.value}".`,
    vi: (p: { value: string }) => `"${p.value}" không đúng dạng của --set: ghi TÊN=GIÁ_TRỊ, ví dụ --set dossiers_on_time=120.`,
  },
  "usage-set-bad-value": {
    severity: "error",
    message: (p: { name: string; value: string; type: string }) => `--set ${p.name}: "${p.value}" is not a valid ${p.type} value; write it as in the evidence files.`,
    vi: (p: { name: string; value: string; type: string }) => `--set ${p.name}: "${p.value}" không phải giá trị kiểu ${viPhrase(p.type)} hợp lệ; ghi như trong tệp số liệu.`,
  },
  "usage-set-not-points": {
    severity: "error",
    message: (p: { name: string; value: string }) => `--set ${p.name}: "${p.value}" is not a number of points. Write the points, e.g. --set ${p.name}=1.5.`,
    vi: (p: { name: string; value: string }) => `--set ${p.name}: "${p.value}" không phải là số điểm. Ghi số điểm, ví dụ --set ${p.name}=1,5.`,
  },
  "usage-set-unknown": {
    severity: "error",
    message: (p: { name: string; framework: string; suggestion?: string }) =>
      `--set: "${p.name}" is neither an input nor a manual criterion of ${p.framework}.${hintEn(p.suggestion && `"${p.suggestion}"`)}`,
    vi: (p: { name: string; framework: string; suggestion?: string }) =>
      `--set: "${p.name}" không phải số liệu hay tiêu chí chấm thủ công của ${p.framework}.${hintVi(p.suggestion && `"${p.suggestion}"`)} Ghi đúng tên số liệu hoặc mã tiêu chí.`,
  },
  "usage-one-target": {
    severity: "error",
    message: () => "give one target: --target-rank, --target-grade or --target-index.",
    vi: () => "chỉ ghi một mục tiêu: --target-rank, --target-grade hoặc --target-index.",
  },
  "usage-whole-number": {
    severity: "error",
    message: (p: { option: string; value: string }) => `${p.option} must be a whole number from 1, not "${p.value}".`,
    vi: (p: { option: string; value: string }) => `"${p.value}" của ${p.option} không hợp lệ: ghi một số nguyên từ 1 trở lên.`,
  },
  "usage-number": {
    severity: "error",
    message: (p: { option: string; value: string }) => `${p.option} must be a number such as 90 or 85.5, not "${p.value}".`,
    vi: (p: { option: string; value: string }) => `"${p.value}" của ${p.option} không phải là số: ghi số như 90 hoặc 85,5.`,
  },
  "usage-set-with-results": {
    severity: "error",
    message: () => "--set re-scores the unit: give the scoring flags (--framework, --evidence ...) instead of --results.",
    vi: () => "--set cần chấm lại đơn vị: ghi các tùy chọn chấm điểm (--framework, --evidence ...) thay cho --results.",
  },
  "usage-no-grades": {
    severity: "error",
    message: (p: { framework: string }) => `${p.framework} has no grades; use --target-rank or --target-index.`,
    vi: (p: { framework: string }) => `bộ tiêu chí ${p.framework} không có xếp loại; dùng --target-rank hoặc --target-index.`,
  },
  "usage-other": {
    severity: "error",
    message: (p: { detail: string }) => p.detail,
    vi: (p: { detail: string }) => p.detail,
  },
});
