// Bundled for the browser by esbuild and run in Chromium: the pure core only, no file system.
import { evidenceSchemaOf, mergeEvidence, parseFramework, readEvidenceCsv, score } from "par-index";
import { bundledFrameworkText, resolveBundled } from "par-index/frameworks";

/** Scores the bundled Hà Nội district framework on CSV texts; returns the Results JSON. */
export function scoreInBrowser(files: { units: string; evidence: string; late: string; sipas: string; points: string }): string {
  const parsed = parseFramework(bundledFrameworkText("hanoi-district-2023")!, { filename: "hanoi-district-2023.yaml", resolve: resolveBundled });
  if (!parsed.ok) return JSON.stringify({ diagnostics: parsed.diagnostics });
  const schema = evidenceSchemaOf(parsed.framework);
  const evidence = mergeEvidence([
    readEvidenceCsv(files.units, schema, { file: "units.csv", locale: "vi" }),
    readEvidenceCsv(files.evidence, schema, { file: "evidence.csv", locale: "vi" }),
    readEvidenceCsv(files.late, schema, { file: "evidence-late.csv", locale: "vi" }),
    readEvidenceCsv(files.sipas, schema, { file: "sipas.csv", locale: "vi" }),
    readEvidenceCsv(files.points, schema, { file: "points.csv", locale: "vi" }),
  ]);
  return JSON.stringify(score(parsed.framework, evidence));
}
(globalThis as { scoreInBrowser?: typeof scoreInBrowser }).scoreInBrowser = scoreInBrowser;
