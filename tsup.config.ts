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
  shims: false,
} as const;

export default defineConfig([
  {
    ...common,
    entry: { index: "src/index.ts", node: "src/node/index.ts", cli: "src/cli/main.ts" },
    format: ["esm"],
    clean: true,
    dts: { entry: { index: "src/index.ts", node: "src/node/index.ts" } },
  },
  {
    ...common,
    entry: { index: "src/index.ts", node: "src/node/index.ts" },
    format: ["cjs"],
    dts: { entry: { index: "src/index.ts", node: "src/node/index.ts" } },
  },
]);
