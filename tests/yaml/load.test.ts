import { describe, expect, it } from "vitest";
import { loadYaml } from "../../src/yaml/load.js";

describe("loadYaml", () => {
  it("keeps the position of every value and key", () => {
    const r = loadYaml("id: ward\ncriteria:\n  - id: \"1\"\n    max: 20\n", "f.yaml");
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ id: "ward", criteria: [{ id: "1", max: 20 }] });
    expect(r.positions.locate(["criteria", 0, "max"])).toEqual({ line: 4, column: 10 });
    expect(r.positions.locateKey(["criteria", 0, "max"])).toEqual({ line: 4, column: 5 });
    expect(r.positions.sourceText(["criteria", 0, "id"])).toBe('"1"');
  });

  it("locates a missing key at its nearest ancestor", () => {
    const r = loadYaml("a:\n  b: 1\n", "f.yaml");
    expect(r.positions.locate(["a", "zz", 3])).toEqual({ line: 2, column: 3 });
  });

  it("keeps the source text of numbers YAML would shorten (1.10 → 1.1)", () => {
    const r = loadYaml("id: 1.10\n");
    expect(r.value).toEqual({ id: 1.1 });
    expect(r.positions.sourceText(["id"])).toBe("1.10");
  });

  it("reads ISO dates as strings (YAML 1.2 core schema), never as Date objects", () => {
    const r = loadYaml("due: 2024-01-15\n");
    expect(r.value).toEqual({ due: "2024-01-15" });
  });

  it("strips a UTF-8 BOM", () => {
    expect(loadYaml("\uFEFFa: 1\n").value).toEqual({ a: 1 });
  });

  it.each(["__proto__", "constructor", "prototype"])("rejects the key %s with its position", (key) => {
    const r = loadYaml(`ok: 1\nnested:\n  ${key}: 2\n`, "p.yaml");
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: "forbidden-key", file: "p.yaml", line: 3, column: 3 });
    expect(Object.prototype.hasOwnProperty.call((r.value as { nested: object }).nested, key)).toBe(false);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("expands aliases within the bound", () => {
    const r = loadYaml("a: &x [1, 2]\nb: *x\n");
    expect(r.value).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it("stops an alias bomb with yaml-too-many-aliases", () => {
    const levels = ["a: &a [x,x,x,x,x,x,x,x,x]"];
    for (let i = 1; i < 7; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const r = loadYaml(levels.join("\n") + "\n", "bomb.yaml");
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["yaml-too-many-aliases"]);
    expect(r.diagnostics[0]?.file).toBe("bomb.yaml");
  });

  it("stops an alias that refers to a value containing it with yaml-alias-cycle", () => {
    const r = loadYaml("a: &x\n  b: *x\n", "c.yaml");
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: "yaml-alias-cycle", file: "c.yaml", line: 2, column: 6 });
  });

  it("bounds the expanded size with yaml-too-many-nodes", () => {
    const r = loadYaml("a: &a [1,2,3,4,5,6,7,8,9,10]\nb: [*a, *a, *a]\n", "n.yaml", { maxNodes: 20 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["yaml-too-many-nodes"]);
  });

  it("refuses files over the size limit", () => {
    const r = loadYaml("a: 1\n".repeat(100), "big.yaml", { maxBytes: 50 });
    expect(r.diagnostics[0]).toMatchObject({ code: "yaml-too-large", file: "big.yaml", line: 1, column: 1 });
    expect(r.diagnostics[0]?.message).toContain("500");
  });

  it("reports duplicate keys with the position of the second", () => {
    const r = loadYaml("a: 1\nb: 2\na: 3\n", "d.yaml");
    expect(r.diagnostics[0]).toMatchObject({ code: "yaml-duplicate-key", line: 3, column: 1 });
  });

  it("reports syntax errors with a position and all of them at once", () => {
    const r = loadYaml("a: [1, 2\nb: \"open\n", "s.yaml");
    expect(r.diagnostics.length).toBeGreaterThanOrEqual(1);
    for (const d of r.diagnostics) {
      expect(d.code).toBe("yaml-syntax");
      expect(d.file).toBe("s.yaml");
      expect(d.line).toBeGreaterThanOrEqual(1);
    }
  });
});
