import { scoreResultJsonPieces } from "../../engine/index.js";
import { hasErrors, localizeDiagnostics } from "../../diagnostics/index.js";
import { toCsv, toMarkdown, toTable } from "../../report/index.js";
import { oneOf, parseCommandArgs } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, langOf, UsageError, type CliIo } from "../io.js";
import { emit, emitPieces, FORMATS, printDiagnostics } from "../output.js";
import { EVIDENCE_HELP, EVIDENCE_OPTIONS, loadAndScore } from "../scoring.js";
import { trustMembers } from "../manifest.js";
import { writeXlsxOut } from "../xlsx.js";
import { scoreWorkbook } from "../../report/score-workbook.js";

export const scoreHelp = `par-index score --framework F.yaml [--evidence E ...] [--points P ...] [--units U] [--format json|table|csv|md|xlsx] [--out FILE]

Scores every unit and prints the ranking. json is the contract's Results object
(diagnostics included); table, csv and md print diagnostics on stderr.
Exit 0 with no error diagnostic, 1 when the framework or the evidence has errors,
2 for usage errors.

${EVIDENCE_HELP}
  --format F           json (default), table (terminal), csv (one row per unit), md (Markdown),
                       xlsx (the results workbook: Xếp hạng, Chi tiết, Chẩn đoán; needs --out)
  --compact            json without indentation or line breaks (the same content, about a third smaller)
  --out FILE           write the result to FILE instead of stdout
  --stamp              put the time of the run in the JSON's manifest (without it, the same inputs give byte-identical results)`;

export async function scoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...EVIDENCE_OPTIONS, format: { type: "string" }, out: { type: "string" }, stamp: { type: "boolean" }, compact: { type: "boolean" } });
  const format = oneOf(values.format, [...FORMATS, "xlsx"] as const, "--format", "json");
  if (values.compact === true && format !== "json") throw new UsageError(`--compact applies to --format json only, not ${format}. Leave out --compact.`);
  if (format === "xlsx" && values.out === undefined) throw new UsageError("--format xlsx needs --out FILE.xlsx (a workbook is not printed).");
  // Scored without explanations; the evidence is let go before the output is written.
  const scored = await loadAndScore(values, io);
  if (!scored.ok) return EXIT_ERRORS;
  const { result, run: loaded } = scored;
  if (format === "json") {
    const worded = { ...result, diagnostics: localizeDiagnostics(result.diagnostics, langOf(io)) };
    const extra = await trustMembers(worded, loaded, values.stamp === true, langOf(io));
    // Every digit kept (numbers a double cannot hold are written from their exact decimals), one unit at a time:
    // neither a giant string nor the whole Results object (trust figures too are computed per unit as written).
    emitPieces(io, scoreResultJsonPieces(worded, { exactNumbers: true, extra, indent: values.compact === true ? 0 : 2 }), values.out);
  } else if (format === "xlsx") {
    printDiagnostics(io, result.diagnostics);
    const lang = langOf(io);
    const worded = { ...result, diagnostics: localizeDiagnostics(result.diagnostics, lang) };
    await writeXlsxOut(io, values.out as string, scoreWorkbook(worded, { lang }));
  } else {
    printDiagnostics(io, result.diagnostics);
    const lang = langOf(io);
    const locale = values.locale === "vi" || values.locale === "en" ? values.locale : undefined;
    const text =
      format === "csv"
        ? toCsv(result, result.framework, locale ? { locale } : {})
        : (format === "table" ? toTable : toMarkdown)(result, result.framework, { lang, ...(locale && { locale }) });
    emit(io, text, values.out);
  }
  return hasErrors(result.diagnostics) ? EXIT_ERRORS : EXIT_OK;
}
