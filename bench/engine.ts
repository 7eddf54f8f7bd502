/**
 * Scores N synthetic units (default 10,000) against a 100-leaf framework, with
 * explanations, and prints the time after warm-up and the peak memory.
 * Run: npx tsx bench/engine.ts [units]
 */
import { performance } from "node:perf_hooks";
import { score } from "../src/engine/index.js";
import { syntheticEvidence, syntheticFrameworkYaml } from "../src/engine/synthetic.js";
import type { CompiledFramework } from "../src/framework/ir.js";
import { loadYaml } from "../src/yaml/load.js";
import { buildIr } from "../fixtures/engine/build-ir.js";
import { makeEvidence } from "../fixtures/engine/evidence.js";

async function compile(text: string): Promise<{ framework: CompiledFramework; via: string }> {
  try {
    const mod = (await import("../src/framework/index.js")) as {
      parseFramework?: (t: string, o: { filename: string }) => { ok: boolean; framework?: CompiledFramework; diagnostics?: unknown[] };
    };
    if (mod.parseFramework) {
      const r = mod.parseFramework(text, { filename: "synthetic.yaml" });
      if (r.ok && r.framework) return { framework: r.framework, via: "parseFramework" };
      console.error("parseFramework rejected the synthetic framework:", JSON.stringify(r.diagnostics?.slice(0, 3)));
    }
  } catch {
    // src/framework/index.ts not there yet: fall back to the test IR builder.
  }
  return { framework: buildIr(loadYaml(text, "synthetic.yaml").value as Record<string, unknown>), via: "fixtures/engine/build-ir" };
}

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 5);

const count = Number(process.argv[2] ?? 10_000);
const { framework, via } = await compile(syntheticFrameworkYaml({ leaves: 100 }));
const evidence = makeEvidence(framework, syntheticEvidence(count, { seed: 42 }));
const leaves = framework.nodes.filter((n) => n.kind === "leaf").length;
console.log(`framework: ${leaves} leaves, ${framework.nodes.length} nodes, ${framework.inputs.length} inputs (compiled via ${via}); units: ${count}`);

function time(label: string, runs: number, f: () => unknown): number {
  for (let i = 0; i < 2; i++) f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
    sample();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${label}: median ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}), ${Math.round((count / median) * 1000).toLocaleString("en")} units/s`);
  return median;
}

time("score with explanations", 5, () => score(framework, evidence));
time("score without explanations", 5, () => score(framework, evidence, { explain: false }));
// Explanations are built on first access; this forces every leaf's explanation to exist.
time("score + every explanation built", 3, () => {
  const r = score(framework, evidence);
  for (const u of r.units) for (const n of u.nodes) void n.explanation;
});
const result = score(framework, evidence);
time("toJSON", 3, () => JSON.stringify(result));
// Cost of the expression closures alone (derived values and every rule value), for "what dominates".
time("expression evaluation only", 5, () => {
  for (const ev of evidence.byUnit.values()) {
    const slots = framework.inputs.map((i) => ev.inputs.get(i.name)?.value ?? { kind: "missing" as const, reason: "absent" as const });
    for (const d of framework.derived) slots[d.slot] = d.expr.evaluate(slots);
    for (const n of framework.nodes) if (n.kind === "leaf" && n.rule.kind !== "manual") n.rule.value.evaluate(slots);
  }
});
clearInterval(sampler);
sample();
console.log(`peak rss: ${(peakRss / 1024 / 1024).toFixed(0)} MB; heap used now: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
