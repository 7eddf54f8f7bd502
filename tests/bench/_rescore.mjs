// Child of tests/bench/process.ts: time of rescoreUnit after one input changes, with all units loaded.
//   node _rescore.mjs ROOT FRAMEWORK.yaml EVIDENCE.json     prints `rescore …` on stderr
import { performance } from "node:perf_hooks";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [root, fw, ev] = process.argv.slice(2);
const lib = await import(pathToFileURL(join(root, "dist", "node.js")).href);
if (typeof lib.rescoreUnit !== "function") {
  process.stderr.write("rescoreUnit is not in this build\n");
  process.exit(0);
}
const loaded = lib.loadFrameworkFile(fw);
const evidence = await lib.loadEvidence({ evidence: [ev], points: [], locale: "en" }, lib.evidenceSchemaOf(loaded.framework));
const result = lib.score(loaded.framework, evidence);
const code = result.units[Math.floor(result.units.length / 2)].unit;
// The form's case: a numeric input typed again and again (x1_2_3 feeds the expr leaf 1.2.3: min(x / 10, max)).
const times = [];
for (let i = 0; i < 3000; i++) {
  const value = lib.dec((i % 120) / 10);
  const start = performance.now();
  const unit = lib.rescoreUnit(result, code, { inputs: { x1_1_2: i % 2 === 0, x1_2_3: value } });
  void unit.points.toString();
  times.push(performance.now() - start);
}
const tail = times.slice(1000).sort((a, b) => a - b);
const us = (ms) => `${(ms * 1000).toFixed(0)} µs`;
process.stderr.write(`rescoreUnit after a change (points read): median ${us(tail[tail.length >> 1])}, p90 ${us(tail[Math.floor(tail.length * 0.9)])} (after 1,000 warm-up calls; the unit lookup in ${result.units.length.toLocaleString("en")} units included)\n`);
