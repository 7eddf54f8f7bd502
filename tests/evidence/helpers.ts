import { dec } from "../../src/core/decimal.js";
import type { InputPlan, InputType, MissingPolicy } from "../../src/framework/ir.js";
import type { EvidenceSchema } from "../../src/evidence/schema.js";

/** A hand-built input plan (the framework compiler is not needed to test the readers). */
export function input(
  name: string,
  type: InputType,
  extra: { min?: string; max?: string; values?: string[]; missing?: MissingPolicy } = {},
  slot = 0,
): InputPlan {
  const plan: { -readonly [K in keyof InputPlan]: InputPlan[K] } = { kind: "input", name, slot, type, missing: extra.missing ?? "error" };
  if (extra.min !== undefined) plan.min = dec(extra.min);
  if (extra.max !== undefined) plan.max = dec(extra.max);
  if (extra.values !== undefined) plan.values = extra.values;
  return plan;
}

export function schemaOf(inputs: InputPlan[], criteria: string[] = []): EvidenceSchema {
  return { inputs: new Map(inputs.map((i) => [i.name, i])), criteria: new Set(criteria) };
}

/**
 * An input of every type, with bounds of every shape (integer, negative, fractional) and names
 * written in Vietnamese, for the properties that compare the readers' fast and slow paths.
 */
export const EVERY_KIND_INPUTS: InputPlan[] = [
  input("so_ho_so", "integer", { min: "0", max: "1000000" }, 0),
  input("ty_le", "ratio", {}, 1),
  input("diem", "percent", {}, 2),
  input("kinh_phi", "number", {}, 3),
  input("han_muc", "number", { min: "-5", max: "10" }, 4),
  input("nua", "number", { min: "0.5" }, 5),
  input("ngay", "date", {}, 6),
  input("co", "boolean", {}, 7),
  input("muc", "enum", { values: ["đạt", "không đạt", "late"] }, 8),
  input("ghi_chu", "text", {}, 9),
  input("tỉ_lệ_đúng_hạn", "ratio", {}, 10),
];

/** The inputs of the Hà Nội ward fixtures (illustrative, not the official framework). */
export const WARD_SCHEMA = schemaOf(
  [
    input("dossiers_received", "integer", { min: "0" }, 0),
    input("dossiers_on_time", "integer", { min: "0" }, 1),
    input("online_rate", "ratio", {}, 2),
    input("sipas_overall", "percent", { missing: "not_applicable" }, 3),
    input("plan_issued_on", "date", {}, 4),
    input("has_inspection", "boolean", {}, 5),
    input("report_status", "enum", { values: ["on_time", "late", "none"] }, 6),
    input("budget_spent", "number", { min: "0" }, 7),
    input("remarks", "text", { missing: "zero" }, 8),
  ],
  ["1", "1.1", "1.2", "2", "2.1", "2.2", "T1", "P1"],
);

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/evidence/${name}`, import.meta.url));
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}
