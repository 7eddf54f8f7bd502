/**
 * Text compared as Unicode NFC everywhere (framework-format.md, Evidence): Vietnamese
 * typed in decomposed form (NFD, as some keyboards and macOS produce it) is the same
 * text as its composed form, in frameworks and in evidence.
 */
import { describe, expect, it } from "vitest";
import { framework, nodeOf, unitOf } from "./helpers.js";
import { score } from "../../src/engine/index.js";
import { evidenceSchemaOf, mergeEvidence, readEvidenceCsv } from "../../src/evidence/index.js";
import { parseFramework } from "../../src/framework/index.js";

const NFD = (s: string) => s.normalize("NFD");

const fw = framework(`
inputs:
  answer: { type: text }
  status: { type: enum, values: [đạt, "không đạt"] }
criteria:
  - { id: "1", max: 1, rule: { boolean: { value: 'answer == "không"' } } }
  - { id: "2", max: 2, rule: { choice: { value: status, points: { đạt: 2, "không đạt": 0 } } } }
  - { id: "Tiêu chí 3", max: 1, rule: { manual: {} } }
`);

function scoreCsv(inputs: string, points?: string) {
  const schema = evidenceSchemaOf(fw);
  const parts = [readEvidenceCsv(inputs, schema, { file: "inputs.csv" })];
  if (points !== undefined) parts.push(readEvidenceCsv(points, schema, { file: "points.csv" }));
  return score(fw, mergeEvidence(parts));
}

describe("NFD evidence equals NFC framework text", () => {
  it("a text input compared with a literal, an enum value, a criterion id and a unit code in a points table", () => {
    expect(NFD("không")).not.toBe("không");
    const r = scoreCsv(
      `unit,input,value\nphường-${NFD("Phúc Diễn")},answer,${NFD("không")}\nphường-${NFD("Phúc Diễn")},status,${NFD("không đạt")}\n`,
      `unit,criterion,self,appraised\nphường-Phúc Diễn,${NFD("Tiêu chí 3")},1,1\n`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.units).toHaveLength(1);
    const code = r.units[0]!.unit;
    expect(code).toBe("phường-Phúc Diễn");
    expect(nodeOf(r, code, "1").points.toString()).toBe("1");
    expect(nodeOf(r, code, "2").points.toString()).toBe("0");
    expect(nodeOf(r, code, "2").status).toBe("scored");
    expect(nodeOf(r, code, "Tiêu chí 3").points.toString()).toBe("1");
    expect(unitOf(r, code).complete).toBe(true);
  });

  it("an NFD framework literal equals NFC evidence", () => {
    const f = framework(`
inputs:
  answer: { type: text }
criteria:
  - { id: "1", max: 1, rule: { boolean: { value: 'answer == "${NFD("không")}"' } } }
`);
    const schema = evidenceSchemaOf(f);
    const r = score(f, mergeEvidence([readEvidenceCsv("unit,input,value\nu,answer,không\n", schema, { file: "e.csv" })]));
    expect(nodeOf(r, "u", "1").points.toString()).toBe("1");
  });
});

describe("criterion ids that no points table could name are rejected with their position", () => {
  const head = `format: par-index/v1\nid: t\nyear: 2024\nsource: "s"\ncriteria:\n`;
  it.each([
    ['""', "is blank"],
    ['" "', "is blank"],
    ['"1 "', "starts or ends with a space"],
    ['"1\\t"', "starts or ends with a space"],
    ['"1\\n2"', "control character"],
  ])("id %s", (id, problem) => {
    const r = parseFramework(`${head}  - { id: "0", max: 1, rule: { manual: {} } }\n  - { id: ${id}, max: 1, rule: { manual: {} } }\n`, { filename: "f.yaml" });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === "criterion-id-invalid");
    expect(d).toMatchObject({ file: "f.yaml", line: 7, column: 11 });
    expect(d!.message).toContain(problem);
  });

  it("NFC and NFD twins are one id: duplicate-id", () => {
    const r = parseFramework(`${head}  - { id: "Tiêu chí", max: 1, rule: { manual: {} } }\n  - { id: "${NFD("Tiêu chí")}", max: 1, rule: { manual: {} } }\n`, { filename: "f.yaml" });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain("duplicate-id");
    expect(r.diagnostics.find((d) => d.code === "duplicate-id")).toMatchObject({ line: 7, column: 11 });
  });
});
