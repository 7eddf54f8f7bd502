import type { Lang } from "../diagnostics/define.js";
import { messageOf, type DiagnosticCode, type ParamsOf } from "../diagnostics/index.js";

/** Where a command writes: injected so commands can be tested in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  /**
   * Writes bytes (UTF-8 text) to stdout, for large results; optional (without it they go through
   * `stdout` as text). Returns true when the bytes are written (the caller may reuse them at once),
   * else a promise settled once they are (a full pipe): the caller waits for it before writing more.
   */
  readonly stdoutBytes?: (bytes: Uint8Array) => true | Promise<void>;
  readonly stderr: (text: string) => void;
  /**
   * Tells the process the exit status a command will end with, before a long write: a reader that
   * closes the pipe early (`par-index score … | head`) then ends it with that status. Optional.
   */
  readonly settle?: (code: number) => void;
  /** Whether stderr is a terminal (progress display). */
  readonly stderrIsTty: boolean;
  readonly cwd: string;
  /** Reads all of standard input (for `-` as a file name); absent where there is none. */
  readonly readStdin?: () => Promise<string>;
  /**
   * The language of human-readable output, from `--lang` (parsed by `runCli` for
   * every command and removed from its arguments). Read it with {@link langOf}.
   */
  readonly lang?: Lang;
}

/** The language a command words its output in: `--lang`, default Vietnamese. */
export function langOf(io: CliIo): Lang {
  return io.lang ?? "vi";
}

/** Exit statuses of the contract: 0 clean, 1 errors in the framework or evidence, 2 usage. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** The catalogue codes of usage errors (`usage-…`, in src/diagnostics/messages/cli.ts). */
export type UsageCode = Extract<DiagnosticCode, `usage-${string}`>;

/**
 * A usage problem (exit 2): data like a diagnostic, a catalogue `code` and its `params`,
 * worded per `--lang` when printed ({@link usageMessage}); `message` is the English wording.
 * Build one with {@link usageError}. A plain text (`new UsageError("…")`) is kept as code
 * `usage-other` and printed as written.
 */
export class UsageError extends Error {
  readonly code: UsageCode;
  readonly params: Readonly<Record<string, unknown>>;
  constructor(message: string, code: UsageCode = "usage-other", params: Readonly<Record<string, unknown>> = { detail: message }) {
    super(message);
    this.name = "UsageError";
    this.code = code;
    this.params = params;
  }
}

/** A usage error from its catalogue code and params. */
export function usageError<C extends UsageCode>(code: C, params: [ParamsOf<C>] extends [undefined] ? Record<string, never> : ParamsOf<C>): UsageError {
  const p = params as Readonly<Record<string, unknown>>;
  return new UsageError(messageOf(code, p, "en") ?? code, code, p);
}

/** A usage error's one line in `lang`. */
export function usageMessage(e: UsageError, lang: Lang): string {
  return messageOf(e.code, e.params, lang) ?? e.message;
}

/** A command's `--help` text in each language; its first line is the synopsis. */
export type Help = Readonly<Record<Lang, string>>;
