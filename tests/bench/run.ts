/**
 * Runs every benchmark (tests/bench/<area>.ts) in its own process, so that each one's
 * peak memory is its own. `npm run bench` or `npm run bench -- engine survey`.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .map((f) => f.slice(0, -3))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n=== tests/bench/${name}.ts\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", join(here, `${name}.ts`)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
