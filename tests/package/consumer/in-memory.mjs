// From plain objects (units, inputs, points) to a result: no files at all.
import { evidenceSchemaOf, formatDiagnostic, mergeEvidence, readEvidenceJson, readUnitsJson, score } from "par-index";
import { loadBundledFramework } from "par-index/node";

const loaded = loadBundledFramework("hanoi-ward-2024");
if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
const { framework } = loaded;

const evidence = mergeEvidence([
  readUnitsJson({ units: [{ code: "phuc-dien", name: "Phúc Diễn", parent: "bac-tu-liem" }] }),
  readEvidenceJson(
    {
      units: {
        "phuc-dien": {
          inputs: { "sipas.access": "92.88%", "sipas.procedures": 95.41, "sipas.civil_servants": 94.3, "sipas.results": 94.91, "sipas.feedback": 93.25 },
          points: { "1.1.1": { self: 1, appraised: 0.5 }, "1.1.2": { self: 2, appraised: 2 } },
        },
      },
    },
    evidenceSchemaOf(framework),
  ),
]);
const result = score(framework, evidence); // never throws on bad data: problems are diagnostics
const unit = result.units[0];
console.log(unit); // unit, name, points, max, index, grade, rank, complete
console.log(JSON.stringify(unit)); // the specification's unit JSON
for (const d of result.diagnostics.slice(0, 3)) console.log(formatDiagnostic(d));
