import { defineMessages } from "../define.js";

/** Messages of the YAML reading phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const yamlMessages = defineMessages({
  "yaml-too-large": {
    severity: "error",
    message: (p: { size: number; limit: number }) =>
      `the file has ${p.size} characters, more than the limit of ${p.limit}. Split it, or raise the limit in the loader options.`,
  },
  "yaml-syntax": {
    severity: "error",
    message: (p: { detail: string }) => `YAML syntax: ${p.detail}. Check indentation and quoting at this position.`,
  },
  "yaml-duplicate-key": {
    severity: "error",
    message: (p: { detail: string }) => `${p.detail}. Keep one entry per key.`,
  },
  "yaml-too-many-aliases": {
    severity: "error",
    message: (p: { limit: number; alias: string }) =>
      `more than ${p.limit} alias expansions (at *${p.alias}). Write the values out instead of chaining aliases.`,
  },
  "yaml-too-many-nodes": {
    severity: "error",
    message: (p: { limit: number }) =>
      `the expanded document has more than ${p.limit} values. Remove nested aliases that multiply the document.`,
  },
  "yaml-alias-cycle": {
    severity: "error",
    message: (p: { alias: string }) => `alias *${p.alias} refers to a value that contains it. Remove the self-reference.`,
  },
  "forbidden-key": {
    severity: "error",
    message: (p: { key: string }) => `the key "${p.key}" is not allowed (it could reach JavaScript object internals). Rename it.`,
  },
});
