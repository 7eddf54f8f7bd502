import { defineMessages } from "../define.js";
import { viPhrase } from "../vi.js";

/** Messages of the engine phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const engineMessages = defineMessages({
  "missing-input": {
    severity: "error",
    message: (p: { unit: string; input: string; criterion: string }) =>
      `unit "${p.unit}" has no value for input "${p.input}", which criterion "${p.criterion}" needs; the criterion scores 0 and the unit is incomplete. ` +
      `Add the value to the evidence, or declare the input with "missing: zero" or "missing: not_applicable".`,
    vi: (p: { unit: string; input: string; criterion: string }) =>
      `đơn vị "${p.unit}" chưa có giá trị của số liệu "${p.input}" mà tiêu chí "${p.criterion}" cần; tiêu chí được tính 0 điểm và kết quả của đơn vị chưa đầy đủ. ` +
      `Bổ sung giá trị vào tệp số liệu, hoặc khai báo số liệu với "missing: zero" hay "missing: not_applicable".`,
  },
  "missing-value": {
    severity: "error",
    message: (p: { unit: string; criterion: string; source: string }) =>
      `the value "${p.source}" of criterion "${p.criterion}" is missing for unit "${p.unit}"; the criterion scores 0 and the unit is incomplete. ` +
      `Provide the inputs it reads, or use coalesce(...) in the expression.`,
    vi: (p: { unit: string; criterion: string; source: string }) =>
      `giá trị "${p.source}" của tiêu chí "${p.criterion}" bị thiếu đối với đơn vị "${p.unit}"; tiêu chí được tính 0 điểm và kết quả của đơn vị chưa đầy đủ. ` +
      `Bổ sung các số liệu mà biểu thức sử dụng, hoặc dùng coalesce(...) trong biểu thức.`,
  },
  "missing-points": {
    severity: "error",
    message: (p: { unit: string; criterion: string }) =>
      `unit "${p.unit}" has no points-table entry (self or appraised) for manual criterion "${p.criterion}"; it scores 0 and the unit is incomplete. ` +
      `Add a row "${p.unit},${p.criterion},SELF,APPRAISED" to the points table.`,
    vi: (p: { unit: string; criterion: string }) =>
      `đơn vị "${p.unit}" chưa có điểm (tự chấm hoặc thẩm định) cho tiêu chí chấm thủ công "${p.criterion}"; tiêu chí được tính 0 điểm và kết quả của đơn vị chưa đầy đủ. ` +
      `Bổ sung dòng "${p.unit},${p.criterion},TỰ_CHẤM,THẨM_ĐỊNH" vào bảng điểm.`,
  },
  "self-used": {
    severity: "warning",
    message: (p: { unit: string; criterion: string; self: string }) =>
      `criterion "${p.criterion}" of unit "${p.unit}" has no appraised score; the self-assessed ${p.self} is used. ` +
      `Add the appraisal council's score to the points table's "appraised" column.`,
    vi: (p: { unit: string; criterion: string; self: string }) =>
      `tiêu chí "${p.criterion}" của đơn vị "${p.unit}" chưa có điểm thẩm định; tạm dùng điểm tự chấm ${p.self}. ` +
      `Bổ sung điểm của Hội đồng thẩm định vào cột "appraised" của bảng điểm.`,
  },
  "manual-points-out-of-range": {
    severity: "error",
    message: (p: { unit: string; criterion: string; points: string; max: string; used: string }) =>
      `the ${p.points} points given for criterion "${p.criterion}" of unit "${p.unit}" are outside 0..${p.max}; ${p.used} is used. ` +
      `Correct the points table.`,
    vi: (p: { unit: string; criterion: string; points: string; max: string; used: string }) =>
      `số điểm ${p.points} chấm cho tiêu chí "${p.criterion}" của đơn vị "${p.unit}" nằm ngoài khoảng 0..${p.max}; dùng ${p.used} điểm. ` +
      `Sửa lại bảng điểm.`,
  },
  "manual-points-step": {
    severity: "error",
    message: (p: { unit: string; criterion: string; points: string; step: string }) =>
      `the ${p.points} points given for criterion "${p.criterion}" of unit "${p.unit}" are not a multiple of the step ${p.step}. ` +
      `Correct the points table to a multiple of ${p.step}.`,
    vi: (p: { unit: string; criterion: string; points: string; step: string }) =>
      `số điểm ${p.points} chấm cho tiêu chí "${p.criterion}" của đơn vị "${p.unit}" không phải là bội số của bước chấm ${p.step}. ` +
      `Sửa bảng điểm thành một bội số của ${p.step}.`,
  },
  "expr-points-clamped": {
    severity: "warning",
    message: (p: { unit: string; criterion: string; value: string; used: string; max: string }) =>
      `the expression of criterion "${p.criterion}" gives ${p.value} for unit "${p.unit}", outside 0..${p.max}; ${p.used} is used. ` +
      `Check the evidence, or bound the expression with clamp(x, 0, ${p.max}).`,
    vi: (p: { unit: string; criterion: string; value: string; used: string; max: string }) =>
      `biểu thức của tiêu chí "${p.criterion}" cho kết quả ${p.value} đối với đơn vị "${p.unit}", nằm ngoài khoảng 0..${p.max}; dùng ${p.used} điểm. ` +
      `Kiểm tra lại số liệu, hoặc giới hạn biểu thức bằng clamp(x, 0, ${p.max}).`,
  },
  "rule-value-invalid": {
    severity: "error",
    message: (p: { unit: string; criterion: string; rule: string; value: string; expected: string }) =>
      `the value ${p.value} of criterion "${p.criterion}" (rule ${p.rule}) for unit "${p.unit}" is not ${p.expected}; the criterion scores 0 and the unit is incomplete. ` +
      `Correct the evidence or the rule's value expression.`,
    vi: (p: { unit: string; criterion: string; rule: string; value: string; expected: string }) =>
      `giá trị ${p.value} của tiêu chí "${p.criterion}" (quy tắc ${p.rule}) đối với đơn vị "${p.unit}" không phải là ${viPhrase(p.expected)}; tiêu chí được tính 0 điểm và kết quả của đơn vị chưa đầy đủ. ` +
      `Sửa số liệu hoặc biểu thức giá trị của quy tắc.`,
  },
  "applies-if-invalid": {
    severity: "error",
    message: (p: { unit: string; criterion: string; value: string }) =>
      `applies_if of criterion "${p.criterion}" gives ${p.value} for unit "${p.unit}", not true or false; the criterion is treated as applicable. ` +
      `Make the applies_if expression a condition.`,
    vi: (p: { unit: string; criterion: string; value: string }) =>
      `điều kiện applies_if của tiêu chí "${p.criterion}" cho kết quả ${p.value} đối với đơn vị "${p.unit}", không phải true hoặc false; tiêu chí được coi là có áp dụng. ` +
      `Viết biểu thức applies_if thành một điều kiện.`,
  },
  "ranking-attribute-missing": {
    severity: "warning",
    message: (p: { unit: string; attribute: string }) =>
      `unit "${p.unit}" has no "${p.attribute}" in the unit registry, so it is ranked with the other units without one. ` +
      `Add a "${p.attribute}" column value for it to the registry.`,
    vi: (p: { unit: string; attribute: string }) =>
      `đơn vị "${p.unit}" chưa có thuộc tính "${p.attribute}" trong danh mục đơn vị, nên được xếp hạng cùng các đơn vị khác không có thuộc tính này. ` +
      `Bổ sung giá trị cột "${p.attribute}" cho đơn vị trong danh mục.`,
  },
  "engine-internal-error": {
    severity: "error",
    message: (p: { unit: string; detail: string }) =>
      `scoring unit "${p.unit}" failed unexpectedly: ${p.detail}. Please report this with the framework and evidence.`,
    vi: (p: { unit: string; detail: string }) =>
      `lỗi ngoài dự kiến khi chấm điểm đơn vị "${p.unit}": ${p.detail}. Đề nghị báo lỗi kèm bộ tiêu chí và tệp số liệu.`,
  },
});
