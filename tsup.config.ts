import { defineConfig } from "tsup";

/**
 * One copy of the core per module system: `par-index`, `par-index/node` and the CLI are entries of
 * one split build, so their shared code (every class: Dec, CalendarDate, results…) lives in shared
 * chunks that each entry imports rather than a copy bundled into each entry. No source maps are
 * shipped (the package carries readable, unminified JavaScript instead). Dependencies stay external.
 */
const common = {
  target: "node20",
  sourcemap: false,
  splitting: true,
  treeshake: false,
  // The bundled frameworks' YAML is inlined as text into `par-index/frameworks`.
  loader: { ".yaml": "text" },
} as const;

/** The package's entry points (see package.json "exports"). */
const entries = { index: "src/index.ts", node: "src/node/index.ts", frameworks: "src/framework/bundled.ts" };

export default defineConfig([
  {
    ...common,
    entry: { ...entries, cli: "src/cli/main.ts" },
    format: ["esm"],
    shims: false,
    clean: true,
    dts: { entry: entries },
  },
  {
    ...common,
    entry: entries,
    format: ["cjs"],
    // import.meta.url in the CommonJS build (the node loaders find the package's frameworks/ folder).
    // Not in the ESM build: its shim imports node:path and node:url into the shared core chunk.
    shims: true,
    dts: { entry: entries },
  },
]);
