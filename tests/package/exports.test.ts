import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const built = existsSync("dist/index.cjs") && existsSync("dist/index.js") && existsSync("dist/cli.js");

/** The entry and every chunk of dist/ it imports statically. */
function closure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(`dist/${file}`, "utf8");
    for (const m of text.matchAll(/(?:from |import |require\()["']\.\/([^"']+)["']/g)) visit(m[1]!);
  };
  visit(entry);
  return [...seen];
}

describe("package.json", () => {
  it("declares a dual ESM/CJS package with types first in every condition", () => {
    expect(pkg.name).toBe("par-index");
    expect(pkg.bin).toEqual({ "par-index": "./dist/cli.js" });
    expect(pkg.files).toEqual(expect.arrayContaining(["dist", "frameworks"]));
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines.node).toBe(">=20");
    for (const entry of [".", "./node", "./frameworks"]) {
      const e = pkg.exports[entry];
      expect(Object.keys(e)).toEqual(["import", "require"]);
      expect(Object.keys(e.import)).toEqual(["types", "default"]);
      expect(Object.keys(e.require)).toEqual(["types", "default"]);
      expect(e.import.types).toMatch(/\.d\.ts$/);
      expect(e.require.types).toMatch(/\.d\.cts$/);
    }
  });
});

describe.skipIf(!built)("the built package (npm ci builds it)", () => {
  it("loads from CommonJS and ESM with the same API", () => {
    const script = (kind: "cjs" | "esm") =>
      kind === "cjs"
        ? `const p = require("par-index"); const n = require("par-index/node"); console.log(JSON.stringify([Object.keys(p).sort(), typeof n.loadFrameworkFile]))`
        : `import * as p from "par-index"; import * as n from "par-index/node"; console.log(JSON.stringify([Object.keys(p).sort(), typeof n.loadFrameworkFile]))`;
    const run = (kind: "cjs" | "esm") =>
      JSON.parse(execFileSync(process.execPath, [kind === "esm" ? "--input-type=module" : "--input-type=commonjs", "-e", script(kind)], { encoding: "utf8" }));
    const [cjsKeys, cjsLoader] = run("cjs");
    const [esmKeys, esmLoader] = run("esm");
    expect(esmKeys.filter((k: string) => k !== "default")).toEqual(cjsKeys);
    expect(cjsKeys).toEqual(expect.arrayContaining(["parseFramework", "score", "rank", "parseSurvey", "readEvidenceCsv", "toTidyRows"]));
    expect([cjsLoader, esmLoader]).toEqual(["function", "function"]);
  });

  it("keeps node:fs and process out of the pure core bundle (the entry and every chunk it imports)", () => {
    for (const entry of ["index.js", "index.cjs", "frameworks.js"]) {
      const files = closure(entry);
      expect(files.length, entry).toBeGreaterThan(entry.startsWith("index") ? 1 : 0);
      for (const file of files) {
        const text = readFileSync(`dist/${file}`, "utf8");
        expect(text, file).not.toMatch(/require\("(node:)?(fs|path|url)"\)|from "(node:)?(fs|path|url)"|from "(node:)?fs\/promises"/);
        expect(text, file).not.toMatch(/\bprocess\.(argv|exit|cwd|env)\b|\bBuffer\./);
      }
    }
  });

  it("keeps exceljs out of the pure core bundle; the Node entry loads it only when a workbook is written", () => {
    for (const entry of ["index.js", "index.cjs"]) {
      for (const file of closure(entry)) expect(readFileSync(`dist/${file}`, "utf8"), file).not.toMatch(/exceljs|unzipper|saxes/);
    }
    const node = closure("node.js").map((file) => readFileSync(`dist/${file}`, "utf8")).join("\n");
    expect(node).not.toMatch(/require\(["']exceljs["']\)|^import .* from "exceljs"/m);
    expect(node).toMatch(/import\(["']exceljs["']\)/);
  });

  it("keeps import() of the ESM-only chart libraries a real dynamic import in the CommonJS build", () => {
    const node = closure("node.cjs").map((file) => readFileSync(`dist/${file}`, "utf8")).join("\n");
    expect(node).toMatch(/import\(["']vega["']\)/);
    expect(node).toMatch(/import\(["']vega-lite["']\)/);
    expect(node).not.toMatch(/require\(["']vega(-lite)?["']\)/);
  });

  it("has one copy of the code: the ESM entry points and their types re-export the CommonJS build", () => {
    for (const entry of ["index", "node", "frameworks"]) {
      expect(readFileSync(`dist/${entry}.js`, "utf8")).toMatch(new RegExp(`^export \\* from "\\./${entry}\\.cjs";$`, "m"));
      expect(readFileSync(`dist/${entry}.d.ts`, "utf8").trim()).toBe(`export * from "./${entry}.cjs";`);
    }
    for (const file of ["dist/index.d.cts", "dist/node.d.cts"]) expect(readFileSync(file, "utf8")).toContain("parseFramework");
    expect(readFileSync("dist/cli.js", "utf8")).toMatch(/^#!\/usr\/bin\/env node\n(\/\/.*\n)?import "\.\/cli\.cjs";\n$/);
  });

  it("bundles yaml's host-neutral build: no require of yaml and no environment read (Deno needs no permission)", () => {
    for (const file of closure("index.cjs")) {
      const text = readFileSync(`dist/${file}`, "utf8");
      expect(text, file).not.toMatch(/require\(["']yaml["']\)|\bLOG_TOKENS\b|\bLOG_STREAM\b|process\.env/);
    }
    expect(closure("index.cjs").map((file) => readFileSync(`dist/${file}`, "utf8")).join("\n")).toContain("var LineCounter = class");
    expect(pkg.dependencies.yaml).toBeUndefined();
  });

  it("loads the ESM and the CJS entry points as the very same modules (one class per type)", () => {
    const script = `import * as p from "par-index"; import * as f from "par-index/frameworks"; import { createRequire } from "node:module";
      const require = createRequire(import.meta.url);
      const c = require("par-index"); const cf = require("par-index/frameworks");
      console.log(JSON.stringify([p.Dec === c.Dec, p.CalendarDate === c.CalendarDate, p.score === c.score, f.BUNDLED_FRAMEWORKS === cf.BUNDLED_FRAMEWORKS]));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual([true, true, true, true]);
  });

  it("finds its frameworks and demo data from a folder whose path has `#`, `%` and a space in it", () => {
    const root = join(mkdtempSync(join(tmpdir(), "par-index-")), "odd #1 100%", "par-index");
    mkdirSync(root, { recursive: true });
    for (const part of ["dist", "frameworks", "fixtures/hanoi/districts", "package.json"]) cpSync(part, join(root, part), { recursive: true });
    symlinkSync(resolve("node_modules"), join(root, "node_modules"), "dir");
    const elsewhere = mkdtempSync(join(tmpdir(), "par-index-cwd-"));
    const demo = spawnSync(process.execPath, [join(root, "dist/cli.js"), "demo"], { cwd: elsewhere, encoding: "utf8" });
    expect(demo.stderr).toBe("");
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain("Ba Vì");
    const node = `const n = require(${JSON.stringify(join(root, "dist/node.cjs"))}); console.log(n.listFrameworks().length, n.loadBundledFramework("hanoi-ward-2024").ok)`;
    expect(execFileSync(process.execPath, ["-e", node], { cwd: elsewhere, encoding: "utf8" }).trim()).toMatch(/^\d+ true$/);
  });

  it("runs the par-index binary", () => {
    const out = execFileSync(process.execPath, ["dist/cli.js", "validate", "frameworks/hanoi-ward-2024.yaml"], { encoding: "utf8" });
    expect(out).toContain("bộ tiêu chí hợp lệ (hanoi-ward-2024, năm 2024");
    const en = execFileSync(process.execPath, ["dist/cli.js", "validate", "frameworks/hanoi-ward-2024.yaml", "--lang", "en"], { encoding: "utf8" });
    expect(en).toContain("valid (hanoi-ward-2024");
  });
});
