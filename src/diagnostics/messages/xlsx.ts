import { defineMessages } from "../define.js";

const NOT_WORKBOOK: Record<string, string> = {
  xls: "it is an old Excel 97-2003 workbook (.xls). Open it in Excel or LibreOffice and save it as \"Excel Workbook (.xlsx)\"",
  encrypted: "it is protected with a password (encrypted). Open it, remove the password (File > Info > Protect Workbook) and save it again",
  text: "it holds text, not a workbook (a CSV file renamed .xlsx?). Rename it to .csv, or open it and save it as .xlsx",
  "not-zip": "it is not an .xlsx file (not a zip package). Save the workbook as \"Excel Workbook (.xlsx)\"",
  "not-workbook": "it is a zip package without a workbook (xl/workbook.xml). Save the workbook as \"Excel Workbook (.xlsx)\"",
};

const NOT_WORKBOOK_VI: Record<string, string> = {
  xls: "đây là tệp Excel 97-2003 (.xls) cũ. Mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng \"Excel Workbook (.xlsx)\"",
  encrypted: "tệp được đặt mật khẩu (mã hóa). Mở tệp, gỡ mật khẩu (File > Info > Protect Workbook) rồi lưu lại",
  text: "tệp chứa văn bản, không phải bảng tính (tệp CSV bị đổi đuôi thành .xlsx?). Đổi đuôi thành .csv, hoặc mở tệp và lưu lại dạng .xlsx",
  "not-zip": "đây không phải tệp .xlsx (không phải gói zip). Lưu bảng tính dưới dạng \"Excel Workbook (.xlsx)\"",
  "not-workbook": "gói zip không chứa bảng tính (xl/workbook.xml). Lưu bảng tính dưới dạng \"Excel Workbook (.xlsx)\"",
};

/** Messages about Excel workbooks (reading .xlsx evidence and responses). */
export const xlsxMessages = defineMessages({
  "xlsx-not-workbook": {
    severity: "error",
    message: (p: { reason: string }) => `cannot read this workbook: ${NOT_WORKBOOK[p.reason] ?? p.reason}.`,
    vi: (p: { reason: string }) => `không đọc được bảng tính: ${NOT_WORKBOOK_VI[p.reason] ?? p.reason}.`,
  },
  "xlsx-unreadable": {
    severity: "error",
    message: (p: { detail: string }) => `cannot read the workbook: ${p.detail}. Open it in Excel or LibreOffice and save it again as .xlsx.`,
    vi: (p: { detail: string }) => `không đọc được bảng tính: ${p.detail}. Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.`,
  },
  "xlsx-no-header": {
    severity: "warning",
    message: (p: { sheet: string }) =>
      `sheet "${p.sheet}" has no header row (a row whose first filled cell is "unit", or "code" for a unit registry, or "respondent" for survey responses); ` +
      `the sheet is skipped. If it holds data, add that header row above it.`,
    vi: (p: { sheet: string }) =>
      `trang tính "${p.sheet}" không có dòng tiêu đề (dòng có ô đầu tiên là "unit", hoặc "code" với danh mục đơn vị, "respondent" với phiếu khảo sát); ` +
      `trang tính này được bỏ qua. Nếu trang tính có số liệu, thêm dòng tiêu đề đó phía trên số liệu.`,
  },
  "xlsx-sheet-skipped": {
    severity: "warning",
    message: (p: { sheet: string; kind: string; expected: string }) =>
      `sheet "${p.sheet}" is a ${p.kind}, not a ${p.expected}; it is skipped here. Pass the workbook with the option that reads it (--units, --points or --evidence).`,
    vi: (p: { sheet: string; kind: string; expected: string }) =>
      `trang tính "${p.sheet}" là ${p.kind}, không phải ${p.expected}; trang tính này được bỏ qua ở đây. Truyền bảng tính bằng đúng tùy chọn (--units, --points hoặc --evidence).`,
  },
  "xlsx-numbering-row": {
    severity: "warning",
    message: (p: { row: number }) =>
      `row ${p.row} under the header only numbers the columns (1, 2, 3, …); it is skipped. Nothing to do, or delete the row.`,
    vi: (p: { row: number }) => `dòng ${p.row} dưới dòng tiêu đề chỉ đánh số thứ tự cột (1, 2, 3, …); dòng này được bỏ qua. Không cần sửa, hoặc xóa dòng đó.`,
  },
  "xlsx-error-value": {
    severity: "error",
    message: (p: { text: string }) =>
      `the cell holds the error value ${p.text} (a formula that failed), so the row cannot be used. Correct the formula or type the value.`,
    vi: (p: { text: string }) =>
      `ô chứa giá trị lỗi ${p.text} (công thức tính bị lỗi) nên không dùng được dòng này. Sửa công thức hoặc nhập trực tiếp giá trị.`,
  },
  "xlsx-merged-data": {
    severity: "error",
    message: (p: { range: string; first: string }) =>
      `the cells ${p.range} are merged inside the data: only ${p.first} holds a value, the other cells read as empty. Unmerge them and fill every cell.`,
    vi: (p: { range: string; first: string }) =>
      `các ô ${p.range} bị gộp (merge) trong vùng số liệu: chỉ ô ${p.first} có giá trị, các ô còn lại được đọc là trống. Bỏ gộp ô và điền đủ từng ô.`,
  },
  "xlsx-too-many-rows": {
    severity: "error",
    message: (p: { rows: number; limit: number }) =>
      `the sheet has rows beyond ${p.limit.toLocaleString("en")} (row ${p.rows.toLocaleString("en")}), more than a workbook can hold; they are not read. Split the data.`,
    vi: (p: { rows: number; limit: number }) =>
      `trang tính có dòng vượt quá ${p.limit.toLocaleString("de")} (dòng ${p.rows.toLocaleString("de")}), nhiều hơn giới hạn của bảng tính; các dòng đó không được đọc. Tách số liệu thành nhiều tệp.`,
  },
});
