import { parseArgs, type ParseArgsConfig } from "node:util";
import { didYouMean } from "../diagnostics/index.js";
import { usageError } from "./io.js";

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
      throw usageError("usage-unknown-option", { option: unknown, ...(near !== undefined && { suggestion: near }) });
    }
    // Option '--framework <value>' argument missing / … argument is ambiguous (the next word is a flag).
    const missing = /^Option '(-[^' ]+)(?: <value>)?' argument (?:missing|is ambiguous)/.exec(message)?.[1];
    if (missing !== undefined) throw usageError("usage-missing-value", { option: missing.replace(/^-(\w)?, /, "") });
    const noValue = /^Option '(-[^']+)' does not take an argument/.exec(message)?.[1];
    if (noValue !== undefined) throw usageError("usage-no-value-expected", { option: noValue.replace(/^-\w, /, "") });
    const positional = /^Unexpected argument '([^']*)'/.exec(message)?.[1];
    if (positional !== undefined) throw usageError("usage-unexpected-argument", { argument: positional });
    throw usageError("usage-bad-arguments", { detail: message.split("\n")[0]! });
  }
}

/** The value of a required flag; `placeholder` names what it takes (`FILE`, `CODE`). */
export function requireOption(value: string | undefined, flag: string, placeholder = "FILE"): string {
  if (value === undefined || value === "") throw usageError("usage-missing-option", { option: flag, placeholder });
  return value;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError("usage-bad-choice", { option: flag, value, allowed });
}

export function asArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
