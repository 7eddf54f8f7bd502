import type { Lang } from "../diagnostics/define.js";

/** Where a command writes: injected so commands can be tested in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
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

/** A usage problem: printed with the command's help, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
