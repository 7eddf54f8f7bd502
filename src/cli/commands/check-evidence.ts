import { checkEvidence } from "../../evidence/index.js";
import { hasErrors } from "../../diagnostics/index.js";
import { oneOf, parseCommandArgs } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, type CliIo } from "../io.js";
import { emit, printDiagnostics } from "../output.js";
import { EVIDENCE_HELP, EVIDENCE_OPTIONS, loadForScoring, reportFailedLoad } from "../scoring.js";

export const checkEvidenceHelp = `par-index check-evidence --framework F.yaml --evidence E ... --units U [--format text|json]

Reads the evidence without scoring and lists, per unit, the required inputs it
still has to provide. Exit 0 when every unit is complete and the files have no
error; otherwise 1.

${EVIDENCE_HELP}
  --format text|json   text (default) or a JSON array of { unit, name, missing }`;

export async function checkEvidenceCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...EVIDENCE_OPTIONS, format: { type: "string" } });
  const format = oneOf(values.format, ["text", "json"] as const, "--format", "text");
  const loaded = await loadForScoring(values, io);
  if (reportFailedLoad(loaded, io)) return EXIT_ERRORS;
  printDiagnostics(io, loaded.evidence.diagnostics);
  const report = checkEvidence(loaded.framework, loaded.evidence);
  const incomplete = report.filter((u) => u.missing.length > 0);
  if (format === "json") emit(io, JSON.stringify(report, null, 2), undefined);
  else {
    const lines = incomplete.map((u) => `${u.unit} (${u.name}): missing ${u.missing.join(", ")}`);
    lines.push(
      incomplete.length === 0
        ? `all ${report.length} units have every required input.`
        : `${incomplete.length} of ${report.length} units still have inputs to provide.`,
    );
    emit(io, lines.join("\n"), undefined);
  }
  return incomplete.length > 0 || hasErrors(loaded.evidence.diagnostics) ? EXIT_ERRORS : EXIT_OK;
}
