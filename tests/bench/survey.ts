/**
 * SIPAS benchmark: 1,000,000 respondents × 33 items (sipas-2023), streamed.
 *   npx tsx tests/bench/survey.ts [respondents]
 * 1) generated CSV chunks pushed into the streaming reader (generation timed apart);
 * 2) the same CSV written to a temp file and read with readResponsesFile (node:fs stream).
 * Prints time after a warm-up, rows/s, and peak RSS sampled per chunk, at 1/4 and at full size,
 * to show that memory does not grow with the number of respondents.
 */
import { readFileSync, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSurvey, createResponsesReader, computeSurveyResult, type CompiledSurvey } from "../../src/survey/index.js";
import { readResponsesFile } from "../../src/node/survey.js";

const N = Number(process.argv[2] ?? 1_000_000);
const parsed = parseSurvey(readFileSync(new URL("../../frameworks/sipas-2023.yaml", import.meta.url), "utf8"));
if (!parsed.ok) throw new Error("sipas-2023.yaml does not compile");
const survey: CompiledSurvey = parsed.survey;
const items = survey.items.map((i) => i.id);
const UNITS = ["ba-dinh", "hoan-kiem", "cua-nam", "dong-da", "cau-giay", "long-bien", "tay-ho", "hai-ba-trung"];

/** A pool of row bodies (deterministic PRNG; ~2% blanks), cycled to build rows quickly. */
function rowPool(size: number): string[] {
  let s = 42;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const levels = ["1", "2", "3", "4", "4", "4", "5", "5", "5", "3"];
  return Array.from({ length: size }, () => items.map(() => (rnd() < 0.02 ? "" : levels[Math.floor(rnd() * 10)]!)).join(","));
}
const pool = rowPool(4096);

function* csvChunks(n: number, rowsPerChunk = 8192): Generator<string> {
  yield `respondent,unit,${items.join(",")}\n`;
  let parts: string[] = [];
  for (let r = 0; r < n; r++) {
    parts.push(`r${r},${UNITS[r % UNITS.length]},${pool[(r * 7) % pool.length]}`);
    if (parts.length === rowsPerChunk) {
      yield parts.join("\n") + "\n";
      parts = [];
    }
  }
  if (parts.length) yield parts.join("\n") + "\n";
}

const mib = (b: number) => (b / 1024 / 1024).toFixed(1);

function runStream(n: number) {
  const reader = createResponsesReader(survey);
  let peak = process.memoryUsage().rss;
  let chars = 0;
  let genMs = 0;
  const t0 = performance.now();
  const gen = csvChunks(n);
  for (;;) {
    const g0 = performance.now();
    const next = gen.next();
    genMs += performance.now() - g0;
    if (next.done) break;
    chars += next.value.length;
    reader.push(next.value);
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  }
  const read = reader.end();
  const result = computeSurveyResult(survey, read.accumulator, read.diagnostics);
  const total = performance.now() - t0;
  return { total, genMs, readMs: total - genMs, peak, chars, rows: read.stats.rowsUsed, overall: result.toJSON().all.overall };
}

async function runFile(n: number) {
  const dir = mkdtempSync(join(tmpdir(), "par-index-bench-"));
  const path = join(dir, "responses.csv");
  const out = createWriteStream(path);
  for (const c of csvChunks(n)) if (!out.write(c)) await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((r) => out.end(() => r()));
  const size = statSync(path).size;
  let peak = process.memoryUsage().rss;
  const t0 = performance.now();
  const read = await readResponsesFile(path, survey, {
    onProgress: () => {
      const rss = process.memoryUsage().rss;
      if (rss > peak) peak = rss;
    },
  });
  const result = computeSurveyResult(survey, read.accumulator, read.diagnostics);
  const ms = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  return { ms, size, peak, rows: read.stats.rowsUsed, overall: result.toJSON().all.overall };
}

runStream(20_000); // warm-up
for (const n of [Math.floor(N / 4), N]) {
  global.gc?.();
  const r = runStream(n);
  console.log(
    `stream  ${n.toLocaleString("en")} respondents × ${items.length} items (${mib(r.chars)} MiB text): ` +
      `read ${(r.readMs / 1000).toFixed(2)} s (${Math.round(r.rows / (r.readMs / 1000)).toLocaleString("en")} rows/s), ` +
      `generation ${(r.genMs / 1000).toFixed(2)} s apart, peak RSS ${mib(r.peak)} MiB, overall ${r.overall}`,
  );
}
for (const n of [Math.floor(N / 4), N]) {
  global.gc?.();
  const f = await runFile(n);
  console.log(
    `file    ${n.toLocaleString("en")} respondents (${mib(f.size)} MiB on disk): ${(f.ms / 1000).toFixed(2)} s ` +
      `(${Math.round(f.rows / (f.ms / 1000)).toLocaleString("en")} rows/s), peak RSS ${mib(f.peak)} MiB, overall ${f.overall}`,
  );
}
