import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { score, type ScoreResult, type UnitResult } from "../../src/engine/index.js";
import { makeScoreResult } from "../../src/engine/score.js";
import { syntheticEvidence, syntheticFrameworkYaml } from "../../fixtures/engine/synthetic.js";
import { parseFramework } from "../../src/framework/index.js";
import { toCsv, toMarkdown, toTable } from "../../src/report/index.js";
import { makeEvidence } from "../engine/helpers.js";

const SHAPE = { leaves: 40, fields: 4, perCriterion: 5 } as const;

function frameworkWith(decimals: number, mode: string) {
  const yaml = syntheticFrameworkYaml(SHAPE).replace("year: 2024\n", `year: 2024\nrounding: { decimals: ${decimals}, mode: ${mode} }\n`);
  const parsed = parseFramework(yaml, { filename: "synthetic.yaml" });
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  return parsed.framework;
}
const frameworks = [2, 3, 4].flatMap((d) => ["half_up", "half_even", "down"].map((m) => frameworkWith(d, m)));

/** The same units as plain objects: the reports then read every number through Decimals and node views. */
function throughDecimals(r: ScoreResult): ScoreResult {
  const plainUnit = (u: UnitResult): UnitResult => ({
    unit: u.unit,
    name: u.name,
    info: u.info,
    rank: u.rank,
    ...(u.rankGroup !== undefined && { rankGroup: u.rankGroup }),
    points: u.points,
    criteriaPoints: u.criteriaPoints,
    uncappedPoints: u.uncappedPoints,
    max: u.max,
    index: u.index,
    publishedIndex: u.publishedIndex,
    grade: u.grade,
    complete: u.complete,
    parts: u.parts,
    adjustments: u.adjustments,
    nodes: u.nodes,
    diagnostics: u.diagnostics,
    toJSON: () => u.toJSON(),
  });
  return makeScoreResult(r.framework, r.units.map(plainUnit), r.diagnostics);
}

describe("report columns read from the stored integers", () => {
  it("CSV, table and Markdown are the same text as through Decimals (random evidence; 2–4 decimals; every rounding mode)", () => {
    fc.assert(
      fc.property(
        fc.record({
          fw: fc.constantFrom(...frameworks),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          count: fc.integer({ min: 1, max: 10 }),
          missingRate: fc.constantFrom(0, 0.05, 0.3),
        }),
        ({ fw, seed, count, missingRate }) => {
          const r = score(fw, makeEvidence(fw, syntheticEvidence(count, { ...SHAPE, seed, missingRate })), { explain: false });
          const slow = throughDecimals(r);
          expect(toCsv(r)).toBe(toCsv(slow));
          expect(toTable(r)).toBe(toTable(slow));
          expect(toMarkdown(r)).toBe(toMarkdown(slow));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("prints a unit with no evidence the same way (missing leaves at 0, the survey field of a dropped part)", () => {
    const fw = frameworks[0]!;
    // No inputs and no points: most leaves missing (scored 0), the survey field dropped.
    const r = score(fw, makeEvidence(fw, { empty: {} }), { explain: false });
    const csv = toCsv(r);
    expect(csv).toBe(toCsv(throughDecimals(r)));
    const row = csv.split("\r\n")[1]!.split(",");
    expect(row.slice(0, 3)).toEqual(["1", "empty", "empty"]);
    expect(row[7]).toBe("false");
  });
});
