import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { roundTo } from "../../core/decimal.js";
import { score } from "../../engine/index.js";
import { formatDiagnostic } from "../../diagnostics/index.js";
import { toTable } from "../../report/index.js";
import { lossByField, overClaims } from "../../report/insights.js";
import { parseCommandArgs } from "../args.js";
import { defineStrings } from "../../diagnostics/define.js";
import { localeNumber } from "../../report/format.js";
import { EXIT_OK, langOf, type CliIo, type Help } from "../io.js";
import { loadForScoring, reportFailedLoad } from "../scoring.js";
import { blocksSection } from "./demo-blocks.js";
import { liveReportHtml, reportManifest } from "./report.js";
import { mergerDemo } from "./demo-merger.js";

declare const __dirname: string | undefined;

export const demoHelp: Help = {
  en: `par-index demo [--out DIR]

Scores Hà Nội's 30 district-level units with the bundled framework
(frameworks/hanoi-district-2023.yaml) on the bundled synthetic evidence, and
prints the ranking, the units that over-claimed most in self-assessment, and
where the points were lost; then compares the wards of the former Hoàn Kiếm district
(2024) with the wards they were merged into on 1 July 2025 (fixtures/merger-2025,
synthetic scores). It ends by writing the ranking table and the HTML
report side by side in DIR (default: par-index-demo in the system's temporary
folder) and says where. Run from a clone of the repository.`,
  vi: `par-index demo [--out THƯ_MỤC]

Chấm điểm 30 quận, huyện, thị xã của Hà Nội theo bộ tiêu chí có sẵn
(frameworks/hanoi-district-2023.yaml) trên số liệu giả lập kèm theo, rồi in bảng
xếp hạng, các đơn vị tự chấm cao hơn kết quả thẩm định nhiều nhất và những lĩnh vực
bị mất điểm; sau đó so sánh các phường của quận Hoàn Kiếm cũ (năm 2024) với các phường
mới tiếp nhận chúng từ ngày 1/7/2025 (fixtures/merger-2025, điểm số giả lập). Cuối cùng
ghi bảng xếp hạng và báo cáo HTML cạnh nhau vào THƯ_MỤC (mặc định: par-index-demo trong
thư mục tạm của hệ thống) và cho biết nơi ghi. Chạy từ bản sao của kho mã nguồn.`,
};

const S = defineStrings({
  en: {
    framework: (id: string, source: string) => `framework ${id}: ${source}`,
    counts: (units: number, read: number, used: number, rejected: number, readme: string) =>
      `${units} units; evidence rows read ${read}, used ${used}, rejected ${rejected} (synthetic data: see ${readme})`,
    overClaimed: "Over-claimed most in self-assessment (Σ self − points over criteria):",
    noOverClaim: "  no unit claimed more than it was given.",
    overClaim: (name: string, excess: string, criteria: number, worst: string) => `${name} +${excess} points over ${criteria} criteria${worst}`,
    worst: (id: string, self: string, points: string) => `; most on ${id}: claimed ${self}, got ${points}`,
    lostTitle: "Where the points were lost (all units, by field):",
    lost: (lost: string, perUnit: string, share: string) => `${lost} points (${perUnit} per unit, ${share}%)`,
    problems: (n: number) => `${n} evidence problem(s); the units concerned are ranked last and flagged incomplete:`,
    scored: (ms: string) => `Scored in ${ms} ms. Explain a unit:`,
    tableFile: "ranking.txt",
    notFound: (file: string) => `cannot find ${file}; run it from a clone of the repository (npm run demo).`,
    reportFile: "report.html",
    written: (dir: string, table: string, report: string) =>
      `Written side by side in ${dir}: the ranking table ${table} and the report ${report} (open it in a browser; it prints on A4).`,
  },
  vi: {
    framework: (id: string, source: string) => `bộ tiêu chí ${id}: ${source}`,
    counts: (units: number, read: number, used: number, rejected: number, readme: string) =>
      `${units} đơn vị; số dòng số liệu đã đọc ${read}, sử dụng ${used}, loại ${rejected} (số liệu giả lập: xem ${readme})`,
    overClaimed: "Các đơn vị tự chấm cao hơn kết quả thẩm định nhiều nhất (Σ điểm tự chấm − điểm thẩm định):",
    noOverClaim: "  không có đơn vị nào tự chấm cao hơn điểm được công nhận.",
    overClaim: (name: string, excess: string, criteria: number, worst: string) => `${name} +${excess} điểm ở ${criteria} tiêu chí${worst}`,
    worst: (id: string, self: string, points: string) => `; nhiều nhất ở ${id}: tự chấm ${self}, được ${points}`,
    lostTitle: "Điểm chưa đạt theo lĩnh vực (cộng của tất cả các đơn vị):",
    lost: (lost: string, perUnit: string, share: string) => `${lost} điểm (bình quân ${perUnit} điểm/đơn vị, chiếm ${share}%)`,
    problems: (n: number) => `${n} vấn đề về số liệu; các đơn vị liên quan được xếp cuối và ghi chú "chưa đủ số liệu":`,
    scored: (ms: string) => `Thời gian chấm: ${ms} ms. Xem giải trình điểm của một đơn vị:`,
    tableFile: "bang-xep-hang.txt",
    notFound: (file: string) => `không tìm thấy ${file}; chạy lệnh từ bản sao của kho mã nguồn (npm run demo).`,
    reportFile: "bao-cao.html",
    written: (dir: string, table: string, report: string) =>
      `Đã ghi vào thư mục ${dir}: bảng xếp hạng ${table} và báo cáo ${report} đặt cạnh nhau (mở báo cáo bằng trình duyệt; in ra khổ A4 được).`,
  },
});

const FRAMEWORK = "frameworks/hanoi-district-2023.yaml";
const DISTRICTS = "fixtures/hanoi/districts";

/** The repository root: the working directory when it has the bundled files, else next to this module. */
function findRoot(cwd: string): string | undefined {
  // __dirname in the CommonJS build: a path, safe with `#` or `%` in it (unlike a shimmed import.meta.url).
  const here = typeof __dirname === "string" ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (const candidate of [cwd, join(here, "..", "..", ".."), join(here, "..")]) {
    if (existsSync(join(candidate, FRAMEWORK))) return candidate;
  }
  return undefined;
}

export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { out: { type: "string" } });
  const root = findRoot(io.cwd);
  if (root === undefined) {
    io.stderr(`par-index demo: ${S[langOf(io)].notFound(FRAMEWORK)}\n`);
    return 1;
  }
  const at = (p: string) => relative(io.cwd, join(root, p)) || ".";
  const started = performance.now();
  const loaded = await loadForScoring(
    {
      framework: at(FRAMEWORK),
      units: at(`${DISTRICTS}/units.csv`),
      evidence: [at(`${DISTRICTS}/evidence.csv`), at(`${DISTRICTS}/sipas.csv`)],
      points: [at(`${DISTRICTS}/points.csv`)],
      locale: "vi",
    },
    io,
  );
  if (reportFailedLoad(loaded, io)) return 1;
  const result = score(loaded.framework, loaded.evidence, { explain: true });
  const elapsed = performance.now() - started;
  const lang = langOf(io);
  const T = S[lang];
  const fw = loaded.framework;
  const r2 = (d: Parameters<typeof roundTo>[0]) => localeNumber(roundTo(d, fw.rounding).toFixed(fw.rounding.decimals), lang);
  const n = (d: Parameters<typeof roundTo>[0]) => localeNumber(d.toFixed(), lang);
  const s = loaded.evidence.stats;

  const out: string[] = [];
  out.push(`${fw.title} — ${fw.year}`);
  out.push(T.framework(fw.id, fw.source));
  out.push(T.counts(result.units.length, s.rowsRead, s.rowsUsed, s.rowsRejected, `${DISTRICTS}/README.md`));
  out.push("");
  out.push(toTable(result, fw, { lang }).trimEnd());

  out.push("", T.overClaimed);
  const claims = overClaims(result).slice(0, 5);
  if (claims.length === 0) out.push(T.noOverClaim);
  for (const c of claims) {
    const worst = c.worst ? T.worst(c.worst.id, n(c.worst.self), n(c.worst.points)) : "";
    out.push(`  ${T.overClaim(c.name.padEnd(14), r2(c.excess), c.criteria, worst)}`);
  }

  out.push("", T.lostTitle);
  for (const f of lossByField(result)) {
    out.push(`  ${f.id.padStart(3)}  ${T.lost(r2(f.lost).padStart(7), r2(f.perUnit), r2(f.share))}  ${f.title}`);
  }

  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    out.push("", T.problems(errors.length));
    for (const d of errors.slice(0, 5)) out.push("  " + formatDiagnostic(d, lang));
  }
  out.push(...((await blocksSection(root, io, lang)) ?? []));
  out.push("", `${T.scored(elapsed.toFixed(0))} npx tsx src/cli/main.ts explain --framework ${FRAMEWORK} \\`);
  out.push(
    `  --units ${DISTRICTS}/units.csv --evidence ${DISTRICTS}/evidence.csv --evidence ${DISTRICTS}/sipas.csv --points ${DISTRICTS}/points.csv --locale vi --unit dong-da${lang === "en" ? " --lang en" : ""}`,
  );
  out.push("", ...(await mergerDemo(root, io)));

  // The table and the report, side by side.
  const dir = resolve(io.cwd, values.out ?? join(tmpdir(), "par-index-demo"));
  mkdirSync(dir, { recursive: true });
  const table = join(dir, T.tableFile);
  const report = join(dir, T.reportFile);
  writeFileSync(table, toTable(result, fw, { lang }), "utf8");
  const inputs = [`${DISTRICTS}/units.csv`, `${DISTRICTS}/evidence.csv`, `${DISTRICTS}/sipas.csv`, `${DISTRICTS}/points.csv`].map(at);
  writeFileSync(report, await liveReportHtml(result, { lang, manifest: reportManifest(fw, at(FRAMEWORK), inputs, io.cwd) }), "utf8");
  out.push("", T.written(dir, T.tableFile, T.reportFile));
  io.stdout(out.join("\n") + "\n");
  return EXIT_OK;
}
