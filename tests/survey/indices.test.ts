import { describe, expect, it } from "vitest";
import {
  computeSurveyResult,
  readRatings,
  readResponses,
  surveyEvidence,
  surveyInputs,
  surveyToCsv,
  surveyToMarkdown,
  surveyToTable,
} from "../../src/survey/index.js";
import { effectiveN, wilson } from "../../src/survey/indices.js";
import { dec } from "../../src/core/decimal.js";
import { compiled, fixture } from "./helpers.js";

const small = compiled(fixture("small-survey.yaml"), "small-survey.yaml");
const responses = fixture("small-responses.csv");

function run(survey = small, text = responses) {
  const r = readResponses(text, survey, { filename: "small-responses.csv" });
  return computeSurveyResult(survey, r.accumulator, r.diagnostics);
}

const pooledSurvey = compiled(
  fixture("small-survey.yaml").replace("element: mean_of_items", "element: pooled").replace("group: mean_of_elements", "group: pooled").replace("overall: mean_of_groups", "overall: pooled"),
);

describe("indices on the small hand-computed file", () => {
  const result = run();
  const u1 = result.units.find((u) => u.unit === "u1")!;
  const u2 = result.units.find((u) => u.unit === "u2")!;

  it("counts valid answers, blanks and the invalid cell per item", () => {
    expect(u1.respondents).toBe(5);
    const a2 = u1.items.get("a2")!;
    expect([a2.valid, a2.noAnswer, a2.satisfied]).toEqual([4, 1, 3]);
    const c1 = u1.items.get("c1")!; // "x" on line 4: not used, rest of the row kept
    expect([c1.valid, c1.noAnswer, c1.invalid, c1.satisfied]).toEqual([4, 0, 1, 4]);
    expect(u1.items.get("b1")!.valid).toBe(5); // same row as the invalid cell
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: "survey-invalid-answer", file: "small-responses.csv", line: 4, column: 12, params: expect.objectContaining({ item: "c1", value: "x" }) }),
    );
  });

  it("gives exact item, element, group and overall indices (mean aggregation)", () => {
    const idx = (m: ReadonlyMap<string, { index: unknown } | unknown>, k: string) => {
      const v = m.get(k) as { index?: { toString(): string } } | { toString(): string };
      return ("index" in v ? v.index : v)!.toString();
    };
    expect(["a1", "a2", "b1", "c1", "c2"].map((k) => idx(u1.items, k))).toEqual(["60", "75", "60", "100", "75"]);
    expect(u1.elements.get("accountability")!.toString()).toBe("67.5");
    expect(u1.elements.get("civil_servants")!.toString()).toBe("87.5");
    expect(u1.groups.get("services")!.toString()).toBe("73.75");
    expect(u1.overall!.toString()).toBe("70.625"); // exact; only the output is rounded
    expect(result.toJSON().units[0]!.overall).toBe(70.63);
    // labels are accepted case-insensitively: "Hài lòng" (4), "rất hài lòng" (5)
    expect(u2.items.get("b1")!.satisfied).toBe(3);
    expect(u2.items.get("a2")!.index!.toString()).toBe("50");
    expect(u2.items.get("a1")!.index!.times(3).toString()).toBe("200");
  });

  it("pooled aggregation differs from the mean, and is correct", () => {
    const p = run(pooledSurvey).units.find((u) => u.unit === "u1")!;
    expect(p.elements.get("accountability")!.equals(dec(6).div(9).times(100))).toBe(true);
    expect(p.groups.get("services")!.equals(dec(10).div(13).times(100))).toBe(true);
    expect(p.overall!.equals(dec(16).div(22).times(100))).toBe(true);
    expect(p.overall!.equals(u1.overall!)).toBe(false);
  });

  it("mean_of_elements and explicit weights for the overall index", () => {
    const byElements = compiled(fixture("small-survey.yaml").replace("overall: mean_of_groups", "overall: mean_of_elements"));
    const e = run(byElements).units[0]!;
    expect(e.overall!.equals(dec("67.5").plus(60).plus("87.5").div(3))).toBe(true);
    const weighted = compiled(fixture("small-survey.yaml").replace("overall: mean_of_groups", "overall: { weights: { policy: 0.25, services: 0.75 } }"));
    expect(run(weighted).units[0]!.overall!.toString()).toBe("72.1875"); // 0.25·67.5 + 0.75·73.75
  });

  it("`all` pools every unit's answers and follows the same aggregation", () => {
    const a1 = result.all.items.get("a1")!;
    expect([a1.valid, a1.noAnswer, a1.satisfied]).toEqual([8, 1, 5]);
    expect(result.all.respondents).toBe(9);
    expect(result.toJSON().all.unit).toBe("all");
  });

  it("warns under min_respondents, naming the unit and the index", () => {
    const warn = result.diagnostics.filter((d) => d.code === "survey-few-respondents");
    expect(warn).toContainEqual(expect.objectContaining({ severity: "warning", unit: "u2", params: expect.objectContaining({ index: "overall", valid: 4, min: 5 }) }));
    expect(warn).toContainEqual(expect.objectContaining({ unit: "u1", params: expect.objectContaining({ index: "a2", valid: 4 }) }));
    expect(warn.some((d) => d.unit === "u1" && (d.params as { index: string }).index === "a1")).toBe(false);
  });

  it("produces the JSON shape of the spec", () => {
    const j = JSON.parse(JSON.stringify(result));
    expect(Object.keys(j)).toEqual(["survey", "units", "all", "diagnostics"]);
    expect(Object.keys(j.units[0])).toEqual(["unit", "respondents", "overall", "groups", "elements", "items"]);
    expect(j.units[0].items.a2).toEqual({ index: 75, valid: 4, no_answer: 1, low: 30.06, high: 95.44 });
    expect(j.survey).toMatchObject({ id: "small-test", year: 2024, weighted: false });
  });
});

describe("weights", () => {
  const survey = compiled(fixture("small-weighted.yaml"));
  const r = readResponses(fixture("small-weighted.csv"), survey, { filename: "w.csv" });
  const res = computeSurveyResult(survey, r.accumulator, r.diagnostics);
  const u1 = res.units[0]!;

  it("reads BOM, ';', CRLF, quotes and decimal commas; weights the index exactly", () => {
    const a1 = u1.items.get("a1")!; // w 1.5 (5), 0.5 (4), 2 (2) → 2 / 4
    expect(a1.index!.toString()).toBe("50");
    expect(a1.totals.weight.toString()).toBe("4");
    expect(a1.totals.weightSquared.toString()).toBe("6.5");
    expect(a1.effectiveN).toBeCloseTo(16 / 6.5, 12);
    expect(u1.items.get("b1")!.index!.toString()).toBe("25"); // 0.5 of 2
    expect(res.units[1]!.items.get("b1")!.index!.toString()).toBe("100");
  });

  it("rejects a bad weight with its cell, and keeps other rows", () => {
    expect(r.stats).toEqual({ rows: 5, rowsUsed: 4, rowsRejected: 1, invalidAnswers: 0 });
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: "survey-bad-weight", line: 5, column: 7 }));
  });

  it("Kish's effective n: equal weights give n, unequal fewer", () => {
    expect(effectiveN(dec(10), dec(10))).toBe(10);
    expect(effectiveN(dec(30), dec(90))).toBe(10); // ten weights of 3
    expect(effectiveN(dec(8), dec(20))).toBe(3.2); // weights 1, 1, 1, 1, 4: 64 / 20
    expect(effectiveN(dec("4"), dec("6.5"))).toBeLessThan(3);
  });
});

describe("Wilson interval", () => {
  it("8 of 10 → about 49.0% to 94.3%", () => {
    const { low, high } = wilson(0.8, 10);
    expect((low * 100).toFixed(1)).toBe("49.0");
    expect((high * 100).toFixed(1)).toBe("94.3");
  });
  it("0 of n starts at 0 and n of n ends at 100", () => {
    const zero = wilson(0, 20);
    expect(zero.low).toBe(0);
    expect((zero.high * 100).toFixed(1)).toBe("16.1");
    const all = wilson(1, 20);
    expect(all.high).toBe(1);
    expect((all.low * 100).toFixed(1)).toBe("83.9");
  });
  it("is undefined without observations", () => {
    expect(Number.isNaN(wilson(0.5, 0).low)).toBe(true);
  });
});

describe("counter ratings", () => {
  const r = readResponses(responses, small);
  const k = readRatings(fixture("ratings.csv"), small, { filename: "ratings.csv", into: r.accumulator });
  const res = computeSurveyResult(small, r.accumulator, [...r.diagnostics, ...k.diagnostics]);
  it("adds counts by level number and by label into a separate section", () => {
    const u1 = res.units.find((u) => u.unit === "u1")!;
    expect(u1.ratings).toMatchObject({ total: 20, satisfied: 16, byLevel: [2, 0, 2, 6, 10] });
    expect(u1.ratings!.index!.toString()).toBe("80");
    expect(u1.items.get("a1")!.valid).toBe(5); // survey answers unchanged
    const u3 = res.units.find((u) => u.unit === "u3")!;
    expect([u3.respondents, u3.ratings!.total]).toEqual([0, 5]);
    const json = res.toJSON().units.find((u) => u.unit === "u2")!.ratings!;
    expect(json).toEqual({ total: 4, satisfied: 3, index: 75, low: 30.06, high: 95.44, by_level: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 3 } });
  });
  it("reports a bad level and a bad count with line and column", () => {
    expect(k.diagnostics).toContainEqual(expect.objectContaining({ code: "survey-ratings-level", line: 9, column: 4 }));
    expect(k.diagnostics).toContainEqual(expect.objectContaining({ code: "survey-ratings-count", line: 10, column: 6 }));
    expect(k.stats).toEqual({ rows: 9, rowsUsed: 7, rowsRejected: 2 });
  });
  it("keeps counts exact: a total beyond 2^53 − 1 is reported at its row, never rounded (11 × 999999999999999)", () => {
    const rows = Array.from({ length: 11 }, () => "u1,4,999999999999999").join("\n");
    const big = readRatings(`unit,level,count\n${rows}\n`, small, { filename: "k.csv" });
    // 9 rows fit (8999999999999991 ≤ 2^53 − 1); the 10th and 11th would pass it.
    expect(big.stats).toEqual({ rows: 11, rowsUsed: 9, rowsRejected: 2 });
    expect(big.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["survey-ratings-total-too-large", 11, 6],
      ["survey-ratings-total-too-large", 12, 6],
    ]);
    const res2 = computeSurveyResult(small, big.accumulator, big.diagnostics);
    expect(res2.units.find((u) => u.unit === "u1")!.ratings!.total).toBe(8_999_999_999_999_991);
  });
  it("reports missing and unknown ratings columns", () => {
    const bad = readRatings("unit,levle,count\nu1,4,1\n", small, { filename: "k.csv" });
    expect(bad.diagnostics).toContainEqual(expect.objectContaining({ code: "survey-unknown-column", line: 1, column: 6 }));
    expect(bad.diagnostics).toContainEqual(expect.objectContaining({ code: "survey-missing-column", line: 1, column: 1 }));
    expect(readRatings("", small).diagnostics[0]!.code).toBe("survey-csv-empty");
    expect(readRatings('unit,level,count\n"u1,4,1\n', small).diagnostics[0]!.code).toBe("survey-csv-quote");
    expect(readRatings("unit,level,count\n,4,1\n", small).diagnostics[0]).toMatchObject({ code: "survey-missing-unit", line: 2, column: 1 });
  });
});

describe("bridge and reports", () => {
  const result = run();
  it("gives sipas.* percent inputs per unit, rounded to the survey's decimals", () => {
    const ev = surveyEvidence(result);
    const u1 = ev.get("u1")!;
    expect([...u1.keys()]).toEqual(["sipas.overall", "sipas.policy", "sipas.services", "sipas.accountability", "sipas.procedures", "sipas.civil_servants"]);
    expect(String(u1.get("sipas.overall")!.value)).toBe("70.63");
    expect(u1.get("sipas.overall")!.where).toMatchObject({ unit: "u1", input: "sipas.overall" });
    expect(surveyInputs(result).filter((i) => i.unit === "u2")).toHaveLength(6);
  });
  it("renders a table with Vietnamese titles, CSV and Markdown", () => {
    const table = surveyToTable(result);
    expect(table).toContain("Cung ứng dịch vụ hành chính công");
    expect(table.split("\n").find((l) => l.startsWith("u1"))).toMatch(/70,63/);
    expect(surveyToTable(result, { lang: "en" }).split("\n").find((l) => l.startsWith("u1"))).toMatch(/70\.63/);
    const csv = surveyToCsv(result).trim().split("\n");
    expect(csv[0]).toBe("unit,respondents,overall,policy,services,accountability,procedures,civil_servants");
    expect(csv[1]).toBe("u1,5,70.63,67.50,73.75,67.50,60.00,87.50");
    expect(csv.at(-1)!.startsWith("all,9,")).toBe(true);
    const md = surveyToMarkdown(result);
    expect(md).toContain("| u1 | 5 | 70,63 |");
    expect(surveyToMarkdown(result, { lang: "en" })).toContain("| u1 | 5 | 70.63 |");
    expect(md).toContain("survey-invalid-answer");
  });
});
