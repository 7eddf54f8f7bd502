import { defineMessages } from "../define.js";

/** Messages of the engine phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const engineMessages = defineMessages({
  "missing-input": {
    severity: "error",
    message: (p: { unit: string; input: string; criterion: string }) =>
      `unit "${p.unit}" has no value for input "${p.input}", which criterion "${p.criterion}" needs; the criterion scores 0 and the unit is incomplete. ` +
      `Add the value to the evidence, or declare the input with "missing: zero" or "missing: not_applicable".`,
  },
  "missing-value": {
    severity: "error",
    message: (p: { unit: string; criterion: string; source: string }) =>
      `the value "${p.source}" of criterion "${p.criterion}" is missing for unit "${p.unit}"; the criterion scores 0 and the unit is incomplete. ` +
      `Provide the inputs it reads, or use coalesce(...) in the expression.`,
  },
  "missing-points": {
    severity: "error",
    message: (p: { unit: string; criterion: string }) =>
      `unit "${p.unit}" has no points-table entry (self or appraised) for manual criterion "${p.criterion}"; it scores 0 and the unit is incomplete. ` +
      `Add a row "${p.unit},${p.criterion},SELF,APPRAISED" to the points table.`,
  },
  "self-used": {
    severity: "warning",
    message: (p: { unit: string; criterion: string; self: string }) =>
      `criterion "${p.criterion}" of unit "${p.unit}" has no appraised score; the self-assessed ${p.self} is used. ` +
      `Add the appraisal council's score to the points table's "appraised" column.`,
  },
  "manual-points-out-of-range": {
    severity: "error",
    message: (p: { unit: string; criterion: string; points: string; max: string; used: string }) =>
      `the ${p.points} points given for criterion "${p.criterion}" of unit "${p.unit}" are outside 0..${p.max}; ${p.used} is used. ` +
      `Correct the points table.`,
  },
  "manual-points-step": {
    severity: "error",
    message: (p: { unit: string; criterion: string; points: string; step: string }) =>
      `the ${p.points} points given for criterion "${p.criterion}" of unit "${p.unit}" are not a multiple of the step ${p.step}. ` +
      `Correct the points table to a multiple of ${p.step}.`,
  },
  "expr-points-clamped": {
    severity: "warning",
    message: (p: { unit: string; criterion: string; value: string; used: string; max: string }) =>
      `the expression of criterion "${p.criterion}" gives ${p.value} for unit "${p.unit}", outside 0..${p.max}; ${p.used} is used. ` +
      `Check the evidence, or bound the expression with clamp(x, 0, ${p.max}).`,
  },
  "rule-value-invalid": {
    severity: "error",
    message: (p: { unit: string; criterion: string; rule: string; value: string; expected: string }) =>
      `the value ${p.value} of criterion "${p.criterion}" (rule ${p.rule}) for unit "${p.unit}" is not ${p.expected}; the criterion scores 0 and the unit is incomplete. ` +
      `Correct the evidence or the rule's value expression.`,
  },
  "applies-if-invalid": {
    severity: "error",
    message: (p: { unit: string; criterion: string; value: string }) =>
      `applies_if of criterion "${p.criterion}" gives ${p.value} for unit "${p.unit}", not true or false; the criterion is treated as applicable. ` +
      `Make the applies_if expression a condition.`,
  },
  "ranking-attribute-missing": {
    severity: "warning",
    message: (p: { unit: string; attribute: string }) =>
      `unit "${p.unit}" has no "${p.attribute}" in the unit registry, so it is ranked with the other units without one. ` +
      `Add a "${p.attribute}" column value for it to the registry.`,
  },
  "engine-internal-error": {
    severity: "error",
    message: (p: { unit: string; detail: string }) =>
      `scoring unit "${p.unit}" failed unexpectedly: ${p.detail}. Please report this with the framework and evidence.`,
  },
});
