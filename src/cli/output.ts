import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import { langOf, type CliIo } from "./io.js";

export const FORMATS = ["json", "table", "csv", "md"] as const;
export type Format = (typeof FORMATS)[number];

/** Writes a command's result to `--out FILE` or stdout. */
export function emit(io: CliIo, text: string, out: string | undefined): void {
  const body = text.endsWith("\n") ? text : text + "\n";
  if (out === undefined) io.stdout(body);
  else writeFileSync(resolve(io.cwd, out), body, "utf8");
}

/**
 * Writes a command's result given in pieces (see `scoreResultJsonPieces`) to `--out FILE` or
 * stdout, in batches of about 1 MB, with a final newline: the same bytes as {@link emit} of
 * the joined text, without ever holding the whole text.
 */
export function emitPieces(io: CliIo, pieces: Iterable<string>, out: string | undefined): void {
  const fd = out === undefined ? undefined : openSync(resolve(io.cwd, out), "w");
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

/** A progress line on a terminal's stderr, rewritten in place; nothing when stderr is not a terminal. */
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
    },
  });
}
