import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createResponsesReader, readResponses } from "../../src/survey/index.js";
import { accumulatorSnapshot } from "../../src/survey/accumulator.js";
import { compiled, fixture } from "./helpers.js";

const small = compiled(fixture("small-survey.yaml"));
const weighted = compiled(fixture("small-weighted.yaml"));
const read = (text: string, survey = small) => readResponses(text, survey, { filename: "r.csv" });
const codes = (text: string, survey = small) => read(text, survey).diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }));
const H = "respondent,unit,a1,a2,b1,c1,c2\n";

describe("responses reader diagnostics", () => {
  it("an empty file", () => {
    expect(codes("")).toEqual([{ code: "survey-csv-empty", line: 1, column: 1 }]);
  });
  it("missing unit and respondent columns", () => {
    const r = read("a1,a2,b1,c1,c2\n4,4,4,4,4\n");
    expect(r.diagnostics.filter((d) => d.code === "survey-missing-column").map((d) => d.params.column)).toEqual(["respondent", "unit"]);
    expect(r.stats.rowsRejected).toBe(1);
  });
  it("unknown, duplicate and absent item columns", () => {
    const d = codes("respondent,unit,a1,a2,b1,c1,c3,a1\n");
    expect(d).toContainEqual({ code: "survey-unknown-column", line: 1, column: 29 });
    expect(d).toContainEqual({ code: "survey-duplicate-column", line: 1, column: 32 });
    expect(d).toContainEqual({ code: "survey-item-not-in-responses", line: 1, column: 1 });
    expect(read("respondent,unit,a1,a2,b1,c1,c3\n").diagnostics.find((x) => x.code === "survey-unknown-column")!.message).toContain('Did you mean "c1"?');
  });
  it("an invalid answer names line, column, item; the rest of the row is kept", () => {
    const r = read(H + 'r1,u1,4,"6",5,4,4\n');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: "survey-invalid-answer", line: 2, column: 9, params: expect.objectContaining({ item: "a2", value: "6" }) })]);
    const u = r.accumulator.units.get("u1")!;
    expect([u.invalid[1], u.byLevel[0 * 5 + 3], u.byLevel[2 * 5 + 4]]).toEqual([1, 1, 1]);
  });
  it("a blank unit and a wrong row width", () => {
    expect(codes(H + "r1,,4,4,4,4,4\nr2,u1,4,4\nr3,u1,4,4,4,4,4,9\n")).toEqual([
      { code: "survey-missing-unit", line: 2, column: 1 },
      { code: "survey-row-width", line: 3, column: 1 },
      { code: "survey-row-width", line: 4, column: 1 },
    ]);
    const r = read(H + "r2,u1,4,4\n");
    expect(r.accumulator.units.get("u1")!.noAnswer[4]).toBe(1); // missing cells count as no answer
  });
  it("quoting problems", () => {
    expect(codes(H + 'r1,u1,"4"x,4,4,4,4\n')).toContainEqual({ code: "survey-csv-quote", line: 2, column: 10 });
    expect(codes(H + 'r1,u1,"4,4,4,4,4\n')).toContainEqual({ code: "survey-csv-quote", line: 2, column: 7 });
  });
  it("bad weights and a missing weight column", () => {
    const hw = "respondent,unit,weight,a1\n";
    expect(codes(hw + "r1,u1,0,4\nr2,u1,-1,4\nr3,u1,1.5.2,4\nr4,u1,,4\n", weighted).filter((d) => d.code === "survey-bad-weight")).toEqual([
      { code: "survey-bad-weight", line: 2, column: 7 },
      { code: "survey-bad-weight", line: 3, column: 7 },
      { code: "survey-bad-weight", line: 4, column: 7 },
      { code: "survey-bad-weight", line: 5, column: 7 },
    ]);
    const r = read("respondent,unit,wieght,a1\nr1,u1,2,4\n", weighted);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: "survey-weight-column-missing", line: 1, column: 3 }));
    expect(r.accumulator.units.get("u1")!.weighted!.totals(0).w).toBe(1n); // weight 1
  });
  it("caps the listed diagnostics and counts the rest", () => {
    const rows = Array.from({ length: 30 }, (_, i) => `r${i},u1,9,4,4,4,4`).join("\n");
    const r = readResponses(H + rows, small, { maxDiagnostics: 10 });
    expect(r.diagnostics).toHaveLength(11);
    expect(r.diagnostics[10]).toMatchObject({ code: "survey-too-many-diagnostics", params: { limit: 10, omitted: 20 } });
    expect(r.stats.invalidAnswers).toBe(30);
  });
  it("quoted cells with line breaks keep line numbers right", () => {
    const r = read(H + '"r\n1",u1,4,4,4,4,4\nr2,u1,x,4,4,4,4\n');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: "survey-invalid-answer", line: 4, column: 7 })]);
  });
  it("skips blank lines and accepts a last row without newline", () => {
    const r = read(H + "\nr1,u1,4,4,4,4,4\n\nr2,u1,1,1,1,1,1");
    expect(r.diagnostics).toEqual([]);
    expect(r.stats.rowsUsed).toBe(2);
  });
});

describe("streaming", () => {
  it("gives the same result however the text is split into chunks", () => {
    const text = "\uFEFF" + fixture("small-responses.csv").replace(/\n/g, "\r\n") + 'r10,"u 3","5",,"Bình thường",4,"4"\r\n';
    const whole = read(text);
    const snap = accumulatorSnapshot(whole.accumulator, small.scale.satisfied);
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const reader = createResponsesReader(small, { filename: "r.csv" });
        let prev = 0;
        for (const p of [...points, text.length]) {
          reader.push(text.slice(prev, p));
          prev = p;
        }
        const r = reader.end();
        expect(accumulatorSnapshot(r.accumulator, small.scale.satisfied)).toEqual(snap);
        expect(r.diagnostics).toEqual(whole.diagnostics);
      }),
      { numRuns: 200 },
    );
  });
});
