import { describe, expect, it } from "vitest";
import { takeLang } from "../../src/cli/run.js";
import { cli } from "./helpers.js";

const D = "fixtures/hanoi/districts";
const SCORE = [
  "score",
  "--framework", "frameworks/hanoi-district-2023.yaml",
  "--units", `${D}/units.csv`,
  "--evidence", `${D}/evidence.csv`,
  "--evidence", `${D}/sipas.csv`,
  "--points", `${D}/points.csv`,
  "--locale", "vi",
];

describe("--lang", () => {
  it("is taken out of the arguments wherever it is, in either spelling; the last one wins", () => {
    expect(takeLang(["score", "--lang", "en", "--format", "json"])).toEqual({ lang: "en", rest: ["score", "--format", "json"] });
    expect(takeLang(["--lang=vi", "demo"])).toEqual({ lang: "vi", rest: ["demo"] });
    expect(takeLang(["demo", "--lang", "vi", "--lang=en"])).toEqual({ lang: "en", rest: ["demo"] });
    expect(takeLang(["validate", "--", "--lang"])).toEqual({ lang: undefined, rest: ["validate", "--", "--lang"] });
    expect(takeLang(["score"])).toEqual({ lang: undefined, rest: ["score"] });
  });

  it("refuses another language or a missing value with exit 2", async () => {
    const fr = await cli("score", "--lang", "fr");
    expect(fr.code).toBe(2);
    expect(fr.stderr).toBe('par-index: giá trị "fr" của --lang không hợp lệ: chọn một trong vi, en.\nXem `par-index --help`.\n');
    const none = await cli("validate", "x.yaml", "--lang");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("thiếu tùy chọn --lang: ghi --lang vi.");
    // The language of the message is the one asked for before the bad value, else Vietnamese.
    expect((await cli("--lang", "en", "score", "--lang", "fr")).stderr).toBe('par-index: --lang must be one of vi, en, not "fr".\nRun "par-index --help" for the commands.\n');
  });

  it("words JSON diagnostics in Vietnamese by default and in English with --lang en; codes, params and keys unchanged", async () => {
    const vi = JSON.parse((await cli(...SCORE, "--format", "json")).stdout);
    const en = JSON.parse((await cli(...SCORE, "--format", "json", "--lang", "en")).stdout);
    expect(vi.diagnostics.length).toBeGreaterThan(0);
    expect(vi.diagnostics.map((d: { code: string }) => d.code)).toEqual(en.diagnostics.map((d: { code: string }) => d.code));
    const missing = vi.diagnostics.find((d: { code: string }) => d.code === "missing-input");
    const missingEn = en.diagnostics.find((d: { code: string }) => d.code === "missing-input");
    expect(missing.message).toMatch(/^đơn vị "my-duc" chưa có giá trị của số liệu "dossiers_on_time"/);
    expect(missingEn.message).toMatch(/^unit "my-duc" has no value for input "dossiers_on_time"/);
    expect({ ...missing, message: "" }).toEqual({ ...missingEn, message: "" });
    // Only the wording differs: the units, points and ranks are the same.
    expect(vi.units).toEqual(en.units);
  });

  it("words the diagnostics printed on stderr", async () => {
    const vi = await cli(...SCORE, "--format", "csv");
    const en = await cli(...SCORE, "--format", "csv", "--lang", "en");
    expect(vi.stderr).toContain('error missing-input: đơn vị "my-duc" chưa có giá trị');
    expect(en.stderr).toContain('error missing-input: unit "my-duc" has no value');
  });
});
