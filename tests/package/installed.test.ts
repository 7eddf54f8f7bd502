/**
 * The package as its users get it, in one shared setup: packed, installed into a fresh folder, and
 * used from both entry points and both module systems, type-checked under every module resolution
 * and Deno, bundled for a browser and run in headless Chromium, and run as `npx par-index demo`.
 */
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../helpers/chromium.js";
import { bin, packAndInstall, ROOT, run, type Packed } from "./pack.js";

const SLOW = 300_000;
let pkg: Packed;

beforeAll(() => {
  pkg = packAndInstall();
}, 900_000);

const node = (file: string) => {
  const r = run(process.execPath, [file], pkg.app);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
};

const expected = JSON.parse(readFileSync(join(ROOT, "fixtures/expected/hanoi-district-2023.json"), "utf8")) as { units: unknown[] };

describe("the packed tarball", () => {
  it("carries the frameworks, the schema, the demo data, README and LICENSE, without source maps, under 500 KB", () => {
    expect(pkg.files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json", "frameworks/schema.json", "frameworks/hanoi-ward-2024.yaml", "fixtures/hanoi/districts/points.csv", "dist/index.js", "dist/index.cjs", "dist/node.d.cts", "dist/cli.js"]));
    expect(pkg.files.filter((f) => f.endsWith(".map"))).toEqual([]);
    // Target: under 500 KB packed. One copy of the code (CommonJS chunks, ESM faces re-exporting
    // them), the frameworks' text inlined once, one set of declarations: ~380 KB (was ~620 KB with
    // an ESM and a CJS copy of everything).
    expect(pkg.size).toBeLessThan(500 * 1024);
    const manifest = JSON.parse(readFileSync(join(pkg.app, "node_modules/par-index/package.json"), "utf8"));
    expect(manifest.license).toBe("MIT");
    expect(manifest.repository.url).toMatch(/^git\+https:\/\//);
    expect(manifest.homepage).toMatch(/^https:\/\//);
  });

  it("has one copy of the core and of the frameworks' text: every entry requires the shared chunks", () => {
    const dist = join(pkg.app, "node_modules/par-index/dist");
    const coreOf = (file: string) => readFileSync(join(dist, file), "utf8");
    for (const file of ["index.js", "node.js", "cli.js", "frameworks.js", "index.cjs", "node.cjs", "cli.cjs"]) {
      expect(coreOf(file), file).not.toContain("function parseFramework(");
    }
    const code = pkg.files.filter((f) => /^dist\/.*\.c?js$/.test(f));
    const holding = (text: string) => code.filter((f) => coreOf(f.slice(5)).includes(text)).map((f) => f.replace(/-[A-Za-z0-9_-]+\./, "-*."));
    expect(holding("function parseFramework(")).toEqual(["dist/chunk-*.cjs"]);
    // The bundled frameworks' text is in the package's code once (besides the YAML files).
    expect(holding("id: hanoi-district-2023")).toEqual(["dist/frameworks.cjs"]);
  });
});

describe("both entry points, both module systems", () => {
  it("give identical results: par-index/node alone, par-index + par-index/node (ESM, CJS), and ESM core + CJS loaders", () => {
    const reference = node("node-only.mjs");
    const result = JSON.parse(reference) as { units: { unit: string; complete: boolean }[]; diagnostics: { code: string }[] };
    expect(result.units).toEqual(expected.units);
    expect(node("mixed.cjs")).toBe(reference);
    expect(node("cross.mjs")).toBe(reference);
    expect(result.diagnostics.filter((d) => d.code === "rule-value-invalid")).toEqual([]);
  }, SLOW);

  it("serves the README's examples (service, in-memory) unchanged", () => {
    for (const example of ["service.mjs", "in-memory.mjs"]) {
      const code = readFileSync(join(pkg.app, example), "utf8");
      expect(readFileSync(join(ROOT, "README.md"), "utf8"), example).toContain(code.trim());
    }
    const service = JSON.parse(node("service.mjs")) as { units: unknown[] };
    expect(service.units).toEqual(expected.units);
    const memory = node("in-memory.mjs");
    expect(memory).toContain("phuc-dien");
  }, SLOW);

  it("runs `npx par-index demo` from the installed package", () => {
    const r = run("npx", ["--no-install", "par-index", "demo"], pkg.app);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Ba Vì");
  }, SLOW);
});

describe("types", () => {
  const resolutions = {
    node10: { module: "commonjs", moduleResolution: "node10", files: ["types/check.ts", "types/error.ts"] },
    node16: { module: "node16", moduleResolution: "node16", files: ["types/check.ts", "types/check.cts", "types/error.ts"] },
    nodenext: { module: "nodenext", moduleResolution: "nodenext", files: ["types/check.ts", "types/check.cts", "types/error.ts"] },
    bundler: { module: "esnext", moduleResolution: "bundler", files: ["types/check.ts", "types/error.ts"] },
  } as const;

  for (const [name, { module, moduleResolution, files }] of Object.entries(resolutions)) {
    it(`type-check under moduleResolution ${name}, and the deliberate error fails`, () => {
      const config = {
        compilerOptions: { module, moduleResolution, target: "es2022", lib: ["es2022"], types: [], strict: true, noEmit: true, skipLibCheck: false },
        files,
      };
      writeFileSync(join(pkg.app, `tsconfig.${name}.json`), JSON.stringify(config));
      const r = run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", `tsconfig.${name}.json`, "--pretty", "false"], pkg.app);
      const errors = r.stdout.split("\n").filter((l) => l.includes("error TS"));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^types\/error\.ts\(5,14\): error TS2322: Type 'Decimal' is not assignable to type 'number'/);
    }, SLOW);
  }

  it("deno check: real types (the deliberate error fails), and deno runs the README's Deno example", () => {
    const deno = bin("deno");
    const r = run(deno, ["check", "--quiet", "types/check.ts", "types/error.ts"], pkg.app);
    const errors = (r.stderr + r.stdout).split("\n").filter((l) => /^(TS\d+|error)/.test(l.trim()) && /TS\d+/.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("TS2322");
    expect(r.status).not.toBe(0);
    const ok = run(deno, ["check", "--quiet", "types/check.ts"], pkg.app);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    // No permission at all: the core and the bundled frameworks read no file and no environment
    // variable (yaml's host-neutral build is bundled in; its Node build reads process.env).
    const example = run(deno, ["run", "--quiet", "--no-prompt", "deno-example.ts"], pkg.app);
    expect(example.stderr).toBe("");
    expect(example.status).toBe(0);
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(readFileSync(join(pkg.app, "deno-example.ts"), "utf8").trim());
    expect(example.stdout).toContain("ba-dinh");
  }, SLOW);

  it("the example notebook (Deno kernel): its code cells type-check and run with deno", () => {
    const nb = JSON.parse(readFileSync(join(pkg.app, "hanoi-districts.ipynb"), "utf8")) as { metadata: { kernelspec: { name: string } }; cells: { cell_type: string; source: string[] }[] };
    expect(nb.metadata.kernelspec.name).toBe("deno");
    const code = nb.cells.filter((c) => c.cell_type === "code").map((c) => c.source.join("")).join("\n\n");
    writeFileSync(join(pkg.app, "notebook.ts"), code);
    const r = run(bin("deno"), ["run", "--check", "--quiet", "--no-prompt", "--allow-read", "notebook.ts"], pkg.app);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("30 units");
    expect(r.stdout).toContain("Ba Vì");
    expect(r.stdout).toContain('"$schema":"https://vega.github.io/schema/vega-lite/v5.json"');
  }, SLOW);

  it("publint and arethetypeswrong find no problem in the tarball", () => {
    const lint = run(bin("publint"), ["run", join(pkg.app, "node_modules/par-index"), "--strict", "--pack", "false"], ROOT);
    expect(lint.stdout + lint.stderr).not.toMatch(/warning|error|suggestion/i);
    expect(lint.status).toBe(0);
    const attw = run(bin("attw"), [pkg.tarball, "--format", "ascii", "--no-color"], ROOT);
    expect(attw.stdout + attw.stderr).toContain("No problems found");
    expect(attw.status).toBe(0);
  }, SLOW);
});

describe.skipIf(!hasChromium())("in a browser (Debian chromium, headless)", () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => close?.());

  it("the core bundled by esbuild loads and scores exactly as in Node", async () => {
    const out = join(pkg.app, "out");
    mkdirSync(out, { recursive: true });
    const bundle = await build({
      entryPoints: [join(pkg.app, "browser.ts")],
      bundle: true,
      platform: "browser",
      format: "iife",
      target: "es2022",
      write: false,
      absWorkingDir: pkg.app,
      logLevel: "silent",
    });
    const code = bundle.outputFiles[0]!.text;
    // No Node globals or modules in what the core pulls in (comments may still name them).
    expect(code).not.toMatch(/\bBuffer\.(from|alloc|concat|isBuffer)\(|\bprocess\.(env|cwd|argv|exit)\b|require\("(node:)?(fs|path|url)"\)/);
    const chromium = await launchChromium();
    close = () => chromium.close();
    const page = await chromium.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setContent("<!doctype html><meta charset=utf-8><title>par-index</title>");
    await page.addScriptTag({ content: code });
    const dir = join(pkg.app, "node_modules/par-index/fixtures/hanoi/districts");
    const files = Object.fromEntries(
      (["units", "evidence", "late", "sipas", "points"] as const).map((f) => [f, readFileSync(join(dir, `${f === "late" ? "evidence-late" : f}.csv`), "utf8")]),
    );
    const json = await page.evaluate((f) => (globalThis as unknown as { scoreInBrowser: (x: unknown) => string }).scoreInBrowser(f), files);
    expect(errors).toEqual([]);
    expect((JSON.parse(json) as { units: unknown[] }).units).toEqual(expected.units);
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(readFileSync(join(pkg.app, "browser.ts"), "utf8").trim());
  }, SLOW);
});
