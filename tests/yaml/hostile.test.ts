/**
 * Hostile YAML: refused with a clear diagnostic, before the parser builds anything
 * large (see src/yaml/prescan.ts); never an exception, never a hang.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadYaml } from "../../src/yaml/load.js";
import { prescanYaml } from "../../src/yaml/prescan.js";
import { parseFramework } from "../../src/framework/index.js";
import { parseSurvey } from "../../src/survey/index.js";
import { readFileSync, readdirSync } from "node:fs";

const codes = (ds: readonly { code: string }[]) => ds.map((d) => d.code);

describe("bounded before parsing", () => {
  it("a 2 MB file with one anchor, 999 aliases and a million list items: yaml-too-many-values at its position", () => {
    const text = "a: &x [1]\nb: [" + Array.from({ length: 999 }, () => "*x").join(", ") + "]\nc: [" + "1,".repeat(1_000_000) + "1]\n";
    expect(text.length).toBeGreaterThan(2_000_000);
    const r = loadYaml(text, "bomb.yaml", { maxBytes: 4 * 1024 * 1024 });
    expect(codes(r.diagnostics)).toEqual(["yaml-too-many-values"]);
    expect(r.diagnostics[0]).toMatchObject({ file: "bomb.yaml", line: 3 });
    expect(r.value).toBeUndefined();
  });

  it("one anchor expanded by 999 aliases beyond the value limit: yaml-too-many-nodes", () => {
    const text = "a: &x [" + "1,".repeat(50) + "1]\nb: [" + Array.from({ length: 999 }, () => "*x").join(", ") + "]\n";
    expect(codes(loadYaml(text, "f.yaml").diagnostics)).toEqual(["yaml-too-many-nodes"]);
  });

  it("more aliases than the limit are refused before parsing", () => {
    const text = "a: &x 1\nb: [" + Array.from({ length: 1001 }, () => "*x").join(", ") + "]\n";
    expect(codes(loadYaml(text, "f.yaml").diagnostics)).toEqual(["yaml-too-many-aliases"]);
  });

  it("a file over 1 MiB is refused (yaml-too-large)", () => {
    expect(codes(loadYaml(`notes: "${"x".repeat(1024 * 1024)}"\n`, "f.yaml").diagnostics)).toEqual(["yaml-too-large"]);
  });

  it("nesting ~2,000 levels (flow, block, compact sequences): yaml-too-deep for frameworks and surveys, never an exception", { timeout: 30_000 }, () => {
    const flow = "format: par-index/v1\nnotes: " + "[".repeat(2000) + "]".repeat(2000) + "\n";
    let block = "format: par-index/v1\nnotes:\n";
    for (let i = 1; i <= 1000; i++) block += " ".repeat(i) + "k:\n"; // 2,000 levels would pass 1 MiB
    const compact = "format: par-index/v1\nnotes:\n  " + "- ".repeat(2000) + "x\n";
    for (const text of [flow, block, compact]) {
      const f = parseFramework(text, { filename: "deep.yaml" });
      expect(f.ok).toBe(false);
      expect(codes(f.diagnostics)).toContain("yaml-too-deep");
      expect(codes(f.diagnostics)).not.toContain("framework-internal-error");
      const s = parseSurvey(text, { filename: "deep.yaml" });
      expect(s.ok).toBe(false);
      expect(codes(s.diagnostics)).toEqual(["yaml-too-deep"]);
    }
  });

  it("nesting beyond the limit through aliases is caught while expanding", () => {
    let text = "a0: &a0 [1]\n";
    for (let i = 1; i <= 60; i++) text += `a${i}: &a${i} [*a${i - 1}]\n`;
    const r = loadYaml(text, "f.yaml", { maxDepth: 50, maxAliases: 10_000 });
    expect(codes(r.diagnostics)).toEqual(["yaml-too-deep"]);
  });

  it("every shipped framework is far below every limit", () => {
    for (const f of readdirSync("frameworks").filter((x) => x.endsWith(".yaml"))) {
      const s = prescanYaml(readFileSync(`frameworks/${f}`, "utf8"), { maxValues: 20_000, maxAliases: 1000, maxDepth: 100 });
      expect(s.exceeded).toBeUndefined();
      expect(s.values).toBeLessThan(2_000);
      expect(s.depth).toBeLessThan(20);
    }
  });
});

describe("text is NFC", () => {
  it("keys and string values in decomposed form are read as composed", () => {
    const nfd = "không".normalize("NFD");
    expect(nfd).not.toBe("không");
    const r = loadYaml(`"${nfd}": "${nfd}"\nlist: [${nfd}]\n`, "f.yaml");
    expect(r.value).toEqual({ không: "không", list: ["không"] });
  });
});

describe("property: arbitrary text never throws or hangs", () => {
  const yamlish = fc
    .array(fc.constantFrom("a", ":", " ", "\n", "-", "[", "]", "{", "}", ",", "&x", "*x", '"', "'", "#", "|", ">", "\\", "ố", "1e999", "  ", "\t", "!!", "%", "?", "<<"), { maxLength: 120 })
    .map((xs) => xs.join(""));
  const text = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), yamlish);
  it("loadYaml, parseFramework and parseSurvey return diagnostics, never an exception", () => {
    fc.assert(
      fc.property(text, (t) => {
        const y = loadYaml(t, "f.yaml");
        expect(Array.isArray(y.diagnostics)).toBe(true);
        const f = parseFramework(t, { filename: "f.yaml" });
        if (!f.ok) expect(f.diagnostics.length).toBeGreaterThan(0);
        expect(codes(f.diagnostics)).not.toContain("framework-internal-error");
        const s = parseSurvey(t, { filename: "s.yaml" });
        if (!s.ok) expect(s.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
