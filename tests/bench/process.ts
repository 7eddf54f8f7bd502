/**
 * Whole-process benchmark: what a user waits for. Writes the synthetic 100-leaf framework
 * and its evidence into a temp folder, then runs, interleaved in one loop (so that machine
 * load hits all alike), `node dist/cli.js score --format csv`, `--format json` and the float
 * program hand-written for that one framework (tests/bench/_float-program.mjs, the physical
 * limit). Prints each one's median wall time, its ratio to the float program (median of the
 * per-round ratios) and peak RSS (/usr/bin/time -v); then long-form evidence CSV ingest rows/s
 * (against a bare split-lines loop in the same loop), single-unit re-score time, startup
 * (`par-index --version` against `node -e 0`), and last the large run (100,000 units: time, peak
 * RSS, bytes per extra unit).
 *
 *   npm run bench -- process            10,000 units (and 100,000) — minutes
 *   npm run bench -- --quick            1,000 units (and 5,000) — seconds
 *   … --no-build                        use dist/ as it is (default: rebuild it first)
 *   … --units=N --big=N --rounds=N      another workload
 *   … --big-timeout=S                   stop each large run after S seconds (default 900), reported as not finished
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { frameworkYaml, writeEvidenceCsv, writeEvidenceJson, writePointsCsv } from "./_process-data.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
/** `--units=N`, `--big=N`, `--rounds=N` override the workload. */
const flag = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const UNITS = flag("units", quick ? 1_000 : 10_000);
const BIG = flag("big", quick ? 5_000 : 100_000);
const ROUNDS = flag("rounds", quick ? 3 : 5);
const BIG_TIMEOUT = flag("big-timeout", 900);
const node = process.execPath;
const cli = join(root, "dist", "cli.js");

if (!args.includes("--no-build")) {
  const b = spawnSync("npx", ["tsup", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (b.status !== 0) throw new Error("build failed");
}

const dir = mkdtempSync(join(tmpdir(), "par-index-bench-"));
const fw = join(dir, "synthetic.yaml");
const ev = join(dir, "evidence.json");
const evBig = join(dir, "evidence-big.json");
const evCsv = join(dir, "evidence-long.csv");
writeFileSync(fw, frameworkYaml());
const jsonBytes = await writeEvidenceJson(ev, UNITS);
const csvRows = await writeEvidenceCsv(evCsv, UNITS);
console.log(`temp folder ${dir}; framework 100 leaves; evidence ${UNITS.toLocaleString("en")} units, JSON ${(jsonBytes / 1048576).toFixed(1)} MB; long-form CSV ${csvRows.toLocaleString("en")} rows`);

interface Run {
  readonly ms: number;
  /** Peak RSS in bytes. */
  readonly rss: number;
  readonly status: number | null | "timeout";
  readonly stderrTail: string;
}

/**
 * Runs `node ARGS` under /usr/bin/time -v, stdout to `out` (or discarded); with `timeout` (seconds)
 * under coreutils' timeout, which kills it then (status "timeout"; its peak RSS is then unknown).
 */
function run(argv: readonly string[], out?: string, timeout?: number): Run {
  const timeFile = join(dir, "time.txt");
  const fd = out === undefined ? "ignore" : openSync(out, "w");
  const start = performance.now();
  const command = timeout === undefined ? [node, ...argv] : ["timeout", "-s", "KILL", String(timeout), node, ...argv];
  const r = spawnSync("/usr/bin/time", ["-v", "-o", timeFile, ...command], { stdio: ["ignore", fd, "pipe"], maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (typeof fd === "number") closeSync(fd);
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, "utf8"))?.[1] ?? Number.NaN);
  const stderr = r.stderr?.toString("utf8") ?? "";
  const times = readFileSync(timeFile, "utf8");
  const exit = /Exit status: (\d+)/.exec(times);
  const killed = timeout !== undefined && /signal 9/.test(times);
  return {
    ms,
    rss: killed ? Number.NaN : rssKb * 1024,
    status: killed ? "timeout" : exit ? Number(exit[1]) : r.status,
    stderrTail: stderr.split("\n").filter(Boolean).slice(-2).join(" | ").slice(0, 300),
  };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** par-index exits 1 when the evidence has errors (the synthetic evidence has missing values on purpose). */
const ran = (r: Run) => r.status === 0 || r.status === 1;

// ---- 1. 10,000 × 100: csv and json against the float program, interleaved.
const jobs = {
  float: { argv: [join(here, "_float-program.mjs"), ev], out: join(dir, "float.csv") },
  csv: { argv: [cli, "score", "--framework", fw, "--evidence", ev, "--format", "csv"], out: join(dir, "par-index.csv") },
  json: { argv: [cli, "score", "--framework", fw, "--evidence", ev, "--format", "json"], out: join(dir, "par-index.json") },
} as const;
type Job = keyof typeof jobs;
const names = Object.keys(jobs) as Job[];
const results: Record<Job, Run[]> = { float: [], csv: [], json: [] };
run(jobs.float.argv, jobs.float.out); // warm the file cache
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < names.length; i++) {
    const name = names[(round + i) % names.length]!;
    results[name].push(run(jobs[name].argv, jobs[name].out));
  }
}
const same = (() => {
  const a = readFileSync(jobs.float.out, "utf8").split("\r\n").slice(1).sort();
  const b = readFileSync(jobs.csv.out, "utf8").split("\r\n").slice(1).sort();
  return a.length === b.length && a.every((line, i) => line === b[i]);
})();
console.log(`\n## ${UNITS.toLocaleString("en")} units × 100 leaves, whole process, ${ROUNDS} interleaved rounds`);
console.log(`float program's CSV ${same ? "is identical to" : "DIFFERS from"} par-index's (rows compared as sets)`);
for (const name of names) {
  const rs = results[name];
  const bad = rs.find((r) => !ran(r));
  const ratios = rs.map((r, i) => r.ms / results.float[i]!.ms);
  const rssRatio = median(rs.map((r) => r.rss)) / median(results.float.map((r) => r.rss));
  console.log(
    `${name.padEnd(6)} median ${s(median(rs.map((r) => r.ms)))}  × float ${median(ratios).toFixed(2)} (rounds ${ratios.map((x) => x.toFixed(1)).join(", ")})  peak RSS ${mb(median(rs.map((r) => r.rss)))} (× float ${rssRatio.toFixed(2)})` +
      (bad ? `  FAILED: exit ${bad.status}: ${bad.stderrTail}` : ""),
  );
}
const rss10 = { float: median(results.float.map((r) => r.rss)), csv: median(results.csv.map((r) => r.rss)), json: median(results.json.map((r) => r.rss)) };
// The same JSON without whitespace: one run after the loop.
const compactOut = join(dir, "par-index-compact.json");
const compact = run([...jobs.json.argv, "--compact"], compactOut);
const compactSame = ran(compact) && readFileSync(compactOut, "utf8") === JSON.stringify(JSON.parse(readFileSync(jobs.json.out, "utf8"))) + "\n";
console.log(
  `json --compact (one run) ${s(compact.ms)}, peak RSS ${mb(compact.rss)}, ${mb(statSync(compactOut).size)} against ${mb(statSync(jobs.json.out).size)} indented; ` +
    `${compactSame ? "the same content" : "DIFFERENT content"} (JSON.stringify of the indented output)`,
);
rmSync(compactOut, { force: true });
rmSync(jobs.json.out, { force: true });

// ---- 2. Evidence CSV ingest (long form) against a bare split-lines loop, interleaved.
const ingest: number[] = [];
const split: number[] = [];
let ingestRss = 0;
for (let round = 0; round < ROUNDS; round++) {
  const a = run([join(here, "_ingest.mjs"), cli.replace("cli.js", "node.js"), fw, evCsv]);
  const line = (a.stderrTail.match(/ingest (\d+) rows in ([\d.]+) ms/) ?? []) as string[];
  if (!line[1]) throw new Error(`ingest failed: ${a.stderrTail}`);
  ingest.push(Number(line[1]) / (Number(line[2]) / 1000));
  ingestRss = Math.max(ingestRss, a.rss);
  const b = run([join(here, "_ingest.mjs"), "--split", evCsv]);
  const l2 = (b.stderrTail.match(/ingest (\d+) rows in ([\d.]+) ms/) ?? []) as string[];
  split.push(Number(l2[1]) / (Number(l2[2]) / 1000));
}
console.log(`\n## Evidence CSV ingest, long form, ${csvRows.toLocaleString("en")} rows (in-process time of loadEvidence; framework compile excluded)`);
console.log(`loadEvidence ${Math.round(median(ingest)).toLocaleString("en")} rows/s; bare split-lines loop ${Math.round(median(split)).toLocaleString("en")} rows/s (× ${(median(split) / median(ingest)).toFixed(2)}); peak RSS ${mb(ingestRss)}`);

// ---- 3. Re-scoring one unit after one input changes.
const re = run([join(here, "_rescore.mjs"), root, fw, ev]);
console.log(`\n## Single-unit re-score (${UNITS.toLocaleString("en")} units loaded)`);
console.log(re.stderrTail.includes("rescore") ? re.stderrTail : `not measured: ${re.stderrTail}`);

// ---- 4. Startup.
const version: number[] = [];
const bare: number[] = [];
for (let round = 0; round < (quick ? 5 : 15); round++) {
  version.push(run([cli, "--version"]).ms);
  bare.push(run(["-e", "0"]).ms);
}
console.log(`\n## Startup\npar-index --version median ${median(version).toFixed(0)} ms; node -e 0 ${median(bare).toFixed(0)} ms; × ${(median(version) / median(bare)).toFixed(2)}`);

// ---- 5. Scale: BIG units, once each, default heap. Last: gigabytes of output and evidence leave the
// machine slower for a while (page cache), which would weigh on the small measurements after it.
// JSON evidence over 64 MB is refused by design (a hostile-input limit), so at this size par-index
// reads the same data as CSV: inputs in long form plus the points table; the float program reads the JSON.
const bigBytes = await writeEvidenceJson(evBig, BIG);
const bigInputs = join(dir, "big-inputs.csv");
const bigPoints = join(dir, "big-points.csv");
const bigRows = (await writeEvidenceCsv(bigInputs, BIG)) + (await writePointsCsv(bigPoints, BIG));
console.log(`\n## ${BIG.toLocaleString("en")} units (float program: JSON evidence ${(bigBytes / 1048576).toFixed(0)} MB; par-index: ${bigRows.toLocaleString("en")} CSV rows, inputs long form + points table), default heap, one run each`);
for (const name of names) {
  const argv = name === "float" ? jobs[name].argv.map((a) => (a === ev ? evBig : a)) : jobs[name].argv.flatMap((a) => (a === ev ? [bigInputs, "--points", bigPoints] : [a]));
  const out = join(dir, `big-${name}`);
  const r0 = run(argv, out, BIG_TIMEOUT);
  const bytes = ran(r0) ? statSync(out).size : 0;
  const r = bytes === 0 && r0.status !== "timeout" ? { ...r0, status: -1 } : r0; // no output: failed whatever the exit status
  rmSync(out, { force: true });
  const perUnit = (r.rss - rss10[name]) / (BIG - UNITS);
  console.log(
    `${name.padEnd(6)} ` +
      (ran(r)
        ? `${s(r.ms)}, peak RSS ${mb(r.rss)}, ~${Math.round(perUnit).toLocaleString("en")} bytes of RSS per extra unit, output ${mb(bytes)}`
        : r.status === "timeout"
          ? `DID NOT FINISH within ${BIG_TIMEOUT} s (--big-timeout): killed; peak RSS not measured`
          : `FAILED after ${s(r.ms)} (exit ${r.status}, peak RSS ${mb(r.rss)}): ${r.stderrTail}`),
  );
}
for (const f of [evBig, bigInputs, bigPoints]) rmSync(f, { force: true });

rmSync(dir, { recursive: true, force: true });
