/**
 * CLI glue for the trail behind the scores: the document register (`--register`), the
 * appraisal log (`--appraisals`), the appraisal date (`--appraised-on`), and the files
 * read for the run manifest.
 */
import { readFileSync } from "node:fs";
import { CalendarDate } from "../core/value.js";
import { diag, type Diagnostic } from "../diagnostics/index.js";
import type { RecordedFile } from "../node/manifest.js";
import { applyAppraisals, readAppraisalLog, type AppraisalChanges } from "../evidence/appraisal-log.js";
import { checkDocuments, type ClaimCheck } from "../evidence/documents.js";
import type { Locale } from "../evidence/locale.js";
import type { EvidenceSet } from "../evidence/model.js";
import { formatDate, readRegisterCsv, type RegisterEntry } from "../evidence/register.js";
import type { CompiledFramework } from "../framework/ir.js";
import { parseValue } from "../evidence/values.js";
import { usageError, type Help } from "./io.js";

export const TRUST_OPTIONS = {
  register: { type: "string", multiple: true },
  appraisals: { type: "string" },
  "appraised-on": { type: "string" },
} as const;

export const TRUST_HELP: Help = {
  en: `  --register R.csv     evidence-document register (unit,criterion,document,number,date[,link]); repeatable
  --appraisals LOG     appraisal log (JSON Lines, hash-chained): its events are applied in order onto the points table
  --appraised-on DATE  the appraisal date (15/01/2025 or 2025-01-15): a document dated after it is an error`,
  vi: `  --register R.csv     sổ tài liệu kiểm chứng (unit,criterion,document,number,date[,link]); ghi được nhiều lần
  --appraisals LOG     nhật ký thẩm định (JSON Lines, có chuỗi băm): các sự kiện được áp dụng lần lượt vào bảng điểm
  --appraised-on NGÀY  ngày thẩm định (15/01/2025 hoặc 2025-01-15): tài liệu đề ngày sau ngày này là lỗi`,
};

export interface TrustFlags {
  register?: string[] | undefined;
  appraisals?: string | undefined;
  "appraised-on"?: string | undefined;
}

/** A file read for the run, for the manifest. */
export type ReadFileRecord = RecordedFile;

export interface TrustLoad {
  readonly evidence: EvidenceSet;
  /** Claims with self > 0 and their documents; undefined when neither a register nor a documents column was given. */
  readonly claims?: readonly ClaimCheck[];
  readonly changes: AppraisalChanges;
  readonly files: readonly ReadFileRecord[];
  readonly appraisedOn?: string;
}

/** Parses `--appraised-on`; a usage error when it is not a date. */
export function appraisedOnFlag(text: string | undefined): CalendarDate | undefined {
  if (text === undefined) return undefined;
  const parsed = parseValue(text, { kind: "input", name: "appraised-on", slot: -1, type: "date", missing: "error" }, "vi");
  if (!parsed.ok || !(parsed.value instanceof CalendarDate)) throw usageError("usage-bad-date", { option: "--appraised-on", value: text });
  return parsed.value;
}

function readText(path: string, diagnostics: Diagnostic[]): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    diagnostics.push(diag("evidence-unreadable", { detail }, { file: path }));
    return undefined;
  }
}

/**
 * Applies the appraisal log, reads the registers and checks every claim's documents.
 * Every problem goes into the returned evidence's diagnostics (so `score` reports it).
 */
export function loadTrust(flags: TrustFlags, framework: CompiledFramework, evidence: EvidenceSet, locale: Locale): TrustLoad {
  const diagnostics: Diagnostic[] = [];
  const files: ReadFileRecord[] = [];
  const appraisedOn = appraisedOnFlag(flags["appraised-on"]);
  let set = evidence;
  let changes: AppraisalChanges = new Map();
  if (flags.appraisals !== undefined) {
    const file = flags.appraisals;
    const text = readText(file, diagnostics);
    if (text !== undefined) {
      const log = readAppraisalLog(text, { file });
      files.push({ file, role: "appraisals", rows: log.rows });
      diagnostics.push(...log.diagnostics);
      const applied = applyAppraisals(set, framework, log, { file });
      diagnostics.push(...applied.diagnostics);
      set = applied.evidence;
      changes = applied.changes;
    }
  }
  const units = new Set(set.units.map((u) => u.code));
  for (const code of set.byUnit.keys()) units.add(code);
  const criteria = new Set([...framework.nodes.map((n) => n.id), ...framework.adjustments.map((a) => a.id)]);
  const register: RegisterEntry[] = [];
  for (const file of flags.register ?? []) {
    const text = readText(file, diagnostics);
    if (text === undefined) continue;
    const read = readRegisterCsv(text, { file, locale, units, criteria, ...(appraisedOn !== undefined && { appraisedOn }) });
    files.push({ file, role: "register", rows: read.rows });
    diagnostics.push(...read.diagnostics);
    for (const r of read.entries) {
      // A document dated after the council's logged appraisal of that very claim.
      const e = changes.get(r.unit)?.get(r.criterion);
      const day = e === undefined || e.field !== "appraised" ? undefined : CalendarDate.parseIso(e.at.slice(0, 10));
      if (r.date !== undefined && day !== undefined && r.date.compare(day) > 0) {
        diagnostics.push(
          diag(
            "register-document-after-appraisal",
            { unit: r.unit, criterion: r.criterion, document: r.number === undefined ? r.document : `${r.document} (${r.number})`, date: formatDate(r.date), appraised: formatDate(day) },
            r.where,
          ),
        );
        continue;
      }
      register.push(r);
    }
  }
  // Documents are checked when the run is about them: a register, or a points table with documents.
  const checked = (flags.register ?? []).length > 0 || hasDocuments(set) ? checkDocuments(framework, set, register) : undefined;
  if (checked !== undefined) diagnostics.push(...checked.diagnostics);
  return {
    evidence: diagnostics.length === 0 ? set : { ...set, diagnostics: [...set.diagnostics, ...diagnostics] },
    ...(checked !== undefined && { claims: checked.claims }),
    changes,
    files,
    ...(appraisedOn !== undefined && { appraisedOn: appraisedOn.toString() }),
  };
}

function hasDocuments(evidence: EvidenceSet): boolean {
  for (const u of evidence.byUnit.values()) for (const e of u.points.values()) if (e.documents !== undefined) return true;
  return false;
}
