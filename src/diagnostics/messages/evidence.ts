import { defineMessages } from "../define.js";

const hint = (s: string | undefined): string => (s === undefined ? "" : ` Did you mean "${s}"?`);
const range = (min: string | undefined, max: string | undefined): string =>
  min !== undefined && max !== undefined
    ? `between ${min} and ${max}`
    : min !== undefined
      ? `at least ${min}`
      : `at most ${max ?? ""}`;

/** Messages of the evidence phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const evidenceMessages = defineMessages({
  "evidence-empty-file": {
    severity: "error",
    message: (p: { what: string }) =>
      `the file is empty (no header line). Export the ${p.what} with its header line, e.g. "unit,input,value".`,
  },
  "evidence-unreadable": {
    severity: "error",
    message: (p: { detail: string }) => `cannot read the file: ${p.detail}. Check the path and permissions.`,
  },
  "evidence-encoding": {
    severity: "error",
    message: (p: { offset: number }) =>
      `the file is not valid UTF-8 (first bad byte at offset ${p.offset}; invalid characters were replaced). ` +
      `Save it as "CSV UTF-8" (Excel) rather than in a Windows code page such as CP1258.`,
  },
  "evidence-unknown-file-kind": {
    severity: "error",
    message: (p: { header: string }) =>
      `cannot tell what this file holds from its header "${p.header}". Start the header with "code,name,type,parent" (unit registry), ` +
      `"unit,input,value" (long inputs), "unit,criterion,self,appraised" (points table) or "unit,<input>,..." (wide inputs).`,
  },
  "evidence-wrong-file-kind": {
    severity: "error",
    message: (p: { kind: string; expected: string }) =>
      `this file is a ${p.kind} but a ${p.expected} was expected here. Pass it with the right option (--units, --points or --evidence).`,
  },
  "evidence-unknown-header": {
    severity: "error",
    message: (p: { header: string; kind: string; suggestion?: string }) =>
      `unknown column "${p.header}" in a ${p.kind}; its cells are ignored.${hint(p.suggestion)} Rename or remove the column.`,
  },
  "evidence-missing-header": {
    severity: "error",
    message: (p: { header: string; kind: string }) =>
      `the ${p.kind} has no "${p.header}" column, so none of its rows can be read. Add the column to the header line.`,
  },
  "evidence-duplicate-header": {
    severity: "error",
    message: (p: { header: string; firstColumn: number }) =>
      `the column "${p.header}" appears twice (first as column ${p.firstColumn}); this one is ignored. Keep one column per name.`,
  },
  "evidence-csv-syntax": {
    severity: "error",
    message: (p: { detail: string }) =>
      `malformed CSV row: ${p.detail}. Quote the whole cell ("like, this") and double any quote inside it ("").`,
  },
  "evidence-too-many-cells": {
    severity: "error",
    message: (p: { cells: number; expected: number; text: string }) =>
      `the row has ${p.cells} cells but the header has ${p.expected} (extra cell "${p.text}"). ` +
      `Quote cells that contain the delimiter, or remove the extra cells.`,
  },
  "evidence-too-few-cells": {
    severity: "error",
    message: (p: { cells: number; expected: number }) =>
      `the row has ${p.cells} cells but the header has ${p.expected}. Fill in the missing cells (leave them empty between delimiters if unknown).`,
  },
  "evidence-empty-cell": {
    severity: "error",
    message: (p: { column: string }) => `the "${p.column}" cell is empty but is required. Fill it in or delete the row.`,
  },
  "evidence-unknown-unit": {
    severity: "error",
    message: (p: { unit: string; suggestion?: string }) =>
      `unit "${p.unit}" is not in the unit registry.${hint(p.suggestion)} Correct the code or add the unit to the registry.`,
  },
  "evidence-unknown-input": {
    severity: "error",
    message: (p: { input: string; suggestion?: string }) =>
      `"${p.input}" is not an input of the framework.${hint(p.suggestion)} Use one of the names under "inputs:" in the framework.`,
  },
  "evidence-unknown-criterion": {
    severity: "error",
    message: (p: { criterion: string; suggestion?: string }) =>
      `"${p.criterion}" is not a criterion or adjustment id of the framework.${hint(p.suggestion)} Use the ids of the framework's criteria.`,
  },
  "evidence-duplicate-input": {
    severity: "error",
    message: (p: { unit: string; input: string; firstLine: number }) =>
      `unit "${p.unit}" gives "${p.input}" again (first on line ${p.firstLine}); this row is ignored. Keep one value per unit and input.`,
  },
  "evidence-duplicate-points": {
    severity: "error",
    message: (p: { unit: string; criterion: string; firstLine: number }) =>
      `unit "${p.unit}" gives points for "${p.criterion}" again (first on line ${p.firstLine}); this row is ignored. Keep one row per unit and criterion.`,
  },
  "evidence-duplicate-unit": {
    severity: "error",
    message: (p: { code: string; first: string }) =>
      `unit code "${p.code}" is already in the registry (${p.first}); this entry is ignored. Codes must be unique.`,
  },
  "evidence-missing-name": {
    severity: "warning",
    message: (p: { code: string }) => `unit "${p.code}" has no name; its code is used as the name. Fill in the "name" cell.`,
  },
  "evidence-wrong-type": {
    severity: "error",
    message: (p: { text: string; type: string; expected: string }) =>
      `"${p.text}" is not a valid ${p.type}. Write ${p.expected}.`,
  },
  "evidence-wrong-locale": {
    severity: "error",
    message: (p: { text: string; type: string; locale: string; otherLocale: string; reading: string }) =>
      `"${p.text}" is not a ${p.type} in locale ${p.locale}` +
      (p.locale === "en"
        ? ` (decimal point ".", thousands "," in groups of 3)`
        : ` (decimal comma ",", thousands "." in groups of 3)`) +
      `; in locale ${p.otherLocale} it reads as ${p.reading}. Use --locale ${p.otherLocale} for this file, or write ${p.reading}.`,
  },
  "evidence-out-of-bounds": {
    severity: "error",
    message: (p: { text: string; value: string; min?: string; max?: string; note?: string }) =>
      `"${p.text}" (${p.value}) is out of bounds: it must be ${range(p.min, p.max)}.${p.note ?? ""} Correct the value.`,
  },
  "evidence-enum-value": {
    severity: "error",
    message: (p: { text: string; values: readonly string[]; suggestion?: string }) =>
      `"${p.text}" is not one of ${p.values.map((v) => `"${v}"`).join(", ")}.${hint(p.suggestion)} Write one of these names exactly.`,
  },
  "evidence-conflict": {
    severity: "error",
    message: (p: { unit: string; name: string; first: string; second: string; firstValue: string; secondValue: string }) =>
      `unit "${p.unit}": "${p.name}" is ${p.secondValue} here but ${p.firstValue} at ${p.first}; the first value is kept. ` +
      `Remove one of them (${p.first} or ${p.second}).`,
  },
  "evidence-repeated": {
    severity: "warning",
    message: (p: { unit: string; name: string; first: string }) =>
      `unit "${p.unit}": "${p.name}" is also given at ${p.first}, with the same value. Keep it in one file.`,
  },
  "evidence-json-syntax": {
    severity: "error",
    message: (p: { detail: string }) => `invalid JSON: ${p.detail}. Fix the syntax (a validator or editor will point at it).`,
  },
  "evidence-json-shape": {
    severity: "error",
    message: (p: { found: string; expected: string }) => `found ${p.found} where ${p.expected} was expected. Correct the structure.`,
  },
  "evidence-json-unknown-key": {
    severity: "error",
    message: (p: { key: string; allowed: readonly string[]; suggestion?: string }) =>
      `unknown key "${p.key}"; it is ignored.${hint(p.suggestion)} Allowed here: ${p.allowed.join(", ")}.`,
  },
});
