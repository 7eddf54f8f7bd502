import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { compare, compareTables, parseCrosswalk, parseLineage, publish, tablesToText } from "../../analysis/index.js";
import { formatDiagnostic } from "../../diagnostics/index.js";
import { score } from "../../engine/index.js";
import { readResultsFile, readText } from "../analysis.js";
import { defineStrings } from "../../diagnostics/define.js";
import { langOf, type CliIo } from "../io.js";
import { loadForScoring } from "../scoring.js";

const MERGER = "fixtures/merger-2025";

const S = defineStrings({
  en: {
    intro: [
      "Year over year across the merger of 1 July 2025 (Nghị quyết 1656/NQ-UBTVQH15): the 18 wards of the former",
      "Hoàn Kiếm district (2024) carried into the 4 wards that took them in (names real, scores synthetic):",
    ],
    yourself: "Compare it yourself:",
  },
  vi: {
    intro: [
      "So sánh qua sắp xếp đơn vị hành chính ngày 1/7/2025 (Nghị quyết 1656/NQ-UBTVQH15): 18 phường của quận Hoàn Kiếm",
      "cũ (năm 2024) quy về 4 phường mới tiếp nhận (tên thật, điểm số giả lập):",
    ],
    yourself: "Tự so sánh:",
  },
});

/** The demo's year-over-year part: the 2024 wards of the former Hoàn Kiếm district against their 2025 wards. */
export async function mergerDemo(root: string, io: CliIo): Promise<string[]> {
  const at = (p: string) => relative(io.cwd, join(root, MERGER, p)) || ".";
  // An installed package may not carry the fixtures: then the demo has no year-over-year part.
  if (!existsSync(join(root, MERGER, "results-2024.json"))) return [];
  const lang = langOf(io);
  const out = [...S[lang].intro, ""];
  const base = readResultsFile(at("results-2024.json"), io.cwd);
  const loaded = await loadForScoring(
    {
      framework: at("hanoi-ward-2025-demo.yaml"),
      units: at("units-2025.csv"),
      points: [at("points-2025.csv")],
      evidence: [at("sipas-2025.csv")],
      locale: "vi",
    },
    io,
  );
  const lineage = parseLineage(readText(at("lineage.csv"), io.cwd).text ?? "", at("lineage.csv"));
  const crosswalk = parseCrosswalk(readText(at("crosswalk.yaml"), io.cwd).text ?? "", at("crosswalk.yaml"));
  if (base.published === undefined || !loaded.ok || lineage.lineage === undefined || crosswalk.crosswalk === undefined) {
    const problems = [...base.diagnostics, ...(loaded.ok ? [] : loaded.diagnostics), ...lineage.diagnostics, ...crosswalk.diagnostics];
    return [...out, ...problems.map((d) => "  " + formatDiagnostic(d, lang))];
  }
  const current = publish(score(loaded.framework, loaded.evidence, { explain: false }));
  const made = compare(base.published, current, { lineage: lineage.lineage, crosswalk: crosswalk.crosswalk });
  if (made.compare === undefined) return [...out, ...made.diagnostics.map((d) => "  " + formatDiagnostic(d, lang))];
  // The demo leaves out the long "formed from" column: the lineage file lists it.
  const tables = compareTables(made.compare, current.framework.rounding.decimals, lang).map((t) => {
    const keep = t.columns.map((c, i) => (c.key === "from" ? -1 : i)).filter((i) => i >= 0);
    return { ...t, columns: keep.map((i) => t.columns[i]!), rows: t.rows.map((r) => keep.map((i) => r[i] ?? null)) };
  });
  out.push(tablesToText(tables).trimEnd());
  out.push(
    "",
    `${S[lang].yourself} npx tsx src/cli/main.ts compare --base ${MERGER}/results-2024.json --framework ${MERGER}/hanoi-ward-2025-demo.yaml \\`,
    `  --units ${MERGER}/units-2025.csv --points ${MERGER}/points-2025.csv --evidence ${MERGER}/sipas-2025.csv --locale vi \\`,
    `  --lineage ${MERGER}/lineage.csv --crosswalk ${MERGER}/crosswalk.yaml --format table`,
  );
  return out;
}
