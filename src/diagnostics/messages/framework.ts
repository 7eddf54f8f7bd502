import { defineMessages } from "../define.js";
import { viHint, viPhrase } from "../vi.js";

/** Why a criterion id cannot be named (see checks/tree.ts). */
export type IdProblem = "blank" | "spaces" | "control";
const ID_PROBLEM_EN: Record<IdProblem, string> = {
  blank: "is blank",
  spaces: "starts or ends with a space",
  control: "contains a control character (a tab or a line break)",
};
const ID_PROBLEM_VI: Record<IdProblem, string> = {
  blank: "để trống",
  spaces: "có khoảng trắng ở đầu hoặc cuối",
  control: "chứa ký tự điều khiển (dấu tab hoặc xuống dòng)",
};
/** Why a resolver refused a base framework (see framework/overlay.ts). */
export type ExtendsRefusalReason = "outside-root" | "too-large" | "unreadable";


const hint = (suggestion: string | undefined): string => (suggestion ? ` Did you mean "${suggestion}"?` : "");

/** Messages of the framework phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const frameworkMessages = defineMessages({
  // --- schema -------------------------------------------------------------
  "unknown-key": {
    severity: "error",
    message: (p: { key: string; at: string; suggestion?: string; known: string }) =>
      `unknown key "${p.key}" in ${p.at}.${hint(p.suggestion)} Known keys: ${p.known}.`,
    vi: (p: { key: string; at: string; suggestion?: string; known: string }) =>
      `khóa "${p.key}" không hợp lệ trong ${p.at}.${viHint(p.suggestion)} Các khóa hợp lệ: ${p.known}.`,
  },
  "missing-key": {
    severity: "error",
    message: (p: { key: string; at: string; expected: string }) =>
      `${p.at} has no "${p.key}", which is required. Add "${p.key}:" (${p.expected}).`,
    vi: (p: { key: string; at: string; expected: string }) =>
      `${p.at} thiếu khóa bắt buộc "${p.key}". Bổ sung "${p.key}:" (${viPhrase(p.expected)}).`,
  },
  "wrong-type": {
    severity: "error",
    message: (p: { key: string; expected: string; actual: string; text: string }) =>
      `"${p.key}" is ${p.actual} (${p.text}), but it must be ${p.expected}. Write it as ${p.expected}.`,
    vi: (p: { key: string; expected: string; actual: string; text: string }) =>
      `"${p.key}" đang là ${viPhrase(p.actual)} (${p.text}), nhưng phải là ${viPhrase(p.expected)}. Viết lại dưới dạng ${viPhrase(p.expected)}.`,
  },
  "number-out-of-range": {
    severity: "error",
    message: (p: { key: string; text: string }) =>
      `"${p.key}" is ${p.text}, a number too large (or too small) to be a score, a bound or a count. Write an ordinary decimal such as 100 or 0.5.`,
    vi: (p: { key: string; text: string }) =>
      `"${p.key}" là ${p.text}, một số quá lớn (hoặc quá nhỏ) để làm điểm, ngưỡng hay số lượng. Hãy viết một số thập phân thông thường như 100 hoặc 0.5.`,
  },
  "invalid-value": {
    severity: "error",
    message: (p: { key: string; text: string; expected: string }) =>
      `"${p.key}: ${p.text}" is not allowed: it must be ${p.expected}. Change the value.`,
    vi: (p: { key: string; text: string; expected: string }) =>
      `"${p.key}: ${p.text}" không hợp lệ: giá trị phải là ${viPhrase(p.expected)}. Sửa lại giá trị.`,
  },
  "numeric-id": {
    severity: "warning",
    message: (p: { text: string }) =>
      `the id ${p.text} is written as a number; it is read as the text "${p.text}". Quote it ("${p.text}") so YAML keeps it as written.`,
    vi: (p: { text: string }) =>
      `mã ${p.text} được viết dưới dạng số; mã được đọc thành văn bản "${p.text}". Đặt trong dấu nháy ("${p.text}") để YAML giữ đúng như đã viết.`,
  },
  "format-version": {
    severity: "error",
    message: (p: { text: string }) => `format "${p.text}" is not supported. Write "format: par-index/v1".`,
    vi: (p: { text: string }) => `định dạng "${p.text}" không được hỗ trợ. Viết "format: par-index/v1".`,
  },
  "rounding-decimals": {
    severity: "error",
    message: (p: { text: string }) => `rounding.decimals is ${p.text}; it must be a whole number from 0 to 10. Use e.g. "decimals: 2".`,
    vi: (p: { text: string }) => `rounding.decimals đang là ${p.text}; phải là số nguyên từ 0 đến 10. Ví dụ "decimals: 2".`,
  },
  "invalid-name": {
    severity: "error",
    message: (p: { name: string; kind: string }) =>
      `the ${p.kind} name "${p.name}" is not valid. Use lower-case letters, digits and "_" (optionally dotted), e.g. "on_time_rate" or "sipas.access".`,
    vi: (p: { name: string; kind: string }) =>
      `tên ${viPhrase(p.kind)} "${p.name}" không hợp lệ. Dùng chữ thường, chữ số và "_" (có thể phân tách bằng dấu chấm), ví dụ "on_time_rate" hoặc "sipas.access".`,
  },
  "duplicate-name": {
    severity: "error",
    message: (p: { name: string }) => `"${p.name}" is declared both as an input and as a derived value. Rename one of them.`,
    vi: (p: { name: string }) => `"${p.name}" được khai báo vừa là số liệu đầu vào vừa là giá trị dẫn xuất. Đổi tên một trong hai.`,
  },
  "input-bounds": {
    severity: "error",
    message: (p: { name: string; min: string; max: string }) =>
      `input "${p.name}" has min ${p.min} above max ${p.max}. Swap or correct the bounds.`,
    vi: (p: { name: string; min: string; max: string }) =>
      `số liệu "${p.name}" có min ${p.min} lớn hơn max ${p.max}. Đổi chỗ hoặc sửa lại giới hạn.`,
  },
  "enum-values": {
    severity: "error",
    message: (p: { name: string; problem: string }) => `input "${p.name}" ${p.problem}.`,
    vi: (p: { name: string; problem: string }) => `số liệu "${p.name}" ${p.problem}.`,
  },
  // --- tree ---------------------------------------------------------------
  "duplicate-id": {
    severity: "error",
    message: (p: { id: string; first: string }) => `the id "${p.id}" is already used at ${p.first}. Give each criterion and adjustment its own id.`,
    vi: (p: { id: string; first: string }) => `mã "${p.id}" đã được dùng tại ${p.first}. Mỗi tiêu chí và mỗi mục cộng/trừ điểm cần một mã riêng.`,
  },
  "criterion-id-invalid": {
    severity: "error",
    message: (p: { id: string; problem: IdProblem }) =>
      `the id ${JSON.stringify(p.id)} ${ID_PROBLEM_EN[p.problem] ?? p.problem}, so no points table or tiebreak could name it. Write the id without surrounding spaces, e.g. "1.2".`,
    vi: (p: { id: string; problem: IdProblem }) =>
      `mã ${JSON.stringify(p.id)} ${ID_PROBLEM_VI[p.problem] ?? p.problem}, nên không bảng điểm hay tiêu chí phân định (tiebreak) nào gọi được. Hãy viết mã không có khoảng trắng bao quanh, ví dụ "1.2".`,
  },
  "leaf-missing-max": {
    severity: "error",
    message: (p: { id: string }) => `criterion "${p.id}" has a rule but no "max". Add "max:" with its maximum points.`,
    vi: (p: { id: string }) => `tiêu chí "${p.id}" có quy tắc chấm nhưng chưa có "max". Bổ sung "max:" với số điểm tối đa.`,
  },
  "leaf-missing-rule": {
    severity: "error",
    message: (p: { id: string }) =>
      `criterion "${p.id}" has neither "rule" nor "children". Add a rule (e.g. "rule: { manual: {} }") or sub-criteria.`,
    vi: (p: { id: string }) =>
      `tiêu chí "${p.id}" không có "rule" cũng không có "children". Bổ sung quy tắc chấm (ví dụ "rule: { manual: {} }") hoặc các tiêu chí thành phần.`,
  },
  "node-rule-and-children": {
    severity: "error",
    message: (p: { id: string }) =>
      `criterion "${p.id}" has both "rule" and "children". A parent's points are its children's sum: keep one of them.`,
    vi: (p: { id: string }) =>
      `tiêu chí "${p.id}" có cả "rule" lẫn "children". Điểm của tiêu chí cha là tổng điểm các tiêu chí con: chỉ giữ một trong hai.`,
  },
  "max-not-positive": {
    severity: "error",
    message: (p: { id: string; max: string }) => `criterion "${p.id}" has max ${p.max}; a leaf's max must be above 0. Give it a positive max.`,
    vi: (p: { id: string; max: string }) => `tiêu chí "${p.id}" có max ${p.max}; điểm tối đa của tiêu chí phải lớn hơn 0. Đặt max là số dương.`,
  },
  "max-mismatch": {
    severity: "error",
    message: (p: { id: string; declared: string; sum: string }) =>
      `criterion "${p.id}" declares max ${p.declared}, but its children's max add up to ${p.sum}. Make them agree (or drop the parent's max).`,
    vi: (p: { id: string; declared: string; sum: string }) =>
      `tiêu chí "${p.id}" khai báo max ${p.declared}, nhưng tổng điểm tối đa của các tiêu chí con là ${p.sum}. Sửa cho khớp (hoặc bỏ max của tiêu chí cha).`,
  },
  "rule-one-kind": {
    severity: "error",
    message: (p: { id: string; kinds: string }) =>
      `the rule of "${p.id}" ${p.kinds ? `has several kinds (${p.kinds})` : "is empty"}. Give exactly one of boolean, bands, ratio, deadline, choice, deduct, manual, expr.`,
    vi: (p: { id: string; kinds: string }) =>
      `quy tắc chấm của "${p.id}" ${p.kinds ? `có nhiều loại (${p.kinds})` : "đang để trống"}. Chỉ dùng đúng một loại: boolean, bands, ratio, deadline, choice, deduct, manual, expr.`,
  },
  // --- rules --------------------------------------------------------------
  "points-above-max": {
    severity: "error",
    message: (p: { id: string; what: string; points: string; max: string }) =>
      `${p.what} of "${p.id}" gives ${p.points} points, more than its max ${p.max}. Lower it to at most ${p.max}.`,
    vi: (p: { id: string; what: string; points: string; max: string }) =>
      `${viPhrase(p.what)} của "${p.id}" cho ${p.points} điểm, vượt điểm tối đa ${p.max}. Giảm xuống không quá ${p.max}.`,
  },
  "points-negative": {
    severity: "error",
    message: (p: { id: string; what: string; points: string }) =>
      `${p.what} of "${p.id}" is ${p.points}, below 0. Use 0 or more (a penalty is an adjustment of kind "penalty").`,
    vi: (p: { id: string; what: string; points: string }) =>
      `${viPhrase(p.what)} của "${p.id}" là ${p.points}, nhỏ hơn 0. Dùng số từ 0 trở lên (điểm trừ khai báo bằng mục điều chỉnh loại "penalty").`,
  },
  "invalid-date": {
    severity: "error",
    message: (p: { key: string; text: string }) => `"${p.key}: ${p.text}" is not a calendar date. Write it as YYYY-MM-DD, e.g. 2024-01-15.`,
    vi: (p: { key: string; text: string }) => `"${p.key}: ${p.text}" không phải là ngày có thật. Viết theo dạng YYYY-MM-DD, ví dụ 2024-01-15.`,
  },
  "late-until-before-due": {
    severity: "error",
    message: (p: { due: string; lateUntil: string }) => `late_until ${p.lateUntil} is before due ${p.due}. Set late_until on or after the due date.`,
    vi: (p: { due: string; lateUntil: string }) => `late_until ${p.lateUntil} sớm hơn hạn due ${p.due}. Đặt late_until bằng hoặc sau hạn.`,
  },
  "ratio-empty-range": {
    severity: "error",
    message: (p: { bound: string }) => `ratio has lower = upper = ${p.bound}, so points cannot be interpolated. Make lower and upper differ.`,
    vi: (p: { bound: string }) => `quy tắc ratio có lower = upper = ${p.bound}, nên không nội suy được điểm. Đặt lower và upper khác nhau.`,
  },
  "step-not-positive": {
    severity: "error",
    message: (p: { step: string }) => `manual step ${p.step} must be above 0. Use e.g. "step: 0.25", or leave it out.`,
    vi: (p: { step: string }) => `bước chấm thủ công ${p.step} phải lớn hơn 0. Ví dụ "step: 0.25", hoặc bỏ khóa này.`,
  },
  "choice-missing-value": {
    severity: "error",
    message: (p: { input: string; values: string }) =>
      `the choice on "${p.input}" gives no points for ${p.values}. Add ${p.values} under points (0 if it scores nothing).`,
    vi: (p: { input: string; values: string }) =>
      `quy tắc choice trên "${p.input}" chưa cho điểm với ${p.values}. Bổ sung ${p.values} vào mục points (0 nếu không được điểm).`,
  },
  "choice-unknown-value": {
    severity: "error",
    message: (p: { input: string; value: string; suggestion?: string; known: string }) =>
      `"${p.value}" is not a value of the enum input "${p.input}".${hint(p.suggestion)} Its values are: ${p.known}.`,
    vi: (p: { input: string; value: string; suggestion?: string; known: string }) =>
      `"${p.value}" không phải là giá trị của số liệu liệt kê "${p.input}".${viHint(p.suggestion)} Các giá trị hợp lệ: ${p.known}.`,
  },
  "band-malformed": {
    severity: "error",
    message: (p: { band: string; problem: string }) => `band ${p.band} ${p.problem}.`,
    vi: (p: { band: string; problem: string }) => `khoảng ${p.band} ${p.problem}.`,
  },
  "band-shadowed": {
    severity: "error",
    message: (p: { band: string; text: string }) =>
      `band ${p.band} (${p.text}) can never apply: earlier bands already take every value it covers. Remove it or fix its bounds.`,
    vi: (p: { band: string; text: string }) =>
      `khoảng ${p.band} (${p.text}) không bao giờ được áp dụng: các khoảng phía trên đã bao hết giá trị của nó. Xóa khoảng này hoặc sửa giới hạn.`,
  },
  "band-gap": {
    severity: "error",
    message: (p: { gap: string }) => `no band applies to values ${p.gap}. Add a band for them, or end with "{ otherwise: 0 }".`,
    vi: (p: { gap: string }) => `không có khoảng nào áp dụng cho giá trị ${p.gap}. Bổ sung khoảng cho các giá trị này, hoặc kết thúc bằng "{ otherwise: 0 }".`,
  },
  "band-bound-type": {
    severity: "error",
    message: (p: { band: string; text: string; valueType: string }) =>
      `band ${p.band} compares with ${p.text}, but the value is a ${p.valueType}. Use a ${p.valueType} bound.`,
    vi: (p: { band: string; text: string; valueType: string }) =>
      `khoảng ${p.band} so sánh với ${p.text}, nhưng giá trị là ${viPhrase(p.valueType)}. Dùng giới hạn kiểu ${viPhrase(p.valueType)}.`,
  },
  "grade-malformed": {
    severity: "error",
    message: (p: { grade: string; problem: string }) => `grade ${p.grade} ${p.problem}.`,
    vi: (p: { grade: string; problem: string }) => `mức xếp loại ${p.grade} ${p.problem}.`,
  },
  "grade-shadowed": {
    severity: "error",
    message: (p: { grade: string; text: string }) =>
      `grade ${p.grade} (${p.text}) can never apply: earlier grades already take every index it covers. Remove it or fix its bounds.`,
    vi: (p: { grade: string; text: string }) =>
      `mức xếp loại ${p.grade} (${p.text}) không bao giờ được áp dụng: các mức phía trên đã bao hết chỉ số của nó. Xóa mức này hoặc sửa giới hạn.`,
  },
  "grade-gap": {
    severity: "error",
    message: (p: { gap: string }) => `no grade applies to an index ${p.gap}. Add a grade for it, or end with "{ otherwise: ... }".`,
    vi: (p: { gap: string }) => `không có mức xếp loại nào cho chỉ số ${p.gap}. Bổ sung mức xếp loại, hoặc kết thúc bằng "{ otherwise: ... }".`,
  },
  "value-type": {
    severity: "error",
    message: (p: { what: string; source: string; actual: string; expected: string }) =>
      `${p.what} ("${p.source}") is a ${p.actual}, but it must be a ${p.expected}. Use a ${p.expected} expression.`,
    vi: (p: { what: string; source: string; actual: string; expected: string }) =>
      `${viPhrase(p.what)} ("${p.source}") có kiểu ${viPhrase(p.actual)}, nhưng phải là ${viPhrase(p.expected)}. Dùng biểu thức kiểu ${viPhrase(p.expected)}.`,
  },
  "unknown-part": {
    severity: "error",
    message: (p: { part: string; suggestion?: string; known: string }) =>
      `unknown part "${p.part}".${hint(p.suggestion)} ${p.known ? `Declared parts: ${p.known}.` : 'Declare it under "parts", or remove "part".'}`,
    vi: (p: { part: string; suggestion?: string; known: string }) =>
      `phần "${p.part}" chưa được khai báo.${viHint(p.suggestion)} ${p.known ? `Các phần đã khai báo: ${p.known}.` : 'Khai báo tại mục "parts", hoặc bỏ "part".'}`,
  },
  "unknown-tiebreak": {
    severity: "error",
    message: (p: { id: string; suggestion?: string }) =>
      `ranking.tiebreak names "${p.id}", which is not a criterion id.${hint(p.suggestion)} Use the id of a criterion.`,
    vi: (p: { id: string; suggestion?: string }) =>
      `ranking.tiebreak nêu "${p.id}", không phải là mã tiêu chí.${viHint(p.suggestion)} Dùng mã của một tiêu chí.`,
  },
  "derived-cycle": {
    severity: "error",
    message: (p: { cycle: string }) => `derived values depend on each other in a cycle: ${p.cycle}. Break the cycle.`,
    vi: (p: { cycle: string }) => `các giá trị dẫn xuất phụ thuộc vòng tròn vào nhau: ${p.cycle}. Phá vòng phụ thuộc.`,
  },
  // --- overlays -----------------------------------------------------------
  "overlay-unknown-id": {
    severity: "error",
    message: (p: { id: string; op: string; suggestion?: string }) =>
      `${p.op} names "${p.id}", which is not an id in the extended framework.${hint(p.suggestion)} Use an existing criterion or adjustment id.`,
    vi: (p: { id: string; op: string; suggestion?: string }) =>
      `${p.op} nêu "${p.id}", không phải là mã có trong bộ tiêu chí được kế thừa.${viHint(p.suggestion)} Dùng mã tiêu chí hoặc mục điều chỉnh đã có.`,
  },
  "overlay-unknown-parent": {
    severity: "error",
    message: (p: { parent: string; suggestion?: string }) =>
      `add: parent "${p.parent}" is not a criterion of the extended framework.${hint(p.suggestion)} Use an existing criterion id.`,
    vi: (p: { parent: string; suggestion?: string }) =>
      `add: tiêu chí cha "${p.parent}" không có trong bộ tiêu chí được kế thừa.${viHint(p.suggestion)} Dùng mã tiêu chí đã có.`,
  },
  "overlay-without-extends": {
    severity: "error",
    message: (p: { key: string }) => `"${p.key}" only applies to an overlay. Add "extends: <base framework file>", or remove "${p.key}".`,
    vi: (p: { key: string }) => `"${p.key}" chỉ dùng trong bộ tiêu chí bổ sung (overlay). Thêm "extends: <tệp bộ tiêu chí gốc>", hoặc bỏ "${p.key}".`,
  },
  "extends-not-found": {
    severity: "error",
    message: (p: { ref: string }) => `cannot read the extended framework "${p.ref}". Check the path (it is relative to this file).`,
    vi: (p: { ref: string }) => `không đọc được bộ tiêu chí được kế thừa "${p.ref}". Kiểm tra đường dẫn (tính từ thư mục của tệp này).`,
  },
  "extends-refused": {
    severity: "error",
    message: (p: { ref: string; reason: ExtendsRefusalReason; detail: string }) =>
      `the extended framework "${p.ref}" is refused: ${
        p.reason === "outside-root"
          ? `it is outside the folder ${p.detail} that frameworks may extend from`
          : p.reason === "too-large"
            ? `it is larger than ${p.detail} bytes`
            : `it cannot be read (${p.detail})`
      }. Put the base framework next to this file (or below its folder) and extend it by a relative path.`,
    vi: (p: { ref: string; reason: ExtendsRefusalReason; detail: string }) =>
      `bộ tiêu chí được kế thừa "${p.ref}" bị từ chối: ${
        p.reason === "outside-root"
          ? `tệp nằm ngoài thư mục ${p.detail} mà bộ tiêu chí được phép kế thừa`
          : p.reason === "too-large"
            ? `tệp lớn hơn ${p.detail} byte`
            : `không đọc được tệp (${p.detail})`
      }. Hãy đặt bộ tiêu chí gốc cùng thư mục với tệp này (hoặc thư mục con) và kế thừa bằng đường dẫn tương đối.`,
  },
  "extends-not-a-framework": {
    severity: "error",
    message: (p: { ref: string }) =>
      `"${p.ref}" is not a framework (it has no "format: par-index/v1" mapping at its top level), so this overlay has no base. Point "extends" at a framework file.`,
    vi: (p: { ref: string }) =>
      `"${p.ref}" không phải là bộ tiêu chí (không có "format: par-index/v1" ở cấp trên cùng), nên lớp bổ sung này không có bộ gốc. Hãy trỏ "extends" tới một tệp bộ tiêu chí.`,
  },
  "extends-cycle": {
    severity: "error",
    message: (p: { chain: string }) => `frameworks extend each other in a cycle: ${p.chain}. Break the cycle.`,
    vi: (p: { chain: string }) => `các bộ tiêu chí kế thừa vòng tròn lẫn nhau: ${p.chain}. Phá vòng kế thừa.`,
  },
  "extends-too-deep": {
    severity: "error",
    message: (p: { limit: number }) => `more than ${p.limit} levels of "extends". Flatten the chain of overlays.`,
    vi: (p: { limit: number }) => `quá ${p.limit} cấp "extends". Rút ngắn chuỗi kế thừa.`,
  },
  "framework-internal-error": {
    severity: "error",
    message: (p: { detail: string }) => `internal error while reading the framework (${p.detail}). Please report it with the file.`,
    vi: (p: { detail: string }) => `lỗi nội bộ khi đọc bộ tiêu chí (${p.detail}). Đề nghị báo lỗi kèm tệp.`,
  },
  // --- files (node loader) --------------------------------------------------
  "file-too-large": {
    severity: "error",
    message: (p: { size: number; limit: number }) => `the file has ${p.size} bytes, more than the limit of ${p.limit}. Split the framework.`,
    vi: (p: { size: number; limit: number }) => `tệp có ${p.size} byte, vượt giới hạn ${p.limit}. Tách bộ tiêu chí thành nhiều tệp.`,
  },
  "file-unreadable": {
    severity: "error",
    message: (p: { detail: string }) => `cannot read the file: ${p.detail}. Check the path and permissions.`,
    vi: (p: { detail: string }) => `không đọc được tệp: ${viPhrase(p.detail)}. Kiểm tra đường dẫn và quyền truy cập.`,
  },
});
