/** Framework numbers are exact decimals of their source text, never binary floats. */
import { describe, expect, it } from "vitest";
import { parseFramework } from "../../src/framework/index.js";
import { framework, leafPoints } from "../engine/helpers.js";

describe("numbers read from their source text", () => {
  it("a band bound with more digits than a double holds (at_least: 0.33333333333333333333)", () => {
    const fw = framework(`
inputs:
  v: { type: number }
criteria:
  - id: "1"
    max: 2
    rule: { bands: { value: v, bands: [ { at_least: 0.33333333333333333333, points: 2 }, { otherwise: 0 } ] } }
`);
    const band = fw.nodes[0]!.kind === "leaf" && fw.nodes[0]!.rule.kind === "bands" ? fw.nodes[0]!.rule.bands[0]! : undefined;
    expect(band!.conditions[0]!.bound.toString()).toBe("0.33333333333333333333");
    // Between the double 0.3333333333333333 and the written bound: below the bound.
    expect(leafPoints(fw, { v: "0.33333333333333333" })).toBe("0");
    expect(leafPoints(fw, { v: "0.3333333333333333334" })).toBe("2");
    expect(leafPoints(fw, { v: "0.33333333333333333333" })).toBe("2");
  });

  it("a max beyond 2^53 keeps every digit (max: 12345678901234567890)", () => {
    const fw = framework(`
inputs:
  ok: { type: boolean }
criteria:
  - { id: "1", max: 12345678901234567890, rule: { boolean: { value: ok } } }
cap: 99999999999999999999
`);
    expect(fw.nodes[0]!.max.toString()).toBe("12345678901234567890");
    expect(fw.cap!.toString()).toBe("99999999999999999999");
    expect(leafPoints(fw, { ok: true })).toBe("12345678901234567890");
  });

  it("inputs' bounds, ratio goalposts, deduct per, choice points and manual step are exact too", () => {
    const fw = framework(`
inputs:
  r: { type: number, min: 0.10000000000000000001, max: 0.90000000000000000009 }
  n: { type: integer }
criteria:
  - { id: "1", max: 1, rule: { ratio: { value: r, lower: 0.10000000000000000001, upper: 0.80000000000000000001 } } }
  - { id: "2", max: 1, rule: { deduct: { value: n, per: 0.00000000000000000003 } } }
  - { id: "3", max: 1, rule: { manual: { step: 0.00000000000000000005 } } }
`);
    const input = fw.inputByName.get("r")!;
    expect(input.min!.toString()).toBe("0.10000000000000000001");
    expect(input.max!.toString()).toBe("0.90000000000000000009");
    const [a, b, c] = fw.nodes.map((n) => (n.kind === "leaf" ? n.rule : undefined));
    expect(a!.kind === "ratio" && a!.lower.toString()).toBe("0.10000000000000000001");
    expect(b!.kind === "deduct" && b!.per.toString()).toBe("3e-20");
    expect(c!.kind === "manual" && c!.step!.toString()).toBe("5e-20");
  });

  it("static checks compare the written numbers too: no false shadowed band, no false max-mismatch", () => {
    const fw = framework(`
inputs:
  v: { type: number }
  ok: { type: boolean }
criteria:
  - id: "1"
    max: 2
    rule: { bands: { value: v, bands: [ { at_least: 0.33333333333333333333, points: 2 }, { at_least: 0.3333333333333333, points: 1 }, { otherwise: 0 } ] } }
  - id: "2"
    max: 12345678901234567891
    children:
      - { id: "2.1", max: 12345678901234567890, rule: { boolean: { value: ok } } }
      - { id: "2.2", max: 1, rule: { boolean: { value: ok } } }
`);
    expect(fw.nodes.find((n) => n.id === "2")!.max.toString()).toBe("12345678901234567891");
    expect(leafPoints(fw, { v: "0.33333333333333333", ok: true })).toBe("1");
  });

  it("max: 1e999999 says the number is out of range, not 'is a number … but it must be a number'", () => {
    const r = parseFramework(`format: par-index/v1\nid: t\nyear: 2024\nsource: s\ncriteria:\n  - { id: "1", max: 1e999999, rule: { manual: {} } }\n`, { filename: "f.yaml" });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === "number-out-of-range");
    expect(d).toMatchObject({ file: "f.yaml", line: 6, column: 21 });
    expect(d!.message).toContain("1e999999");
    expect(r.diagnostics.some((x) => /is a number .* must be a number/.test(x.message))).toBe(false);
  });
});
