import { explainText, score } from "../../engine/index.js";
import { suggestion } from "../../diagnostics/index.js";
import { parseCommandArgs, requireOption } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, UsageError, type CliIo } from "../io.js";
import { emit, printDiagnostics } from "../output.js";
import { EVIDENCE_HELP, EVIDENCE_OPTIONS, loadForScoring, reportFailedLoad } from "../scoring.js";

export const explainHelp = `par-index explain --framework F.yaml --evidence E ... --unit CODE [--out FILE]

Prints one unit's tree: each leaf with the values it read, the rule and band
that applied, its points and the points it lost. Diagnostics of that unit go to
stderr; exit 1 when the unit has errors.

${EVIDENCE_HELP}
  --unit CODE          the unit to explain (required)
  --out FILE           write the explanation to FILE instead of stdout`;

export async function explainCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...EVIDENCE_OPTIONS, unit: { type: "string" }, out: { type: "string" } });
  const code = requireOption(values.unit, "--unit", "CODE");
  const loaded = await loadForScoring(values, io);
  if (reportFailedLoad(loaded, io)) return EXIT_ERRORS;
  const result = score(loaded.framework, loaded.evidence, { explain: true });
  const unit = result.units.find((u) => u.unit === code);
  if (!unit) {
    throw new UsageError(
      `no unit "${code}" in the evidence.${suggestion(code, result.units.map((u) => u.unit))} Give one of the codes in the registry or the evidence files.`,
    );
  }
  const concerning = result.diagnostics.filter((d) => d.unit === code || d.unit === undefined);
  printDiagnostics(io, concerning);
  emit(io, explainText(unit, loaded.framework), values.out);
  return concerning.some((d) => d.severity === "error") ? EXIT_ERRORS : EXIT_OK;
}
