// A service: load the framework once at start-up, then score each request in memory.
import { readFileSync } from "node:fs";
import { evidenceSchemaOf, formatDiagnostic, mergeEvidence, readEvidenceCsv, score } from "par-index";
import { loadBundledFramework } from "par-index/node";

const loaded = loadBundledFramework("hanoi-district-2023"); // or loadFrameworkFile("my-framework.yaml")
if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
const { framework } = loaded;
const schema = evidenceSchemaOf(framework);

/** One request: uploaded CSV texts by file name in, the Results JSON out. Bad data → diagnostics in it. */
export function handle(uploads) {
  const parts = Object.entries(uploads).map(([file, text]) => readEvidenceCsv(text, schema, { file, locale: "vi" }));
  return JSON.stringify(score(framework, mergeEvidence(parts)));
}

// E.g. inside createServer((req, res) => …) from node:http; here, the demo data shipped in the package:
const demo = new URL("./node_modules/par-index/fixtures/hanoi/districts/", import.meta.url);
const uploads = Object.fromEntries(
  ["units.csv", "evidence.csv", "evidence-late.csv", "sipas.csv", "points.csv"].map((f) => [f, readFileSync(new URL(f, demo), "utf8")]),
);
console.log(handle(uploads));
