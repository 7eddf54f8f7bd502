// Reference: everything from par-index/node alone.
import { evidenceSchemaOf, loadBundledFramework, loadEvidence, score } from "par-index/node";

const fw = loadBundledFramework("hanoi-district-2023");
if (!fw.ok) throw new Error(fw.diagnostics.map((d) => d.code).join(", "));
const dir = new URL("./node_modules/par-index/fixtures/hanoi/districts/", import.meta.url).pathname;
const evidence = await loadEvidence(
  { units: dir + "units.csv", evidence: [dir + "evidence.csv", dir + "evidence-late.csv", dir + "sipas.csv"], points: [dir + "points.csv"], locale: "vi" },
  evidenceSchemaOf(fw.framework),
);
console.log(JSON.stringify(score(fw.framework, evidence)));
