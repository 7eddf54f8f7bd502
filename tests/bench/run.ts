/**
 * Runs every benchmark (tests/bench/<area>.ts) in its own process, so that each one's
 * peak memory is its own. `npm run bench` or `npm run bench -- engine survey`.
 * Flags (`--quick`, `--no-build`) go to the whole-process benchmark (process.ts);
 * `npm run bench -- --quick` runs only that one, on a small workload.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const flags = process.argv.slice(2).filter((a) => a.startsWith("--"));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (flags.includes("--quick") && wanted.length === 0) wanted.push("process");
const benches = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .map((f) => f.slice(0, -3))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n=== tests/bench/${name}.ts\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", join(here, `${name}.ts`), ...(name === "process" ? flags : [])], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
