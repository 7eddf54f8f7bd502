import { defineMessages } from "../define.js";
import { viPhrase } from "../vi.js";

const list = (ids: unknown): string => (Array.isArray(ids) ? ids.map((i) => `"${String(i)}"`).join(", ") : String(ids));
const sideVi = (side: string): string => (side === "base" ? "năm gốc" : side === "current" ? "năm hiện tại" : side);
const whereEn = (w: string): string => (w === "registry" ? "the unit registry (--units)" : w === "results" ? "the results" : w);
const whereVi = (w: string): string => (w === "registry" ? "danh mục đơn vị (--units)" : w === "results" ? "tệp kết quả" : w);
const hint = (s: string | undefined): string => (s === undefined ? "" : ` Did you mean "${s}"?`);
const hintVi = (s: string | undefined): string => (s === undefined ? "" : ` Có phải là "${s}"?`);

/**
 * Messages of the analysis phase (gaps, plan, rollup, compare; lineage and crosswalk
 * files). Each code is stable; each message quotes the offending text and ends with a
 * fix. `message` is English, `vi` Vietnamese.
 */
export const analysisMessages = defineMessages({
  "results-invalid": {
    severity: "error",
    message: (p: { detail: string }) =>
      `this is not a results file of par-index: ${p.detail}. Give the JSON written by "par-index score --format json".`,
    vi: (p: { detail: string }) =>
      `đây không phải tệp kết quả của par-index: ${viPhrase(p.detail)}. Hãy dùng tệp JSON do "par-index score --format json" ghi ra.`,
  },
  "analysis-unknown-unit": {
    severity: "error",
    message: (p: { unit: string; where: string; hint?: string }) =>
      `the unit "${p.unit}" is not in ${whereEn(p.where)}.${hint(p.hint)} Use a unit code as written in the results.`,
    vi: (p: { unit: string; where: string; hint?: string }) =>
      `không có đơn vị "${p.unit}" trong ${whereVi(p.where)}.${hintVi(p.hint)} Hãy dùng mã đơn vị như trong tệp kết quả.`,
  },
  "rollup-no-group": {
    severity: "error",
    message: (p: { unit: string; by: string }) =>
      `the unit "${p.unit}" has no value in the column "${p.by}" of the registry, so it belongs to no group. Fill in its "${p.by}".`,
    vi: (p: { unit: string; by: string }) =>
      `đơn vị "${p.unit}" không có giá trị ở cột "${p.by}" của danh mục nên không thuộc nhóm nào. Hãy điền cột "${p.by}".`,
  },
  "rollup-bad-weight": {
    severity: "error",
    message: (p: { unit: string; by: string; text: string }) =>
      `the weight "${p.text}" of unit "${p.unit}" (column "${p.by}") is not a number greater than 0. Write a positive number, e.g. 12500.`,
    vi: (p: { unit: string; by: string; text: string }) =>
      `trọng số "${p.text}" của đơn vị "${p.unit}" (cột "${p.by}") không phải số lớn hơn 0. Hãy ghi một số dương, ví dụ 12500.`,
  },
  "rollup-no-mean": {
    severity: "warning",
    message: (p: { group: string }) =>
      `the group "${p.group}" has no unit with an index, so it has no mean and no evidence row is written for it. Score at least one of its units.`,
    vi: (p: { group: string }) =>
      `nhóm "${p.group}" không có đơn vị nào có chỉ số nên không có điểm trung bình và không ghi dòng số liệu cho nhóm. Hãy chấm điểm ít nhất một đơn vị của nhóm.`,
  },
  "lineage-header": {
    severity: "error",
    message: (p: { header: string }) =>
      `the lineage file's header is "${p.header}". Start the file with the header "from,to" or "from,to,weight".`,
    vi: (p: { header: string }) =>
      `dòng tiêu đề của tệp kế thừa là "${p.header}". Hãy bắt đầu tệp bằng "from,to" hoặc "from,to,weight".`,
  },
  "lineage-row": {
    severity: "error",
    message: (p: { detail: string }) => `${p.detail}. Write each line as "old code,new code[,weight]".`,
    vi: (p: { detail: string }) => `${p.detail}. Mỗi dòng ghi "mã cũ,mã mới[,trọng số]".`,
  },
  "lineage-bad-weight": {
    severity: "error",
    message: (p: { text: string }) =>
      `the weight "${p.text}" is not a number greater than 0. Write a positive number (e.g. 1 or 0.5), or leave the column empty for 1.`,
    vi: (p: { text: string }) =>
      `trọng số "${p.text}" không phải số lớn hơn 0. Hãy ghi số dương (ví dụ 1 hoặc 0.5) hoặc để trống (mặc định 1).`,
  },
  "lineage-duplicate": {
    severity: "error",
    message: (p: { from: string; to: string; first: number }) =>
      `the pair "${p.from}" → "${p.to}" is already on line ${p.first}. Keep one line per pair (put the share in the weight).`,
    vi: (p: { from: string; to: string; first: number }) =>
      `cặp "${p.from}" → "${p.to}" đã có ở dòng ${p.first}. Mỗi cặp chỉ ghi một dòng (ghi tỷ lệ vào cột trọng số).`,
  },
  "lineage-chain": {
    severity: "error",
    message: (p: { code: string; to: string; source: string }) =>
      `"${p.code}" is both a new unit (formed from "${p.source}") and an old unit (merged into "${p.to}"): a chain or a cycle. ` +
      `A lineage file goes one step, old units to new ones; if "${p.code}" continues as itself, add the line "${p.code},${p.code}".`,
    vi: (p: { code: string; to: string; source: string }) =>
      `"${p.code}" vừa là đơn vị mới (hình thành từ "${p.source}") vừa là đơn vị cũ (nhập vào "${p.to}"): một chuỗi hoặc vòng lặp. ` +
      `Tệp kế thừa chỉ đi một bước, từ đơn vị cũ sang đơn vị mới; nếu "${p.code}" giữ nguyên, hãy thêm dòng "${p.code},${p.code}".`,
  },
  "lineage-unknown-from": {
    severity: "error",
    message: (p: { code: string; hint?: string }) =>
      `the old unit "${p.code}" is not in the base results.${hint(p.hint)} Correct the code, or score the base year with this unit.`,
    vi: (p: { code: string; hint?: string }) =>
      `đơn vị cũ "${p.code}" không có trong kết quả năm gốc.${hintVi(p.hint)} Hãy sửa mã hoặc chấm điểm năm gốc có đơn vị này.`,
  },
  "lineage-unknown-to": {
    severity: "error",
    message: (p: { code: string; hint?: string }) =>
      `the new unit "${p.code}" is not in the current results.${hint(p.hint)} Correct the code, or score the current year with this unit.`,
    vi: (p: { code: string; hint?: string }) =>
      `đơn vị mới "${p.code}" không có trong kết quả năm hiện tại.${hintVi(p.hint)} Hãy sửa mã hoặc chấm điểm năm hiện tại có đơn vị này.`,
  },
  "crosswalk-invalid": {
    severity: "error",
    message: (p: { detail: string }) =>
      `${p.detail}. A crosswalk has "format: par-index/crosswalk-v1", "base", "current" and "pairs", each pair { base: [ids], current: [ids] }.`,
    vi: (p: { detail: string }) =>
      `${p.detail}. Tệp đối chiếu gồm "format: par-index/crosswalk-v1", "base", "current" và "pairs", mỗi cặp { base: [mã], current: [mã] }.`,
  },
  "crosswalk-framework": {
    severity: "error",
    message: (p: { side: string; expected: string; found: string }) =>
      `the crosswalk's ${p.side} is "${p.found}" but the ${p.side} results are of "${p.expected}". Use the crosswalk written for these two frameworks, or correct its "${p.side}".`,
    vi: (p: { side: string; expected: string; found: string }) =>
      `tệp đối chiếu ghi bộ chỉ số ${sideVi(p.side)} là "${p.found}" nhưng kết quả ${sideVi(p.side)} thuộc bộ chỉ số "${p.expected}". Hãy dùng tệp đối chiếu của đúng hai bộ chỉ số này hoặc sửa "${p.side}".`,
  },
  "crosswalk-unknown-id": {
    severity: "error",
    message: (p: { id: string; side: string; framework: string; hint?: string }) =>
      `"${p.id}" is not a criterion of ${p.framework} (${p.side}).${hint(p.hint)} Use an id of that framework.`,
    vi: (p: { id: string; side: string; framework: string; hint?: string }) =>
      `"${p.id}" không phải tiêu chí của ${p.framework} (${sideVi(p.side)}).${hintVi(p.hint)} Hãy dùng mã tiêu chí của bộ chỉ số đó.`,
  },
  "crosswalk-duplicate-id": {
    severity: "error",
    message: (p: { id: string; side: string; first: number }) =>
      `the ${p.side} id "${p.id}" is already paired on line ${p.first}. Pair each id once; to merge or split, list several ids in one pair.`,
    vi: (p: { id: string; side: string; first: number }) =>
      `mã ${sideVi(p.side)} "${p.id}" đã được ghép ở dòng ${p.first}. Mỗi mã chỉ ghép một lần; muốn gộp hoặc tách, hãy ghi nhiều mã trong một cặp.`,
  },
  "compare-unpaired": {
    severity: "error",
    message: (p: { base: string; current: string; baseOnly: readonly string[]; currentOnly: readonly string[] }) =>
      `the results are of different frameworks ("${p.base}" and "${p.current}") and these criteria cannot be paired by id: ` +
      `base only ${list(p.baseOnly) || "none"}; current only ${list(p.currentOnly) || "none"}. Give a crosswalk (--crosswalk C.yaml) that pairs them.`,
    vi: (p: { base: string; current: string; baseOnly: readonly string[]; currentOnly: readonly string[] }) =>
      `hai kết quả thuộc hai bộ chỉ số khác nhau ("${p.base}" và "${p.current}") và các tiêu chí sau không ghép được theo mã: ` +
      `chỉ có ở năm gốc ${list(p.baseOnly) || "không có"}; chỉ có ở năm hiện tại ${list(p.currentOnly) || "không có"}. Hãy dùng tệp đối chiếu (--crosswalk C.yaml).`,
  },
  "compare-framework-differs": {
    severity: "warning",
    message: (p: { base: string; current: string }) =>
      `the results are of different frameworks ("${p.base}" and "${p.current}"); their criteria were paired by id. Give a crosswalk (--crosswalk C.yaml) if an id changed meaning.`,
    vi: (p: { base: string; current: string }) =>
      `hai kết quả thuộc hai bộ chỉ số khác nhau ("${p.base}" và "${p.current}"); các tiêu chí được ghép theo mã. Hãy dùng tệp đối chiếu (--crosswalk C.yaml) nếu một mã đã đổi nội dung.`,
  },
});
