/**
 * Loads a framework from disk: the only file-system code of the framework phase.
 * `extends` is resolved relative to the including file; cycles are reported by
 * the pure pipeline (files are compared by resolved path). Files are read through
 * the bounded reader: only regular files, at most {@link MAX_FRAMEWORK_BYTES} bytes
 * counted while reading (`/dev/zero` is refused, never read until memory runs out).
 */
import { expectOptions, expectString } from "../core/args.js";
import { realpathSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, relative, resolve as resolvePath, sep } from "node:path";
import { diag } from "../diagnostics/index.js";
import { parseFramework, type ExtendsResolution, type FrameworkResult } from "../framework/index.js";
import { readFileBoundedSync } from "./read-bounded.js";

/** Largest framework file read (1 MiB; the largest shipped framework has 30 KB). */
export const MAX_FRAMEWORK_BYTES = 1024 * 1024;

export interface LoadFrameworkOptions {
  /**
   * Confine `extends` to this folder and the folders below it: a base elsewhere
   * (`../../secret.yaml`, `/etc/passwd`, or a symbolic link that leads out) is refused
   * with `extends-refused`, without reading it. Without `root`, any readable path is
   * followed (the library default; the CLI passes the framework's own folder).
   */
  readonly root?: string;
  /** Called with each file read: the path given first, then each file it extends (for the run manifest). */
  readonly onFile?: (path: string) => void;
}

type Read = { ok: true; text: string } | { ok: false; code: "file-too-large"; size: number } | { ok: false; code: "file-unreadable"; detail: string };

function readFramework(path: string): Read {
  const r = readFileBoundedSync(path, MAX_FRAMEWORK_BYTES);
  if (r.ok) return { ok: true, text: r.text };
  if (r.reason === "too-large") return { ok: false, code: "file-too-large", size: r.limit + 1 };
  return { ok: false, code: "file-unreadable", detail: r.detail };
}

/** The real path (symbolic links resolved) of an existing file or folder, else its absolute form. */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolvePath(path);
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * Reads, validates and compiles the framework at `path`. Never throws: an
 * unreadable, oversized or non-regular file, and every problem in it or in what it
 * extends, come back as diagnostics.
 */
export function loadFrameworkFile(path: string, options: LoadFrameworkOptions = {}): FrameworkResult {
  expectString("loadFrameworkFile(path, options)", "path", path);
  expectOptions("loadFrameworkFile(path, options)", "options", options);
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
  const root = options.root === undefined ? undefined : real(options.root);
  return parseFramework(read.text, {
    // Normalised so that a file reached again through `extends` is recognised (a cycle).
    filename: normalize(path),
    resolve: (ref, from): ExtendsResolution | undefined => {
      const target = normalize(isAbsolute(ref) || from === undefined ? ref : join(dirname(from), ref));
      if (root !== undefined && !inside(root, real(target))) return { refused: "outside-root", detail: root };
      const base = readFramework(target);
      if (!base.ok) {
        // Devices, folders and oversized files are named as such; a missing file is extends-not-found.
        if (base.code === "file-too-large") return { refused: "too-large", detail: String(MAX_FRAMEWORK_BYTES) };
        return base.detail === "no such file" ? undefined : { refused: "unreadable", detail: base.detail };
      }
      options.onFile?.(target);
      return { text: base.text, filename: target };
    },
  });
}
