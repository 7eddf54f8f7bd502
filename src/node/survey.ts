/** Node file access for SIPAS surveys: definitions, streamed responses, ratings. */
import { diag, type Diagnostic } from "../diagnostics/index.js";
import { BoundedReadError, type BoundedReadFailure, openBounded, readFileBoundedSync } from "./read-bounded.js";
import { parseSurvey, type ParseSurveyResult } from "../survey/parse.js";
import type { CompiledSurvey } from "../survey/plan.js";
import { createResponsesReader, type ReadOptions, type ResponsesReadResult } from "../survey/responses.js";
import { readRatings, type RatingsReadResult } from "../survey/ratings.js";
import { createSurveyAccumulator } from "../survey/accumulator.js";
import { computeSurveyResult, type SurveyResult } from "../survey/indices.js";
import { hasErrors } from "../diagnostics/index.js";
import { readResponsesWorkbook } from "./xlsx/survey.js";

export interface SurveyProgress {
  readonly path: string;
  readonly bytesRead: number;
  /** Size of the file, when known. */
  readonly totalBytes?: number;
}

export interface ReadFileOptions extends Omit<ReadOptions, "filename"> {
  /** Called after each responses or ratings file with the data rows read from it (for the run manifest). */
  readonly onFileRead?: (path: string, rows: number) => void;
  /** Called after each chunk (about every MiB). */
  readonly onProgress?: (p: SurveyProgress) => void;
  /** Byte limit of a responses file, counted while reading; default {@link MAX_RESPONSES_BYTES}. */
  readonly maxBytes?: number;
}

/** Largest survey definition read: 5 MiB (like a framework). */
export const MAX_SURVEY_BYTES = 5 * 1024 * 1024;
/** Largest responses file read (streamed; memory does not grow with it): 4 GiB. */
export const MAX_RESPONSES_BYTES = 4 * 1024 * 1024 * 1024;
/** Largest ratings file read (read whole): 64 MiB. */
export const MAX_RATINGS_BYTES = 64 * 1024 * 1024;

function describeFailure(f: BoundedReadFailure): string {
  switch (f.reason) {
    case "not-a-file":
      return `it is ${f.detail}, not a regular file`;
    case "too-large":
      return `it is larger than ${f.limit} bytes, the most that is read`;
    default:
      return f.detail;
  }
}

function readError(path: string, e: unknown): Diagnostic {
  if (e instanceof BoundedReadError) e = e.failure;
  const f = e as Partial<BoundedReadFailure> & { code?: string; message?: string };
  const detail = f.ok === false ? describeFailure(f as BoundedReadFailure) : (f.code ?? f.message ?? String(e));
  return diag("survey-file-read", { path, detail }, { file: path });
}

/** Reads and compiles a survey definition file. Never throws. */
export async function loadSurveyFile(path: string): Promise<ParseSurveyResult> {
  const read = readFileBoundedSync(path, MAX_SURVEY_BYTES);
  if (!read.ok) return { ok: false, diagnostics: [readError(path, read)] };
  return parseSurvey(read.text, { filename: path });
}

/** Streams a responses CSV into an accumulator (memory does not grow with the rows). Never throws. */
export async function readResponsesFile(path: string, survey: CompiledSurvey, options: ReadFileOptions = {}): Promise<ResponsesReadResult> {
  if (/\.(xlsx|xlsm)$/i.test(path)) return readResponsesWorkbook(path, survey, options);
  const reader = createResponsesReader(survey, { ...options, filename: path });
  try {
    const opened = await openBounded(path, options.maxBytes ?? MAX_RESPONSES_BYTES);
    if (!opened.ok) throw new BoundedReadError(opened);
    const totalBytes = opened.size;
    const decoder = new TextDecoder("utf-8");
    let bytesRead = 0;
    for await (const chunk of opened.chunks) {
      reader.push(decoder.decode(chunk, { stream: true }));
      bytesRead += chunk.byteLength;
      options.onProgress?.({ path, bytesRead, totalBytes });
    }
    reader.push(decoder.decode());
  } catch (e) {
    const r = reader.end();
    // A file that could not be opened is one problem, not also an "empty file".
    const kept = r.diagnostics.filter((d) => d.code !== "survey-csv-empty");
    return { ...r, diagnostics: [...kept, readError(path, e)] };
  }
  return reader.end();
}

/** Reads a ratings CSV (`unit,level,count`). Never throws. */
export async function readRatingsFile(path: string, survey: CompiledSurvey, options: Omit<ReadOptions, "filename"> = {}): Promise<RatingsReadResult> {
  const read = readFileBoundedSync(path, MAX_RATINGS_BYTES);
  if (!read.ok) {
    const acc = options.into ?? createSurveyAccumulator(survey);
    return { accumulator: acc, diagnostics: [readError(path, read)], stats: { rows: 0, rowsUsed: 0, rowsRejected: 0 } };
  }
  return readRatings(read.text, survey, { ...options, filename: path });
}

export interface SurveyFilesRun {
  /** Undefined when the survey definition itself is invalid. */
  readonly result: SurveyResult | undefined;
  /** All diagnostics (definition, files, indices). */
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

/**
 * The whole `par-index sipas` pipeline on files: definition, then every responses
 * file and ratings file into one accumulator, then the indices. Never throws.
 * `ok` is false when any error diagnostic was produced.
 */
export async function runSurveyFiles(
  surveyPath: string,
  responsesPaths: readonly string[],
  ratingsPaths: readonly string[] = [],
  options: ReadFileOptions = {},
): Promise<SurveyFilesRun> {
  const loaded = await loadSurveyFile(surveyPath);
  if (!loaded.ok) return { result: undefined, diagnostics: loaded.diagnostics, ok: false };
  const survey = loaded.survey;
  const acc = createSurveyAccumulator(survey);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  for (const p of responsesPaths) {
    const read = await readResponsesFile(p, survey, { ...options, into: acc });
    options.onFileRead?.(p, read.stats.rows);
    diagnostics.push(...read.diagnostics);
  }
  for (const p of ratingsPaths) {
    const read = await readRatingsFile(p, survey, { into: acc });
    options.onFileRead?.(p, read.stats.rows);
    diagnostics.push(...read.diagnostics);
  }
  const result = computeSurveyResult(survey, acc, diagnostics);
  return { result, diagnostics: result.diagnostics, ok: !hasErrors(result.diagnostics) };
}
