import { dirname } from "node:path";
import { defineStrings } from "../diagnostics/define.js";
import type { Diagnostic } from "../diagnostics/index.js";
import { evidenceSchemaOf, isLocale, type EvidenceSet, type Locale } from "../evidence/index.js";
import type { CompiledFramework } from "../framework/ir.js";
import { loadFrameworkFile } from "../node/framework.js";
import { loadEvidence, type FileSummary } from "../node/evidence.js";
import { runSurveyFiles } from "../node/survey.js";
import { surveyEvidence, withSurveyEvidence } from "../survey/index.js";
import { score } from "../engine/score.js";
import type { ScoreResult } from "../engine/result.js";
import { releaseEvidence } from "../engine/unit.js";
import { asArray, type OptionSpec } from "./args.js";
import { langOf, usageError, type CliIo, type Help } from "./io.js";
import { printDiagnostics, progressReporter } from "./output.js";
import { loadTrust, TRUST_HELP, TRUST_OPTIONS, type ReadFileRecord, type TrustFlags, type TrustLoad } from "./trust.js";
import { pathOf, renameAll, stdinFile } from "./stdin.js";

/** The flags shared by `score`, `explain` and `check-evidence`. */
export const EVIDENCE_OPTIONS = {
  framework: { type: "string" },
  evidence: { type: "string", multiple: true },
  points: { type: "string", multiple: true },
  units: { type: "string" },
  locale: { type: "string" },
  survey: { type: "string" },
  responses: { type: "string", multiple: true },
  ratings: { type: "string", multiple: true },
  verbose: { type: "boolean" },
  ...TRUST_OPTIONS,
} as const satisfies OptionSpec;

export interface EvidenceFlags extends TrustFlags {
  framework?: string | undefined;
  evidence?: string[] | undefined;
  points?: string[] | undefined;
  units?: string | undefined;
  locale?: string | undefined;
  survey?: string | undefined;
  responses?: string[] | undefined;
  ratings?: string[] | undefined;
  verbose?: boolean | undefined;
}

export const EVIDENCE_HELP: Help = {
  en: `  --framework F.yaml   the framework (required); any one file may be - (standard input)
  --evidence FILE      inputs: CSV (long or wide form) or JSON; repeatable; points tables are detected
  --points FILE        a points table CSV (unit,criterion,self,appraised[,note]); repeatable
  --units FILE         the unit registry (code,name,type,parent,...)
  --locale vi|en       how numbers and dates are written in the files (default en)
  --survey S.yaml      a SIPAS survey whose results become sipas.* inputs
  --responses R.csv    survey responses (with --survey); repeatable
  --ratings K.csv      counter/portal ratings (with --survey); repeatable
${TRUST_HELP.en}
  --verbose            say what was read from each file`,
  vi: `  --framework F.yaml   bộ tiêu chí (bắt buộc); một trong các tệp có thể là - (đầu vào chuẩn)
  --evidence TỆP       tệp số liệu: CSV (dạng dọc hoặc dạng ngang) hoặc JSON; ghi được nhiều lần; bảng điểm được tự nhận biết
  --points TỆP         bảng điểm CSV (unit,criterion,self,appraised[,note]); ghi được nhiều lần
  --units TỆP          danh mục đơn vị (code,name,type,parent,...)
  --locale vi|en       cách viết số và ngày trong các tệp (mặc định en)
  --survey S.yaml      phiếu khảo sát SIPAS; kết quả khảo sát trở thành số liệu sipas.*
  --responses R.csv    phiếu trả lời khảo sát (kèm --survey); ghi được nhiều lần
  --ratings K.csv      đánh giá tại quầy, trên cổng dịch vụ công (kèm --survey); ghi được nhiều lần
${TRUST_HELP.vi}
  --verbose            cho biết đã đọc được những gì từ từng tệp`,
};

/** The `--verbose` and progress lines, per `--lang`. */
export const PROGRESS = defineStrings({
  en: {
    kinds: {
      registry: "unit registry",
      "inputs-long": "inputs, long form (unit,input,value)",
      "inputs-wide": "inputs, wide form (unit,<input>,...)",
      points: "points table (unit,criterion,self,appraised)",
      "evidence-json": "JSON evidence",
      unknown: "not recognised",
    } as Record<FileSummary["kind"], string>,
    delimiter: (d: string) => `delimiter "${d}", `,
    file: (kind: string, delimiter: string, locale: string, read: number, used: number, rejected: number) =>
      `${kind}, ${delimiter}locale ${locale}; rows read ${read}, used ${used}, rejected ${rejected}`,
    framework: (id: string, year: number, criteria: number, inputs: number) => `framework ${id} (${year}): ${criteria} criteria, ${inputs} inputs`,
    evidence: (units: number, read: number, used: number, rejected: number) => `evidence: ${units} units; rows read ${read}, used ${used}, rejected ${rejected}`,
    readingRows: (file: string, rows: number) => `reading ${file}: ${rows.toLocaleString("en")} rows`,
    readingBytes: (file: string, mib: string) => `reading ${file}: ${mib} MiB`,
  },
  vi: {
    kinds: {
      registry: "danh mục đơn vị",
      "inputs-long": "số liệu dạng dọc (unit,input,value)",
      "inputs-wide": "số liệu dạng ngang (unit,<số liệu>,...)",
      points: "bảng điểm (unit,criterion,self,appraised)",
      "evidence-json": "số liệu JSON",
      unknown: "không nhận biết được",
    } as Record<FileSummary["kind"], string>,
    delimiter: (d: string) => `dấu phân cách "${d}", `,
    file: (kind: string, delimiter: string, locale: string, read: number, used: number, rejected: number) =>
      `${kind}, ${delimiter}cách viết số ${locale}; số dòng đã đọc ${read}, sử dụng ${used}, loại ${rejected}`,
    framework: (id: string, year: number, criteria: number, inputs: number) => `bộ tiêu chí ${id} (năm ${year}): ${criteria} tiêu chí, ${inputs} số liệu`,
    evidence: (units: number, read: number, used: number, rejected: number) => `số liệu: ${units} đơn vị; số dòng đã đọc ${read}, sử dụng ${used}, loại ${rejected}`,
    readingRows: (file: string, rows: number) => `đang đọc ${file}: ${rows.toLocaleString("de")} dòng`,
    readingBytes: (file: string, mib: string) => `đang đọc ${file}: ${mib.replace(".", ",")} MiB`,
  },
});

export type Loaded =
  | {
      readonly ok: true;
      readonly framework: CompiledFramework;
      readonly evidence: EvidenceSet;
      /** The framework file as given, then each file it extends (for the run manifest). */
      readonly frameworkFiles: readonly string[];
      /** Every input file read, with its role and data rows (for the run manifest). */
      readonly files: readonly ReadFileRecord[];
      readonly locale: Locale;
      /** Documents, appraisal changes and survey sample sizes behind the scores. */
      readonly trust: TrustLoad & { readonly respondents?: ReadonlyMap<string, number> };
      /** The temporary file holding what was read from standard input (`-`), when one was. */
      readonly stdinPath?: string;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Loads the framework, the evidence files, the registry and the survey results
 * named by the flags. Usage problems throw {@link UsageError}; a framework that
 * is not valid comes back as `ok: false` with its diagnostics.
 */
export async function loadForScoring(flags: EvidenceFlags, io: CliIo): Promise<Loaded> {
  if (!flags.framework) throw usageError("usage-missing-option", { option: "--framework", placeholder: "F.yaml" });
  const locale = flags.locale ?? "en";
  if (!isLocale(locale)) throw usageError("usage-bad-choice", { option: "--locale", value: locale, allowed: ["vi", "en"] });
  const evidenceFiles = asArray(flags.evidence);
  const pointsFiles = asArray(flags.points);
  const responses = asArray(flags.responses);
  if (evidenceFiles.length + pointsFiles.length === 0 && !flags.survey) {
    throw usageError("usage-no-evidence", {});
  }
  if (flags.survey && responses.length + asArray(flags.ratings).length === 0) {
    throw usageError("usage-option-needs", { option: "--survey", values: ["--responses R.csv", "--ratings K.csv"] });
  }
  if (!flags.survey && responses.length > 0) throw usageError("usage-option-needs", { option: "--responses", values: ["--survey S.yaml"] });

  const stdin = await stdinFile(io, [flags.framework, flags.units, ...evidenceFiles, ...pointsFiles]);
  const frameworkFiles: string[] = [];
  // `extends` is confined to the framework's own folder and below (README, "Safety and limits").
  const frameworkPath = pathOf(flags.framework, stdin);
  const loaded = loadFrameworkFile(frameworkPath, { root: dirname(frameworkPath), onFile: (f) => frameworkFiles.push(f) });
  if (!loaded.ok) return { ok: false, diagnostics: renameAll(loaded.diagnostics, stdin) };
  const framework = loaded.framework;
  const schema = evidenceSchemaOf(framework);

  const progress = progressReporter(io);
  const words = PROGRESS[langOf(io)];
  const files: ReadFileRecord[] = [];
  const roleOf = (file: string): ReadFileRecord["role"] => (file === flags.units ? "units" : pointsFiles.includes(file) && !evidenceFiles.includes(file) ? "points" : "evidence");
  let evidence = await loadEvidence(
    {
      evidence: evidenceFiles.map((f) => pathOf(f, stdin)),
      points: pointsFiles.map((f) => pathOf(f, stdin)),
      ...(flags.units !== undefined && { units: pathOf(flags.units, stdin) }),
      locale: locale as Locale,
      onProgress: (p) => progress(words.readingRows(p.file, p.rows)),
      onFile: (summary: FileSummary) => {
        const f = stdin?.rename(summary) ?? summary;
        files.push({ file: summary.file, role: roleOf(f.file), rows: f.stats.rowsRead });
        if (flags.verbose) {
          progress.done();
          const delimiter = f.sheet === undefined ? words.delimiter(f.delimiter ?? ",") : "";
          io.stderr(`${f.file}${f.sheet === undefined ? "" : `:${f.sheet}`}: ${words.file(words.kinds[f.kind], delimiter, f.locale, f.stats.rowsRead, f.stats.rowsUsed, f.stats.rowsRejected)}\n`);
        }
      },
    },
    schema,
  );
  let respondents: Map<string, number> | undefined;
  if (flags.survey) {
    const ratings = asArray(flags.ratings);
    files.push({ file: flags.survey, role: "survey", rows: 0 });
    const run = await runSurveyFiles(flags.survey, responses, ratings, {
      onProgress: (p) => progress(words.readingBytes(p.path, (p.bytesRead / 1048576).toFixed(1))),
      onFileRead: (path, rows) => files.push({ file: path, role: ratings.includes(path) && !responses.includes(path) ? "ratings" : "responses", rows }),
    });
    if (run.result) respondents = new Map(run.result.units.map((u) => [u.unit, u.respondents]));
    const surveyDiagnostics = run.diagnostics;
    evidence = { ...evidence, diagnostics: [...evidence.diagnostics, ...surveyDiagnostics] };
    if (run.result) evidence = withSurveyEvidence(evidence, surveyEvidence(run.result), new Set(schema.inputs.keys()));
  }
  progress.done();
  if (flags.verbose) {
    const s = evidence.stats;
    io.stderr(
      `${words.framework(framework.id, framework.year, framework.nodes.length, framework.inputs.length)}\n` +
        `${words.evidence(evidence.units.length, s.rowsRead, s.rowsUsed, s.rowsRejected)}\n`,
    );
  }
  const trust = loadTrust(flags, framework, evidence, locale as Locale);
  evidence = trust.evidence;
  files.push(...trust.files);
  return {
    ok: true,
    framework,
    evidence: { ...evidence, diagnostics: renameAll([...loaded.diagnostics, ...evidence.diagnostics], stdin) },
    frameworkFiles,
    files,
    locale: locale as Locale,
    trust: respondents === undefined ? trust : { ...trust, respondents },
    ...(stdin !== undefined && { stdinPath: stdin.path }),
  };
}

/** Prints a failed load's diagnostics; returns true when the load failed. */
export function reportFailedLoad(loaded: Loaded, io: CliIo): loaded is Extract<Loaded, { ok: false }> {
  if (loaded.ok) return false;
  printDiagnostics(io, loaded.diagnostics);
  return true;
}


/** What a run keeps once scored: everything {@link loadForScoring} gave but the evidence. */
export type ScoredRun = Omit<Extract<Loaded, { ok: true }>, "evidence" | "trust"> & {
  readonly trust: Omit<Extract<Loaded, { ok: true }>["trust"], "evidence">;
};

/**
 * Loads and scores (without explanations), then lets the evidence go: the result keeps what it
 * shows (numbers, statuses, self scores, diagnostics) and nothing else holds the evidence set,
 * so its memory is free again before the output is written. A failed load's diagnostics are
 * printed and `ok: false` comes back.
 */
export async function loadAndScore(flags: EvidenceFlags, io: CliIo): Promise<{ ok: false } | { ok: true; result: ScoreResult; run: ScoredRun }> {
  const loaded = await loadForScoring(flags, io);
  if (reportFailedLoad(loaded, io)) return { ok: false };
  const result = score(loaded.framework, loaded.evidence, { explain: false });
  releaseEvidence(result);
  const { evidence: _evidence, trust: { evidence: _trustEvidence, ...trust }, ...run } = loaded;
  return { ok: true, result, run: { ...run, trust } };
}
