/**
 * The words of the workbook, template and guidance outputs, in Vietnamese (the
 * default, as an official writes them) and English (`--lang en`). One table per
 * language, so that a shared language catalogue can take them over as they are.
 */
import { defineStrings, type Lang } from "../diagnostics/define.js";
import type { Severity } from "../diagnostics/index.js";
import type { NodeStatus } from "../engine/result.js";

export type { Lang } from "../diagnostics/define.js";

const VI = {
  no: "STT",
  code: "Mã",
  unit: "Đơn vị",
  points: "Điểm",
  indexPct: "Chỉ số (%)",
  totalPoints: "Tổng điểm",
  maxPoints: "Điểm tối đa",
  rank: "Xếp hạng",
  grade: "Xếp loại",
  note: "Ghi chú",
  criterion: "Tiêu chí",
  title: "Nội dung",
  status: "Trạng thái",
  self: "Điểm tự chấm",
  selfDiff: "Chênh lệch tự chấm",
  severity: "Mức độ",
  diagCode: "Mã lỗi",
  file: "Tệp",
  sheet: "Trang tính",
  line: "Dòng",
  column: "Cột",
  subject: "Tiêu chí / chỉ tiêu",
  message: "Nội dung",
  source: "Căn cứ",
  year: "Năm",
  incomplete: "Chưa đủ số liệu, tài liệu kiểm chứng",
  rankingHeading: "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
  rankingSheet: "Xếp hạng",
  detailSheet: "Chi tiết",
  diagnosticsSheet: "Chẩn đoán",
  severities: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" } as Record<Severity, string>,
  statuses: { scored: "Đã chấm", not_applicable: "Không áp dụng", missing: "Thiếu số liệu" } as Record<NodeStatus, string>,
};

const EN: typeof VI = {
  no: "No.",
  code: "Code",
  unit: "Unit",
  points: "Points",
  indexPct: "Index (%)",
  totalPoints: "Total points",
  maxPoints: "Maximum",
  rank: "Rank",
  grade: "Grade",
  note: "Note",
  criterion: "Criterion",
  title: "Title",
  status: "Status",
  self: "Self-assessed",
  selfDiff: "Self minus points",
  severity: "Severity",
  diagCode: "Code",
  file: "File",
  sheet: "Sheet",
  line: "Line",
  column: "Column",
  subject: "Criterion / input",
  message: "Message",
  source: "Source",
  year: "Year",
  incomplete: "Incomplete evidence",
  rankingHeading: "PAR INDEX RANKING",
  rankingSheet: "Ranking",
  detailSheet: "Detail",
  diagnosticsSheet: "Diagnostics",
  severities: { error: "Error", warning: "Warning", info: "Info" },
  statuses: { scored: "Scored", not_applicable: "Not applicable", missing: "Missing" },
};

const WORDS = defineStrings({ en: EN, vi: VI });

export function words(lang: Lang): typeof VI {
  return WORDS[lang];
}

export function statusWord(status: NodeStatus, lang: Lang): string {
  return words(lang).statuses[status];
}
