/**
 * Every unit named anywhere appears in the results or in a diagnostic: a unit whose
 * row gives no value used to vanish without a word.
 */
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import { readJsonText } from "../../src/evidence/json.js";
import { mergeEvidence } from "../../src/evidence/merge.js";
import { readEvidenceCsv } from "../../src/evidence/reader.js";
import { evidenceSchemaOf } from "../../src/evidence/schema.js";
import { framework } from "../engine/helpers.js";

const fw = framework(`
inputs:
  dossiers_received: { type: integer, min: 0 }
  dossiers_on_time: { type: integer, min: 0 }
criteria:
  - id: "1"
    title: "Tỷ lệ hồ sơ đúng hạn"
    max: 2
    rule: { ratio: { value: "dossiers_on_time / dossiers_received", lower: 0.5, upper: 1 } }
`);
const schema = evidenceSchemaOf(fw);

function scored(parts: Parameters<typeof mergeEvidence>[0]) {
  const set = mergeEvidence(parts);
  return { set, result: score(fw, set) };
}

describe("a unit named without values", () => {
  it("wide form: a row `u2,,` gives unit u2, scored incomplete with missing-input diagnostics", () => {
    const part = readEvidenceCsv("unit,dossiers_received,dossiers_on_time\nu1,10,9\nu2,,\n", schema, { file: "w.csv" });
    expect([...part.byUnit.keys()]).toEqual(["u1", "u2"]);
    const { set, result } = scored([part]);
    expect(set.units.map((u) => u.code)).toEqual(["u1", "u2"]);
    const u2 = result.units.find((u) => u.unit === "u2");
    expect(u2?.complete).toBe(false);
    expect(result.diagnostics.filter((d) => d.unit === "u2").map((d) => d.code)).toContain("missing-input");
  });

  it("a file holding only `unit` and `u9`", () => {
    const { set, result } = scored([readEvidenceCsv("unit\nu9\n", schema, { file: "only.csv" })]);
    expect(set.units.map((u) => u.code)).toEqual(["u9"]);
    expect(result.units.map((u) => [u.unit, u.complete])).toEqual([["u9", false]]);
  });

  it("long form: a unit whose only row is rejected still appears, next to the error", () => {
    const part = readEvidenceCsv("unit,input,value\nu3,dossiers_received,abc\n", schema, { file: "l.csv" });
    expect(part.diagnostics.map((d) => [d.code, d.unit])).toEqual([["evidence-wrong-type", "u3"]]);
    expect([...part.byUnit.keys()]).toEqual(["u3"]);
  });

  it("JSON: a unit with an empty body", () => {
    const part = readJsonText(`{"units": {"u4": {}, "u5": {"inputs": {}}}}`, schema, { file: "e.json" });
    const { result } = scored([part]);
    expect(result.units.map((u) => u.unit).sort()).toEqual(["u4", "u5"]);
  });
});

describe("decomposed Unicode (NFD) in evidence reads as NFC", () => {
  it("unit codes, registry names and enum values typed decomposed match their precomposed forms", () => {
    const nfdCode = "phuc-die\u0302\u0303n";
    const nfcCode = "phuc-diễn";
    const registry = readEvidenceCsv(`code,name\n${nfcCode},Phu\u0301c Die\u0302\u0303n\n`, schema, { file: "units.csv" });
    expect(registry.registry?.[0]?.name).toBe("Phúc Diễn");
    const part = readEvidenceCsv(`unit,dossiers_received,dossiers_on_time\n${nfdCode},10,9\n`, schema, {
      file: "w.csv",
      registry: registry.registry!,
    });
    expect(part.diagnostics).toEqual([]);
    expect([...part.byUnit.keys()]).toEqual([nfcCode]);
    const json = readJsonText(`{"units": {"${nfdCode}": {"inputs": {"dossiers_received": 1}}}}`, schema, { registry: registry.registry! });
    expect(json.diagnostics).toEqual([]);
    expect([...json.byUnit.keys()]).toEqual([nfcCode]);
  });

  it("text values are stored as NFC", async () => {
    const { input, schemaOf } = await import("./helpers.js");
    const s = schemaOf([input("remark", "text", {}, 0), input("status", "enum", { values: ["không đạt", "đạt"] }, 1)]);
    const part = readEvidenceCsv("unit,remark,status\nu1,kho\u0302ng,kho\u0302ng đa\u0323t\n", s);
    expect(part.diagnostics).toEqual([]);
    const inputs = part.byUnit.get("u1")!.inputs;
    expect(inputs.get("remark")?.value).toBe("không");
    expect(inputs.get("status")?.value).toBe("không đạt");
  });
});
