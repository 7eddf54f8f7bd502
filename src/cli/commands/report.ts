import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import pkg from "../../../package.json" with { type: "json" };
import { hasErrors, localizeDiagnostics } from "../../diagnostics/index.js";
import { score, scoreResultToJson, type ScoreResultJson } from "../../engine/index.js";
import type { ScoreResult, UnitResult } from "../../engine/result.js";
import type { Lang } from "../../diagnostics/define.js";
import type { Locale } from "../../evidence/locale.js";
import type { CompiledFramework } from "../../framework/ir.js";
import { loadFrameworkFile } from "../../node/framework.js";
import { renderCharts } from "../../node/charts.js";
import { chartSpecsOf } from "../../report/charts.js";
import { reportHtml, type ReportManifest } from "../../report/html.js";
import { asArray, parseCommandArgs, requireOption } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, usageError, langOf, type CliIo, type Help } from "../io.js";
import { printDiagnostics, unwritable } from "../output.js";
import { EVIDENCE_HELP, EVIDENCE_OPTIONS, loadForScoring, reportFailedLoad } from "../scoring.js";

export const reportHelp: Help = {
  en: `par-index report (scoring flags | --results R.json --framework F.yaml) --out report.html [--compare BASE.json]

Writes the report a council reads: one self-contained HTML file (styles and charts
inline, no script, no request) that opens offline and prints on A4: summary,
ranking (table and chart), index by field, points lost by criterion, self-assessment
against appraisal, year-over-year (with --compare), problems in the data, and one
section per unit (id="unit-CODE") with its criteria tree and the explanation of
every point. Vietnamese by default (--lang en for English). Exit 1 when the data
has errors (the report is still written, listing them).

${EVIDENCE_HELP.en}
  --results R.json     a saved result (score --format json) instead of scoring; needs --framework
  --compare BASE.json  a base year's saved result: adds the year-over-year section
  --out FILE           the HTML file to write (required)`,
  vi: `par-index report (các tùy chọn chấm điểm | --results R.json --framework F.yaml) --out bao-cao.html [--compare NĂM_GỐC.json]

Ghi báo cáo để Hội đồng xem xét: một tệp HTML độc lập (kiểu trình bày và biểu đồ nằm
sẵn trong tệp, không có script, không tải gì từ mạng), mở được khi không có mạng và in
được khổ A4: tóm tắt, xếp hạng (bảng và biểu đồ), chỉ số theo lĩnh vực, điểm chưa đạt
theo tiêu chí, tự chấm so với thẩm định, so sánh với năm gốc (khi có --compare), các
vấn đề trong số liệu và mỗi đơn vị một mục (id="unit-MÃ") với cây tiêu chí và giải
trình từng điểm. Mặc định bằng tiếng Việt (--lang en cho tiếng Anh). Mã thoát 1 khi
số liệu có lỗi (báo cáo vẫn được ghi, kèm danh sách lỗi).

${EVIDENCE_HELP.vi}
  --results R.json     kết quả đã lưu (score --format json) thay cho việc chấm; cần --framework
  --compare NĂM_GỐC.json
                       kết quả đã lưu của năm gốc: thêm mục so sánh với năm gốc
  --out TỆP            tệp HTML cần ghi (bắt buộc)`,
};

const WORDS = {
  vi: (file: string) => `Đã ghi báo cáo: ${file} (mở bằng trình duyệt; in ra khổ A4 được).`,
  en: (file: string) => `Report written: ${file} (open it in a browser; it prints on A4).`,
};

function sha256(file: string): string | undefined {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("hex");
  } catch {
    return undefined;
  }
}

/** Reads a saved Results JSON; a file that is not one is a usage error naming it. */
function readResults(file: string, flag: string): ScoreResultJson {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw usageError("usage-results-unreadable", { option: flag, file, detail: (e as Error).message });
  }
  const r = data as Partial<ScoreResultJson> | null;
  if (
    r === null ||
    typeof r !== "object" ||
    !Array.isArray(r.units) ||
    typeof r.framework !== "object" ||
    r.units.some((u) => typeof u !== "object" || u === null || typeof u.unit !== "string" || !Array.isArray(u.criteria))
  ) {
    throw usageError("usage-not-results", { option: flag, file });
  }
  return { ...r, diagnostics: Array.isArray(r.diagnostics) ? r.diagnostics : [] } as ScoreResultJson;
}

/** The manifest of a report: the engine, the framework file and every input file, with their SHA-256. */
export function reportManifest(framework: CompiledFramework, frameworkFile: string | undefined, inputs: readonly string[], cwd: string): ReportManifest {
  const fwSha = frameworkFile !== undefined ? sha256(resolve(cwd, frameworkFile)) : undefined;
  return {
    engine: `par-index ${pkg.version}`,
    framework: { id: framework.id, ...(frameworkFile !== undefined && { file: frameworkFile }), ...(fwSha !== undefined && { sha256: fwSha }) },
    inputs: inputs.map((file) => {
      const h = sha256(resolve(cwd, file));
      return h === undefined ? { file } : { file, sha256: h };
    }),
  };
}

/** The report of a live result (explanations included), charts rendered to SVG. */
export async function liveReportHtml(
  result: ScoreResult,
  options: { lang: Lang; locale?: Locale | undefined; base?: ScoreResultJson | undefined; manifest?: ReportManifest },
): Promise<string> {
  const { lang, locale, base } = options;
  const results = scoreResultToJson({ ...result, diagnostics: localizeDiagnostics(result.diagnostics, lang) });
  const charts = await renderCharts(chartSpecsOf(results, result.framework, { lang, ...(locale && { locale }), ...(base && { base }) }));
  const units = new Map(result.units.map((u) => [u.unit, u]));
  return reportHtml(
    { framework: result.framework, results, units, ...(base && { base }), charts, ...(options.manifest && { manifest: options.manifest }) },
    { lang, ...(locale && { locale }) },
  );
}

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...EVIDENCE_OPTIONS,
    results: { type: "string" },
    compare: { type: "string" },
    out: { type: "string" },
  });
  const out = requireOption(values.out, "--out");
  const lang = langOf(io);
  const locale = values.locale === "vi" || values.locale === "en" ? values.locale : undefined;
  const at = (f: string) => resolve(io.cwd, f);

  let framework: CompiledFramework;
  let results: ScoreResultJson;
  let live: ReadonlyMap<string, UnitResult> | undefined;
  let failed = false;
  if (values.results !== undefined) {
    const fwFile = requireOption(values.framework, "--framework", "F.yaml");
    const loaded = loadFrameworkFile(at(fwFile));
    if (!loaded.ok) {
      printDiagnostics(io, loaded.diagnostics);
      return EXIT_ERRORS;
    }
    framework = loaded.framework;
    results = readResults(at(values.results), "--results");
    if (results.framework.id !== framework.id) {
      throw usageError("usage-framework-mismatch", { results: values.results, scored: results.framework.id, framework: framework.id });
    }
    failed = results.diagnostics.some((d) => d.severity === "error");
  } else {
    const loaded = await loadForScoring(values, io);
    if (reportFailedLoad(loaded, io)) return EXIT_ERRORS;
    framework = loaded.framework;
    const result = score(framework, loaded.evidence, { explain: true });
    printDiagnostics(io, result.diagnostics);
    results = scoreResultToJson({ ...result, diagnostics: localizeDiagnostics(result.diagnostics, lang) });
    live = new Map(result.units.map((u) => [u.unit, u]));
    failed = hasErrors(result.diagnostics);
  }
  const base = values.compare !== undefined ? readResults(at(values.compare), "--compare") : undefined;

  const specs = chartSpecsOf(results, framework, { lang, ...(locale && { locale }), ...(base && { base }) });
  const charts = await renderCharts(specs);
  const inputs = [
    ...asArray(values.units),
    ...asArray(values.evidence),
    ...asArray(values.points),
    ...asArray(values.survey),
    ...asArray(values.responses),
    ...asArray(values.ratings),
    ...asArray(values.results),
    ...asArray(values.compare),
  ];
  const manifest = reportManifest(framework, values.framework, inputs, io.cwd);
  const html = reportHtml(
    { framework, results, ...(live && { units: live }), ...(base && { base }), charts, manifest },
    { lang, ...(locale && { locale }) },
  );
  try {
    writeFileSync(at(out), html, "utf8");
  } catch (e) {
    throw unwritable(out, e);
  }
  io.stdout(WORDS[lang](out) + "\n");
  return failed ? EXIT_ERRORS : EXIT_OK;
}
