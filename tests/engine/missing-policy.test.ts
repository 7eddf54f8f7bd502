/**
 * framework-format.md, Inputs: under `missing: error` (the default) absence is always an
 * error diagnostic, status `missing`, unit incomplete, whatever the rule's own `missing:`
 * points say; those points apply when the input is declared `missing: zero`.
 */
import { describe, expect, it } from "vitest";
import { framework, nodeOf, run, unitOf } from "./helpers.js";

const fwWith = (policy: string) =>
  framework(`
inputs:
  plan_date: { type: date${policy} }
  other: { type: integer, missing: zero }
criteria:
  - id: "1"
    max: 2
    rule: { deadline: { value: plan_date, due: 2024-01-15, late: 1, missing: 0.5 } }
  - { id: "2", max: 1, rule: { boolean: { value: "other > 0" } } }
`);

describe("a missing date under a deadline rule", () => {
  it("default policy (error): error diagnostic, status missing, 0 points, unit incomplete", () => {
    const r = run(fwWith(""), { u: { inputs: { other: 1 } } });
    const n = nodeOf(r, "u", "1");
    expect(n.status).toBe("missing");
    expect(n.points.toString()).toBe("0");
    expect(unitOf(r, "u").complete).toBe(false);
    const d = r.diagnostics.filter((x) => x.code === "missing-input");
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: "error", unit: "u", input: "plan_date", criterion: "1" });
  });

  it("explicit missing: error behaves the same", () => {
    const r = run(fwWith(", missing: error"), { u: { inputs: { other: 1 } } });
    expect(nodeOf(r, "u", "1").status).toBe("missing");
    expect(unitOf(r, "u").complete).toBe(false);
    expect(r.diagnostics.some((x) => x.code === "missing-input" && x.severity === "error")).toBe(true);
  });

  it("missing: zero scores the rule's own missing points, no diagnostic, unit complete", () => {
    const r = run(fwWith(", missing: zero"), { u: { inputs: { other: 1 } } });
    const n = nodeOf(r, "u", "1");
    expect(n.status).toBe("scored");
    expect(n.points.toString()).toBe("0.5");
    expect(unitOf(r, "u").complete).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it("missing: not_applicable leaves the denominator", () => {
    const r = run(fwWith(", missing: not_applicable"), { u: { inputs: { other: 1 } } });
    expect(nodeOf(r, "u", "1").status).toBe("not_applicable");
    expect(unitOf(r, "u").max.toString()).toBe("1");
  });

  it("a date that is present scores as before", () => {
    const r = run(fwWith(""), { u: { inputs: { plan_date: "2024-01-20", other: 1 } } });
    expect(nodeOf(r, "u", "1").points.toString()).toBe("1");
    expect(unitOf(r, "u").complete).toBe(true);
  });
});

describe("scoring diagnostics carry the evidence position where a row holds the value", () => {
  it("rule-value-invalid names the file, line and column of the value; missing-input has no row to name", async () => {
    const { evidenceSchemaOf, mergeEvidence, readEvidenceCsv } = await import("../../src/evidence/index.js");
    const { score } = await import("../../src/engine/index.js");
    const fw = framework(`
inputs:
  status: { type: text }
  other: { type: integer }
criteria:
  - { id: "1", max: 1, rule: { choice: { value: status, points: { a: 1, b: 0 } } } }
  - { id: "2", max: 1, rule: { boolean: { value: "other > 0" } } }
`);
    const part = readEvidenceCsv("unit,input,value\nu,status,c\n", evidenceSchemaOf(fw), { file: "inputs.csv" });
    const r = score(fw, mergeEvidence([part]));
    const invalid = r.diagnostics.find((d) => d.code === "rule-value-invalid");
    expect(invalid).toMatchObject({ file: "inputs.csv", line: 2, unit: "u", criterion: "1", input: "status" });
    expect(invalid!.column).toBeGreaterThanOrEqual(1);
    const missing = r.diagnostics.find((d) => d.code === "missing-input");
    expect(missing).toMatchObject({ unit: "u", input: "other", criterion: "2" });
    expect(missing!.line).toBeUndefined();
  });
});
