import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accumulatorSnapshot } from "../../src/survey/accumulator.js";
import {
  computeSurveyResult,
  createSurveyAccumulator,
  mergeAccumulators,
  readResponses,
  type SurveyAccumulator,
} from "../../src/survey/index.js";
import { compiled, fixture } from "./helpers.js";

const weighted = compiled(
  fixture("small-weighted.yaml").replace("element: mean_of_items", "element: pooled"),
);
const plain = compiled(fixture("small-survey.yaml"));
const HEADER = "respondent,unit,weight,a1,a2,b1,c1,c2\n";

const answer = fc.constantFrom("1", "2", "3", "4", "5", "", "Hài lòng", "x");
const weight = fc.oneof(
  fc.integer({ min: 1, max: 9 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 9999 })).map(([a, b]) => `${a}.${b}`),
  fc.constant("0.000000001"),
  fc.constant("999999.5"),
);
const row = fc.tuple(fc.constantFrom("u1", "u2", "u3"), weight, fc.array(answer, { minLength: 5, maxLength: 5 }));
const rows = fc.array(row, { maxLength: 40 }).map((rs) => rs.map(([u, w, a], i) => `r${i},${u},${w},${a.join(",")}`));

function readPart(lines: string[], survey = weighted): SurveyAccumulator {
  return readResponses(HEADER + lines.join("\n"), survey).accumulator;
}

describe("merge", () => {
  it("over any split of the rows gives exactly the one-pass state and result", () => {
    fc.assert(
      fc.property(rows, fc.array(fc.nat(3)), fc.boolean(), (lines, parts, leftFold) => {
        const buckets: string[][] = [[], [], [], []];
        lines.forEach((l, i) => buckets[parts[i] ?? 0]!.push(l));
        const accs = buckets.map((b) => readPart(b));
        const merged = leftFold
          ? accs.reduce((a, b) => mergeAccumulators(a, b))
          : accs.reduceRight((a, b) => mergeAccumulators(b, a));
        const whole = readPart(lines);
        const sat = weighted.scale.satisfied;
        expect(accumulatorSnapshot(merged, sat)).toEqual(accumulatorSnapshot(whole, sat));
        expect(JSON.stringify(computeSurveyResult(weighted, merged))).toBe(JSON.stringify(computeSurveyResult(weighted, whole)));
      }),
      { numRuns: 150 },
    );
  });

  it("is commutative and associative, with the empty accumulator as identity", () => {
    fc.assert(
      fc.property(rows, rows, rows, (x, y, z) => {
        const [a, b, c] = [readPart(x, plain), readPart(y, plain), readPart(z, plain)];
        const sat = plain.scale.satisfied;
        const snap = (s: SurveyAccumulator) => accumulatorSnapshot(s, sat);
        expect(snap(mergeAccumulators(a, b))).toEqual(snap(mergeAccumulators(b, a)));
        expect(snap(mergeAccumulators(mergeAccumulators(a, b), c))).toEqual(snap(mergeAccumulators(a, mergeAccumulators(b, c))));
        expect(snap(mergeAccumulators(a, createSurveyAccumulator(plain)))).toEqual(snap(a));
      }),
      { numRuns: 100 },
    );
  });

  it("does not change its arguments", () => {
    const a = readPart(["r1,u1,2,4,4,4,4,4"]);
    const before = accumulatorSnapshot(a, weighted.scale.satisfied);
    mergeAccumulators(a, readPart(["r2,u1,0.5,1,1,1,1,1"]));
    expect(accumulatorSnapshot(a, weighted.scale.satisfied)).toEqual(before);
  });
});
