import { defineMessages } from "../define.js";

const hint = (suggestion: string | undefined): string => (suggestion ? ` Did you mean "${suggestion}"?` : "");

/** Messages of the framework phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const frameworkMessages = defineMessages({
  // --- schema -------------------------------------------------------------
  "unknown-key": {
    severity: "error",
    message: (p: { key: string; at: string; suggestion?: string; known: string }) =>
      `unknown key "${p.key}" in ${p.at}.${hint(p.suggestion)} Known keys: ${p.known}.`,
  },
  "missing-key": {
    severity: "error",
    message: (p: { key: string; at: string; expected: string }) =>
      `${p.at} has no "${p.key}", which is required. Add "${p.key}:" (${p.expected}).`,
  },
  "wrong-type": {
    severity: "error",
    message: (p: { key: string; expected: string; actual: string; text: string }) =>
      `"${p.key}" is ${p.actual} (${p.text}), but it must be ${p.expected}. Write it as ${p.expected}.`,
  },
  "invalid-value": {
    severity: "error",
    message: (p: { key: string; text: string; expected: string }) =>
      `"${p.key}: ${p.text}" is not allowed: it must be ${p.expected}. Change the value.`,
  },
  "numeric-id": {
    severity: "warning",
    message: (p: { text: string }) =>
      `the id ${p.text} is written as a number; it is read as the text "${p.text}". Quote it ("${p.text}") so YAML keeps it as written.`,
  },
  "format-version": {
    severity: "error",
    message: (p: { text: string }) => `format "${p.text}" is not supported. Write "format: par-index/v1".`,
  },
  "rounding-decimals": {
    severity: "error",
    message: (p: { text: string }) => `rounding.decimals is ${p.text}; it must be a whole number from 0 to 10. Use e.g. "decimals: 2".`,
  },
  "invalid-name": {
    severity: "error",
    message: (p: { name: string; kind: string }) =>
      `the ${p.kind} name "${p.name}" is not valid. Use lower-case letters, digits and "_" (optionally dotted), e.g. "on_time_rate" or "sipas.access".`,
  },
  "duplicate-name": {
    severity: "error",
    message: (p: { name: string }) => `"${p.name}" is declared both as an input and as a derived value. Rename one of them.`,
  },
  "input-bounds": {
    severity: "error",
    message: (p: { name: string; min: string; max: string }) =>
      `input "${p.name}" has min ${p.min} above max ${p.max}. Swap or correct the bounds.`,
  },
  "enum-values": {
    severity: "error",
    message: (p: { name: string; problem: string }) => `input "${p.name}" ${p.problem}.`,
  },
  // --- tree ---------------------------------------------------------------
  "duplicate-id": {
    severity: "error",
    message: (p: { id: string; first: string }) => `the id "${p.id}" is already used at ${p.first}. Give each criterion and adjustment its own id.`,
  },
  "leaf-missing-max": {
    severity: "error",
    message: (p: { id: string }) => `criterion "${p.id}" has a rule but no "max". Add "max:" with its maximum points.`,
  },
  "leaf-missing-rule": {
    severity: "error",
    message: (p: { id: string }) =>
      `criterion "${p.id}" has neither "rule" nor "children". Add a rule (e.g. "rule: { manual: {} }") or sub-criteria.`,
  },
  "node-rule-and-children": {
    severity: "error",
    message: (p: { id: string }) =>
      `criterion "${p.id}" has both "rule" and "children". A parent's points are its children's sum: keep one of them.`,
  },
  "max-not-positive": {
    severity: "error",
    message: (p: { id: string; max: string }) => `criterion "${p.id}" has max ${p.max}; a leaf's max must be above 0. Give it a positive max.`,
  },
  "max-mismatch": {
    severity: "error",
    message: (p: { id: string; declared: string; sum: string }) =>
      `criterion "${p.id}" declares max ${p.declared}, but its children's max add up to ${p.sum}. Make them agree (or drop the parent's max).`,
  },
  "rule-one-kind": {
    severity: "error",
    message: (p: { id: string; kinds: string }) =>
      `the rule of "${p.id}" ${p.kinds ? `has several kinds (${p.kinds})` : "is empty"}. Give exactly one of boolean, bands, ratio, deadline, choice, deduct, manual, expr.`,
  },
  // --- rules --------------------------------------------------------------
  "points-above-max": {
    severity: "error",
    message: (p: { id: string; what: string; points: string; max: string }) =>
      `${p.what} of "${p.id}" gives ${p.points} points, more than its max ${p.max}. Lower it to at most ${p.max}.`,
  },
  "points-negative": {
    severity: "error",
    message: (p: { id: string; what: string; points: string }) =>
      `${p.what} of "${p.id}" is ${p.points}, below 0. Use 0 or more (a penalty is an adjustment of kind "penalty").`,
  },
  "invalid-date": {
    severity: "error",
    message: (p: { key: string; text: string }) => `"${p.key}: ${p.text}" is not a calendar date. Write it as YYYY-MM-DD, e.g. 2024-01-15.`,
  },
  "late-until-before-due": {
    severity: "error",
    message: (p: { due: string; lateUntil: string }) => `late_until ${p.lateUntil} is before due ${p.due}. Set late_until on or after the due date.`,
  },
  "ratio-empty-range": {
    severity: "error",
    message: (p: { bound: string }) => `ratio has lower = upper = ${p.bound}, so points cannot be interpolated. Make lower and upper differ.`,
  },
  "step-not-positive": {
    severity: "error",
    message: (p: { step: string }) => `manual step ${p.step} must be above 0. Use e.g. "step: 0.25", or leave it out.`,
  },
  "choice-missing-value": {
    severity: "error",
    message: (p: { input: string; values: string }) =>
      `the choice on "${p.input}" gives no points for ${p.values}. Add ${p.values} under points (0 if it scores nothing).`,
  },
  "choice-unknown-value": {
    severity: "error",
    message: (p: { input: string; value: string; suggestion?: string; known: string }) =>
      `"${p.value}" is not a value of the enum input "${p.input}".${hint(p.suggestion)} Its values are: ${p.known}.`,
  },
  "band-malformed": {
    severity: "error",
    message: (p: { band: string; problem: string }) => `band ${p.band} ${p.problem}.`,
  },
  "band-shadowed": {
    severity: "error",
    message: (p: { band: string; text: string }) =>
      `band ${p.band} (${p.text}) can never apply: earlier bands already take every value it covers. Remove it or fix its bounds.`,
  },
  "band-gap": {
    severity: "error",
    message: (p: { gap: string }) => `no band applies to values ${p.gap}. Add a band for them, or end with "{ otherwise: 0 }".`,
  },
  "band-bound-type": {
    severity: "error",
    message: (p: { band: string; text: string; valueType: string }) =>
      `band ${p.band} compares with ${p.text}, but the value is a ${p.valueType}. Use a ${p.valueType} bound.`,
  },
  "grade-malformed": {
    severity: "error",
    message: (p: { grade: string; problem: string }) => `grade ${p.grade} ${p.problem}.`,
  },
  "grade-shadowed": {
    severity: "error",
    message: (p: { grade: string; text: string }) =>
      `grade ${p.grade} (${p.text}) can never apply: earlier grades already take every index it covers. Remove it or fix its bounds.`,
  },
  "grade-gap": {
    severity: "error",
    message: (p: { gap: string }) => `no grade applies to an index ${p.gap}. Add a grade for it, or end with "{ otherwise: ... }".`,
  },
  "value-type": {
    severity: "error",
    message: (p: { what: string; source: string; actual: string; expected: string }) =>
      `${p.what} ("${p.source}") is a ${p.actual}, but it must be a ${p.expected}. Use a ${p.expected} expression.`,
  },
  "unknown-part": {
    severity: "error",
    message: (p: { part: string; suggestion?: string; known: string }) =>
      `unknown part "${p.part}".${hint(p.suggestion)} ${p.known ? `Declared parts: ${p.known}.` : 'Declare it under "parts", or remove "part".'}`,
  },
  "unknown-tiebreak": {
    severity: "error",
    message: (p: { id: string; suggestion?: string }) =>
      `ranking.tiebreak names "${p.id}", which is not a criterion id.${hint(p.suggestion)} Use the id of a criterion.`,
  },
  "derived-cycle": {
    severity: "error",
    message: (p: { cycle: string }) => `derived values depend on each other in a cycle: ${p.cycle}. Break the cycle.`,
  },
  // --- overlays -----------------------------------------------------------
  "overlay-unknown-id": {
    severity: "error",
    message: (p: { id: string; op: string; suggestion?: string }) =>
      `${p.op} names "${p.id}", which is not an id in the extended framework.${hint(p.suggestion)} Use an existing criterion or adjustment id.`,
  },
  "overlay-unknown-parent": {
    severity: "error",
    message: (p: { parent: string; suggestion?: string }) =>
      `add: parent "${p.parent}" is not a criterion of the extended framework.${hint(p.suggestion)} Use an existing criterion id.`,
  },
  "overlay-without-extends": {
    severity: "error",
    message: (p: { key: string }) => `"${p.key}" only applies to an overlay. Add "extends: <base framework file>", or remove "${p.key}".`,
  },
  "extends-not-found": {
    severity: "error",
    message: (p: { ref: string }) => `cannot read the extended framework "${p.ref}". Check the path (it is relative to this file).`,
  },
  "extends-cycle": {
    severity: "error",
    message: (p: { chain: string }) => `frameworks extend each other in a cycle: ${p.chain}. Break the cycle.`,
  },
  "extends-too-deep": {
    severity: "error",
    message: (p: { limit: number }) => `more than ${p.limit} levels of "extends". Flatten the chain of overlays.`,
  },
  "framework-internal-error": {
    severity: "error",
    message: (p: { detail: string }) => `internal error while reading the framework (${p.detail}). Please report it with the file.`,
  },
  // --- files (node loader) --------------------------------------------------
  "file-too-large": {
    severity: "error",
    message: (p: { size: number; limit: number }) => `the file has ${p.size} bytes, more than the limit of ${p.limit}. Split the framework.`,
  },
  "file-unreadable": {
    severity: "error",
    message: (p: { detail: string }) => `cannot read the file: ${p.detail}. Check the path and permissions.`,
  },
});
