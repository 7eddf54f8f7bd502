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

/** Bytes per block handed to the file or to stdout by {@link emitPieces}. */
const BLOCK = 1 << 20;

/**
 * Text written as UTF-8 into one buffer that is reused for every block: no string is built
 * for a block and no fresh memory is taken per block (a joined 1 MB string costs a fresh
 * allocation each time, which was most of the time of writing a national result).
 * A block always ends at the end of a piece, so it holds whole characters. Each piece is encoded
 * on its own: a piece must be well-formed text (JSON text always is: JSON.stringify escapes a
 * lone surrogate), as a surrogate pair cut between two pieces would be two U+FFFD.
 */
export class Utf8Blocks {
  private buf: Buffer;
  private used = 0;

  /**
   * `flush(bytes)` takes a block; it returns false when it keeps the bytes (queued, not yet written),
   * and then the next block goes into a new buffer.
   */
  constructor(
    private readonly flush: (bytes: Buffer) => boolean,
    private readonly size = BLOCK,
  ) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  write(text: string): void {
    // At most 3 bytes per UTF-16 code unit (a surrogate pair is 4 bytes for 2 units).
    const most = text.length * 3;
    if (this.used + most > this.size) {
      this.end();
      if (most > this.size) {
        this.flush(Buffer.from(text, "utf8"));
        return;
      }
    }
    this.used += this.buf.write(text, this.used, "utf8");
  }

  /** Hands on what is buffered. */
  end(): void {
    if (this.used === 0) return;
    const bytes = this.buf.subarray(0, this.used);
    this.used = 0;
    if (!this.flush(bytes)) this.buf = Buffer.allocUnsafeSlow(this.size);
  }
}

/** Writes all of `bytes` to `fd` (a write may take fewer). */
function writeAll(fd: number, bytes: Uint8Array): boolean {
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
  return true;
}

/**
 * Writes a command's result given in pieces (see `scoreResultJsonPieces`) to `--out FILE` or
 * stdout, in blocks of about 1 MB of UTF-8, with a final newline: the same bytes as {@link emit}
 * of the joined text, without ever holding the whole text. Stdout takes bytes when the host
 * gives `io.stdoutBytes`, else each block's text.
 */
export function emitPieces(io: CliIo, pieces: Iterable<string>, out: string | undefined, blockSize = BLOCK): void {
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
  const toStdout = io.stdoutBytes;
  const flush =
    fd !== undefined
      ? (bytes: Buffer) => writeAll(fd, bytes)
      : toStdout !== undefined
        ? toStdout
        : (bytes: Buffer) => {
            io.stdout(bytes.toString("utf8"));
            return true;
          };
  try {
    const blocks = new Utf8Blocks(flush, blockSize);
    let last = "";
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      blocks.write(piece);
      last = piece;
    }
    if (!last.endsWith("\n")) blocks.write("\n");
    blocks.end();
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
