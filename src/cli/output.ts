import { closeSync, existsSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import { langOf, usageError, type CliIo, type UsageError } from "./io.js";

export const FORMATS = ["json", "table", "csv", "md"] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Why `--out FILE` cannot be written (its folder is missing or not a folder, or FILE is a folder),
 * or undefined when it can be tried. Checked before any work is done.
 */
export function outPathProblem(cwd: string, out: string): UsageError | undefined {
  const path = resolve(cwd, out);
  const dir = dirname(path);
  if (!existsSync(dir)) return usageError("usage-out-folder-missing", { out, dir });
  if (!statSync(dir).isDirectory()) return usageError("usage-out-not-folder", { out, dir });
  if (existsSync(path) && statSync(path).isDirectory()) return usageError("usage-out-is-folder", { out, example: `${out.replace(/\/$/, "")}/results.json` });
  return undefined;
}

/** Why `--out` could not be written, as a usage error. */
export function unwritable(out: string, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "EACCES" || code === "EPERM"
    ? usageError("usage-out-denied", { out })
    : usageError("usage-out-unwritable", { out, detail: (e as Error).message.split("\n")[0] ?? String(e) });
}

/** Writes a command's result to `--out FILE` or stdout. A file that cannot be written is a {@link UsageError}. */
export function emit(io: CliIo, text: string, out: string | undefined): void {
  const body = text.endsWith("\n") ? text : text + "\n";
  if (out === undefined) {
    io.stdout(body);
    return;
  }
  const problem = outPathProblem(io.cwd, out);
  if (problem !== undefined) throw problem;
  try {
    writeFileSync(resolve(io.cwd, out), body, "utf8");
  } catch (e) {
    throw unwritable(out, e);
  }
}

/**
 * Writes a command's result given in pieces (see `scoreResultJsonPieces`) to `--out FILE` or
 * stdout, in batches of about 1 MB, with a final newline: the same bytes as {@link emit} of
 * the joined text, without ever holding the whole text.
 */
export function emitPieces(io: CliIo, pieces: Iterable<string>, out: string | undefined): void {
  if (out !== undefined) {
    const problem = outPathProblem(io.cwd, out);
    if (problem !== undefined) throw problem;
  }
  let fd: number | undefined;
  try {
    fd = out === undefined ? undefined : openSync(resolve(io.cwd, out), "w");
  } catch (e) {
    throw unwritable(out!, e);
  }
  const write = (text: string) => (fd === undefined ? io.stdout(text) : writeSync(fd, text, null, "utf8"));
  try {
    let batch: string[] = [];
    let size = 0;
    let last = "";
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      batch.push(piece);
      size += piece.length;
      last = piece;
      if (size >= 1 << 20) {
        write(batch.join(""));
        batch = [];
        size = 0;
      }
    }
    if (!last.endsWith("\n")) batch.push("\n");
    write(batch.join(""));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Prints diagnostics on stderr, one `FILE:LINE:COLUMN: severity CODE: message` line each, worded per `--lang`. */
export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  const lang = langOf(io);
  for (const d of sortDiagnostics(diagnostics)) io.stderr(formatDiagnostic(d, lang) + "\n");
}

/**
 * A progress line on a terminal's stderr, rewritten in place; nothing when stderr is not a terminal.
 * `done()` clears it: call it before writing anything else to stderr (it may be called often).
 */
export function progressReporter(io: CliIo): ((label: string) => void) & { done: () => void } {
  let last = 0;
  let shown = false;
  const report = (label: string) => {
    if (!io.stderrIsTty) return;
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    shown = true;
    io.stderr(`\r\x1b[K${label}`);
  };
  return Object.assign(report, {
    done: () => {
      if (shown) io.stderr("\r\x1b[K");
      shown = false;
      last = 0;
    },
  });
}
