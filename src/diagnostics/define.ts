import type { Severity } from "./types.js";

export interface MessageSpec<P> {
  readonly severity: Severity;
  readonly message: (params: P) => string;
}

/** Declares a group of messages; keeps each entry's parameter type for {@link diag}. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineMessages<T extends Record<string, MessageSpec<any>>>(messages: T): T {
  return messages;
}
