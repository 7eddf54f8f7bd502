// Compiles under every module resolution: real types, Decimal a class with its methods.
import { evidenceSchemaOf, mergeEvidence, readEvidenceJson, readUnitsJson, score, type Decimal, type ScoreResult, type UnitResult } from "par-index";
import { listFrameworks, loadBundledFramework } from "par-index/node";
import { bundledFrameworkText } from "par-index/frameworks";

export const summary: string[] = [];
const ids: string[] = listFrameworks().map((f) => f.id);
const text: string | undefined = bundledFrameworkText("hanoi-ward-2024");
const fw = loadBundledFramework("hanoi-ward-2024");
if (fw.ok) {
  const schema = evidenceSchemaOf(fw.framework);
  const evidence = mergeEvidence([
    readUnitsJson({ units: [{ code: "phuc-dien", name: "Phúc Diễn" }] }),
    readEvidenceJson({ units: { "phuc-dien": { inputs: {}, points: { "1.1": { self: 2, appraised: "1,5" } } } } }, schema),
  ]);
  const result: ScoreResult = score(fw.framework, evidence);
  const unit: UnitResult | undefined = result.units[0];
  if (unit !== undefined) {
    const points: Decimal = unit.points;
    const shown: string = points.toFixed(2);
    const more: Decimal = points.plus(unit.max).dividedBy(2);
    const complete: boolean = unit.complete;
    summary.push(`${ids.length} ${text?.length} ${shown} ${more.isFinite()} ${complete}`);
  }
}
