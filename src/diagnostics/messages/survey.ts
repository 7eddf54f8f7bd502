import { defineMessages } from "../define.js";
import { viPhrase } from "../vi.js";

const q = (s: string) => JSON.stringify(s);

/** Messages of the survey phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const surveyMessages = defineMessages({
  // ── survey definition: schema ────────────────────────────────────────────
  "survey-not-a-mapping": {
    severity: "error",
    message: (_p: Record<string, never>) =>
      `the survey file is not a YAML mapping. Start it with "format: par-index/survey-v1" and the survey's keys.`,
    vi: (_p: Record<string, never>) =>
      `tệp phiếu khảo sát không phải là một ánh xạ YAML. Bắt đầu tệp bằng "format: par-index/survey-v1" và các khóa của phiếu.`,
  },
  "survey-unknown-key": {
    severity: "error",
    message: (p: { key: string; hint: string }) => `unknown key ${q(p.key)}.${p.hint} Remove it or correct its spelling.`,
    vi: (p: { key: string; hint: string }) => `khóa ${q(p.key)} không hợp lệ.${viPhrase(p.hint)} Xóa khóa hoặc sửa chính tả.`,
  },
  "survey-missing-key": {
    severity: "error",
    message: (p: { key: string }) => `the required key ${q(p.key)} is missing. Add it.`,
    vi: (p: { key: string }) => `thiếu khóa bắt buộc ${q(p.key)}. Bổ sung khóa này.`,
  },
  "survey-wrong-type": {
    severity: "error",
    message: (p: { key: string; expected: string; found: string }) =>
      `${q(p.key)} must be ${p.expected}, not ${p.found}. Write a value of that type.`,
    vi: (p: { key: string; expected: string; found: string }) =>
      `${q(p.key)} phải là ${viPhrase(p.expected)}, không phải ${viPhrase(p.found)}. Viết giá trị đúng kiểu.`,
  },
  "survey-invalid-value": {
    severity: "error",
    message: (p: { key: string; value: string; expected: string }) =>
      `${q(p.key)} is ${p.value}, but it must be ${p.expected}. Correct the value.`,
    vi: (p: { key: string; value: string; expected: string }) =>
      `${q(p.key)} đang là ${p.value}, nhưng phải là ${viPhrase(p.expected)}. Sửa lại giá trị.`,
  },
  "survey-invalid-id": {
    severity: "error",
    message: (p: { id: string; pattern: string }) =>
      `the id ${q(p.id)} does not match ${p.pattern}. Use lower-case letters, digits and "_" (e.g. "civil_servants").`,
    vi: (p: { id: string; pattern: string }) =>
      `mã ${q(p.id)} không khớp mẫu ${p.pattern}. Dùng chữ thường, chữ số và "_" (ví dụ "civil_servants").`,
  },
  // ── survey definition: static checks ────────────────────────────────────
  "survey-duplicate-id": {
    severity: "error",
    message: (p: { id: string; kind: string; first: string }) =>
      `the id ${q(p.id)} is already used by a ${p.first} (this is a ${p.kind}). Groups and elements share one namespace (they become inputs sipas.<id>); give each a distinct id.`,
    vi: (p: { id: string; kind: string; first: string }) =>
      `mã ${q(p.id)} đã được dùng cho một ${viPhrase(p.first)} (mục này là ${viPhrase(p.kind)}). Nhóm và yếu tố dùng chung một không gian tên (đều trở thành số liệu sipas.<mã>); đặt cho mỗi mục một mã riêng.`,
  },
  "survey-reserved-id": {
    severity: "error",
    message: (p: { id: string; reason: string }) => `the id ${q(p.id)} is reserved (${p.reason}). Choose another id.`,
    vi: (p: { id: string; reason: string }) => `mã ${q(p.id)} là mã dành riêng (${viPhrase(p.reason)}). Chọn mã khác.`,
  },
  "survey-unknown-group": {
    severity: "error",
    message: (p: { element: string; group: string; hint: string }) =>
      `element ${q(p.element)} names the group ${q(p.group)}, which is not declared.${p.hint} Declare the group under "groups" or correct the name.`,
    vi: (p: { element: string; group: string; hint: string }) =>
      `yếu tố ${q(p.element)} thuộc nhóm ${q(p.group)}, nhưng nhóm này chưa được khai báo.${viPhrase(p.hint)} Khai báo nhóm tại mục "groups" hoặc sửa tên.`,
  },
  "survey-unknown-element": {
    severity: "error",
    message: (p: { item: string; element: string; hint: string }) =>
      `item ${q(p.item)} names the element ${q(p.element)}, which is not declared.${p.hint} Declare the element under "elements" or correct the name.`,
    vi: (p: { item: string; element: string; hint: string }) =>
      `câu hỏi ${q(p.item)} thuộc yếu tố ${q(p.element)}, nhưng yếu tố này chưa được khai báo.${viPhrase(p.hint)} Khai báo yếu tố tại mục "elements" hoặc sửa tên.`,
  },
  "survey-item-without-element": {
    severity: "error",
    message: (p: { item: string }) => `item ${q(p.item)} belongs to no element. Add "element: <id>" to it.`,
    vi: (p: { item: string }) => `câu hỏi ${q(p.item)} chưa thuộc yếu tố nào. Bổ sung "element: <mã>" cho câu hỏi.`,
  },
  "survey-empty-element": {
    severity: "error",
    message: (p: { element: string }) =>
      `element ${q(p.element)} has no items, so its index cannot be computed. Add items with "element: ${p.element}" or remove the element.`,
    vi: (p: { element: string }) =>
      `yếu tố ${q(p.element)} không có câu hỏi nào, nên không tính được chỉ số. Bổ sung câu hỏi có "element: ${p.element}" hoặc xóa yếu tố.`,
  },
  "survey-empty-group": {
    severity: "error",
    message: (p: { group: string }) =>
      `group ${q(p.group)} has no elements. Add elements with "group: ${p.group}" or remove the group.`,
    vi: (p: { group: string }) =>
      `nhóm ${q(p.group)} không có yếu tố nào. Bổ sung yếu tố có "group: ${p.group}" hoặc xóa nhóm.`,
  },
  "survey-duplicate-level": {
    severity: "error",
    message: (p: { level: number }) => `the level ${p.level} appears twice in scale.levels. List each level once.`,
    vi: (p: { level: number }) => `mức ${p.level} xuất hiện hai lần trong scale.levels. Mỗi mức chỉ liệt kê một lần.`,
  },
  "survey-satisfied-not-in-scale": {
    severity: "error",
    message: (p: { level: string; levels: string }) =>
      `satisfied level ${p.level} is not a level of the scale (${p.levels}). Use levels from scale.levels.`,
    vi: (p: { level: string; levels: string }) =>
      `mức hài lòng ${p.level} không thuộc thang đo (${p.levels}). Dùng các mức trong scale.levels.`,
  },
  "survey-label-unknown-level": {
    severity: "error",
    message: (p: { level: string; levels: string }) =>
      `a label is given for ${q(p.level)}, which is not a level of the scale (${p.levels}). Label only declared levels.`,
    vi: (p: { level: string; levels: string }) =>
      `có nhãn cho ${q(p.level)}, nhưng đây không phải là mức của thang đo (${p.levels}). Chỉ đặt nhãn cho các mức đã khai báo.`,
  },
  "survey-duplicate-label": {
    severity: "error",
    message: (p: { label: string; level: string; other: string }) =>
      `the label ${q(p.label)} of level ${p.level} is also the label (or the number) of level ${p.other}, so an answer written as this text would be ambiguous. Make labels distinct.`,
    vi: (p: { label: string; level: string; other: string }) =>
      `nhãn ${q(p.label)} của mức ${p.level} trùng với nhãn (hoặc con số) của mức ${p.other}, nên câu trả lời ghi bằng chữ này sẽ không rõ là mức nào. Đặt các nhãn khác nhau.`,
  },
  "survey-weights-unknown-group": {
    severity: "error",
    message: (p: { group: string; hint: string }) =>
      `aggregate.overall.weights names the group ${q(p.group)}, which is not declared.${p.hint} Use declared group ids.`,
    vi: (p: { group: string; hint: string }) =>
      `aggregate.overall.weights nêu nhóm ${q(p.group)}, nhưng nhóm này chưa được khai báo.${viPhrase(p.hint)} Dùng mã các nhóm đã khai báo.`,
  },
  "survey-weights-sum": {
    severity: "error",
    message: (p: { sum: string }) =>
      `aggregate.overall.weights sum to ${p.sum}, not exactly 1. Adjust the weights so that they add up to 1.`,
    vi: (p: { sum: string }) =>
      `tổng các trọng số aggregate.overall.weights là ${p.sum}, không đúng bằng 1. Điều chỉnh để tổng trọng số bằng 1.`,
  },
  "survey-weights-missing-group": {
    severity: "warning",
    message: (p: { group: string }) =>
      `group ${q(p.group)} has no weight in aggregate.overall.weights, so it does not count in the overall index. Give it a weight, or ignore this if intended.`,
    vi: (p: { group: string }) =>
      `nhóm ${q(p.group)} chưa có trọng số trong aggregate.overall.weights, nên không được tính vào chỉ số chung. Đặt trọng số cho nhóm, hoặc bỏ qua nếu đây là chủ ý.`,
  },
  "survey-weight-column": {
    severity: "error",
    message: (p: { column: string; clash: string }) =>
      `the weight column ${q(p.column)} has the same name as ${p.clash}. Name the weight column differently (e.g. "weight").`,
    vi: (p: { column: string; clash: string }) =>
      `cột trọng số ${q(p.column)} trùng tên với ${p.clash}. Đặt tên khác cho cột trọng số (ví dụ "weight").`,
  },
  // ── responses and ratings CSV ────────────────────────────────────────────
  "survey-csv-empty": {
    severity: "error",
    message: (p: { expected: string }) => `the file is empty: no header row. Start it with the header "${p.expected}".`,
    vi: (p: { expected: string }) => `tệp rỗng: không có dòng tiêu đề. Bắt đầu tệp bằng dòng tiêu đề "${p.expected}".`,
  },
  "survey-missing-column": {
    severity: "error",
    message: (p: { column: string; header: string }) =>
      `the header has no ${q(p.column)} column (header: ${p.header}). Add the column.`,
    vi: (p: { column: string; header: string }) =>
      `dòng tiêu đề thiếu cột ${q(p.column)} (dòng tiêu đề: ${p.header}). Bổ sung cột này.`,
  },
  "survey-unknown-column": {
    severity: "error",
    message: (p: { column: string; hint: string }) =>
      `the column ${q(p.column)} is not an item of the survey; its values are ignored.${p.hint} Rename it to an item id or remove it.`,
    vi: (p: { column: string; hint: string }) =>
      `cột ${q(p.column)} không phải là câu hỏi của phiếu khảo sát; giá trị của cột bị bỏ qua.${viPhrase(p.hint)} Đổi tên cột thành mã câu hỏi hoặc xóa cột.`,
  },
  "survey-duplicate-column": {
    severity: "error",
    message: (p: { column: string }) => `the column ${q(p.column)} appears twice in the header; only the first is used. Remove the duplicate.`,
    vi: (p: { column: string }) => `cột ${q(p.column)} xuất hiện hai lần trong dòng tiêu đề; chỉ dùng cột đầu tiên. Xóa cột trùng.`,
  },
  "survey-item-not-in-responses": {
    severity: "warning",
    message: (p: { item: string }) =>
      `the survey item ${q(p.item)} has no column in the responses, so it has no answers. Add the column if the item was asked.`,
    vi: (p: { item: string }) =>
      `câu hỏi ${q(p.item)} của phiếu khảo sát không có cột trong tệp phiếu trả lời, nên không có câu trả lời. Bổ sung cột nếu câu hỏi có được hỏi.`,
  },
  "survey-weight-column-missing": {
    severity: "error",
    message: (p: { column: string }) =>
      `the survey declares the weight column ${q(p.column)}, but these responses have no such column; each of their rows counts with weight 1. Add the column or remove "weight" from the survey.`,
    vi: (p: { column: string }) =>
      `phiếu khảo sát khai báo cột trọng số ${q(p.column)}, nhưng tệp phiếu trả lời này không có cột đó; mỗi dòng được tính với trọng số 1. Bổ sung cột hoặc bỏ "weight" khỏi phiếu khảo sát.`,
  },
  "survey-invalid-answer": {
    severity: "error",
    message: (p: { value: string; item: string; levels: string }) =>
      `the answer ${q(p.value)} to item ${q(p.item)} is not a level of the scale (${p.levels}); this answer is not used. Write a level, its label, or leave the cell blank for no answer.`,
    vi: (p: { value: string; item: string; levels: string }) =>
      `câu trả lời ${q(p.value)} cho câu hỏi ${q(p.item)} không phải là mức của thang đo (${p.levels}); câu trả lời này không được sử dụng. Ghi một mức, nhãn của mức, hoặc để trống nếu không trả lời.`,
  },
  "survey-bad-weight": {
    severity: "error",
    message: (p: { value: string }) =>
      `the weight ${q(p.value)} is not a positive decimal (at most 9 decimals); the row is not used. Write a weight such as 1 or 1.25.`,
    vi: (p: { value: string }) =>
      `trọng số ${q(p.value)} không phải là số thập phân dương (tối đa 9 chữ số thập phân); dòng này không được sử dụng. Ghi trọng số như 1 hoặc 1.25.`,
  },
  "survey-missing-unit": {
    severity: "error",
    message: (_p: Record<string, never>) => `the unit cell is blank; the row is not used. Write the unit's code.`,
    vi: (_p: Record<string, never>) => `ô đơn vị để trống; dòng này không được sử dụng. Ghi mã đơn vị.`,
  },
  "survey-row-width": {
    severity: "error",
    message: (p: { found: number; expected: number }) =>
      `the row has ${p.found} cells but the header has ${p.expected}. Missing cells count as no answer and extra cells are ignored; make the row match the header.`,
    vi: (p: { found: number; expected: number }) =>
      `dòng có ${p.found} ô nhưng dòng tiêu đề có ${p.expected} ô. Ô thiếu được coi là không trả lời, ô thừa bị bỏ qua; sửa dòng cho khớp dòng tiêu đề.`,
  },
  "survey-csv-quote": {
    severity: "error",
    message: (p: { detail: string }) => `CSV quoting: ${p.detail}. Close the quoted cell with '"' and double any '"' inside it.`,
    vi: (p: { detail: string }) => `lỗi dấu nháy CSV: ${viPhrase(p.detail)}. Đóng ô có dấu nháy bằng '"' và nhân đôi mọi dấu '"' bên trong.`,
  },
  "survey-line-too-long": {
    severity: "error",
    message: (p: { limit: number }) =>
      `this line is longer than ${p.limit} characters; it was skipped up to the next line break. Check for a quote that is never closed, or split the line.`,
    vi: (p: { limit: number }) =>
      `dòng này dài hơn ${p.limit} ký tự; đã bỏ qua đến hết dòng. Kiểm tra dấu ngoặc kép chưa được đóng, hoặc tách dòng.`,
  },
  "survey-too-many-diagnostics": {
    severity: "warning",
    message: (p: { limit: number; omitted: number }) =>
      `more than ${p.limit} problems in this file; ${p.omitted} more were counted but not listed. Fix the first ones and read the file again.`,
    vi: (p: { limit: number; omitted: number }) =>
      `tệp có quá ${p.limit} lỗi; ${p.omitted} lỗi khác đã được đếm nhưng không liệt kê. Sửa các lỗi đầu tiên rồi đọc lại tệp.`,
  },
  "survey-ratings-level": {
    severity: "error",
    message: (p: { value: string; levels: string }) =>
      `the rating level ${q(p.value)} is not a level or label of the scale (${p.levels}); the row is not used. Write a level or its label.`,
    vi: (p: { value: string; levels: string }) =>
      `mức đánh giá ${q(p.value)} không phải là mức hay nhãn của thang đo (${p.levels}); dòng này không được sử dụng. Ghi một mức hoặc nhãn của mức.`,
  },
  "survey-ratings-total-too-large": {
    severity: "error",
    message: (p: { unit: string; value: string; limit: string }) =>
      `adding the count ${q(p.value)} would take the ratings of unit ${q(p.unit)} beyond ${p.limit}, where counts can no longer be kept exact; the row is not used. Check the counts (they are numbers of ratings, not amounts).`,
    vi: (p: { unit: string; value: string; limit: string }) =>
      `cộng số lượng ${q(p.value)} sẽ làm tổng đánh giá của đơn vị ${q(p.unit)} vượt ${p.limit}, khi đó không thể giữ chính xác; dòng này không được sử dụng. Kiểm tra lại số lượng (là số lượt đánh giá, không phải số tiền).`,
  },
  "survey-ratings-count": {
    severity: "error",
    message: (p: { value: string }) =>
      `the count ${q(p.value)} is not a non-negative whole number; the row is not used. Write a count such as 12.`,
    vi: (p: { value: string }) =>
      `số lượng ${q(p.value)} không phải là số nguyên không âm; dòng này không được sử dụng. Ghi số lượng như 12.`,
  },
  "survey-file-read": {
    severity: "error",
    message: (p: { path: string; detail: string }) => `cannot read ${JSON.stringify(p.path)}: ${p.detail}. Check the path and permissions.`,
    vi: (p: { path: string; detail: string }) => `không đọc được ${JSON.stringify(p.path)}: ${viPhrase(p.detail)}. Kiểm tra đường dẫn và quyền truy cập.`,
  },
  // ── indices ──────────────────────────────────────────────────────────────
  "survey-few-respondents": {
    severity: "warning",
    message: (p: { unit: string; index: string; valid: number; min: number }) =>
      `unit ${q(p.unit)}: the index ${q(p.index)} rests on ${p.valid} valid answers, fewer than min_respondents ${p.min}; read it with caution or collect more answers.`,
    vi: (p: { unit: string; index: string; valid: number; min: number }) =>
      `đơn vị ${q(p.unit)}: chỉ số ${q(p.index)} chỉ dựa trên ${p.valid} câu trả lời hợp lệ, ít hơn min_respondents ${p.min}; cần thận trọng khi sử dụng hoặc thu thập thêm phiếu.`,
  },
  "survey-unit-not-in-registry": {
    severity: "error",
    message: (p: { unit: string }) =>
      `the survey has answers for unit ${q(p.unit)}, which is not in the unit registry; add it to the registry or correct the unit code in the responses.`,
    vi: (p: { unit: string }) =>
      `phiếu khảo sát có câu trả lời cho đơn vị ${q(p.unit)}, nhưng đơn vị này không có trong danh mục đơn vị; bổ sung đơn vị vào danh mục hoặc sửa mã đơn vị trong tệp phiếu trả lời.`,
  },
  "survey-input-conflict": {
    severity: "error",
    message: (p: { unit: string; input: string; other: string }) =>
      `unit ${q(p.unit)}: ${q(p.input)} comes from the survey and also from ${p.other}; give it in one place only.`,
    vi: (p: { unit: string; input: string; other: string }) =>
      `đơn vị ${q(p.unit)}: ${q(p.input)} vừa lấy từ khảo sát vừa có trong ${p.other}; chỉ khai ở một nơi.`,
  },
});
