import { checkEvidence, type UnitMissingInputs } from "../../evidence/index.js";
import type { ClaimCheck } from "../../evidence/documents.js";
import { hasErrors } from "../../diagnostics/index.js";
import { oneOf, parseCommandArgs } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, langOf, type CliIo, type Help } from "../io.js";
import { emit, printDiagnostics } from "../output.js";
import { EVIDENCE_HELP, EVIDENCE_OPTIONS, loadForScoring, reportFailedLoad } from "../scoring.js";

export const checkEvidenceHelp: Help = {
  en: `par-index check-evidence --framework F.yaml --evidence E ... --units U [--format text|json]

Reads the evidence without scoring and lists, per unit, the required inputs it
still has to provide. Exit 0 when every unit is complete and the files have no
error; otherwise 1.

${EVIDENCE_HELP.en}
  --format text|json   text (default) or a JSON array of { unit, name, missing[, documents] }

With a register (--register) or a points table with a "documents" column, it also lists,
per unit, the claims (self > 0) that still lack evidence documents: every document of the
criterion's evidence list that none of the claim's documents names, or any document at all.`,
  vi: `par-index check-evidence --framework F.yaml --evidence TỆP ... --units TỆP [--format text|json]

Đọc số liệu mà không chấm điểm và liệt kê, theo từng đơn vị, các số liệu bắt buộc
còn thiếu. Mã thoát 0 khi mọi đơn vị đã đủ và các tệp không có lỗi; nếu không, mã 1.

${EVIDENCE_HELP.vi}
  --format text|json   văn bản (mặc định) hoặc mảng JSON { unit, name, missing[, documents] }

Khi có sổ tài liệu (--register) hoặc bảng điểm có cột "documents", lệnh liệt kê thêm,
theo từng đơn vị, các tiêu chí tự chấm (self > 0) còn thiếu tài liệu kiểm chứng: mọi tài
liệu trong danh mục tài liệu của tiêu chí mà chưa tài liệu nào nêu, hoặc chưa có tài liệu nào.`,
};

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
    const t = TEXT[langOf(io)];
    const docs = loaded.trust.claims !== undefined;
    const lines: string[] = [];
    for (const u of incomplete) {
      if (u.missing.length > 0) lines.push(t.inputs(`${u.unit} (${u.name})`, u.missing.join(", ")));
      for (const d of u.documents ?? []) lines.push(t.documents(`${u.unit} (${u.name})`, d.criterion, d.missing));
    }
    lines.push(incomplete.length === 0 ? t.allDone(report.length, docs) : t.remaining(incomplete.length, report.length, docs));
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

const TEXT = {
  vi: {
    inputs: (unit: string, names: string) => `${unit}: còn thiếu số liệu ${names}`,
    documents: (unit: string, criterion: string, missing: readonly string[]) =>
      missing.length > 0 ? `${unit}: tiêu chí ${criterion} còn thiếu tài liệu kiểm chứng: ${missing.join("; ")}` : `${unit}: tiêu chí ${criterion} tự chấm điểm nhưng chưa có tài liệu kiểm chứng nào`,
    allDone: (n: number, docs: boolean) => `cả ${n} đơn vị đã có đủ số liệu bắt buộc${docs ? " và tài liệu kiểm chứng" : ""}.`,
    remaining: (k: number, n: number, docs: boolean) => `${k} trên ${n} đơn vị còn phải bổ sung số liệu${docs ? " hoặc tài liệu kiểm chứng" : ""}.`,
  },
  en: {
    inputs: (unit: string, names: string) => `${unit}: missing ${names}`,
    documents: (unit: string, criterion: string, missing: readonly string[]) =>
      missing.length > 0 ? `${unit}: criterion ${criterion} lacks documents: ${missing.join("; ")}` : `${unit}: criterion ${criterion} claims points without any document`,
    allDone: (n: number, docs: boolean) => `all ${n} units have every required input${docs ? " and document" : ""}.`,
    remaining: (k: number, n: number, docs: boolean) => `${k} of ${n} units still have inputs${docs ? " or documents" : ""} to provide.`,
  },
} as const;
