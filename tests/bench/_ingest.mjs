// Child of tests/bench/process.ts: times reading a long-form evidence CSV, in process.
//   node _ingest.mjs DIST/node.js FRAMEWORK.yaml EVIDENCE.csv   loadEvidence (the library's reader)
//   node _ingest.mjs --split EVIDENCE.csv                        a bare split-lines loop (baseline)
// Prints `ingest ROWS rows in MS ms` on stderr.
import { createReadStream } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [a, b, c] = process.argv.slice(2);
if (a === "--split") {
  const start = performance.now();
  let rows = -1;
  let fields = 0;
  let rest = "";
  for await (const chunk of createReadStream(b, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const text = rest + chunk;
    let at = 0;
    for (let nl = text.indexOf("\n", at); nl !== -1; nl = text.indexOf("\n", at)) {
      fields += text.slice(at, nl).split(",").length;
      rows++;
      at = nl + 1;
    }
    rest = text.slice(at);
  }
  process.stderr.write(`ingest ${rows} rows in ${(performance.now() - start).toFixed(1)} ms (${fields} fields)\n`);
} else {
  const lib = await import(pathToFileURL(a).href);
  const loaded = lib.loadFrameworkFile(b);
  if (!loaded.ok) throw new Error("framework");
  const schema = lib.evidenceSchemaOf(loaded.framework);
  const start = performance.now();
  const evidence = await lib.loadEvidence({ evidence: [c], points: [], locale: "en" }, schema);
  const ms = performance.now() - start;
  process.stderr.write(`ingest ${evidence.stats.rowsRead} rows in ${ms.toFixed(1)} ms (${evidence.stats.rowsUsed} used, ${evidence.units.length || evidence.byUnit.size} units)\n`);
}
