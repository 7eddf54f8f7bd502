/**
 * The bundled frameworks as files of the installed package (`frameworks/` beside `dist/`).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { diag, didYouMean } from "../diagnostics/index.js";
import type { FrameworkResult } from "../framework/index.js";
import { loadFrameworkFile } from "./framework.js";

/** A bundled framework file, as listed by {@link listFrameworks}. */
export interface BundledFrameworkFile {
  /** The framework's id (its file name without `.yaml`). */
  readonly id: string;
  /** `par-index/v1` (a framework) or `par-index/survey-v1` (a SIPAS survey definition). */
  readonly format: string;
  /** Absolute path of the YAML file in the installed package. */
  readonly path: string;
  /** The Vietnamese title (`title.vi`, or `title` when it is one text). */
  readonly title: string;
}

declare const __dirname: string | undefined;

/** The package's `frameworks/` folder: found upward from this module (dist/ or src/node/). */
function frameworksDir(): string {
  let dir = typeof __dirname === "string" ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, "frameworks");
    if (existsSync(join(candidate, "schema.json"))) return candidate;
    dir = dirname(dir);
  }
  return join(dir, "frameworks");
}

const titleOf = (text: string): string => {
  const one = /^title:[ \t]*"?([^"\n{]+?)"?[ \t]*$/m.exec(text);
  if (one?.[1] !== undefined && one[1] !== "") return one[1];
  return /^title:[ \t]*\n[ \t]+vi:[ \t]*"?([^"\n]*)"?/m.exec(text)?.[1] ?? "";
};

/**
 * The frameworks (and SIPAS survey definitions) shipped with the package, by id. Reads only the
 * package's own `frameworks/` folder.
 */
export function listFrameworks(): BundledFrameworkFile[] {
  const dir = frameworksDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      const text = readFileSync(path, "utf8");
      return { id: file.slice(0, -".yaml".length), format: /^format:\s*(\S+)/m.exec(text)?.[1] ?? "", path, title: titleOf(text) };
    });
}

/**
 * Reads, validates and compiles a bundled framework by id (`hanoi-ward-2024`). Never throws: an
 * unknown id is a `framework-not-bundled` diagnostic that lists the ids there are.
 */
export function loadBundledFramework(id: string): FrameworkResult {
  if (typeof id !== "string") throw new TypeError(`loadBundledFramework(id): id must be a string such as "hanoi-ward-2024", got ${id === null ? "null" : typeof id}`);
  const known = listFrameworks().filter((f) => f.format === "par-index/v1");
  const found = known.find((f) => f.id === id);
  if (found === undefined) {
    const ids = known.map((f) => f.id);
    return { ok: false, diagnostics: [diag("framework-not-bundled", { id, ids: ids.join(", "), hint: didYouMean(id, ids) })] };
  }
  return loadFrameworkFile(found.path);
}
