import { rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig, type Options } from "tsup";

/**
 * One copy of the library in the package, shared by every way of loading it.
 *
 * The code is built once, as CommonJS split into chunks: `par-index`, `par-index/node`,
 * `par-index/frameworks` and the CLI are entries of one split build, so their shared code (every
 * class: Dec, CalendarDate, results…; the bundled frameworks' text) lives in chunks each entry
 * requires instead of a copy in each entry. CommonJS is the one format every host can load without
 * a second copy: `require` in Node, `import` in Node (named exports found statically), bundlers
 * (esbuild, webpack, Vite/Rollup) and Deno. The ESM entry points are one-line faces re-exporting
 * the CommonJS entries (written after the build, below), and so are their type declarations; an
 * ESM and a CJS consumer in one process share the very same module instances.
 *
 * Rollup turns esbuild's split chunks into CommonJS (`treeshake` set): it keeps `import()` of the
 * ESM-only chart libraries (vega, vega-lite) as a real dynamic import and keeps modern syntax.
 * No source maps, no minification: the package carries readable JavaScript.
 *
 * Dependencies stay external except `yaml`: its host-neutral build (the one browsers get) is bundled
 * in, so every host runs the very same parser, and Deno needs no environment permission (yaml's
 * Node build reads process.env.LOG_TOKENS / LOG_STREAM on every parse). Its ISC notice is in LICENSE.
 */
const entries = { index: "src/index.ts", node: "src/node/index.ts", frameworks: "src/framework/bundled.ts" };

/** `import … from "yaml"` resolved to yaml's browser build (not exported by its package.json "exports"). */
const yamlBrowserBuild: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "yaml-browser-build",
  setup(build) {
    const path = join(dirname(createRequire(import.meta.url).resolve("yaml/package.json")), "browser/index.js");
    build.onResolve({ filter: /^yaml$/ }, () => ({ path }));
  },
};

/** The ESM faces: `dist/<entry>.js` and `dist/<entry>.d.ts` re-export `dist/<entry>.cjs` (and its `.d.cts`). */
async function writeEsmFaces(): Promise<void> {
  const note = "// ESM entry point: the package's code is the CommonJS build beside it (one copy for import and require).\n";
  for (const name of Object.keys(entries)) {
    await writeFile(`dist/${name}.js`, `${note}export * from "./${name}.cjs";\n`);
    await writeFile(`dist/${name}.d.ts`, `export * from "./${name}.cjs";\n`);
  }
  await writeFile("dist/cli.js", `#!/usr/bin/env node\n${note}import "./cli.cjs";\n`, { mode: 0o755 });
}

// dist/ is emptied here rather than by tsup's `clean`: the declaration build would otherwise delete
// the `.d.ts` faces written when the JavaScript build succeeds.
rmSync("dist", { recursive: true, force: true });

export default defineConfig({
  entry: { ...entries, cli: "src/cli/main.ts" },
  format: ["cjs"],
  target: "node20",
  sourcemap: false,
  splitting: true,
  treeshake: true,
  // The bundled frameworks' YAML is inlined as text into `par-index/frameworks` (once).
  loader: { ".yaml": "text" },
  // import.meta.url in CommonJS (the node loaders find the package's frameworks/ folder).
  shims: true,
  noExternal: ["yaml"],
  esbuildPlugins: [yamlBrowserBuild],
  clean: false,
  dts: { entry: entries },
  onSuccess: writeEsmFaces,
});
