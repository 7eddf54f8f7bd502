import { describe, expect, it } from "vitest";
import { computeSurveyResult, readRatings, readResponses, surveyToCsv, surveyToMarkdown, surveyToTable } from "../../src/survey/index.js";
import { cli } from "../cli/helpers.js";
import { compiled, fixture } from "./helpers.js";

const small = compiled(fixture("small-survey.yaml"), "small-survey.yaml");

function run() {
  const r = readResponses(fixture("small-responses.csv"), small, { filename: "small-responses.csv" });
  readRatings(fixture("ratings.csv").split("\n").slice(0, 6).join("\n"), small, { filename: "ratings.csv", into: r.accumulator });
  return computeSurveyResult(small, r.accumulator, r.diagnostics);
}

const result = run();
const json = JSON.parse(JSON.stringify(result)) as {
  units: { unit: string; respondents: number; overall: number; groups: Record<string, number> }[];
  all: { overall: number; items: Record<string, { index: number; valid: number; no_answer: number; low: number; high: number }> };
};
const comma = (n: number, d = 2) => n.toFixed(d).replace(".", ",");
const row = (text: string, start: string) => text.split("\n").find((l) => l.startsWith(start)) ?? "";

/** English headings and labels that must not be left in a Vietnamese survey output. */
const ENGLISH = /\b(Unit|Respondents|Overall|All units|Survey|Indices|Question|Valid answers|No answer|confidence|Diagnostics|ratings|satisfied)\b/;

describe("survey outputs in two languages and two number locales", () => {
  it("a Vietnamese terminal table by default: headings, the total row and the decimal comma", () => {
    const t = surveyToTable(result);
    expect(t).toMatch(/^Đơn vị\s+Số phiếu\s+Chỉ số hài lòng chung\s+policy\s+services/m);
    const u1 = json.units.find((u) => u.unit === "u1")!;
    expect(row(t, "u1").split(/\s{2,}/).slice(1, 4)).toEqual([String(u1.respondents), comma(u1.overall), comma(u1.groups.policy!)]);
    expect(row(t, "Tất cả đơn vị")).toContain(comma(json.all.overall));
    expect(t).toContain("Các cột: chỉ số hài lòng (%) theo nhóm và yếu tố");
    expect(t).toContain("Đánh giá tại quầy, trên thiết bị và Cổng dịch vụ công");
    expect(t).toMatch(/ {2}u1: \d+\/\d+ lượt đánh giá hài lòng = \d+,\d\d%/);
    expect(t).not.toMatch(ENGLISH);
    expect(t).not.toMatch(/\d\.\d\d\b/);
  });

  it("English with lang en, numbers with a point unless the locale says otherwise", () => {
    const t = surveyToTable(result, { lang: "en" });
    expect(t).toMatch(/^Unit\s+Respondents\s+Overall index/m);
    expect(row(t, "All units")).toContain(json.all.overall.toFixed(2));
    expect(t).toMatch(/u1: \d+ of \d+ ratings satisfied = \d+\.\d\d%/);
    expect(t).not.toMatch(/Đơn vị|Số phiếu|Tất cả/);
    const mixed = surveyToTable(result, { lang: "en", locale: "vi" });
    expect(row(mixed, "All units")).toContain(comma(json.all.overall));
    expect(row(surveyToTable(result, { locale: "en" }), "Tất cả đơn vị")).toContain(json.all.overall.toFixed(2));
  });

  it("Markdown: worded headings with the titles, each question with its valid answers, no-answers and 95% interval", () => {
    const md = surveyToMarkdown(result);
    expect(md).toContain("| Đơn vị | Số phiếu | Chỉ số hài lòng chung | Thực hiện chính sách |");
    expect(md).toContain(`| **Tất cả đơn vị** | 9 | ${comma(json.all.overall)} |`);
    expect(md).toContain("## Chỉ số hài lòng từng câu hỏi (tất cả đơn vị)");
    expect(md).toContain("| Câu hỏi | Nội dung câu hỏi | Chỉ số (%) | Số phiếu hợp lệ | Không trả lời | Khoảng tin cậy 95% (%) |");
    const c2 = json.all.items.c2!;
    expect(md).toContain(`| c2 | c2 | ${comma(c2.index)} | ${c2.valid} | ${c2.no_answer} | ${comma(c2.low)} – ${comma(c2.high)} |`);
    expect(md).toContain("## Vấn đề trong số liệu");
    expect(md).toMatch(/survey-invalid-answer: câu trả lời/);
    expect(md.replace(/small-responses\.csv|small-survey\.yaml|ratings\.csv/g, "")).not.toMatch(ENGLISH);
    const en = surveyToMarkdown(result, { lang: "en" });
    expect(en).toContain("| Unit | Respondents | Overall index |");
    expect(en).toContain(`| c2 | c2 | ${c2.index.toFixed(2)} | ${c2.valid} | ${c2.no_answer} | ${c2.low.toFixed(2)} – ${c2.high.toFixed(2)} |`);
    expect(en).toContain("## Problems in the data");
    expect(en).toMatch(/survey-invalid-answer: the answer/);
  });

  it("CSV keeps its keys; locale vi writes ; , and a byte order mark, as Excel in a Vietnamese locale reads it", () => {
    const en = surveyToCsv(result);
    expect(en.startsWith("unit,respondents,overall,")).toBe(true);
    const vi = surveyToCsv(result, { locale: "vi" });
    expect(vi.startsWith("\uFEFFunit;respondents;overall;policy;")).toBe(true);
    const u1 = json.units.find((u) => u.unit === "u1")!;
    expect(vi.split("\n")[1]).toBe(en.split("\n")[1]!.split(",").map((c) => c.replace(".", ",")).join(";"));
    expect(vi.split("\n")[1]!.split(";")[2]).toBe(comma(u1.overall));
    expect(vi.trimEnd().split("\n").at(-1)!.startsWith("all;")).toBe(true);
  });
});

describe("par-index sipas: --lang and --locale", () => {
  const base = ["sipas", "--survey", "frameworks/sipas-2023.yaml", "--responses", "fixtures/sipas/hanoi-wards-2023-synthetic.csv"];
  it("table in Vietnamese by default, English with --lang en, the JSON's numbers in both", async () => {
    const data = JSON.parse((await cli(...base)).stdout);
    const vi = await cli(...base, "--format", "table");
    expect(vi.code).toBe(0);
    expect(row(vi.stdout, "Tất cả đơn vị")).toContain(comma(data.all.overall));
    expect(vi.stdout).toContain("Chỉ số hài lòng chung");
    const en = await cli(...base, "--format", "table", "--lang", "en");
    expect(row(en.stdout, "All units")).toContain(data.all.overall.toFixed(2));
  });

  it("--locale vi on csv and md; a bad --locale is a usage error", async () => {
    const csv = await cli(...base, "--format", "csv", "--locale", "vi");
    expect(csv.stdout.startsWith("\uFEFFunit;respondents;overall;")).toBe(true);
    expect(csv.stdout).toMatch(/\n[a-z-]+;40;\d+,\d\d;/);
    const md = await cli(...base, "--format", "md", "--locale", "en");
    expect(md.stdout).toMatch(/\| \*\*Tất cả đơn vị\*\* \| 160 \| \d+\.\d\d \|/);
    expect((await cli(...base, "--format", "csv", "--locale", "fr")).code).toBe(2);
  });
});
