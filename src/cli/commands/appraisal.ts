import { appendFileSync, readFileSync } from "node:fs";
import { sortDiagnostics } from "../../diagnostics/index.js";
import { appendAppraisal, readAppraisalLog, type AppraisalEvent, type LoggedEvent } from "../../evidence/appraisal-log.js";
import { oneOf, parseCommandArgs, requireOption } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, usageError, langOf, type CliIo, type Help } from "../io.js";
import { emit, printDiagnostics } from "../output.js";

export const historyHelp: Help = {
  en: `par-index history --appraisals LOG --unit CODE [--criterion ID] [--format text|json] [--lang vi|en]

Shows a unit's score changes from the appraisal log, oldest first: when, who, which
criterion, self or appraised score, from, to, and why. The log's hash chain is checked
first: an edited, removed or reordered line is reported at its line (exit 1).

  --appraisals LOG     the appraisal log (JSON Lines)
  --unit CODE          the unit
  --criterion ID       only this criterion
  --format text|json   text (default) or a JSON array of the events (with their line)
  --lang vi|en         language of the text output (default vi)`,
  vi: `par-index history --appraisals NHẬT_KÝ --unit MÃ [--criterion MÃ_TIÊU_CHÍ] [--format text|json] [--lang vi|en]

Cho biết các lần sửa điểm của một đơn vị theo nhật ký thẩm định, cũ trước mới sau:
thời điểm, người sửa, tiêu chí, điểm tự chấm hay điểm thẩm định, từ bao nhiêu, thành
bao nhiêu và lý do. Chuỗi băm của nhật ký được kiểm tra trước: dòng bị sửa, bị xóa hoặc
bị đảo thứ tự được báo tại dòng đó (mã thoát 1).

  --appraisals NHẬT_KÝ nhật ký thẩm định (JSON Lines)
  --unit MÃ            mã đơn vị
  --criterion MÃ       chỉ tiêu chí này
  --format text|json   văn bản (mặc định) hoặc mảng JSON các sự kiện (kèm số dòng)
  --lang vi|en         ngôn ngữ của văn bản (mặc định vi)`,
};

export const appraiseHelp: Help = {
  en: `par-index appraise --appraisals LOG --unit CODE --criterion ID --field self|appraised --from X --to Y --by WHO --why TEXT [--at TIME]

Appends one appraisal event to the log (the file is created when it does not exist),
chained to the log's last line by its SHA-256. --from is the value the change starts
from ("none" when there is none): scoring refuses an event whose --from is not the current
value (a lost update). The log is checked first; nothing is appended to a broken log.

  --at TIME            ISO 8601 time or date (default: now, UTC)`,
  vi: `par-index appraise --appraisals NHẬT_KÝ --unit MÃ --criterion MÃ_TIÊU_CHÍ --field self|appraised --from X --to Y --by NGƯỜI_SỬA --why LÝ_DO [--at THỜI_ĐIỂM]

Ghi thêm một sự kiện thẩm định vào nhật ký (tạo tệp nếu chưa có), nối với dòng cuối
của nhật ký bằng mã băm SHA-256. --from là giá trị trước khi sửa ("none" nếu chưa có):
khi chấm điểm, sự kiện có --from khác giá trị hiện hành bị từ chối (tránh ghi đè mất
thay đổi của người khác). Nhật ký được kiểm tra trước; nhật ký đã hỏng thì không ghi thêm.

  --at THỜI_ĐIỂM       thời điểm hoặc ngày theo ISO 8601 (mặc định: hiện tại, giờ UTC)`,
};

function readLog(path: string, mustExist: boolean): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    if (!mustExist && (e as NodeJS.ErrnoException).code === "ENOENT") return "";
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw usageError("usage-file-missing", { file: path });
    throw usageError("usage-file-unreadable", { file: path, detail: e instanceof Error ? e.message : String(e) });
  }
}

const FIELD = { vi: { self: "tự chấm", appraised: "thẩm định" }, en: { self: "self", appraised: "appraised" } } as const;

function describeEvent(e: LoggedEvent, lang: "vi" | "en"): string {
  const v = (x: number | null): string => (x === null ? "—" : lang === "vi" ? String(x).replace(".", ",") : String(x));
  return lang === "vi"
    ? `${e.at}  ${e.by}: tiêu chí ${e.criterion}, điểm ${FIELD.vi[e.field]} ${v(e.from)} → ${v(e.to)}. Lý do: ${e.why} (dòng ${e.line})`
    : `${e.at}  ${e.by}: criterion ${e.criterion}, ${FIELD.en[e.field]} score ${v(e.from)} → ${v(e.to)}. Why: ${e.why} (line ${e.line})`;
}

export function historyCommand(argv: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(argv, {
    appraisals: { type: "string" },
    unit: { type: "string" },
    criterion: { type: "string" },
    format: { type: "string" },
  });
  const path = requireOption(values.appraisals, "--appraisals", "LOG");
  const unit = requireOption(values.unit, "--unit", "CODE").normalize("NFC");
  const format = oneOf(values.format, ["text", "json"] as const, "--format", "text");
  const lang = langOf(io);
  const log = readAppraisalLog(readLog(path, true), { file: path });
  printDiagnostics(io, sortDiagnostics(log.diagnostics));
  const criterion = values.criterion?.normalize("NFC");
  const events = log.events.filter((e) => e.unit === unit && (criterion === undefined || e.criterion === criterion));
  if (format === "json") emit(io, JSON.stringify(events, null, 2), undefined);
  else {
    const lines = events.map((e) => describeEvent(e, lang));
    if (events.length === 0) lines.push(lang === "vi" ? `Nhật ký không có thay đổi nào của đơn vị "${unit}".` : `The log has no change for unit "${unit}".`);
    if (!log.intact) lines.push(lang === "vi" ? "CẢNH BÁO: nhật ký đã bị sửa, xoá hoặc đảo dòng (xem lỗi ở trên); lịch sử này không đáng tin." : "WARNING: the log was edited, cut or reordered (see the errors above); this history cannot be trusted.");
    emit(io, lines.join("\n"), undefined);
  }
  return log.diagnostics.some((d) => d.severity === "error") ? EXIT_ERRORS : EXIT_OK;
}

function pointsFlag(text: string | undefined, flag: string): number | null {
  if (text === undefined) throw usageError("usage-missing-option", { option: flag, placeholder: "1.5" });
  if (text === "none") return null;
  const t = text.replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) throw usageError("usage-points-value", { option: flag, value: text });
  return Number(t);
}

export function appraiseCommand(argv: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(argv, {
    appraisals: { type: "string" },
    unit: { type: "string" },
    criterion: { type: "string" },
    field: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    by: { type: "string" },
    why: { type: "string" },
    at: { type: "string" },
  });
  const path = requireOption(values.appraisals, "--appraisals", "LOG");
  const event: AppraisalEvent = {
    at: values.at ?? new Date().toISOString(),
    by: requireOption(values.by?.trim(), "--by", "WHO"),
    unit: requireOption(values.unit, "--unit", "CODE"),
    criterion: requireOption(values.criterion, "--criterion", "ID"),
    field: oneOf(values.field, ["self", "appraised"] as const, "--field", "appraised"),
    from: pointsFlag(values.from, "--from"),
    to: pointsFlag(values.to, "--to"),
    why: requireOption(values.why?.trim(), "--why", "TEXT"),
  };
  const text = readLog(path, false);
  const log = readAppraisalLog(text, { file: path });
  if (!log.intact) {
    printDiagnostics(io, log.diagnostics);
    io.stderr(
      langOf(io) === "vi"
        ? `${path}: nhật ký đã bị hỏng (xem lỗi ở trên); chưa ghi thêm gì. Khôi phục nhật ký từ bản sao trước.\n`
        : `${path}: the log is broken (see above); nothing was appended. Restore it from a copy first.\n`,
    );
    return EXIT_ERRORS;
  }
  let line: string;
  try {
    line = appendAppraisal(text, event);
  } catch (e) {
    throw usageError("usage-appraisal-event", { detail: e instanceof Error ? e.message : String(e) });
  }
  const separator = text === "" || text.endsWith("\n") ? "" : "\n";
  appendFileSync(path, separator + line + "\n", "utf8");
  io.stdout(line + "\n");
  return EXIT_OK;
}
