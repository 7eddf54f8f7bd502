// Both module systems at once (the dual-package case): the ESM core scores evidence read by the
// CommonJS loaders, with the CommonJS copy's classes (dates, decimals). Kind tags, not instanceof.
import { createRequire } from "node:module";
import { evidenceSchemaOf, score } from "par-index";

const cjs = createRequire(import.meta.url)("par-index/node");
const fw = cjs.loadBundledFramework("hanoi-district-2023");
if (!fw.ok) throw new Error(fw.diagnostics.map((d) => d.code).join(", "));
const dir = new URL("./node_modules/par-index/fixtures/hanoi/districts/", import.meta.url).pathname;
const evidence = await cjs.loadEvidence(
  { units: dir + "units.csv", evidence: [dir + "evidence.csv", dir + "evidence-late.csv", dir + "sipas.csv"], points: [dir + "points.csv"], locale: "vi" },
  evidenceSchemaOf(fw.framework),
);
console.log(JSON.stringify(score(fw.framework, evidence)));
