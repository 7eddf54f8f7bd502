import { dirname } from "node:path";
import { defineStrings } from "../../diagnostics/define.js";
import { readFileSync } from "node:fs";
import { hasErrors } from "../../diagnostics/index.js";
import { loadFrameworkFile } from "../../node/framework.js";
import { loadSurveyFile } from "../../node/survey.js";
import { parseCommandArgs } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, langOf, usageError, type CliIo, type Help } from "../io.js";
import { printDiagnostics } from "../output.js";
import { validateCrosswalkFile, isCrosswalk } from "../crosswalk.js";

export const validateHelp: Help = {
  en: `par-index validate FILE...

Checks framework files (format: par-index/v1), SIPAS survey definitions
(format: par-index/survey-v1) and crosswalks (format: par-index/crosswalk-v1; their
ids are checked against the base and current frameworks when found next to the
crosswalk or bundled). Exit 0 when all are valid; otherwise exit 1 with
one line per problem on stderr: FILE:LINE:COLUMN: error CODE: message.`,
  vi: `par-index validate TỆP...

Kiểm tra tệp bộ tiêu chí (format: par-index/v1), phiếu khảo sát SIPAS
(format: par-index/survey-v1) và tệp đối chiếu tiêu chí (format: par-index/crosswalk-v1;
mã tiêu chí được đối chiếu với bộ tiêu chí năm gốc và năm hiện tại nếu tìm thấy cạnh
tệp đối chiếu hoặc có sẵn trong gói). Mã thoát 0 khi mọi tệp hợp lệ; nếu không, mã 1
và mỗi lỗi một dòng trên stderr: TỆP:DÒNG:CỘT: error MÃ_LỖI: nội dung.`,
};

const VALID = defineStrings({
  en: {
    framework: (id: string, year: number, criteria: number) => `valid (${id}, ${year}, ${criteria} criteria)`,
    survey: (id: string, year: number, items: number) => `valid survey (${id}, ${year}, ${items} items)`,
    summary: (valid: number, files: number) => `${valid} of ${files} files valid.`,
  },
  vi: {
    framework: (id: string, year: number, criteria: number) => `bộ tiêu chí hợp lệ (${id}, năm ${year}, ${criteria} tiêu chí)`,
    survey: (id: string, year: number, items: number) => `phiếu khảo sát hợp lệ (${id}, năm ${year}, ${items} câu hỏi)`,
    summary: (valid: number, files: number) => `${valid} trên ${files} tệp hợp lệ.`,
  },
});

const SURVEY_FORMAT = /^format:\s*["']?par-index\/survey-v1["']?\s*(#.*)?$/m;

/** Whether a file declares the survey format (read cheaply; an unreadable file is left to the framework loader to report). */
function isSurvey(file: string): boolean {
  try {
    return SURVEY_FORMAT.test(readFileSync(file, "utf8").slice(0, 64 * 1024));
  } catch {
    return false;
  }
}

export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {}, true);
  if (positionals.length === 0) throw usageError("usage-no-files", {});
  let failed = 0;
  const w = VALID[langOf(io)];
  for (const file of positionals) {
    if (isCrosswalk(file)) {
      if (!validateCrosswalkFile(file, io)) failed++;
      continue;
    }
    if (isSurvey(file)) {
      const result = await loadSurveyFile(file);
      printDiagnostics(io, result.diagnostics);
      if (!result.ok || hasErrors(result.diagnostics)) failed++;
      else io.stdout(`${file}: ${w.survey(result.survey.id, result.survey.year, result.survey.items.length)}\n`);
      continue;
    }
    const result = loadFrameworkFile(file, { root: dirname(file) });
    printDiagnostics(io, result.diagnostics);
    if (!result.ok || hasErrors(result.diagnostics)) failed++;
    else io.stdout(`${file}: ${w.framework(result.framework.id, result.framework.year, result.framework.nodes.length)}\n`);
  }
  // With several files, a last line says how many passed.
  if (positionals.length > 1) io.stdout(w.summary(positionals.length - failed, positionals.length) + "\n");
  return failed > 0 ? EXIT_ERRORS : EXIT_OK;
}
