import { describe, expect, it, vi } from "vitest";

// The YAML parser reports problems as errors on the document; should it ever throw instead, the
// loader must word what it threw, not pass it off as nesting too deep.
const thrown: { error: unknown } = { error: undefined };
vi.mock("yaml", async (original) => {
  const yaml = await original<typeof import("yaml")>();
  return { ...yaml, parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
    if (thrown.error !== undefined) throw thrown.error;
    return yaml.parseDocument(...args);
  } };
});

const { loadYaml } = await import("../../src/yaml/load.js");

describe("loadYaml when the parser throws", () => {
  it("words an ordinary exception as a syntax problem with the parser's first line", () => {
    thrown.error = new TypeError("Cannot read env LOG_TOKENS\nsecond line");
    const r = loadYaml("id: x\n", "fw.yaml");
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.params, { file: d.file, line: d.line, column: d.column }])).toEqual([["yaml-syntax", { detail: "Cannot read env LOG_TOKENS" }, { file: "fw.yaml", line: 1, column: 1 }]]);
  });

  it("keeps a stack overflow as too deep", () => {
    thrown.error = new RangeError("Maximum call stack size exceeded");
    const r = loadYaml("id: x\n", "fw.yaml");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["yaml-too-deep"]);
    thrown.error = undefined;
    expect(loadYaml("id: x\n", "fw.yaml").value).toEqual({ id: "x" });
  });
});
