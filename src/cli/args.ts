import { parseArgs, type ParseArgsConfig } from "node:util";
import { didYouMean } from "../diagnostics/index.js";
import { UsageError } from "./io.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** Parses a command's arguments; unknown flags and missing values become usage errors. */
export function parseCommandArgs<O extends OptionSpec>(argv: readonly string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (e) {
    const message = (e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, "");
    // node:util says: Unknown option '--evidnce'. To specify a positional argument starting with a '-', …
    const unknown = /^Unknown option '(--?[^']+)'/.exec(message)?.[1];
    if (unknown !== undefined) {
      const flags = Object.keys(options).map((k) => `--${k}`);
      const near = didYouMean(unknown.replace(/=.*$/, ""), flags);
      throw new UsageError(`unknown option ${unknown}.${near === undefined ? "" : ` Did you mean ${near}?`}`);
    }
    throw new UsageError(message.split("\n")[0]!);
  }
}

/** The value of a required flag; `placeholder` names what it takes (`FILE`, `CODE`). */
export function requireOption(value: string | undefined, flag: string, placeholder = "FILE"): string {
  if (value === undefined || value === "") throw new UsageError(`missing ${flag}: give it as ${flag} ${placeholder}.`);
  return value;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, not "${value}".`);
}

export function asArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
