import { expectFramework } from "../core/args.js";
import type { CompiledFramework, InputPlan } from "../framework/ir.js";

/**
 * What the evidence readers need to know about a framework: its inputs (name → type,
 * bounds, enum values) and the ids that may appear in a points table.
 */
export interface EvidenceSchema {
  readonly inputs: ReadonlyMap<string, InputPlan>;
  /** Ids allowed in a points table: criterion ids (groups and leaves) and adjustment ids. */
  readonly criteria: ReadonlySet<string>;
}

/** The evidence schema of a compiled framework. */
export function evidenceSchemaOf(framework: CompiledFramework): EvidenceSchema {
  expectFramework("evidenceSchemaOf(framework)", "framework", framework);
  const criteria = new Set<string>();
  for (const node of framework.nodes) criteria.add(node.id);
  for (const adjustment of framework.adjustments) criteria.add(adjustment.id);
  return { inputs: framework.inputByName, criteria };
}
