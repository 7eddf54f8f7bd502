/**
 * Positions of expression problems inside every YAML scalar style: the column points
 * at the offending name in the file, never past the end of its line.
 */
import { describe, expect, it } from "vitest";
import { parseFramework } from "../../src/framework/index.js";
import { scalarOffsets } from "../../src/yaml/scalar-offsets.js";

const head = `format: par-index/v1\nid: t\nyear: 2024\nsource: s\ninputs:\n  a: { type: number }\nderived:\n`;

describe("expression positions", () => {
  it.each([
    ["plain", `  x: a + bogus\n`],
    ["double quotes with escapes", `  x: "\\"q\\" == \\"q\\" and bogus > 1"\n`],
    ["single quotes with ''", `  x: 'a > 1 and ''z'' == bogus'\n`],
    ["multi-line plain", `  x: a +\n    a +\n    bogus\n`],
    ["multi-line double quotes", `  x: "a +\n    a + bogus"\n`],
    ["block literal", `  x: |\n    a +\n    bogus\n`],
    ["block folded", `  x: >-\n    a + a +\n    bogus\n`],
  ])("%s", (_, body) => {
    const text = head + body + `criteria:\n  - { id: "1", max: 1, rule: { expr: "x" } }\n`;
    const r = parseFramework(text, { filename: "f.yaml" });
    const d = r.diagnostics.find((x) => x.code === "expr-unknown-name");
    expect(d).toBeDefined();
    const line = text.split("\n")[d!.line! - 1]!;
    expect(d!.column!).toBeLessThanOrEqual(line.length);
    expect(line.slice(d!.column! - 1, d!.column! - 1 + 5)).toBe("bogus");
  });

  it("maps each value character to its source character", () => {
    expect(scalarOffsets(`"a\\"b"`)).toEqual([1, 2, 4]);
    expect(scalarOffsets(`'a''b'`)).toEqual([1, 2, 4]);
    expect(scalarOffsets(`"\\U0001F600x"`)).toEqual([1, 1, 11]);
    expect(scalarOffsets("|\n  ab\n  c\n")).toEqual([4, 5, 6, 9]);
  });
});
