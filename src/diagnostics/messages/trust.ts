import { defineMessages } from "../define.js";

/**
 * Messages about the trail behind the scores: evidence documents (tài liệu kiểm chứng),
 * the document register and the appraisal log. Each code is stable; each message quotes
 * the offending text and ends with a fix. `vi` is the Vietnamese wording.
 */
export const trustMessages = defineMessages({
  "self-without-evidence": {
    severity: "warning",
    message: (p: { unit: string; criterion: string; self: string }) =>
      `unit "${p.unit}" claims ${p.self} points for criterion "${p.criterion}" with neither an evidence document nor an explanation note. ` +
      `List the documents in the points table's "documents" column or the document register, or explain the claim in the "note" column.`,
    vi: (p: { unit: string; criterion: string; self: string }) =>
      `đơn vị "${p.unit}" tự chấm ${p.self} điểm tiêu chí "${p.criterion}" nhưng không có tài liệu kiểm chứng cũng không có giải trình. ` +
      `Ghi số, ký hiệu tài liệu vào cột "documents" của bảng điểm hoặc vào sổ tài liệu kiểm chứng, hoặc giải trình ở cột "note".`,
  },
  "register-document-after-appraisal": {
    severity: "error",
    message: (p: { unit: string; criterion: string; document: string; date: string; appraised: string }) =>
      `document "${p.document}" of unit "${p.unit}" for criterion "${p.criterion}" is dated ${p.date}, after the appraisal on ${p.appraised}; it cannot have been appraised. ` +
      `Correct the document's date in the register, or remove the document.`,
    vi: (p: { unit: string; criterion: string; document: string; date: string; appraised: string }) =>
      `tài liệu "${p.document}" của đơn vị "${p.unit}" cho tiêu chí "${p.criterion}" đề ngày ${p.date}, sau ngày thẩm định ${p.appraised}, nên không thể đã được thẩm định. ` +
      `Sửa ngày của tài liệu trong sổ, hoặc bỏ tài liệu đó.`,
  },
  "appraisal-log-json": {
    severity: "error",
    message: (p: { detail: string }) =>
      `the line is not a JSON object (${p.detail}); the log is not applied. ` +
      `Restore the line from a copy of the log: appraisal events are written by "par-index appraise" and never edited by hand.`,
    vi: (p: { detail: string }) =>
      `dòng này không phải là một đối tượng JSON (${p.detail}); nhật ký không được áp dụng. ` +
      `Khôi phục dòng từ bản sao của nhật ký: sự kiện thẩm định do "par-index appraise" ghi, không sửa tay.`,
  },
  "appraisal-log-field": {
    severity: "error",
    message: (p: { field: string; found: string; expected: string }) =>
      `field "${p.field}" of the appraisal event is ${p.found}, not ${p.expected}; the event is not applied. ` +
      `Write the event again with "par-index appraise", giving ${p.expected} for "${p.field}".`,
    vi: (p: { field: string; found: string; expected: string }) =>
      `trường "${p.field}" của sự kiện thẩm định là ${p.found}, không phải ${p.expected}; sự kiện không được áp dụng. ` +
      `Ghi lại sự kiện bằng "par-index appraise", với "${p.field}" là ${p.expected}.`,
  },
  "appraisal-log-edited": {
    severity: "error",
    message: (p: { line: number; recorded: string; actual: string }) =>
      `line ${p.line} was changed after it was written: its text hashes to ${p.actual}, not the ${p.recorded} it was written with; the log is not applied. ` +
      `Restore the line from a copy of the log; to correct a score, append a new event instead of editing an old one.`,
    vi: (p: { line: number; recorded: string; actual: string }) =>
      `dòng ${p.line} đã bị sửa sau khi ghi: mã băm của nó là ${p.actual}, không phải ${p.recorded} như khi ghi; nhật ký không được áp dụng. ` +
      `Khôi phục dòng từ bản sao; muốn sửa điểm thì ghi thêm một sự kiện mới, không sửa sự kiện cũ.`,
  },
  "appraisal-log-removed": {
    severity: "error",
    message: (p: { line: number; previous: string }) =>
      `line ${p.line} does not follow ${p.previous}: the hash it records for the line before it matches no line of the log, so a line was removed before it (or the line before it was rewritten); the log is not applied. ` +
      `Restore the missing line from a copy of the log.`,
    vi: (p: { line: number; previous: string }) =>
      `dòng ${p.line} không nối tiếp ${p.previous}: mã băm của dòng trước mà nó ghi không khớp dòng nào trong nhật ký, nghĩa là một dòng trước nó đã bị xoá (hoặc dòng trước đã bị viết lại); nhật ký không được áp dụng. ` +
      `Khôi phục dòng bị thiếu từ bản sao của nhật ký.`,
  },
  "appraisal-log-reordered": {
    severity: "error",
    message: (p: { line: number; after: number; previous: string }) =>
      `line ${p.line} was written after line ${p.after}, but now follows ${p.previous}: lines were reordered; the log is not applied. ` +
      `Put the lines back in the order they were written.`,
    vi: (p: { line: number; after: number; previous: string }) =>
      `dòng ${p.line} được ghi sau dòng ${p.after} nhưng nay đứng sau ${p.previous}: thứ tự các dòng đã bị đảo; nhật ký không được áp dụng. ` +
      `Sắp lại các dòng theo đúng thứ tự đã ghi.`,
  },
  "appraisal-not-manual": {
    severity: "error",
    message: (p: { unit: string; criterion: string; rule: string }) =>
      `the event sets the points of criterion "${p.criterion}" for unit "${p.unit}", but that criterion is scored by its ${p.rule} rule from the evidence, not by hand; the event is not applied. ` +
      `Correct the evidence instead, or name a criterion with a "manual" rule.`,
    vi: (p: { unit: string; criterion: string; rule: string }) =>
      `sự kiện đặt điểm tiêu chí "${p.criterion}" của đơn vị "${p.unit}", nhưng tiêu chí này được chấm theo quy tắc ${p.rule} từ số liệu, không chấm tay; sự kiện không được áp dụng. ` +
      `Hãy sửa số liệu, hoặc ghi sự kiện cho tiêu chí có quy tắc "manual".`,
  },
  "appraisal-lost-update": {
    severity: "error",
    message: (p: { unit: string; criterion: string; field: string; from: string; current: string; by?: string; line?: number }) =>
      `the event changes the ${p.field} score of criterion "${p.criterion}" of unit "${p.unit}" from ${p.from}, but it is ${p.current} ` +
      `(${p.by === undefined ? "as in the points table" : `set by ${p.by} at line ${p.line ?? "?"}`}): ` +
      `someone changed it in between and this event was written against an old value (a lost update); the event is not applied. ` +
      `Check the current value and append a new event from ${p.current}.`,
    vi: (p: { unit: string; criterion: string; field: string; from: string; current: string; by?: string; line?: number }) =>
      `sự kiện đổi điểm ${p.field === "self" ? "tự chấm" : "thẩm định"} ("${p.field}") tiêu chí "${p.criterion}" của đơn vị "${p.unit}" từ ${p.from}, nhưng điểm hiện là ${p.current} ` +
      `(${p.by === undefined ? "theo bảng điểm" : `do ${p.by} đặt ở dòng ${p.line ?? "?"}`}): ` +
      `đã có người sửa trong lúc đó nên sự kiện này ghi trên giá trị cũ (mất cập nhật); sự kiện không được áp dụng. ` +
      `Kiểm tra giá trị hiện tại và ghi sự kiện mới từ ${p.current}.`,
  },
});
