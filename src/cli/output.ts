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
  private readonly buf: Buffer;
  private used = 0;

  constructor(readonly size = BLOCK) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  /** Whether `text` surely fits in what is left (at most 3 bytes per UTF-16 code unit). */
  fits(text: string): boolean {
    return this.used + text.length * 3 <= this.size;
  }

  /** Writes `text`, which {@link fits}. */
  put(text: string): void {
    this.used += this.buf.write(text, this.used, "utf8");
  }

  /** The bytes written since the last take. The buffer is written again after: be done with them first. */
  take(): Buffer {
    const bytes = this.buf.subarray(0, this.used);
    this.used = 0;
    return bytes;
  }
}

/** Writes all of `bytes` to `fd` (a write may take fewer). */
function writeAll(fd: number, bytes: Uint8Array): true {
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
  return true;
}

/**
 * Writes a command's result given in pieces (see `scoreResultJsonPieces`) to `--out FILE` or
 * stdout, in blocks of about 1 MB of UTF-8 from one reused buffer, with a final newline: the same
 * bytes as {@link emit} of the joined text, without ever holding the whole text. Stdout takes
 * bytes when the host gives `io.stdoutBytes` (and a full pipe is waited for, so that memory stays
 * bounded), else each block's text.
 */
export async function emitPieces(io: CliIo, pieces: Iterable<string>, out: string | undefined, blockSize = BLOCK): Promise<void> {
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
  const flush: (bytes: Buffer) => true | Promise<void> =
    fd !== undefined
      ? (bytes) => writeAll(fd, bytes)
      : toStdout !== undefined
        ? toStdout
        : (bytes) => {
            io.stdout(bytes.toString("utf8"));
            return true;
          };
  const hand = async (bytes: Buffer): Promise<void> => {
    if (bytes.length === 0) return;
    const written = flush(bytes);
    if (written !== true) await written;
  };
  try {
    const blocks = new Utf8Blocks(blockSize);
    let last = "";
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      last = piece;
      if (!blocks.fits(piece)) {
        await hand(blocks.take());
        if (!blocks.fits(piece)) {
          await hand(Buffer.from(piece, "utf8"));
          continue;
        }
      }
      blocks.put(piece);
    }
    if (!last.endsWith("\n")) blocks.put("\n");
    await hand(blocks.take());
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
