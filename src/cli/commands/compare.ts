import { compare, compareTables, parseCrosswalk, parseLineage, type Crosswalk, type Lineage } from "../../analysis/index.js";
import { hasErrors, type Diagnostic } from "../../diagnostics/index.js";
import { oneOf, parseCommandArgs } from "../args.js";
import { ANALYSIS_FORMATS, ANALYSIS_HELP, ANALYSIS_OPTIONS, emitAnalysis, requireXlsxOut, loadAnalysisInput, readResultsFile, readText } from "../analysis.js";
import { EXIT_ERRORS, EXIT_OK, UsageError, langOf, type CliIo } from "../io.js";
import { printDiagnostics } from "../output.js";

export const compareHelp = `par-index compare --base A.json (--current B.json | --framework F.yaml --evidence E ...) [--crosswalk C.yaml] [--lineage L.csv]

Units, ranks and criteria of two years side by side, with deltas. Units pair by code,
or through a lineage file (from,to[,weight]: old units into new ones, e.g. the merger
of 1 July 2025): a new unit's base values are the weighted mean of its old units'.
base_rank is the rank of the base index among the current units, rank_change =
base_rank − rank (positive: moved up). Criteria pair by id, or through a crosswalk
(format: par-index/crosswalk-v1) when the frameworks differ.

  --base A.json        the base year's results (score --format json)
  --current B.json     the current year's results (or score it with the flags below)
  --crosswalk C.yaml   pairs the criteria of two frameworks
  --lineage L.csv      carries old units into new ones
${ANALYSIS_HELP.replace(/ {2}--results[^\n]*\n[^\n]*\n[^\n]*\n/, "")}`;

export async function compareCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...ANALYSIS_OPTIONS,
    base: { type: "string" },
    current: { type: "string" },
    crosswalk: { type: "string" },
    lineage: { type: "string" },
  });
  const format = oneOf(values.format, ANALYSIS_FORMATS, "--format", "json");
  requireXlsxOut(format, values.out);
  const lang = langOf(io);
  if (!values.base) throw new UsageError("missing --base: give the base year's results as --base A.json.");
  if (values.results !== undefined) throw new UsageError("compare takes --current B.json for the current results (not --results).");
  const diagnostics: Diagnostic[] = [];
  const base = readResultsFile(values.base, io.cwd);
  diagnostics.push(...base.diagnostics);
  const current =
    values.current !== undefined
      ? await loadAnalysisInput({ results: values.current, units: values.units, framework: values.framework }, io)
      : await loadAnalysisInput(values, io);
  if (base.published === undefined || current === undefined) {
    printDiagnostics(io, diagnostics);
    return EXIT_ERRORS;
  }
  diagnostics.push(...current.diagnostics);
  let crosswalk: Crosswalk | undefined;
  if (values.crosswalk !== undefined) {
    const read = readText(values.crosswalk, io.cwd);
    diagnostics.push(...read.diagnostics);
    if (read.text !== undefined) {
      const ids = (p: typeof base.published) => ({ framework: p!.framework.id, ids: new Set(p!.nodeIds) });
      const parsed = parseCrosswalk(read.text, values.crosswalk, { base: ids(base.published), current: ids(current.published) });
      diagnostics.push(...parsed.diagnostics);
      crosswalk = parsed.crosswalk;
    }
  }
  let lineage: Lineage | undefined;
  if (values.lineage !== undefined) {
    const read = readText(values.lineage, io.cwd);
    diagnostics.push(...read.diagnostics);
    if (read.text !== undefined) {
      const parsed = parseLineage(read.text, values.lineage);
      diagnostics.push(...parsed.diagnostics);
      lineage = parsed.lineage;
    }
  }
  // Problems in the base, crosswalk or lineage files stop the comparison; evidence problems of the current year do not.
  if (hasErrors(diagnostics.filter((d) => !current.diagnostics.includes(d)))) {
    printDiagnostics(io, diagnostics);
    return EXIT_ERRORS;
  }
  const made = compare(base.published, current.published, { ...(crosswalk !== undefined && { crosswalk }), ...(lineage !== undefined && { lineage }) });
  diagnostics.push(...made.diagnostics);
  printDiagnostics(io, diagnostics);
  if (made.compare === undefined) return EXIT_ERRORS;
  const c = made.compare;
  await emitAnalysis(io, format, c, (style) => compareTables(c, current.published.framework.rounding.decimals, style), values.out, undefined, { lang, locale: values.locale });
  return hasErrors(diagnostics) ? EXIT_ERRORS : EXIT_OK;
}
