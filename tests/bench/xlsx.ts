/**
 * Workbook reading benchmark: the same long-form inputs (default 100,000 rows) as
 * an .xlsx sheet (numbers as numeric cells, a title block above the header) and as
 * CSV, read through the same evidence reader in the same loop. Prints rows/s of
 * each, the xlsx/CSV time ratio, and the process's peak RSS (the sheet is streamed:
 * memory holds the shared strings and the evidence kept, not the sheet).
 *
 *   npx tsx tests/bench/xlsx.ts [rows]
 */
import { writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { EvidenceSchema } from "../../src/evidence/schema.js";
import type { InputPlan } from "../../src/framework/ir.js";
import { readEvidenceFile, readEvidenceParts } from "../../src/node/evidence.js";

const ROWS = Number(process.argv[2] ?? 100_000);
const INPUTS = 50;
const plans: InputPlan[] = Array.from({ length: INPUTS }, (_, i) => ({
  kind: "input",
  name: `input_${String(i).padStart(2, "0")}`,
  slot: i,
  type: i % 2 === 0 ? "integer" : "ratio",
  missing: "error",
}));
const schema: EvidenceSchema = { inputs: new Map(plans.map((p) => [p.name, p])), criteria: new Set() };
const value = (i: number): number => (i % 2 === 0 ? (i * 7919) % 100_000 : ((i * 31) % 10_000) / 10_000);

const dir = join(tmpdir(), `par-bench-xlsx-${process.pid}`);
const xlsx = `${dir}.xlsx`;
const csv = `${dir}.csv`;

async function build(): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const ws = wb.addWorksheet("Số liệu");
  ws.addRow(["BẢNG SỐ LIỆU"]).commit();
  ws.addRow([]).commit();
  ws.addRow(["unit", "input", "value"]).commit();
  const lines = ["unit,input,value"];
  for (let i = 0; i < ROWS; i++) {
    const unit = `xa-${String(Math.floor(i / INPUTS)).padStart(5, "0")}`;
    const name = plans[i % INPUTS]!.name;
    ws.addRow([unit, name, value(i)]).commit();
    lines.push(`${unit},${name},${value(i)}`);
  }
  ws.commit();
  await wb.commit();
  writeFileSync(csv, lines.join("\n") + "\n");
}

async function time(f: () => Promise<number>): Promise<{ ms: number; rows: number }> {
  const t = performance.now();
  const rows = await f();
  return { ms: performance.now() - t, rows };
}

await build();
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const results: { xlsx: number; csv: number }[] = [];
for (let round = 0; round < 3; round++) {
  const x = await time(async () => (await readEvidenceParts(xlsx, schema)).reduce((n, p) => n + p.stats.rowsUsed, 0));
  const c = await time(async () => (await readEvidenceFile(csv, schema)).stats.rowsUsed);
  if (x.rows !== ROWS || c.rows !== ROWS) throw new Error(`rows used: xlsx ${x.rows}, csv ${c.rows}, expected ${ROWS}`);
  if (round > 0) results.push({ xlsx: x.ms, csv: c.ms });
}
clearInterval(timer);
const best = (k: "xlsx" | "csv") => Math.min(...results.map((r) => r[k]));
console.log(`rows: ${ROWS.toLocaleString("en")} (long form, ${INPUTS} inputs)`);
console.log(`xlsx: ${Math.round(best("xlsx"))} ms, ${Math.round(ROWS / (best("xlsx") / 1000)).toLocaleString("en")} rows/s`);
console.log(`csv:  ${Math.round(best("csv"))} ms, ${Math.round(ROWS / (best("csv") / 1000)).toLocaleString("en")} rows/s`);
console.log(`xlsx / csv time: ${(best("xlsx") / best("csv")).toFixed(1)}x`);
console.log(`peak RSS: ${Math.round(peak / 1048576)} MiB`);
await rm(xlsx, { force: true });
await rm(csv, { force: true });
