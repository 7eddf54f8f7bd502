// CommonJS: the pure core from par-index, the file loaders from par-index/node.
const { evidenceSchemaOf, score } = require("par-index");
const { loadBundledFramework, loadEvidence } = require("par-index/node");
const { join } = require("node:path");

const fw = loadBundledFramework("hanoi-district-2023");
if (!fw.ok) throw new Error(fw.diagnostics.map((d) => d.code).join(", "));
const dir = join(__dirname, "node_modules/par-index/fixtures/hanoi/districts/");
loadEvidence(
  { units: dir + "units.csv", evidence: [dir + "evidence.csv", dir + "evidence-late.csv", dir + "sipas.csv"], points: [dir + "points.csv"], locale: "vi" },
  evidenceSchemaOf(fw.framework),
).then((evidence) => console.log(JSON.stringify(score(fw.framework, evidence))));
