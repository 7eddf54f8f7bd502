/** Node file access for SIPAS surveys: definitions, streamed responses, ratings. */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { diag, type Diagnostic } from "../diagnostics/index.js";
import { parseSurvey, type ParseSurveyResult } from "../survey/parse.js";
import type { CompiledSurvey } from "../survey/plan.js";
import { createResponsesReader, type ReadOptions, type ResponsesReadResult } from "../survey/responses.js";
import { readRatings, type RatingsReadResult } from "../survey/ratings.js";
import { createSurveyAccumulator } from "../survey/accumulator.js";
import { computeSurveyResult, type SurveyResult } from "../survey/indices.js";
import { hasErrors } from "../diagnostics/index.js";

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
}

function readError(path: string, e: unknown): Diagnostic {
  const err = e as { code?: string; message?: string };
  return diag("survey-file-read", { path, detail: err.code ?? err.message ?? String(e) }, { file: path });
}

/** Reads and compiles a survey definition file. Never throws. */
export async function loadSurveyFile(path: string): Promise<ParseSurveyResult> {
  try {
    return parseSurvey(await readFile(path, "utf8"), { filename: path });
  } catch (e) {
    return { ok: false, diagnostics: [readError(path, e)] };
  }
}

/** Streams a responses CSV into an accumulator (memory does not grow with the rows). Never throws. */
export async function readResponsesFile(path: string, survey: CompiledSurvey, options: ReadFileOptions = {}): Promise<ResponsesReadResult> {
  const reader = createResponsesReader(survey, { ...options, filename: path });
  let totalBytes: number | undefined;
  try {
    totalBytes = (await stat(path)).size;
    const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
    let bytesRead = 0;
    for await (const chunk of stream) {
      reader.push(chunk as string);
      bytesRead = stream.bytesRead;
      options.onProgress?.({ path, bytesRead, ...(totalBytes !== undefined && { totalBytes }) });
    }
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
  try {
    return readRatings(await readFile(path, "utf8"), survey, { ...options, filename: path });
  } catch (e) {
    const acc = options.into ?? createSurveyAccumulator(survey);
    return { accumulator: acc, diagnostics: [readError(path, e)], stats: { rows: 0, rowsUsed: 0, rowsRejected: 0 } };
  }
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
