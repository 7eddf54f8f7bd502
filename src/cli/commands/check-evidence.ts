import { checkEvidence, type UnitMissingInputs } from "../../evidence/index.js";
import type { ClaimCheck } from "../../evidence/documents.js";
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
  --format text|json   text (default) or a JSON array of { unit, name, missing[, documents] }

With a register (--register) or a points table with a "documents" column, it also lists,
per unit, the claims (self > 0) that still lack evidence documents: every document of the
criterion's evidence list that none of the claim's documents names, or any document at all.`;

export async function checkEvidenceCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...EVIDENCE_OPTIONS, format: { type: "string" } });
  const format = oneOf(values.format, ["text", "json"] as const, "--format", "text");
  const loaded = await loadForScoring(values, io);
  if (reportFailedLoad(loaded, io)) return EXIT_ERRORS;
  printDiagnostics(io, loaded.evidence.diagnostics);
  const report = withMissingDocuments(checkEvidence(loaded.framework, loaded.evidence), loaded.trust.claims);
  const incomplete = report.filter((u) => u.missing.length > 0 || (u.documents?.length ?? 0) > 0);
  if (format === "json") emit(io, JSON.stringify(report, null, 2), undefined);
  else {
    const lines: string[] = [];
    for (const u of incomplete) {
      if (u.missing.length > 0) lines.push(`${u.unit} (${u.name}): missing ${u.missing.join(", ")}`);
      for (const d of u.documents ?? [])
        lines.push(`${u.unit} (${u.name}): criterion ${d.criterion} ${d.missing.length > 0 ? `lacks documents: ${d.missing.join("; ")}` : "claims points without any document"}`);
    }
    lines.push(
      incomplete.length === 0
        ? `all ${report.length} units have every required input${loaded.trust.claims === undefined ? "" : " and document"}.`
        : `${incomplete.length} of ${report.length} units still have inputs${loaded.trust.claims === undefined ? "" : " or documents"} to provide.`,
    );
    emit(io, lines.join("\n"), undefined);
  }
  return incomplete.length > 0 || hasErrors(loaded.evidence.diagnostics) ? EXIT_ERRORS : EXIT_OK;
}

/** The report with, per unit (when documents were checked), the claims still lacking documents. */
function withMissingDocuments(
  report: UnitMissingInputs[],
  claims: readonly ClaimCheck[] | undefined,
): (UnitMissingInputs & { documents?: { criterion: string; undocumented: boolean; missing: string[] }[] })[] {
  if (claims === undefined) return report;
  return report.map((u) => ({
    ...u,
    documents: claims
      .filter((c) => c.unit === u.unit && (c.documents.length === 0 || c.missing.length > 0))
      .map((c) => ({ criterion: c.criterion, undocumented: c.documents.length === 0, missing: [...c.missing] })),
  }));
}
