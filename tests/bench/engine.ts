/**
 * Scores N synthetic units (default 10,000) against a 100-leaf framework and prints:
 * - memory, measured first on a fresh heap: the evidence's heap, one result's heap, and
 *   the peak RSS while scoring once with the evidence held (a worker thread samples the
 *   RSS every millisecond, since the scoring run itself is synchronous);
 * - the median time after warm-up of: scoring with the explanation data kept (the
 *   default), scoring without it, building every explanation object, rendering every
 *   unit's explanation text (`explainText`), and `JSON.stringify(result)` (`toJSON`).
 * Only one result is alive at a time. Run with the collector exposed, for honest heap
 * figures: `node --expose-gc --import tsx tests/bench/engine.ts [units] [--only=score|explain|render|json]`.
 */
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { explainText, score } from "../../src/engine/index.js";
import { syntheticEvidence, syntheticFrameworkYaml } from "../../fixtures/engine/synthetic.js";
import type { EvidenceSet } from "../../src/evidence/model.js";
import { parseFramework } from "../../src/framework/index.js";
import { makeEvidence } from "../../fixtures/engine/evidence.js";

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const gc = (globalThis as { gc?: () => void }).gc;
const collect = () => {
  if (gc) {
    gc();
    gc();
  }
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Samples the process RSS from another thread (the main thread is busy while scoring). */
function rssSampler() {
  const shared = new Float64Array(new SharedArrayBuffer(16));
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     const a = new Float64Array(workerData);
     setInterval(() => { const r = process.memoryUsage.rss(); if (r > a[0]) a[0] = r; }, 1);`,
    { eval: true, workerData: shared.buffer },
  );
  return {
    reset: () => void (shared[0] = process.memoryUsage.rss()),
    peak: () => Math.max(shared[0]!, process.memoryUsage.rss()),
    stop: async () => void (await worker.terminate()),
  };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const parsed = parseFramework(syntheticFrameworkYaml({ leaves: 100 }), { filename: "synthetic.yaml" });
if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
const framework = parsed.framework;
const leaves = framework.nodes.filter((n) => n.kind === "leaf").length;
console.log(`framework: ${leaves} leaves, ${framework.nodes.length} nodes, ${framework.inputs.length} inputs; units: ${count}`);
if (!gc) console.log("(gc not exposed: heap figures are approximate; run with node --expose-gc --import tsx)");

// ---- Memory: evidence, then one result, on a fresh heap. Heap figures count the JS heap
// and the typed arrays' buffers (outside the heap); each after a full collection.
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
/** Builds the evidence in a function of its own, so that the raw generator output is garbage afterwards. */
function buildEvidence(): EvidenceSet {
  return makeEvidence(framework, syntheticEvidence(count, { seed: 42 }));
}
collect();
const heapBefore = used();
let evidence: EvidenceSet | undefined = buildEvidence();
collect();
await sleep(50);
collect();
const heapEvidence = used();
const rssEvidence = process.memoryUsage().rss;
const sampler = rssSampler();
await sleep(20); // let the worker start
sampler.reset();
const t0 = performance.now();
let result: ReturnType<typeof score> | undefined = score(framework, evidence);
const coldMs = performance.now() - t0;
await sleep(5);
const peakScoring = sampler.peak();
await sampler.stop(); // no sampling thread while timing
collect();
const heapResult = used();
result = undefined;
collect();
let noExplain: ReturnType<typeof score> | undefined = score(framework, evidence, { explain: false });
collect();
const heapNoExplain = used();
if (noExplain.units.length !== count) throw new Error("units lost");
noExplain = undefined;
console.log(`evidence: ${mb(heapEvidence - heapBefore)} (RSS with the evidence held, after a collection: ${mb(rssEvidence)})`);
console.log(`one result, explanation data kept: ${mb(heapResult - heapEvidence)}; with explain: false: ${mb(heapNoExplain - heapEvidence)}`);
console.log(`peak RSS while scoring once (cold, ${coldMs.toFixed(0)} ms) with the evidence held: ${mb(peakScoring)}`);
collect();

// ---- Time.
const units = count;
/** Times `f` (after `setup`, which is not timed). */
function time<T>(label: string, runs: number, f: (input: T) => void, setup: () => T = () => undefined as T): void {
  for (let i = 0; i < 2; i++) {
    f(setup()); // warm-up
    collect();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = setup();
    collect();
    const start = performance.now();
    f(input);
    times.push(performance.now() - start);
    collect(); // outside the timed region: each run starts from the same heap
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${label}: median ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)}), ${Math.round((units / median) * 1000).toLocaleString("en")} units/s`,
  );
}

const ev = evidence;
evidence = undefined;
if (!only || only === "score") {
  time("score, explanation data kept (default)", 7, () => void score(framework, ev));
  time("score, explain: false", 7, () => void score(framework, ev, { explain: false }));
}
if (!only || only !== "score") {
  result = score(framework, ev);
  const r = result;
  if (!only || only === "explain") {
    // On a fresh result each run (not timed): explanations are cached once built.
    time(
      "build every explanation object (all leaves and adjustments)",
      3,
      (fresh: ReturnType<typeof score>) => {
        for (const u of fresh.units) {
          for (const n of u.nodes) void n.explanation;
          for (const a of u.adjustments) void a.explanation;
        }
      },
      () => {
        result = undefined;
        return score(framework, ev);
      },
    );
    result = r;
  }
  if (!only || only === "render") {
    let chars = 0;
    time("render every unit's explanation text (explainText)", 3, () => {
      chars = 0;
      for (const u of r.units) chars += explainText(u, framework).length;
    });
    console.log(`  (${(chars / 1e6).toFixed(0)} million characters of text, ${Math.round(chars / units).toLocaleString("en")} per unit)`);
  }
  if (!only || only === "json") {
    let size = 0;
    time("toJSON + JSON.stringify", 5, () => void (size = JSON.stringify(r).length));
    console.log(`  (${(size / 1e6).toFixed(0)} MB of JSON)`);
  }
}
result = undefined;
console.log(`max RSS of the whole benchmark process: ${mb(process.resourceUsage().maxRSS * 1024)}`);
