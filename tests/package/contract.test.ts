/**
 * The API's contract (README, "Errors and exceptions"): bad data comes back as diagnostics and never
 * throws; a wrong argument type throws a TypeError at the entry point naming the function and the
 * argument. Also: JSON.stringify(unit) is the specification's unit JSON, console.log(unit) shows
 * its scores, and the bundled frameworks are reachable by id.
 */
import fc from "fast-check";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  createEvidenceReader,
  evidenceSchemaOf,
  explainText,
  mergeEvidence,
  parseFramework,
  parseSurvey,
  rank,
  readEvidenceCsv,
  readEvidenceJson,
  readJsonText,
  readUnitsJson,
  score,
  toCsv,
  toMarkdown,
  toTable,
  toTidyRows,
} from "../../src/index.js";
import { listFrameworks, loadBundledFramework, loadEvidence, loadFrameworkFile, readEvidenceFile } from "../../src/node/index.js";

const fw = (() => {
  const r = loadBundledFramework("hanoi-ward-2024");
  if (!r.ok) throw new Error("bundled framework invalid");
  return r.framework;
})();
const schema = evidenceSchemaOf(fw);
const units = readUnitsJson({ units: [{ code: "phuc-dien", name: "Phúc Diễn" }, { code: "xuan-dinh", name: "Xuân Đỉnh" }] });
const data = readEvidenceJson({ units: { "phuc-dien": { points: { "1.1.1": { self: 1, appraised: 0.5 } } } } }, schema);
const result = score(fw, mergeEvidence([units, data]));

const wrong: unknown[] = [undefined, null, 42, "text", true, [], {}, { ok: true, diagnostics: [] }, new Map()];

/** Calls `f(value)`; when it throws, the error must be a TypeError naming `fn` and `arg`. */
function throwsOnlyNamedTypeError(fn: string, arg: string, f: (v: never) => unknown, value: unknown): void {
  try {
    f(value as never);
  } catch (e) {
    expect(e, `${fn} with ${inspect(value)}`).toBeInstanceOf(TypeError);
    expect((e as Error).message).toContain(`${fn}(`);
    expect((e as Error).message).toContain(`: ${arg} must be`);
  }
}

describe("wrong argument types: a TypeError naming the function and the argument", () => {
  const cases: [string, string, (v: never) => unknown][] = [
    ["parseFramework", "text", (v) => parseFramework(v)],
    ["parseFramework", "options", (v) => parseFramework("x: 1", v)],
    ["parseSurvey", "text", (v) => parseSurvey(v)],
    ["evidenceSchemaOf", "framework", (v) => evidenceSchemaOf(v)],
    ["score", "framework", (v) => score(v, mergeEvidence([]))],
    ["score", "evidence", (v) => score(fw, v)],
    ["readEvidenceCsv", "text", (v) => readEvidenceCsv(v, schema)],
    ["readEvidenceCsv", "schema", (v) => readEvidenceCsv("unit,input,value\n", v)],
    ["createEvidenceReader", "schema", (v) => createEvidenceReader(v)],
    ["readEvidenceJson", "schema", (v) => readEvidenceJson({}, v)],
    ["readJsonText", "text", (v) => readJsonText(v, schema)],
    ["mergeEvidence", "parts", (v) => mergeEvidence(v)],
    ["mergeEvidence", "registry", (v) => mergeEvidence([], v)],
    ["rank", "units", (v) => rank(v, fw.ranking, fw.rounding, fw)],
    ["toTable", "result", (v) => toTable(v)],
    ["toCsv", "result", (v) => toCsv(v)],
    ["toMarkdown", "result", (v) => toMarkdown(v)],
    ["toTidyRows", "result", (v) => toTidyRows(v)],
    ["explainText", "unit", (v) => explainText(v, fw)],
    ["loadFrameworkFile", "path", (v) => loadFrameworkFile(v)],
  ];
  for (const [fn, arg, f] of cases) {
    it(`${fn}(…${arg}…)`, () => {
      for (const value of wrong) throwsOnlyNamedTypeError(fn, arg, f, value);
      expect(() => f(42 as never)).toThrow(TypeError);
    });
  }

  it("score(framework, {}) says what to pass; a parse result instead of its .framework is named as such", () => {
    expect(() => score(fw, {} as never)).toThrow(/^score\(framework, evidence, options\): evidence must be an evidence set from mergeEvidence/);
    expect(() => score(parseFramework("x: 1") as never, mergeEvidence([]))).toThrow(/pass parseFramework\(…\)\.framework/);
  });

  it("node loaders reject wrong argument types before touching the disk", async () => {
    await expect(readEvidenceFile(42 as never, schema)).rejects.toThrow(/^readEvidenceFile\(path, schema, options\): path must be a string/);
    await expect(loadEvidence(undefined as never, schema)).rejects.toThrow(TypeError);
    await expect(loadEvidence({ evidence: [] }, {} as never)).rejects.toThrow(/schema must be an evidence schema/);
  });
});

describe("bad data: diagnostics, never an exception", () => {
  it("any JSON value as evidence or registry, any text as framework or CSV", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (json, text) => {
        const parts = [readEvidenceJson(json, schema), readUnitsJson(json), readEvidenceCsv(text, schema), readJsonText(text, schema)];
        const r = score(fw, mergeEvidence(parts));
        expect(Array.isArray(r.diagnostics)).toBe(true);
        expect(parseFramework(text).ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it("score accepts a part or an array of parts as well as a merged set, with the same result", () => {
    const merged = JSON.stringify(score(fw, mergeEvidence([units, data])));
    expect(JSON.stringify(score(fw, [units, data]))).toBe(merged);
    expect(JSON.stringify(score(fw, mergeEvidence([data], units)))).toBe(merged);
    expect(score(fw, data).units.map((u) => u.unit)).toEqual(["phuc-dien"]);
  });
});

describe("a unit as users see it", () => {
  it("JSON.stringify(unit) is the specification's unit JSON", () => {
    const json = result.toJSON();
    result.units.forEach((u, i) => expect(JSON.parse(JSON.stringify(u))).toEqual(json.units[i]));
    expect(Object.keys(JSON.parse(JSON.stringify(result.units[0])))).toEqual(["unit", "name", "rank", "points", "max", "index", "grade", "complete", "parts", "adjustments", "criteria"]);
  });

  it("console.log(unit) shows its scores in a few lines, not the store behind them", () => {
    const unit = result.units.find((u) => u.unit === "phuc-dien")!;
    const text = inspect(unit);
    expect(text).toContain("unit: 'phuc-dien'");
    expect(text).toContain("name: 'Phúc Diễn'");
    expect(text).toMatch(/points: 0\.5\b/);
    expect(text).toContain("complete: false");
    expect(text).not.toMatch(/store|ScoreStore|Float64Array|Int32Array/);
    expect(text.split("\n").length).toBeLessThan(20);
  });
});

describe("bundled frameworks (par-index/node)", () => {
  it("lists every framework and survey definition shipped, and loads each framework by id", () => {
    const list = listFrameworks();
    expect(list.map((f) => f.id)).toContain("hanoi-district-2023");
    expect(list.find((f) => f.id === "sipas-2023")?.format).toBe("par-index/survey-v1");
    for (const f of list.filter((x) => x.format === "par-index/v1")) {
      expect(f.title.length, f.id).toBeGreaterThan(10);
      const loaded = loadBundledFramework(f.id);
      expect(loaded.ok, f.id).toBe(true);
    }
  });

  it("an unknown id is a framework-not-bundled diagnostic with a suggestion and the ids there are", () => {
    const r = loadBundledFramework("hanoi-ward-2042");
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: "framework-not-bundled", severity: "error" });
    expect(r.diagnostics[0]!.message).toContain('Did you mean "hanoi-ward-2024"?');
    expect(r.diagnostics[0]!.message).toContain("hanoi-district-2023");
  });
});
