/**
 * Loads a framework from disk: the only file-system code of the framework phase.
 * `extends` is resolved relative to the including file; cycles are reported by
 * the pure pipeline (files are compared by resolved path).
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, normalize } from "node:path";
import { diag } from "../diagnostics/index.js";
import { parseFramework, type FrameworkResult, type FrameworkSource } from "../framework/index.js";

/** Largest framework file read (1 MiB; the largest shipped framework has 30 KB). */
export const MAX_FRAMEWORK_BYTES = 1024 * 1024;

type Read = { ok: true; text: string } | { ok: false; code: "file-too-large"; size: number } | { ok: false; code: "file-unreadable"; detail: string };

function readFramework(path: string): Read {
  try {
    const size = statSync(path).size;
    if (size > MAX_FRAMEWORK_BYTES) return { ok: false, code: "file-too-large", size };
    return { ok: true, text: readFileSync(path, "utf8") };
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    return { ok: false, code: "file-unreadable", detail };
  }
}

export interface LoadFrameworkOptions {
  /** Called with each file read: the path given first, then each file it extends (for the run manifest). */
  readonly onFile?: (path: string) => void;
}

/**
 * Reads, validates and compiles the framework at `path`. Never throws: an
 * unreadable or oversized file, and every problem in it or in what it extends,
 * come back as diagnostics.
 */
export function loadFrameworkFile(path: string, options: LoadFrameworkOptions = {}): FrameworkResult {
  const read = readFramework(path);
  if (!read.ok) {
    const where = { file: path, line: 1, column: 1 };
    return {
      ok: false,
      diagnostics: [
        read.code === "file-too-large"
          ? diag("file-too-large", { size: read.size, limit: MAX_FRAMEWORK_BYTES }, where)
          : diag("file-unreadable", { detail: read.detail }, where),
      ],
    };
  }
  options.onFile?.(path);
  return parseFramework(read.text, {
    // Normalised so that a file reached again through `extends` is recognised (a cycle).
    filename: normalize(path),
    resolve: (ref, from): FrameworkSource | undefined => {
      const target = normalize(isAbsolute(ref) || from === undefined ? ref : join(dirname(from), ref));
      const base = readFramework(target);
      if (base.ok) options.onFile?.(target);
      // An unreadable or oversized base is reported as `extends-not-found` at the `extends` line.
      return base.ok ? { text: base.text, filename: target } : undefined;
    },
  });
}
