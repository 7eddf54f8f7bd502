// A CommonJS-mode consumer (node16/nodenext): `require` conditions, .d.cts declarations.
import { mergeEvidence, score, type Decimal, type UnitResult } from "par-index";
import { loadBundledFramework } from "par-index/node";

export const shown: string[] = [];
const fw = loadBundledFramework("hanoi-district-2023");
if (fw.ok) {
  const unit: UnitResult | undefined = score(fw.framework, mergeEvidence([])).units[0];
  const points: Decimal | undefined = unit?.points;
  shown.push(points?.toFixed(2) ?? "");
}
