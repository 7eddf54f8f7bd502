/**
 * Evidence import benchmark: 1,000,000 generated long-form rows (10,000 units ×
 * 100 inputs), written to a temp file and read back through the streaming reader.
 * Prints rows/s (after a warm-up), peak RSS and heap, and heap per value kept.
 *
 *   npx tsx tests/bench/evidence.ts [rows]
 *   NODE_OPTIONS=--expose-gc npx tsx tests/bench/evidence.ts   (exact heap held after a GC)
 */
import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dec } from "../../src/core/decimal.js";
import { createEvidenceReader } from "../../src/evidence/reader.js";
import type { EvidenceSchema } from "../../src/evidence/schema.js";
import type { InputPlan, InputType } from "../../src/framework/ir.js";
import { readEvidenceFile } from "../../src/node/evidence.js";

const ROWS = Number(process.argv[2] ?? 1_000_000);
const INPUTS = 100;
const UNITS = Math.ceil(ROWS / INPUTS);

const types: InputType[] = ["integer", "number", "ratio", "percent"];
const plans: InputPlan[] = Array.from({ length: INPUTS }, (_, i) => ({
  kind: "input",
  name: `input_${String(i).padStart(3, "0")}`,
  slot: i,
  type: types[i % types.length] as InputType,
  missing: "error",
  ...(i % 4 === 0 ? { min: dec(0) } : {}),
}));
const schema: EvidenceSchema = { inputs: new Map(plans.map((p) => [p.name, p])), criteria: new Set() };

/** Row i in locale vi: `;`, thousands `.`, decimal `,`, percentages. */
function row(i: number): string {
  const unit = `phuong-${String(Math.floor(i / INPUTS)).padStart(5, "0")}`;
  const k = i % INPUTS;
  const plan = plans[k] as InputPlan;
  let value: string;
  switch (plan.type) {
    case "integer":
      value = i % 3 === 0 ? `${(i % 900) + 100}.${String(i % 1000).padStart(3, "0")}` : String(i % 100_000);
      break;
    case "number":
      value = `${i % 10_000},${i % 100}`;
      break;
    case "ratio":
      value = i % 2 === 0 ? `${i % 100},${i % 10}%` : `0,${i % 10_000}`;
      break;
    default:
      value = `${i % 100},${i % 100}`;
  }
  return `${unit};${plan.name};${value};\n`;
}

async function writeFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write("\uFEFFunit;input;value;note\n");
  let batch: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    batch.push(row(i));
    if (batch.length === 10_000) {
      if (!out.write(batch.join(""))) await new Promise<void>((r) => out.once("drain", () => r()));
      batch = [];
    }
  }
  out.write(batch.join(""));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

let peakRss = 0;
let peakHeap = 0;
function sample(): void {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

async function main(): Promise<void> {
  const path = join(tmpdir(), `par-index-bench-evidence-${process.pid}.csv`);
  await writeFile(path);
  const size = (await stat(path)).size;
  console.log(`file: ${ROWS.toLocaleString("en")} long-form rows (${UNITS} units × ${INPUTS} inputs, locale vi), ${mb(size)}`);

  // Warm-up: the JIT sees the hot path on a tenth of the rows (pure reader on generated text).
  {
    const reader = createEvidenceReader(schema, { locale: "vi" });
    reader.push("unit;input;value;note\n");
    let chunk: string[] = [];
    for (let i = 0; i < ROWS / 10; i++) {
      chunk.push(row(i));
      if (chunk.length === 5000) {
        reader.push(chunk.join(""));
        chunk = [];
      }
    }
    reader.push(chunk.join(""));
    reader.end();
  }
  (globalThis as { gc?: () => void }).gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  peakRss = 0;
  peakHeap = 0;
  const timer = setInterval(sample, 20);
  const t0 = performance.now();
  const part = await readEvidenceFile(path, schema, { locale: "vi", progressEvery: 100_000, onProgress: sample });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  sample();

  let values = 0;
  for (const u of part.byUnit.values()) values += u.inputs.size;
  (globalThis as { gc?: () => void }).gc?.();
  const heldHeap = process.memoryUsage().heapUsed - baseHeap;
  console.log(`rows read ${part.stats.rowsRead.toLocaleString("en")}, used ${part.stats.rowsUsed.toLocaleString("en")}, rejected ${part.stats.rowsRejected}, diagnostics ${part.diagnostics.length}, values kept ${values.toLocaleString("en")}`);
  console.log(`time ${seconds.toFixed(2)} s → ${Math.round(part.stats.rowsRead / seconds).toLocaleString("en")} rows/s (${(size / 1048576 / seconds).toFixed(1)} MB/s)`);
  console.log(`peak RSS ${mb(peakRss)}, peak heap ${mb(peakHeap)}; heap held after reading ${mb(heldHeap)} ≈ ${Math.round(heldHeap / Math.max(1, values))} bytes per value kept (file: ${Math.round(size / ROWS)} bytes per row)`);

  // The same file with every row rejected (unknown input): memory holds only diagnostics-free counters.
  const empty: EvidenceSchema = { inputs: new Map(), criteria: new Set() };
  const t1 = performance.now();
  const rejected = await readEvidenceFile(path, empty, { locale: "vi", expect: ["registry"] });
  const s1 = (performance.now() - t1) / 1000;
  console.log(`wrong-kind pass (rows counted, nothing kept): ${Math.round(rejected.stats.rowsRead / s1).toLocaleString("en")} rows/s, heap now ${mb(process.memoryUsage().heapUsed)}`);
  if (part.stats.rowsRead !== ROWS || part.stats.rowsUsed !== ROWS) console.error("unexpected counts", part.stats, part.diagnostics.slice(0, 3));
  await rm(path, { force: true });
}

void main();
