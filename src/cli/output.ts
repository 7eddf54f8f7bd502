import { writeFileSync } from "node:fs";
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
