import { readFileSync } from "node:fs";
import { compareResults, readManifest, type InputRole, type ResultDifference, type RunManifest } from "../../engine/manifest.js";
import { sha256File, STDIN_FILE } from "../../node/manifest.js";
import { oneOf, parseCommandArgs, requireOption } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, langOf, type CliIo, type Help } from "../io.js";
import { emit } from "../output.js";
import { scoreCommand } from "./score.js";
import { ENGINE } from "../manifest.js";

export const verifyHelp: Help = {
  en: `par-index verify --results R.json [--format text|json] [--lang vi|en]

Re-scores a saved result (score --format json) from the files its manifest records and
says whether the result is the same. Each recorded file is hashed again (SHA-256): a file
whose bytes changed, or that is gone, is named. Files are found by the names recorded,
relative to the current folder (run verify from where score was run). An input read from
standard input (recorded as "-") cannot be read again: it is named as not checked, and the
result cannot be re-scored (save such input to a file and score from the file).
Exit 0 when every file and the result are the same; 1 otherwise; 2 for usage errors.

  --results R.json     the saved result
  --format text|json   text (default) or JSON { same, files, differences }
  --lang vi|en         language of the text output (default vi)`,
  vi: `par-index verify --results R.json [--format text|json] [--lang vi|en]

Chấm lại một kết quả đã lưu (score --format json) từ các tệp ghi trong manifest của nó
và cho biết kết quả có giống hay không. Mỗi tệp đã ghi được băm lại (SHA-256): tệp có
nội dung đã thay đổi hoặc không còn được nêu tên. Tệp được tìm theo tên đã ghi, tính từ
thư mục hiện tại (chạy verify từ thư mục đã chạy score).
Mã thoát 0 khi mọi tệp và kết quả không đổi; 1 nếu khác; 2 khi dùng sai lệnh.

  --results R.json     kết quả đã lưu
  --format text|json   văn bản (mặc định) hoặc JSON { same, files, differences }
  --lang vi|en         ngôn ngữ của văn bản (mặc định vi)`,
};

const FLAG: Record<InputRole, string> = {
  units: "--units",
  evidence: "--evidence",
  points: "--points",
  survey: "--survey",
  responses: "--responses",
  ratings: "--ratings",
  register: "--register",
  appraisals: "--appraisals",
};

/**
 * One recorded file checked again. `unchecked`: it was read from standard input (`-`), which
 * cannot be read again, so its hash was not compared (`now` is null).
 */
export interface VerifiedFile {
  file: string;
  role: InputRole | "framework";
  status: "same" | "changed" | "missing" | "unchecked";
  recorded: string;
  now: string | null;
}

export interface VerifyReport {
  same: boolean;
  files: VerifiedFile[];
  /** Where the re-scored result differs from the saved one (at most 20 places); empty when not re-scored. */
  differences: ResultDifference[];
  /** False when the result could not be re-scored (a file is missing, or was standard input). */
  rescored: boolean;
  /** The engine that wrote the result and the one that re-scored it. */
  engine: { recorded: string; now: string };
}

/** The `score` arguments that reproduce a manifest's run. */
export function scoreArgsOf(m: RunManifest): string[] {
  const args = ["--framework", m.framework.files[0]!.file, "--locale", m.options.locale, "--format", "json"];
  if (m.options.appraised_on !== undefined) args.push("--appraised-on", m.options.appraised_on);
  for (const f of m.inputs) args.push(FLAG[f.role], f.file);
  return args;
}

const TEXT = {
  vi: {
    same: (n: number) => `Kết quả được tái lập đúng: ${n} tệp không đổi, chấm lại cho cùng kết quả.`,
    changed: (f: VerifiedFile) => `Tệp đã thay đổi: ${f.file} (${f.role}): SHA-256 khi chấm ${f.recorded}, nay ${f.now}.`,
    missing: (f: VerifiedFile) => `Không đọc được tệp: ${f.file} (${f.role}); không thể chấm lại. Chạy verify từ thư mục đã chạy score.`,
    unchecked: (f: VerifiedFile) =>
      `Không kiểm tra được ${f.file} (${f.role}): dữ liệu này được đọc từ đầu vào chuẩn (stdin), không đọc lại được, nên chưa so SHA-256 (lúc chấm: ${f.recorded}) và không chấm lại được. Đây không phải lỗi của các tệp khác. Để kết quả kiểm tra lại được, hãy lưu dữ liệu vào tệp và chấm từ tệp đó.`,
    others: (same: number, all: number) => `Các tệp khác: ${same}/${all} không đổi.`,
    differs: (n: number) => `Chấm lại cho kết quả KHÁC kết quả đã lưu (${n} chỗ khác):`,
    sameResult: "Chấm lại cho cùng kết quả, nhưng tệp đầu vào đã đổi.",
    engine: (a: string, b: string) => `Kết quả do ${a} tính, nay chấm lại bằng ${b}.`,
    not: "KHÔNG tái lập được kết quả.",
    /** A manifest problem (`manifest.inputs[0]: expected …`): where it is, then what to do. */
    manifest: (p: string) => {
      const at = p.slice(0, p.indexOf(":"));
      return at === "manifest"
        ? 'kết quả không có manifest (do phiên bản cũ ghi ra hoặc đã bị sửa); không thể chấm lại. Chạy lại "par-index score --format json" để có kết quả kèm manifest.'
        : `manifest của kết quả bị sai ở ${at}; không thể chấm lại. Chạy lại "par-index score --format json" để có kết quả kèm manifest.`;
    },
  },
  en: {
    same: (n: number) => `The result is reproduced: ${n} files unchanged, re-scoring gives the same result.`,
    changed: (f: VerifiedFile) => `File changed: ${f.file} (${f.role}): SHA-256 when scored ${f.recorded}, now ${f.now}.`,
    missing: (f: VerifiedFile) => `Cannot read ${f.file} (${f.role}); the result cannot be re-scored. Run verify from the folder score was run in.`,
    unchecked: (f: VerifiedFile) =>
      `Not checked: ${f.file} (${f.role}) was read from standard input, which cannot be read again, so its SHA-256 (${f.recorded} when scored) was not compared and the result cannot be re-scored. This is not a fault of the other files. To make a result verifiable, save such input to a file and score from the file.`,
    others: (same: number, all: number) => `The other files: ${same} of ${all} unchanged.`,
    differs: (n: number) => `Re-scoring gives a DIFFERENT result from the saved one (${n} places differ):`,
    sameResult: "Re-scoring gives the same result, but input files changed.",
    engine: (a: string, b: string) => `The result was computed by ${a}, re-scored by ${b}.`,
    not: "The result is NOT reproduced.",
    manifest: (p: string) => p,
  },
} as const;

export async function verifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { results: { type: "string" }, format: { type: "string" } });
  const path = requireOption(values.results, "--results", "R.json");
  const format = oneOf(values.format, ["text", "json"] as const, "--format", "text");
  const lang = langOf(io);
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    io.stderr(`${path}: error: ${lang === "vi" ? "không đọc được kết quả JSON" : "cannot read the JSON result"} (${e instanceof Error ? e.message : String(e)}).\n`);
    return EXIT_ERRORS;
  }
  const read = readManifest(saved);
  if (!read.ok) {
    for (const p of read.problems) io.stderr(`${path}: error: ${TEXT[lang].manifest(p)}\n`);
    return EXIT_ERRORS;
  }
  const report = await verifyManifest(read.manifest, saved);
  if (format === "json") emit(io, JSON.stringify(report, null, 2), undefined);
  else {
    const t = TEXT[lang];
    const lines: string[] = [];
    if (report.engine.recorded !== report.engine.now) lines.push(t.engine(report.engine.recorded, report.engine.now));
    for (const f of report.files) if (f.status === "changed") lines.push(t.changed(f));
    for (const f of report.files) if (f.status === "missing") lines.push(t.missing(f));
    const unchecked = report.files.filter((f) => f.status === "unchecked");
    for (const f of unchecked) lines.push(t.unchecked(f));
    if (unchecked.length > 0) {
      const others = report.files.filter((f) => f.status !== "unchecked");
      lines.push(t.others(others.filter((f) => f.status === "same").length, others.length));
    }
    if (report.differences.length > 0) {
      lines.push(t.differs(report.differences.length));
      for (const d of report.differences) lines.push(`  ${d.path}: ${d.recorded ?? "—"} → ${d.now ?? "—"}`);
    } else if (report.rescored && !report.same) lines.push(t.sameResult);
    lines.push(report.same ? t.same(report.files.length) : t.not);
    emit(io, lines.join("\n"), undefined);
  }
  return report.same ? EXIT_OK : EXIT_ERRORS;
}

/** Hashes the recorded files again and, when all are there, re-scores and compares. */
export async function verifyManifest(manifest: RunManifest, saved: unknown): Promise<VerifyReport> {
  const files: VerifiedFile[] = [];
  const engine = { recorded: manifest.engine, now: ENGINE };
  const check = async (file: string, role: VerifiedFile["role"], recorded: string): Promise<void> => {
    if (file === STDIN_FILE) {
      files.push({ file, role, status: "unchecked", recorded, now: null });
      return;
    }
    const now = (await sha256File(file)) ?? null;
    files.push({ file, role, status: now === null ? "missing" : now === recorded ? "same" : "changed", recorded, now });
  };
  for (const f of manifest.framework.files) await check(f.file, "framework", f.sha256);
  for (const f of manifest.inputs) await check(f.file, f.role, f.sha256);
  if (files.some((f) => f.status === "missing" || f.status === "unchecked")) return { same: false, files, differences: [], rescored: false, engine };
  let out = "";
  let err = "";
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTty: false, cwd: process.cwd(), lang: manifest.options.lang ?? "vi" };
  await scoreCommand(scoreArgsOf(manifest), io);
  let now: unknown;
  try {
    now = JSON.parse(out);
  } catch {
    const differences = [{ path: "", recorded: "a result", now: err.trim() || "no result" }];
    return { same: false, files, differences, rescored: true, engine };
  }
  const differences = compareResults(saved, now);
  return { same: differences.length === 0 && files.every((f) => f.status === "same"), files, differences, rescored: true, engine };
}
