// Deno: `npm install par-index` beside a deno.json with { "nodeModulesDir": "manual" }, then
// `deno run deno-example.ts`, no permission needed (or import "npm:par-index" once it is published).
import { evidenceSchemaOf, mergeEvidence, parseFramework, readEvidenceJson, readUnitsJson, score, toTidyRows } from "par-index";
import { bundledFrameworkText, resolveBundled } from "par-index/frameworks";

const parsed = parseFramework(bundledFrameworkText("hanoi-ward-2024")!, { filename: "hanoi-ward-2024.yaml", resolve: resolveBundled });
if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.code).join(", "));
const evidence = mergeEvidence([
  readUnitsJson({ units: [{ code: "ba-dinh", name: "Phường Ba Đình" }] }),
  readEvidenceJson({ units: { "ba-dinh": { points: { "1.3": { self: 2, appraised: 1.75 } } } } }, evidenceSchemaOf(parsed.framework)),
]);
const result = score(parsed.framework, evidence);
const rows = toTidyRows(result).filter((r) => r.status === "scored");
console.log(rows.map((r) => `${r.unit} ${r.criterion} ${r.points}/${r.max}`).join("\n"));
