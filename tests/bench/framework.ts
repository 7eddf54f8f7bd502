/**
 * Time to parse, validate and compile a framework of 100 leaves
 * (10 fields × 10 leaves, every rule kind). Target: < 10 ms per framework after warm-up.
 * Run: npx tsx tests/bench/framework.ts
 */
import { parseFramework } from "../../src/framework/index.js";
import { loadYaml } from "../../src/yaml/load.js";

export function generateFrameworkYaml(fields = 10, leavesPerField = 10): string {
  const lines = [
    "format: par-index/v1",
    "id: bench-framework",
    'title: "Benchmark framework (illustrative)"',
    "year: 2024",
    'source: "Generated for the benchmark"',
    "parts: { appraisal: {}, survey: { optional: true } }",
    "inputs:",
  ];
  for (let f = 1; f <= fields; f++) {
    lines.push(
      `  n${f}: { type: integer, min: 0 }`,
      `  d${f}: { type: integer, min: 0 }`,
      `  ok${f}: { type: boolean }`,
      `  on${f}: { type: date }`,
      `  st${f}: { type: enum, values: [on_time, late, none] }`,
      `  r${f}: { type: ratio }`,
    );
  }
  lines.push("derived:");
  for (let f = 1; f <= fields; f++) lines.push(`  rate${f}: "n${f} / d${f}"`);
  lines.push("criteria:");
  const rules = [
    (f: number) => `{ boolean: { value: ok${f} } }`,
    (f: number) => `{ bands: { value: rate${f}, bands: [ { above: 0.9, points: 1 }, { at_least: 0.7, points: 0.5 }, { otherwise: 0 } ] } }`,
    (f: number) => `{ ratio: { value: r${f} } }`,
    (f: number) => `{ deadline: { value: on${f}, due: 2024-01-15, late: 0.5, late_until: 2024-02-15 } }`,
    (f: number) => `{ choice: { value: st${f}, points: { on_time: 1, late: 0.5, none: 0 } } }`,
    (f: number) => `{ deduct: { value: n${f}, per: 0.25 } }`,
    () => `{ manual: { step: 0.25 } }`,
    (f: number) => `{ expr: "min(1, max(0, rate${f}))" }`,
  ];
  for (let f = 1; f <= fields; f++) {
    lines.push(`  - id: "${f}"`, `    title: "Field ${f}"`, `    max: ${leavesPerField}`, f === fields ? "    part: survey" : "", "    children:");
    for (let l = 1; l <= leavesPerField; l++) {
      const rule = rules[(f + l) % rules.length]!(f);
      lines.push(`      - { id: "${f}.${l}", title: "Leaf ${f}.${l}", max: 1, applies_if: "d${f} >= 0", rule: ${rule} }`);
    }
  }
  lines.push("grades:", "  - { at_least: 90, label: A }", "  - { at_least: 80, label: B }", "  - { otherwise: C }");
  return lines.filter((l) => l !== "").join("\n") + "\n";
}

function main(): void {
  const text = generateFrameworkYaml();
  const first = parseFramework(text, { filename: "bench.yaml" });
  if (!first.ok) throw new Error(first.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`).join("\n"));
  const leaves = first.framework.nodes.filter((n) => n.kind === "leaf").length;

  let peakRss = process.memoryUsage().rss;
  for (let i = 0; i < 50; i++) parseFramework(text, { filename: "bench.yaml" }); // warm-up
  const runs = 300;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parseFramework(text, { filename: "bench.yaml" });
    times.push(performance.now() - t0);
    if (i % 25 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / runs;
  const median = times[Math.floor(runs / 2)]!;
  const p95 = times[Math.floor(runs * 0.95)]!;
  console.log(`framework: ${leaves} leaves, ${text.length} characters of YAML`);
  console.log(`parse+validate+compile: mean ${mean.toFixed(2)} ms, median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms per framework (${runs} runs after warm-up)`);
  const t1 = performance.now();
  for (let i = 0; i < runs; i++) loadYaml(text, "bench.yaml");
  const yamlMean = (performance.now() - t1) / runs;
  console.log(`of which loadYaml (yaml package + positions): ${yamlMean.toFixed(2)} ms; overlays+schema+checks+compile: ${(mean - yamlMean).toFixed(2)} ms`);
  console.log(`throughput: ${(1000 / mean).toFixed(0)} frameworks/s; peak rss ${(peakRss / 1024 / 1024).toFixed(1)} MiB`);
  console.log(`target < 10 ms: ${mean < 10 ? "met" : "NOT met"}`);
}

main();
