// The physical-limit baseline of the whole-process benchmark (tests/bench/process.ts): a
// plain-JS program hand-written for ONE framework, the synthetic 100-leaf framework of
// syntheticFrameworkYaml({ leaves: 100 }) (10 fields × 2 criteria × 5 leaves, rule kinds in
// the order bands, boolean, ratio, deadline, choice, deduct, manual, expr; field 10 is the
// optional survey part; criteria 3.2, 6.2, 9.2 apply only to large units). It reads the
// JSON evidence, scores with doubles (no exactness, no validation, no diagnostics), ranks
// and writes the same CSV columns as `par-index score --format csv`.
//
//   node tests/bench/_float-program.mjs EVIDENCE.json > out.csv
import { readFileSync } from "node:fs";

const KINDS = ["bands", "boolean", "ratio", "deadline", "choice", "deduct", "manual", "expr"];
const leaves = [];
for (let f = 1; f <= 10; f++)
  for (let c = 1; c <= 2; c++)
    for (let l = 1; l <= 5; l++) {
      const id = `${f}.${c}.${l}`;
      leaves.push({ id, f, c, kind: KINDS[leaves.length % 8], max: l % 2 === 0 ? 1 : 0.5, v: `x${f}_${c}_${l}`, survey: f === 10 });
    }
for (const leaf of leaves) leaf.total = `${leaf.v}_total`;
const CAP = 75;
const r2 = (x) => Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100;
const day = (s) => Date.parse(s);
const DUE = day("2024-01-15");
const LATE = day("2024-02-15");

const units = JSON.parse(readFileSync(process.argv[2], "utf8")).units;
const rows = [];
const fieldP = new Float64Array(10);
const fieldM = new Float64Array(10);
for (const code of Object.keys(units)) {
  const { inputs, points } = units[code];
  fieldP.fill(0);
  fieldM.fill(0);
  let complete = true;
  let surveyData = false;
  let surveyMissing = false;
  for (const leaf of leaves) {
    const fi = leaf.f - 1;
    if (leaf.c === 2 && leaf.f % 3 === 0 && inputs.large_unit !== true) continue; // not applicable: excluded
    const x = inputs[leaf.v];
    let p = 0;
    let missing = false;
    switch (leaf.kind) {
      case "bands": {
        const t = inputs[leaf.total];
        if (x === undefined || t === undefined) missing = true;
        else {
          const rate = x / t;
          p = rate > 0.9 ? leaf.max : rate >= 0.7 ? leaf.max / 2 : 0;
        }
        break;
      }
      case "boolean":
        if (x === undefined) missing = true;
        else p = x ? leaf.max : 0;
        break;
      case "ratio":
        if (x === undefined) {
          if (leaf.survey) continue; // missing: not_applicable
          missing = true;
        } else p = x >= 100 ? leaf.max : x <= 50 ? 0 : r2((leaf.max * (x - 50)) / 50);
        break;
      case "deadline":
        if (x === undefined) missing = true; // its `missing` points (0 here), and the unit is incomplete
        else {
          const d = day(x);
          p = d <= DUE ? leaf.max : d <= LATE ? leaf.max / 2 : 0;
        }
        break;
      case "choice":
        if (x === undefined) missing = true;
        else p = x === "on_time" ? leaf.max : x === "late" ? leaf.max / 2 : 0;
        break;
      case "deduct":
        p = Math.max(0, leaf.max - 0.25 * (x ?? 0));
        break;
      case "manual": {
        const e = points[leaf.id];
        const given = e === undefined ? undefined : (e.appraised ?? e.self);
        if (given === undefined) missing = true;
        else p = Math.min(Math.max(given, 0), leaf.max);
        break;
      }
      case "expr":
        if (x === undefined) missing = true;
        else p = r2(Math.min(Math.max(x / 10, 0), leaf.max));
        break;
    }
    if (missing) {
      if (leaf.survey) surveyMissing = true; // counts only when the part has data
      else complete = false;
      p = 0;
    } else if (leaf.survey && (x !== undefined || leaf.kind === "manual")) surveyData = true; // a zero for a missing count is no data
    fieldP[fi] += p;
    fieldM[fi] += leaf.max;
  }
  if (surveyData && surveyMissing) complete = false;
  let criteria = 0;
  let max = 0;
  for (let f = 0; f < 10; f++) {
    if (f === 9 && !surveyData) continue; // optional part without data: dropped
    criteria += fieldP[f];
    max += fieldM[f];
  }
  const bonus = points.T1?.appraised ?? points.T1?.self ?? 0;
  const penalty = Math.min((inputs.violations ?? 0) * 0.5, 1);
  const total = Math.min(r2(criteria + bonus - penalty), CAP);
  const index = max === 0 ? undefined : r2((total / max) * 100);
  const fields = [];
  for (let f = 0; f < 10; f++) fields.push(fieldM[f] === 0 || (f === 9 && !surveyData) ? "" : r2((fieldP[f] / fieldM[f]) * 100).toFixed(2));
  rows.push({ code, total, max, index, complete, fields });
}
rows.sort((a, b) => (a.complete !== b.complete ? (a.complete ? -1 : 1) : (b.index ?? -1) - (a.index ?? -1) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
const out = ["rank,unit,name,points,max,index,grade,complete," + Array.from({ length: 10 }, (_, i) => i + 1).join(",")];
let rank = 0;
rows.forEach((r, i) => {
  const prev = rows[i - 1];
  if (!prev || prev.complete !== r.complete || prev.index !== r.index) rank = i + 1;
  const grade = r.index === undefined ? "" : r.index >= 90 ? "A" : r.index >= 80 ? "B" : "C";
  out.push(`${rank},${r.code},${r.code},${r.total},${r.max},${r.index === undefined ? "" : r.index.toFixed(2)},${grade},${r.complete},${r.fields.join(",")}`);
});
process.stdout.write(out.join("\r\n") + "\r\n");
