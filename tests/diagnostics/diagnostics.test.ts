import { describe, expect, it } from "vitest";
import { CATALOGUE, diag, didYouMean, formatDiagnostic, sortDiagnostics } from "../../src/diagnostics/index.js";

describe("diagnostics", () => {
  it("renders a message from the catalogue and keeps the params as data", () => {
    const d = diag("forbidden-key", { key: "__proto__" }, { file: "a.yaml", line: 3, column: 5 });
    expect(d).toMatchObject({ severity: "error", code: "forbidden-key", params: { key: "__proto__" }, line: 3 });
    expect(d.message).toContain('"__proto__"');
    expect(Object.isFrozen(d)).toBe(true);
  });

  it("formats as FILE:LINE:COLUMN: error CODE: message", () => {
    const d = diag("forbidden-key", { key: "prototype" }, { file: "f.yaml", line: 2, column: 7 });
    expect(formatDiagnostic(d)).toBe(`f.yaml:2:7: error forbidden-key: ${d.message}`);
  });

  it("sorts by file, line and column", () => {
    const a = diag("forbidden-key", { key: "x" }, { file: "b.yaml", line: 1, column: 1 });
    const b = diag("forbidden-key", { key: "x" }, { file: "a.yaml", line: 9, column: 1 });
    const c = diag("forbidden-key", { key: "x" }, { file: "a.yaml", line: 2, column: 4 });
    expect(sortDiagnostics([a, b, c])).toEqual([c, b, a]);
  });

  it("suggests a close name and nothing for a far one", () => {
    expect(didYouMean("critera", ["criteria", "inputs", "derived"])).toBe("criteria");
    expect(didYouMean("zzzzzz", ["criteria", "inputs"])).toBeUndefined();
  });

  it("every catalogue code is kebab-case and has a severity", () => {
    for (const [code, spec] of Object.entries(CATALOGUE)) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(["error", "warning", "info"]).toContain(spec.severity);
    }
  });
});
