/**
 * Every message, worded for the params that real failing inputs produce, is in one
 * language: a Vietnamese message holds no English phrase (the parser's "expected …",
 * "Use …" fixes, type names) and an English one no Vietnamese wording.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPublished } from "../../src/analysis/index.js";
import { messageOf, type Diagnostic } from "../../src/diagnostics/index.js";
import { readJsonText } from "../../src/evidence/json.js";
import { readEvidenceCsv } from "../../src/evidence/reader.js";
import { checkExpression, parseExpression } from "../../src/expr/index.js";
import { parseFramework } from "../../src/framework/index.js";
import { computeSurveyResult, readResponses } from "../../src/survey/index.js";
import { WARD_SCHEMA, fixtureBytes } from "../evidence/helpers.js";
import { SCOPE } from "../expr/helpers.js";
import { compiled, fixture } from "../survey/helpers.js";

/** Expressions that fail, one for every problem, expectation and fix the parser and checker word. */
const EXPRESSIONS = [
  "", "a = b", "a && b", "a & b", "a || b", "a | b", "!a", "a % 2", "a ^ 2", "1.", ".5", "x + \u0007", "x + điểm",
  `"a\\q"`, `"a\\`, `x == "on_time`, "a b", "a )", "a (b)", "a == not b", "a and", "and b", "(a + b", "a +", "* 2",
  "a + ,", "2 (b)", "Dossiers + 1", "min(a b)", "a < b < c",
  "min(n)", "2 * abs(n, 1)", "coalesce(m)", "round(n)", `date("2024-02-30")`, "round(n, 2.5)", "clamp(n, 1, 0)",
  "nope + 1", "mystery(2)", "rond(n, 1)",
  "d1 < 5", "d1 == 5", `n == "3"`, `s < "z"`, "n + s", "t * 2", "d2 - d1", "-s", "-d1", "not n", "n and t",
  "if(n, 1, 2)", `if(t, 1, "a")`, "min(n, d1)", "min(n, s)", `max(s, "a")`, "coalesce(n, s)", "abs(t)", "abs(d1)",
  "days(d1, 5)",
];

const FRAMEWORK = `format: par-index/v1
id: mixed
year: 2024
source: "test"
inputs:
  rate: { type: ratio }
  due: { type: date }
  count: { type: integer, min: 0 }
derived:
  late: "due > 5"
  share: "rate * 100 +"
criteria:
  - id: "1"
    title: "Tỷ lệ"
    max: 2
    applies_if: "count"
    rule:
      bands:
        value: rate
        bands:
          - { at_least: 0.9, points: 3 }
  - id: "2"
    max: 1
    rule: { expr: "if(rate > 0.5, 1, \\"x\\")" }
    titel: "typo"
`;

function collect(): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of EXPRESSIONS) {
    const parsed = parseExpression(source);
    out.push(...parsed.diagnostics);
    if (parsed.expr) out.push(...checkExpression(parsed.expr, SCOPE).diagnostics);
  }
  out.push(...parseFramework(FRAMEWORK, { filename: "mixed.yaml" }).diagnostics);
  out.push(...parseFramework(readFileSync(new URL("../../fixtures/framework/broken/three-faults.yaml", import.meta.url), "utf8"), { filename: "three-faults.yaml" }).diagnostics);
  const registry = readEvidenceCsv(fixtureBytes("units.csv"), WARD_SCHEMA, { file: "units.csv" }).registry ?? [];
  for (const name of readdirSync(new URL("../../fixtures/evidence/broken/", import.meta.url))) {
    const file = `broken/${name}`;
    if (name.endsWith(".json")) out.push(...readJsonText(new TextDecoder().decode(fixtureBytes(file)), WARD_SCHEMA, { file }).diagnostics);
    else for (const locale of ["en", "vi"] as const) out.push(...readEvidenceCsv(fixtureBytes(file), WARD_SCHEMA, { file, locale, registry }).diagnostics);
  }
  const survey = compiled(fixture("small-survey.yaml"), "small-survey.yaml");
  const read = readResponses(fixture("small-responses.csv"), survey, { filename: "small-responses.csv" });
  out.push(...computeSurveyResult(survey, read.accumulator, read.diagnostics).diagnostics);
  out.push(...readPublished({ framework: { id: "x" }, units: [{ unit: 3 }] }, "r.json").diagnostics);
  return out;
}

/** Quoted input text, file paths and code-like words are not wording; what is left must be one language. */
function wording(message: string): string {
  return message
    .replace(/"[^"]*"|'[^']*'|«[^»]*»/g, " ")
    .replace(/\S+\.(csv|json|yaml|xlsx)\b/g, " ")
    .replace(/\b[a-z]+(_[a-z]+)+\b/g, " ")
    // function signatures and calls (min(a, b, ...), date(...)), letter ranges (a-z)
    .replace(/\b[a-z_]+\([^()]*\)/g, " ")
    .replace(/\ba-z\b/g, " ");
}

/** A whole-word pattern where letters are Unicode letters (`\b` would split "toán" after "to"). */
const words = (list: string) => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${list})(?![\\p{L}\\p{N}_])`, "u");
/** English phrases that a Vietnamese message must not hold. */
const ENGLISH = words(
  "the|is|are|was|an|of|to|for|with|from|which|that|must|needs|takes|expected|unexpected|cannot|found|least|between|such as|does|Use|Write|Put|Check|Remove|Close|Separate|Pass|Compare|Make|Apply|Count|Names|Did you mean|e\\.g\\.|number|string|value|character|lone|backslash|escape|operator|parenthesis|arguments?|condition|branches|kinds?|decimal|whole|negates|orders|joins|unknown|missing|invalid|quoted|cell|followed|text|object|key|real|calendar|date|exist|band",
);
/** Vietnamese words that an English message must not hold (input text aside). */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]|(?<![\p{L}])(không|của|một|phải|được|là|và|hoặc|Dùng|Viết|Sửa|cần|tại)(?![\p{L}])/iu;

describe("one language per message, for the params of real failing inputs", () => {
  const diagnostics = collect();

  it("the failing inputs produce the expression problems, expectations and fixes this checks", () => {
    const codes = new Set(diagnostics.map((d) => d.code));
    for (const code of ["expr-empty", "expr-syntax", "expr-unterminated-string", "expr-chained-comparison", "expr-unknown-name", "expr-unknown-function", "expr-arity", "expr-type", "expr-bad-date", "expr-bad-argument"]) {
      expect(codes, code).toContain(code);
    }
    const values = (code: string, key: string) => new Set(diagnostics.filter((d) => d.code === code).map((d) => d.params[key]));
    expect(values("expr-syntax", "expected").size).toBe(8);
    expect(values("expr-syntax", "fix").size).toBe(20);
    expect(values("expr-type", "problem").size).toBe(14);
    expect(values("expr-syntax", "found_kind")).toEqual(new Set(["text", "end", "control", "backslash"]));
    expect(diagnostics.length).toBeGreaterThan(100);
  });

  it("a Vietnamese message holds no English phrase", () => {
    const bad = diagnostics
      .map((d) => ({ code: d.code, vi: messageOf(d.code, d.params, "vi") ?? "" }))
      .filter((m) => ENGLISH.test(wording(m.vi)))
      .map((m) => `${m.code}: ${m.vi} [${wording(m.vi).match(ENGLISH)?.[0]}]`);
    expect(bad).toEqual([]);
  });

  it("an English message holds no Vietnamese wording (text quoted from the inputs aside)", () => {
    const bad = diagnostics
      .map((d) => {
        let en = messageOf(d.code, d.params, "en") ?? "";
        for (const v of Object.values(d.params)) if (typeof v === "string" && v.length > 0) en = en.split(v).join(" ");
        return { code: d.code, en };
      })
      .filter((m) => VIETNAMESE.test(wording(m.en)))
      .map((m) => `${m.code}: ${m.en}`);
    expect(bad).toEqual([]);
  });
});
