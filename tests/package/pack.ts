/**
 * The package as users get it: `npm pack`, then `npm install` of the tarball into a fresh folder
 * (dependencies from the npm cache when they are there, else the registry). Done once per test
 * file that needs it; every check then runs in that folder.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

export interface Packed {
  /** The folder the tarball is installed in (`node_modules/par-index` inside). */
  readonly app: string;
  readonly tarball: string;
  /** Bytes of the tarball, and of its files unpacked. */
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly string[];
}

/** Newest modification time under `dir` (files whose name passes `keep`). */
function newest(dir: string, keep: (f: string) => boolean = () => true): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, keep));
    else if (keep(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** Rebuild dist/ when a source, a framework or the build config is newer than it (npm ci builds it). */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = Math.min(...["index.js", "index.cjs", "node.d.ts", "node.d.cts", "cli.js", "frameworks.js"].map((f) => statSync(join(ROOT, "dist", f)).mtimeMs));
  } catch {
    built = 0;
  }
  const sources = Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "frameworks")), statSync(join(ROOT, "tsup.config.ts")).mtimeMs, statSync(join(ROOT, "package.json")).mtimeMs);
  if (built >= sources) return;
  if (process.env["CI"] === "true") throw new Error("dist/ is older than the sources: CI builds it in npm ci (prepare)");
  execFileSync(NPM, ["run", "build"], { cwd: ROOT, stdio: "pipe" });
}

// `tsx tests/package/pack.ts` (run by `npm test` before vitest): rebuild dist/ if it is stale, so
// no test file reads dist/ while another rebuilds it.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) ensureBuilt();

/** Pack the package and install the tarball into a fresh temporary folder. */
export function packAndInstall(): Packed {
  ensureBuilt();
  const work = mkdtempSync(join(tmpdir(), "par-index-package-"));
  const out = execFileSync(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" });
  const info = (JSON.parse(out) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[])[0]!;
  const app = join(work, "app");
  cpSync(join(ROOT, "tests/package/consumer"), app, { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
  execFileSync(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", join(work, info.filename)], { cwd: app, stdio: "pipe" });
  return {
    app,
    tarball: join(work, info.filename),
    size: info.size,
    unpackedSize: info.unpackedSize,
    files: info.files.map((f) => f.path).sort(),
  };
}

/** Run a command in `cwd`; never throws (the test reads status, stdout and stderr). */
export function run(cmd: string, args: readonly string[], cwd: string, input?: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...(input !== undefined && { input }), env: { ...process.env, NO_COLOR: "1" } });
}

/** A binary of the project's own devDependencies. */
export const bin = (name: string): string => join(ROOT, "node_modules/.bin", name);

export const readText = (path: string): string => readFileSync(path, "utf8");
