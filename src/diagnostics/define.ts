import type { Severity } from "./types.js";

/** The languages every human-readable output is worded in. Vietnamese is the default of the CLI. */
export type Lang = "vi" | "en";
export const LANGS: readonly Lang[] = ["vi", "en"];

/** Whether `text` names a supported language. */
export function isLang(text: unknown): text is Lang {
  return text === "vi" || text === "en";
}

/**
 * One catalogue entry: its default severity and its wording in each language.
 * `message` is the English wording, `vi` the Vietnamese one; both take the same
 * params, quote the offending text and end with a fix.
 */
export interface MessageSpec<P> {
  readonly severity: Severity;
  /** English wording. */
  readonly message: (params: P) => string;
  /** Vietnamese wording, as an official would write it. */
  readonly vi: (params: P) => string;
}

/** Declares a group of messages; keeps each entry's parameter type for {@link diag}. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineMessages<T extends Record<string, MessageSpec<any>>>(messages: T): T {
  return messages;
}

/**
 * Declares a table of interface strings (headings, labels, sentences) in both languages;
 * the Vietnamese table must have exactly the keys and types of the English one.
 *
 * ```ts
 * const S = defineStrings({
 *   en: { rank: "Rank", units: (n: number) => `${n} units` },
 *   vi: { rank: "Xếp hạng", units: (n: number) => `${n} đơn vị` },
 * });
 * S[lang].rank;
 * ```
 */
export function defineStrings<T extends Record<string, unknown>>(strings: { readonly en: T; readonly vi: NoInfer<T> }): Readonly<Record<Lang, T>> {
  return strings;
}
