/**
 * `-` as a file name: standard input. The loaders read files, so the text read from standard input
 * is kept in a private temporary file (removed when the process exits: the run manifest hashes the
 * files it read after scoring), and every diagnostic and verbose line names it `-` again.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/index.js";
import { usageError, type CliIo } from "./io.js";

/** The name standard input is given in flags and shown in messages. */
export const STDIN = "-";

export interface StdinFile {
  /** The path the loaders read instead of `-`. */
  readonly path: string;
  /** `file` fields naming the temporary path, renamed `-`. */
  rename<T extends { file?: string | undefined }>(item: T): T;
}

/**
 * When one of `names` is `-`, reads standard input once and gives the path that stands for it.
 * More than one `-` is a usage error (standard input can be read only once).
 */
export async function stdinFile(io: CliIo, names: readonly (string | undefined)[]): Promise<StdinFile | undefined> {
  const count = names.filter((n) => n === STDIN).length;
  if (count === 0) return undefined;
  if (count > 1) throw usageError("usage-stdin-twice", { count });
  if (io.readStdin === undefined) throw usageError("usage-stdin-unavailable", {});
  const text = await io.readStdin();
  const dir = mkdtempSync(join(tmpdir(), "par-index-stdin-"));
  const path = join(dir, "stdin");
  writeFileSync(path, text, "utf8");
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return {
    path,
    rename: <T extends { file?: string | undefined }>(item: T): T => (item.file === path ? { ...item, file: STDIN } : item),
  };
}

/** `name`, or the stdin file's path when it is `-`. */
export function pathOf(name: string, stdin: StdinFile | undefined): string {
  return name === STDIN && stdin !== undefined ? stdin.path : name;
}

/** Diagnostics with the temporary path renamed `-`. */
export function renameAll(diagnostics: readonly Diagnostic[], stdin: StdinFile | undefined): Diagnostic[] {
  return stdin === undefined ? [...diagnostics] : diagnostics.map((d) => stdin.rename(d));
}
