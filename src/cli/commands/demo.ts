import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { roundTo } from "../../core/decimal.js";
import { score } from "../../engine/index.js";
import { formatDiagnostic } from "../../diagnostics/index.js";
import { toTable } from "../../report/index.js";
import { lossByField, overClaims } from "../../report/insights.js";
import { parseCommandArgs } from "../args.js";
import { EXIT_OK, langOf, type CliIo } from "../io.js";
import { loadForScoring, reportFailedLoad } from "../scoring.js";
import { blocksSection } from "./demo-blocks.js";
import { mergerDemo } from "./demo-merger.js";

export const demoHelp = `par-index demo

Scores Hà Nội's 30 district-level units with the bundled framework
(frameworks/hanoi-district-2023.yaml) on the bundled synthetic evidence, and
prints the ranking, the units that over-claimed most in self-assessment, and
where the points were lost; then compares the wards of the former Hoàn Kiếm district
(2024) with the wards they were merged into on 1 July 2025 (fixtures/merger-2025,
synthetic scores). Run from a clone of the repository.`;

const FRAMEWORK = "frameworks/hanoi-district-2023.yaml";
const DISTRICTS = "fixtures/hanoi/districts";

/** The repository root: the working directory when it has the bundled files, else next to this module. */
function findRoot(cwd: string): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [cwd, join(here, "..", "..", ".."), join(here, "..")]) {
    if (existsSync(join(candidate, FRAMEWORK))) return candidate;
  }
  return undefined;
}

export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  parseCommandArgs(argv, {});
  const root = findRoot(io.cwd);
  if (root === undefined) {
    io.stderr(`par-index demo: cannot find ${FRAMEWORK}; run it from a clone of the repository (npm run demo).\n`);
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
  const result = score(loaded.framework, loaded.evidence, { explain: false });
  const elapsed = performance.now() - started;
  const fw = loaded.framework;
  const r2 = (d: Parameters<typeof roundTo>[0]) => roundTo(d, fw.rounding).toFixed(fw.rounding.decimals);
  const s = loaded.evidence.stats;

  const out: string[] = [];
  out.push(`${fw.title} — ${fw.year}`);
  out.push(`framework ${fw.id}: ${fw.source}`);
  out.push(
    `${result.units.length} units; evidence rows read ${s.rowsRead}, used ${s.rowsUsed}, rejected ${s.rowsRejected} ` +
      `(synthetic data: see ${DISTRICTS}/README.md)`,
  );
  out.push("");
  out.push(toTable(result).trimEnd());

  out.push("", "Over-claimed most in self-assessment (Σ self − points over criteria):");
  const claims = overClaims(result).slice(0, 5);
  if (claims.length === 0) out.push("  no unit claimed more than it was given.");
  for (const c of claims) {
    const worst = c.worst ? `; most on ${c.worst.id}: claimed ${c.worst.self}, got ${c.worst.points}` : "";
    out.push(`  ${c.name.padEnd(14)} +${r2(c.excess)} points over ${c.criteria} criteria${worst}`);
  }

  out.push("", "Where the points were lost (all units, by field):");
  for (const f of lossByField(result)) {
    out.push(`  ${f.id.padStart(3)}  ${r2(f.lost).padStart(7)} points (${r2(f.perUnit)} per unit, ${r2(f.share)}%)  ${f.title}`);
  }

  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    out.push("", `${errors.length} evidence problem(s); the units concerned are ranked last and flagged incomplete:`);
    for (const d of errors.slice(0, 5)) out.push("  " + formatDiagnostic(d, langOf(io)));
  }
  out.push(...((await blocksSection(root, io, langOf(io))) ?? []));
  out.push("", `Scored in ${elapsed.toFixed(0)} ms. Explain a unit: npx tsx src/cli/main.ts explain --framework ${FRAMEWORK} \\`);
  out.push(
    `  --units ${DISTRICTS}/units.csv --evidence ${DISTRICTS}/evidence.csv --evidence ${DISTRICTS}/sipas.csv --points ${DISTRICTS}/points.csv --locale vi --unit dong-da`,
  );
  out.push("", ...(await mergerDemo(root, io)));
  io.stdout(out.join("\n") + "\n");
  return EXIT_OK;
}
