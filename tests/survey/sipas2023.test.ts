import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeSurveyResult, readResponses, surveyEvidence } from "../../src/survey/index.js";
import { compiled, fixture } from "./helpers.js";

describe("sipas-2023 on the synthetic Hà Nội wards file", () => {
  const survey = compiled(readFileSync(new URL("../../frameworks/sipas-2023.yaml", import.meta.url), "utf8"));
  const r = readResponses(fixture("hanoi-wards-2023-synthetic.csv"), survey, { filename: "hanoi.csv" });
  const result = computeSurveyResult(survey, r.accumulator, r.diagnostics);

  it("reads every row and yields an overall index per ward", () => {
    expect(r.diagnostics).toEqual([]);
    expect(r.stats.rowsUsed).toBe(160);
    expect(result.units.map((u) => u.unit)).toEqual(["ba-dinh", "cua-nam", "dong-da", "hoan-kiem"]);
    for (const u of result.units) {
      // overall = mean of the two group indices, each the mean of its element indices
      const mean = u.groups.get("policy")!.plus(u.groups.get("services")!).div(2);
      expect(u.overall!.equals(mean)).toBe(true);
    }
  });

  it("provides sipas.overall, the 2 groups and the 9 elements as inputs", () => {
    const inputs = surveyEvidence(result).get("ba-dinh")!;
    expect(inputs.size).toBe(12);
    expect([...inputs.keys()]).toContain("sipas.civil_servants");
    expect([...inputs.keys()]).toContain("sipas.policy_results");
  });
});
