import type { Decimal } from "../core/decimal.js";
import type { CompiledFramework } from "../framework/ir.js";
import { conditionsHold } from "./rules.js";

/**
 * The grade of a published (rounded) index: the label of the first grade band whose
 * conditions all hold; undefined when the framework has no grades or no band matches.
 */
export function gradeOf(framework: CompiledFramework, publishedIndex: Decimal): string | undefined {
  for (const band of framework.grades ?? []) {
    if (conditionsHold(publishedIndex, band.conditions)) return band.label;
  }
  return undefined;
}
