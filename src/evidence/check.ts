import { isMissing } from "../core/value.js";
import type { CompiledFramework } from "../framework/ir.js";
import type { EvidenceSet } from "./model.js";
import { type EvidenceSchema, evidenceSchemaOf } from "./schema.js";

/** What one unit still has to provide. */
export interface UnitMissingInputs {
  readonly unit: string;
  readonly name: string;
  /** Required inputs (`missing: error`) with no value, in framework order. */
  readonly missing: readonly string[];
}

/**
 * Lists, for every unit of the evidence (the registry when there is one), the
 * required inputs (`missing: error`) it has not provided. An input given as an
 * empty cell counts as not provided. Units with nothing missing have an empty list.
 */
export function checkEvidence(schema: EvidenceSchema | CompiledFramework, evidence: EvidenceSet): UnitMissingInputs[] {
  const s = "kind" in schema && schema.kind === "framework" ? evidenceSchemaOf(schema) : (schema as EvidenceSchema);
  const required = [...s.inputs.values()].filter((i) => i.missing === "error").map((i) => i.name);
  return evidence.units.map((u) => {
    const inputs = evidence.byUnit.get(u.code)?.inputs;
    const missing = required.filter((name) => {
      const entry = inputs?.get(name);
      return entry === undefined || isMissing(entry.value);
    });
    return { unit: u.code, name: u.name, missing };
  });
}
