import { defineMessages } from "../define.js";

const q = (s: string) => JSON.stringify(s);

/** Messages of the survey phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const surveyMessages = defineMessages({
  // ── survey definition: schema ────────────────────────────────────────────
  "survey-not-a-mapping": {
    severity: "error",
    message: (_p: Record<string, never>) =>
      `the survey file is not a YAML mapping. Start it with "format: par-index/survey-v1" and the survey's keys.`,
  },
  "survey-unknown-key": {
    severity: "error",
    message: (p: { key: string; hint: string }) => `unknown key ${q(p.key)}.${p.hint} Remove it or correct its spelling.`,
  },
  "survey-missing-key": {
    severity: "error",
    message: (p: { key: string }) => `the required key ${q(p.key)} is missing. Add it.`,
  },
  "survey-wrong-type": {
    severity: "error",
    message: (p: { key: string; expected: string; found: string }) =>
      `${q(p.key)} must be ${p.expected}, not ${p.found}. Write a value of that type.`,
  },
  "survey-invalid-value": {
    severity: "error",
    message: (p: { key: string; value: string; expected: string }) =>
      `${q(p.key)} is ${p.value}, but it must be ${p.expected}. Correct the value.`,
  },
  "survey-invalid-id": {
    severity: "error",
    message: (p: { id: string; pattern: string }) =>
      `the id ${q(p.id)} does not match ${p.pattern}. Use lower-case letters, digits and "_" (e.g. "civil_servants").`,
  },
  // ── survey definition: static checks ────────────────────────────────────
  "survey-duplicate-id": {
    severity: "error",
    message: (p: { id: string; kind: string; first: string }) =>
      `the id ${q(p.id)} is already used by a ${p.first} (this is a ${p.kind}). Groups and elements share one namespace (they become inputs sipas.<id>); give each a distinct id.`,
  },
  "survey-reserved-id": {
    severity: "error",
    message: (p: { id: string; reason: string }) => `the id ${q(p.id)} is reserved (${p.reason}). Choose another id.`,
  },
  "survey-unknown-group": {
    severity: "error",
    message: (p: { element: string; group: string; hint: string }) =>
      `element ${q(p.element)} names the group ${q(p.group)}, which is not declared.${p.hint} Declare the group under "groups" or correct the name.`,
  },
  "survey-unknown-element": {
    severity: "error",
    message: (p: { item: string; element: string; hint: string }) =>
      `item ${q(p.item)} names the element ${q(p.element)}, which is not declared.${p.hint} Declare the element under "elements" or correct the name.`,
  },
  "survey-item-without-element": {
    severity: "error",
    message: (p: { item: string }) => `item ${q(p.item)} belongs to no element. Add "element: <id>" to it.`,
  },
  "survey-empty-element": {
    severity: "error",
    message: (p: { element: string }) =>
      `element ${q(p.element)} has no items, so its index cannot be computed. Add items with "element: ${p.element}" or remove the element.`,
  },
  "survey-empty-group": {
    severity: "error",
    message: (p: { group: string }) =>
      `group ${q(p.group)} has no elements. Add elements with "group: ${p.group}" or remove the group.`,
  },
  "survey-duplicate-level": {
    severity: "error",
    message: (p: { level: number }) => `the level ${p.level} appears twice in scale.levels. List each level once.`,
  },
  "survey-satisfied-not-in-scale": {
    severity: "error",
    message: (p: { level: string; levels: string }) =>
      `satisfied level ${p.level} is not a level of the scale (${p.levels}). Use levels from scale.levels.`,
  },
  "survey-label-unknown-level": {
    severity: "error",
    message: (p: { level: string; levels: string }) =>
      `a label is given for ${q(p.level)}, which is not a level of the scale (${p.levels}). Label only declared levels.`,
  },
  "survey-duplicate-label": {
    severity: "error",
    message: (p: { label: string; level: string; other: string }) =>
      `the label ${q(p.label)} of level ${p.level} is also the label (or the number) of level ${p.other}, so an answer written as this text would be ambiguous. Make labels distinct.`,
  },
  "survey-weights-unknown-group": {
    severity: "error",
    message: (p: { group: string; hint: string }) =>
      `aggregate.overall.weights names the group ${q(p.group)}, which is not declared.${p.hint} Use declared group ids.`,
  },
  "survey-weights-sum": {
    severity: "error",
    message: (p: { sum: string }) =>
      `aggregate.overall.weights sum to ${p.sum}, not exactly 1. Adjust the weights so that they add up to 1.`,
  },
  "survey-weights-missing-group": {
    severity: "warning",
    message: (p: { group: string }) =>
      `group ${q(p.group)} has no weight in aggregate.overall.weights, so it does not count in the overall index. Give it a weight, or ignore this if intended.`,
  },
  "survey-weight-column": {
    severity: "error",
    message: (p: { column: string; clash: string }) =>
      `the weight column ${q(p.column)} has the same name as ${p.clash}. Name the weight column differently (e.g. "weight").`,
  },
  // ── responses and ratings CSV ────────────────────────────────────────────
  "survey-csv-empty": {
    severity: "error",
    message: (p: { expected: string }) => `the file is empty: no header row. Start it with the header "${p.expected}".`,
  },
  "survey-missing-column": {
    severity: "error",
    message: (p: { column: string; header: string }) =>
      `the header has no ${q(p.column)} column (header: ${p.header}). Add the column.`,
  },
  "survey-unknown-column": {
    severity: "error",
    message: (p: { column: string; hint: string }) =>
      `the column ${q(p.column)} is not an item of the survey; its values are ignored.${p.hint} Rename it to an item id or remove it.`,
  },
  "survey-duplicate-column": {
    severity: "error",
    message: (p: { column: string }) => `the column ${q(p.column)} appears twice in the header; only the first is used. Remove the duplicate.`,
  },
  "survey-item-not-in-responses": {
    severity: "warning",
    message: (p: { item: string }) =>
      `the survey item ${q(p.item)} has no column in the responses, so it has no answers. Add the column if the item was asked.`,
  },
  "survey-weight-column-missing": {
    severity: "error",
    message: (p: { column: string }) =>
      `the survey declares the weight column ${q(p.column)}, but these responses have no such column; each of their rows counts with weight 1. Add the column or remove "weight" from the survey.`,
  },
  "survey-invalid-answer": {
    severity: "error",
    message: (p: { value: string; item: string; levels: string }) =>
      `the answer ${q(p.value)} to item ${q(p.item)} is not a level of the scale (${p.levels}); this answer is not used. Write a level, its label, or leave the cell blank for no answer.`,
  },
  "survey-bad-weight": {
    severity: "error",
    message: (p: { value: string }) =>
      `the weight ${q(p.value)} is not a positive decimal (at most 9 decimals); the row is not used. Write a weight such as 1 or 1.25.`,
  },
  "survey-missing-unit": {
    severity: "error",
    message: (_p: Record<string, never>) => `the unit cell is blank; the row is not used. Write the unit's code.`,
  },
  "survey-row-width": {
    severity: "error",
    message: (p: { found: number; expected: number }) =>
      `the row has ${p.found} cells but the header has ${p.expected}. Missing cells count as no answer and extra cells are ignored; make the row match the header.`,
  },
  "survey-csv-quote": {
    severity: "error",
    message: (p: { detail: string }) => `CSV quoting: ${p.detail}. Close the quoted cell with '"' and double any '"' inside it.`,
  },
  "survey-too-many-diagnostics": {
    severity: "warning",
    message: (p: { limit: number; omitted: number }) =>
      `more than ${p.limit} problems in this file; ${p.omitted} more were counted but not listed. Fix the first ones and read the file again.`,
  },
  "survey-ratings-level": {
    severity: "error",
    message: (p: { value: string; levels: string }) =>
      `the rating level ${q(p.value)} is not a level or label of the scale (${p.levels}); the row is not used. Write a level or its label.`,
  },
  "survey-ratings-count": {
    severity: "error",
    message: (p: { value: string }) =>
      `the count ${q(p.value)} is not a non-negative whole number; the row is not used. Write a count such as 12.`,
  },
  "survey-file-read": {
    severity: "error",
    message: (p: { path: string; detail: string }) => `cannot read ${JSON.stringify(p.path)}: ${p.detail}. Check the path and permissions.`,
  },
  // ── indices ──────────────────────────────────────────────────────────────
  "survey-few-respondents": {
    severity: "warning",
    message: (p: { unit: string; index: string; valid: number; min: number }) =>
      `unit ${q(p.unit)}: the index ${q(p.index)} rests on ${p.valid} valid answers, fewer than min_respondents ${p.min}; read it with caution or collect more answers.`,
  },
  "survey-unit-not-in-registry": {
    severity: "error",
    message: (p: { unit: string }) =>
      `the survey has answers for unit ${q(p.unit)}, which is not in the unit registry; add it to the registry or correct the unit code in the responses.`,
  },
  "survey-input-conflict": {
    severity: "error",
    message: (p: { unit: string; input: string; other: string }) =>
      `unit ${q(p.unit)}: ${q(p.input)} comes from the survey and also from ${p.other}; give it in one place only.`,
  },
});
