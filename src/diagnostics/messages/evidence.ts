import { defineMessages } from "../define.js";
import { viHint, viPhrase } from "../vi.js";

const hint = (s: string | undefined): string => (s === undefined ? "" : ` Did you mean "${s}"?`);
const range = (min: string | undefined, max: string | undefined): string =>
  min !== undefined && max !== undefined
    ? `between ${min} and ${max}`
    : min !== undefined
      ? `at least ${min}`
      : `at most ${max ?? ""}`;
const viRange = (min: string | undefined, max: string | undefined): string =>
  min !== undefined && max !== undefined
    ? `từ ${min} đến ${max}`
    : min !== undefined
      ? `từ ${min} trở lên`
      : `không quá ${max ?? ""}`;

/** Kinds of non-regular files (from the file reader), in Vietnamese. */
const VI_KIND: Readonly<Record<string, string>> = {
  "a folder": "một thư mục",
  "a character device": "một thiết bị ký tự",
  "a block device": "một thiết bị khối",
  "a pipe (FIFO)": "một đường ống (FIFO)",
  "a socket": "một socket",
};

/** Messages of the evidence phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const evidenceMessages = defineMessages({
  "evidence-empty-file": {
    severity: "error",
    message: (p: { what: string }) =>
      `the file is empty (no header line). Export the ${p.what} with its header line, e.g. "unit,input,value".`,
    vi: (p: { what: string }) =>
      `tệp rỗng (không có dòng tiêu đề). Xuất lại ${viPhrase(p.what)} kèm dòng tiêu đề, ví dụ "unit,input,value".`,
  },
  "evidence-unreadable": {
    severity: "error",
    message: (p: { detail: string }) => `cannot read the file: ${p.detail}. Check the path and permissions.`,
    vi: (p: { detail: string }) => `không đọc được tệp: ${viPhrase(p.detail)}. Kiểm tra đường dẫn và quyền truy cập.`,
  },
  "evidence-not-a-file": {
    severity: "error",
    message: (p: { kind: string }) =>
      `this is ${p.kind}, not a regular file; it was not read. Save the evidence to a file and pass that file's path.`,
    vi: (p: { kind: string }) =>
      `đây là ${VI_KIND[p.kind] ?? p.kind}, không phải tệp thông thường nên không được đọc. Lưu số liệu vào một tệp và chỉ ra đường dẫn của tệp đó.`,
  },
  "evidence-file-too-large": {
    severity: "error",
    message: (p: { limit: number }) =>
      `the file is larger than ${p.limit} bytes, the most that is read; nothing in it was used. Split it into several files.`,
    vi: (p: { limit: number }) =>
      `tệp lớn hơn ${p.limit} byte, mức tối đa được đọc; không dữ liệu nào trong tệp được dùng. Chia thành nhiều tệp nhỏ hơn.`,
  },
  "evidence-encoding": {
    severity: "error",
    message: (p: { offset: number }) =>
      `the file is not valid UTF-8 (first bad byte at offset ${p.offset}; invalid characters were replaced). ` +
      `Save it as "CSV UTF-8" (Excel) rather than in a Windows code page such as CP1258.`,
    vi: (p: { offset: number }) =>
      `tệp không đúng mã UTF-8 (byte lỗi đầu tiên ở vị trí ${p.offset}; các ký tự lỗi đã bị thay thế). ` +
      `Lưu tệp dưới dạng "CSV UTF-8" (Excel) thay vì bảng mã Windows như CP1258.`,
  },
  "evidence-unknown-file-kind": {
    severity: "error",
    message: (p: { header: string }) =>
      `cannot tell what this file holds from its header "${p.header}". Start the header with "code,name,type,parent" (unit registry), ` +
      `"unit,input,value" (long inputs), "unit,criterion,self,appraised" (points table) or "unit,<input>,..." (wide inputs).`,
    vi: (p: { header: string }) =>
      `không xác định được loại tệp từ dòng tiêu đề "${p.header}". Dòng tiêu đề cần bắt đầu bằng "code,name,type,parent" (danh mục đơn vị), ` +
      `"unit,input,value" (số liệu dạng dọc), "unit,criterion,self,appraised" (bảng điểm) hoặc "unit,<số liệu>,..." (số liệu dạng ngang).`,
  },
  "evidence-wrong-file-kind": {
    severity: "error",
    message: (p: { kind: string; expected: string }) =>
      `this file is a ${p.kind} but a ${p.expected} was expected here. Pass it with the right option (--units, --points or --evidence).`,
    vi: (p: { kind: string; expected: string }) =>
      `tệp này là ${viPhrase(p.kind)} nhưng ở đây cần ${viPhrase(p.expected)}. Truyền tệp bằng đúng tùy chọn (--units, --points hoặc --evidence).`,
  },
  "evidence-unknown-header": {
    severity: "error",
    message: (p: { header: string; kind: string; suggestion?: string }) =>
      `unknown column "${p.header}" in a ${p.kind}; its cells are ignored.${hint(p.suggestion)} Rename or remove the column.`,
    vi: (p: { header: string; kind: string; suggestion?: string }) =>
      `cột "${p.header}" không có trong mẫu ${viPhrase(p.kind)}; các ô của cột bị bỏ qua.${viHint(p.suggestion)} Đổi tên hoặc xóa cột.`,
  },
  "evidence-missing-header": {
    severity: "error",
    message: (p: { header: string; kind: string }) =>
      `the ${p.kind} has no "${p.header}" column, so none of its rows can be read. Add the column to the header line.`,
    vi: (p: { header: string; kind: string }) =>
      `${viPhrase(p.kind)} thiếu cột "${p.header}", nên không đọc được dòng nào. Bổ sung cột vào dòng tiêu đề.`,
  },
  "evidence-duplicate-header": {
    severity: "error",
    message: (p: { header: string; firstColumn: number }) =>
      `the column "${p.header}" appears twice (first as column ${p.firstColumn}); this one is ignored. Keep one column per name.`,
    vi: (p: { header: string; firstColumn: number }) =>
      `cột "${p.header}" xuất hiện hai lần (lần đầu ở cột ${p.firstColumn}); cột này bị bỏ qua. Mỗi tên cột chỉ dùng một lần.`,
  },
  "evidence-csv-syntax": {
    severity: "error",
    message: (p: { detail: string }) =>
      `malformed CSV row: ${p.detail}. Quote the whole cell ("like, this") and double any quote inside it ("").`,
    vi: (p: { detail: string }) =>
      `dòng CSV sai cấu trúc: ${viPhrase(p.detail)}. Đặt cả ô trong dấu nháy kép ("như, thế này") và nhân đôi dấu nháy bên trong ("").`,
  },
  "evidence-line-too-long": {
    severity: "error",
    message: (p: { length: number; limit: number }) =>
      `this line is longer than ${p.limit} characters (at least ${p.length}); it was skipped up to the next line break. ` +
      `Check for a quote that is never closed, or split the line.`,
    vi: (p: { length: number; limit: number }) =>
      `dòng này dài hơn ${p.limit} ký tự (ít nhất ${p.length}); đã bỏ qua đến hết dòng. ` +
      `Kiểm tra dấu ngoặc kép chưa được đóng, hoặc tách dòng.`,
  },
  "evidence-cell-too-long": {
    severity: "error",
    message: (p: { length: number; limit: number }) =>
      `this cell holds ${p.length} characters, more than the ${p.limit} read; the row is not used. Shorten the cell (long notes belong in a document).`,
    vi: (p: { length: number; limit: number }) =>
      `ô này có ${p.length} ký tự, vượt mức ${p.limit} được đọc; dòng này không được dùng. Rút gọn nội dung ô (ghi chú dài nên để trong văn bản kèm theo).`,
  },
  "evidence-too-many-cells": {
    severity: "error",
    message: (p: { cells: number; expected: number; text: string }) =>
      `the row has ${p.cells} cells but the header has ${p.expected} (extra cell "${p.text}"). ` +
      `Quote cells that contain the delimiter, or remove the extra cells.`,
    vi: (p: { cells: number; expected: number; text: string }) =>
      `dòng có ${p.cells} ô nhưng dòng tiêu đề có ${p.expected} ô (ô thừa "${p.text}"). ` +
      `Đặt trong dấu nháy các ô có chứa dấu phân cách, hoặc xóa các ô thừa.`,
  },
  "evidence-too-few-cells": {
    severity: "error",
    message: (p: { cells: number; expected: number }) =>
      `the row has ${p.cells} cells but the header has ${p.expected}. Fill in the missing cells (leave them empty between delimiters if unknown).`,
    vi: (p: { cells: number; expected: number }) =>
      `dòng có ${p.cells} ô nhưng dòng tiêu đề có ${p.expected} ô. Bổ sung các ô còn thiếu (để trống giữa các dấu phân cách nếu chưa có số liệu).`,
  },
  "evidence-empty-cell": {
    severity: "error",
    message: (p: { column: string }) => `the "${p.column}" cell is empty but is required. Fill it in or delete the row.`,
    vi: (p: { column: string }) => `ô "${p.column}" bắt buộc nhưng đang để trống. Điền ô này hoặc xóa dòng.`,
  },
  "evidence-unknown-unit": {
    severity: "error",
    message: (p: { unit: string; suggestion?: string }) =>
      `unit "${p.unit}" is not in the unit registry.${hint(p.suggestion)} Correct the code or add the unit to the registry.`,
    vi: (p: { unit: string; suggestion?: string }) =>
      `đơn vị "${p.unit}" không có trong danh mục đơn vị.${viHint(p.suggestion)} Sửa mã đơn vị hoặc bổ sung đơn vị vào danh mục.`,
  },
  "evidence-unknown-input": {
    severity: "error",
    message: (p: { input: string; suggestion?: string }) =>
      `"${p.input}" is not an input of the framework.${hint(p.suggestion)} Use one of the names under "inputs:" in the framework.`,
    vi: (p: { input: string; suggestion?: string }) =>
      `"${p.input}" không phải là số liệu đầu vào của bộ tiêu chí.${viHint(p.suggestion)} Dùng một trong các tên khai báo tại mục "inputs:" của bộ tiêu chí.`,
  },
  "evidence-unknown-criterion": {
    severity: "error",
    message: (p: { criterion: string; suggestion?: string }) =>
      `"${p.criterion}" is not a criterion or adjustment id of the framework.${hint(p.suggestion)} Use the ids of the framework's criteria.`,
    vi: (p: { criterion: string; suggestion?: string }) =>
      `"${p.criterion}" không phải là mã tiêu chí hay mã điểm cộng/trừ của bộ tiêu chí.${viHint(p.suggestion)} Dùng mã tiêu chí của bộ tiêu chí.`,
  },
  "evidence-duplicate-input": {
    severity: "error",
    message: (p: { unit: string; input: string; firstLine: number }) =>
      `unit "${p.unit}" gives "${p.input}" again (first on line ${p.firstLine}); this row is ignored. Keep one value per unit and input.`,
    vi: (p: { unit: string; input: string; firstLine: number }) =>
      `đơn vị "${p.unit}" khai báo lại "${p.input}" (lần đầu ở dòng ${p.firstLine}); dòng này bị bỏ qua. Mỗi đơn vị chỉ khai một giá trị cho mỗi số liệu.`,
  },
  "evidence-duplicate-points": {
    severity: "error",
    message: (p: { unit: string; criterion: string; firstLine: number }) =>
      `unit "${p.unit}" gives points for "${p.criterion}" again (first on line ${p.firstLine}); this row is ignored. Keep one row per unit and criterion.`,
    vi: (p: { unit: string; criterion: string; firstLine: number }) =>
      `đơn vị "${p.unit}" chấm lại điểm tiêu chí "${p.criterion}" (lần đầu ở dòng ${p.firstLine}); dòng này bị bỏ qua. Mỗi đơn vị chỉ có một dòng cho mỗi tiêu chí.`,
  },
  "evidence-duplicate-unit": {
    severity: "error",
    message: (p: { code: string; first: string }) =>
      `unit code "${p.code}" is already in the registry (${p.first}); this entry is ignored. Codes must be unique.`,
    vi: (p: { code: string; first: string }) =>
      `mã đơn vị "${p.code}" đã có trong danh mục (${p.first}); dòng này bị bỏ qua. Mã đơn vị không được trùng nhau.`,
  },
  "evidence-missing-name": {
    severity: "warning",
    message: (p: { code: string }) => `unit "${p.code}" has no name; its code is used as the name. Fill in the "name" cell.`,
    vi: (p: { code: string }) => `đơn vị "${p.code}" chưa có tên; tạm dùng mã làm tên. Điền ô "name".`,
  },
  "evidence-wrong-type": {
    severity: "error",
    message: (p: { text: string; type: string; expected: string }) =>
      `"${p.text}" is not a valid ${p.type}. Write ${p.expected}.`,
    vi: (p: { text: string; type: string; expected: string }) =>
      `"${p.text}" không phải là ${viPhrase(p.type)} hợp lệ. Viết ${viPhrase(p.expected)}.`,
  },
  "evidence-wrong-locale": {
    severity: "error",
    message: (p: { text: string; type: string; locale: string; otherLocale: string; reading: string }) =>
      `"${p.text}" is not a ${p.type} in locale ${p.locale}` +
      (p.locale === "en"
        ? ` (decimal point ".", thousands "," in groups of 3)`
        : ` (decimal comma ",", thousands "." in groups of 3)`) +
      `; in locale ${p.otherLocale} it reads as ${p.reading}. Use --locale ${p.otherLocale} for this file, or write ${p.reading}.`,
    vi: (p: { text: string; type: string; locale: string; otherLocale: string; reading: string }) =>
      `"${p.text}" không phải là ${viPhrase(p.type)} theo quy ước ${p.locale}` +
      (p.locale === "en"
        ? ` (dấu thập phân ".", phân cách hàng nghìn "," theo nhóm 3 chữ số)`
        : ` (dấu thập phân ",", phân cách hàng nghìn "." theo nhóm 3 chữ số)`) +
      `; theo quy ước ${p.otherLocale} giá trị này là ${p.reading}. Dùng --locale ${p.otherLocale} cho tệp này, hoặc viết ${p.reading}.`,
  },
  "evidence-out-of-bounds": {
    severity: "error",
    message: (p: { text: string; value: string; min?: string; max?: string; note?: string }) =>
      `"${p.text}" (${p.value}) is out of bounds: it must be ${range(p.min, p.max)}.${p.note ?? ""} Correct the value.`,
    vi: (p: { text: string; value: string; min?: string; max?: string; note?: string }) =>
      `"${p.text}" (${p.value}) nằm ngoài giới hạn: giá trị phải ${viRange(p.min, p.max)}.${p.note ?? ""} Sửa lại giá trị.`,
  },
  "evidence-enum-value": {
    severity: "error",
    message: (p: { text: string; values: readonly string[]; suggestion?: string }) =>
      `"${p.text}" is not one of ${p.values.map((v) => `"${v}"`).join(", ")}.${hint(p.suggestion)} Write one of these names exactly.`,
    vi: (p: { text: string; values: readonly string[]; suggestion?: string }) =>
      `"${p.text}" không thuộc các giá trị ${p.values.map((v) => `"${v}"`).join(", ")}.${viHint(p.suggestion)} Viết đúng một trong các giá trị này.`,
  },
  "evidence-conflict": {
    severity: "error",
    message: (p: { unit: string; name: string; first: string; second: string; firstValue: string; secondValue: string }) =>
      `unit "${p.unit}": "${p.name}" is ${p.secondValue} here but ${p.firstValue} at ${p.first}; the first value is kept. ` +
      `Remove one of them (${p.first} or ${p.second}).`,
    vi: (p: { unit: string; name: string; first: string; second: string; firstValue: string; secondValue: string }) =>
      `đơn vị "${p.unit}": "${p.name}" ở đây là ${p.secondValue} nhưng tại ${p.first} là ${p.firstValue}; giữ giá trị đầu tiên. ` +
      `Xóa một trong hai (${p.first} hoặc ${p.second}).`,
  },
  "evidence-repeated": {
    severity: "warning",
    message: (p: { unit: string; name: string; first: string }) =>
      `unit "${p.unit}": "${p.name}" is also given at ${p.first}, with the same value. Keep it in one file.`,
    vi: (p: { unit: string; name: string; first: string }) =>
      `đơn vị "${p.unit}": "${p.name}" cũng được khai tại ${p.first}, cùng giá trị. Chỉ khai trong một tệp.`,
  },
  "evidence-json-syntax": {
    severity: "error",
    message: (p: { detail: string }) => `invalid JSON: ${p.detail}. Fix the syntax (a validator or editor will point at it).`,
    vi: (p: { detail: string }) => `JSON không hợp lệ: ${viPhrase(p.detail)}. Sửa cú pháp (trình soạn thảo hoặc công cụ kiểm tra JSON sẽ chỉ ra vị trí).`,
  },
  "evidence-json-duplicate-key": {
    severity: "error",
    message: (p: { key: string; firstLine: number }) =>
      `the key "${p.key}" appears again in the same object (first on line ${p.firstLine}); this value is not used. Keep one "${p.key}" per object, or merge the two.`,
    vi: (p: { key: string; firstLine: number }) =>
      `khóa "${p.key}" lặp lại trong cùng một đối tượng (lần đầu ở dòng ${p.firstLine}); giá trị này không được dùng. Mỗi đối tượng chỉ giữ một khóa "${p.key}", hoặc gộp hai phần lại.`,
  },
  "evidence-json-too-deep": {
    severity: "error",
    message: (p: { limit: number }) =>
      `the JSON nests deeper than ${p.limit} levels, more than any evidence file needs; nothing in it was read. Check that the file is JSON evidence or a unit registry.`,
    vi: (p: { limit: number }) =>
      `JSON lồng sâu quá ${p.limit} cấp, nhiều hơn mọi tệp số liệu cần; không dữ liệu nào được đọc. Kiểm tra tệp có đúng là số liệu JSON hoặc danh mục đơn vị.`,
  },
  "evidence-too-many-diagnostics": {
    severity: "warning",
    message: (p: { limit: number; omitted: number; errors: number }) =>
      `more than ${p.limit} problems in this file; ${p.omitted} more (${p.errors} of them errors) were counted but not listed. ` +
      `Fix the first ones (or check --locale and the header) and read the file again.`,
    vi: (p: { limit: number; omitted: number; errors: number }) =>
      `tệp có hơn ${p.limit} vấn đề; ${p.omitted} vấn đề nữa (${p.errors} lỗi) được đếm nhưng không liệt kê. ` +
      `Sửa các vấn đề đầu tiên (hoặc kiểm tra --locale và dòng tiêu đề) rồi đọc lại tệp.`,
  },
  "evidence-json-shape": {
    severity: "error",
    message: (p: { found: string; expected: string }) => `found ${p.found} where ${p.expected} was expected. Correct the structure.`,
    vi: (p: { found: string; expected: string }) => `gặp ${viPhrase(p.found)} trong khi cần ${viPhrase(p.expected)}. Sửa lại cấu trúc.`,
  },
  "evidence-json-unknown-key": {
    severity: "error",
    message: (p: { key: string; allowed: readonly string[]; suggestion?: string }) =>
      `unknown key "${p.key}"; it is ignored.${hint(p.suggestion)} Allowed here: ${p.allowed.join(", ")}.`,
    vi: (p: { key: string; allowed: readonly string[]; suggestion?: string }) =>
      `khóa "${p.key}" không hợp lệ; bị bỏ qua.${viHint(p.suggestion)} Các khóa được dùng ở đây: ${p.allowed.join(", ")}.`,
  },
});
