import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFramework, type FrameworkSource } from "../../src/framework/index.js";
import { loadFrameworkFile, MAX_FRAMEWORK_BYTES } from "../../src/node/framework.js";

const dir = fileURLToPath(new URL("../../fixtures/framework/overlay/", import.meta.url));
const fixture = (name: string): string => join(dir, name);
const summary = (ds: readonly { code: string; file?: string; line?: number; column?: number }[]) =>
  ds.map((d) => `${d.file?.split("/").pop()}:${d.line}:${d.column} ${d.code}`);

describe("overlays through the node loader", () => {
  it("override, remove and add produce the merged tree", () => {
    const r = loadFrameworkFile(fixture("district.yaml"));
    if (!r.ok) throw new Error(summary(r.diagnostics).join("\n"));
    const fw = r.framework;
    expect(fw.id).toBe("base-ward-2024-district");
    expect(fw.source).toBe("Illustrative (not a real decision)");
    expect(fw.nodes.map((n) => `${n.id}:${n.max.toString()}`)).toEqual(["1:2", "1.1:1", "1.2:1", "2:2", "2.1:1", "2.3:1", "3:1"]);
    expect(fw.nodeById.get("1.2")!.title).toBe("Lowered");
    expect(fw.inputs.map((i) => i.name)).toEqual(["has_plan", "has_portal"]);
    expect(fw.file).toBe(fixture("district.yaml"));
  });

  it("an unknown id in override/remove/add names the overlay file and position", () => {
    const r = loadFrameworkFile(fixture("bad-ids.yaml"));
    expect(r.ok).toBe(false);
    expect(summary(r.diagnostics)).toEqual([
      "bad-ids.yaml:5:3 overlay-unknown-id",
      "bad-ids.yaml:6:17 overlay-unknown-id",
      "bad-ids.yaml:8:15 overlay-unknown-parent",
    ]);
    expect(r.diagnostics[2]!.params.suggestion).toBe("2");
  });

  it("problems after merging are located in the file that caused them", () => {
    const r = loadFrameworkFile(fixture("bad-merge.yaml"));
    // maxx is an unknown key written in the overlay; max 5 (from the overlay) breaks the base parent's sum.
    expect(summary(r.diagnostics)).toEqual(["bad-merge.yaml:5:20 unknown-key", "base.yaml:10:10 max-mismatch"]);
    const fixed = parseFramework("format: par-index/v1\nextends: base.yaml\nid: x\noverride:\n  \"1.2\": { max: 5 }\n", {
      filename: "o.yaml",
      resolve: (ref) => ({ text: readFixture(ref), filename: ref }),
    });
    expect(summary(fixed.diagnostics)).toEqual(["base.yaml:10:10 max-mismatch"]);
  });

  it("detects an extends cycle", () => {
    const r = loadFrameworkFile(fixture("cycle-a.yaml"));
    expect(r.ok).toBe(false);
    const cycle = r.diagnostics.find((d) => d.code === "extends-cycle")!;
    expect(cycle.file).toBe(fixture("cycle-b.yaml"));
    expect([cycle.line, cycle.column]).toEqual([1, 10]);
    expect(cycle.params.chain).toBe(`${fixture("cycle-a.yaml")} → ${fixture("cycle-b.yaml")} → ${fixture("cycle-a.yaml")}`);
  });

  it("extends-not-found at the extends value", () => {
    const r = loadFrameworkFile(fixture("missing-base.yaml"));
    expect(summary(r.diagnostics)).toEqual(["missing-base.yaml:1:10 extends-not-found"]);
  });
});

function readFixture(name: string): string {
  return readFileSync(fixture(name), "utf8");
}

describe("overlays through a pure resolver", () => {
  const files: Record<string, string> = {
    "base.yaml": 'format: par-index/v1\nid: b\nyear: 2024\nsource: s\ncriteria:\n  - { id: "1", max: 1, rule: { manual: {} } }\n',
    "self.yaml": "extends: self.yaml\nid: s\n",
  };
  const resolve = (ref: string): FrameworkSource | undefined => (files[ref] === undefined ? undefined : { text: files[ref]!, filename: ref });

  it("a file that extends itself is a cycle", () => {
    const r = parseFramework(files["self.yaml"]!, { filename: "self.yaml", resolve });
    expect(r.diagnostics.map((d) => [d.code, d.params.chain])).toEqual([["extends-cycle", "self.yaml → self.yaml"]]);
  });

  it("extends-too-deep: an endless chain of distinct names", () => {
    // Each level extends a new name ("x", "xx", ...), so only the depth limit stops it.
    const r = parseFramework("extends: x\nid: a\n", { resolve: (ref) => ({ text: `extends: ${ref}x\nid: a\n` }) });
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(["1:10 extends-too-deep"]);
  });

  it("without a resolver, extends cannot be followed", () => {
    const r = parseFramework("extends: base.yaml\nid: a\n", { filename: "o.yaml" });
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(["1:10 extends-not-found"]);
  });

  it("overlay-without-extends", () => {
    const r = parseFramework(`${files["base.yaml"]}remove: ["1"]\n`, { filename: "f.yaml" });
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(["7:1 overlay-without-extends"]);
  });

  it("override with null removes a key; the overlay's own keys replace the base's", () => {
    const base = 'format: par-index/v1\nid: b\nyear: 2024\nsource: s\ninputs: { n: { type: number } }\ncriteria:\n  - { id: "1", max: 1, applies_if: "n > 0", rule: { manual: {} } }\n';
    const r = parseFramework('extends: base.yaml\nid: o\nyear: 2025\noverride:\n  "1": { applies_if: null }\n', {
      resolve: () => ({ text: base, filename: "base.yaml" }),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.framework.year).toBe(2025);
    expect(r.framework.nodes[0]!.appliesIf).toBeUndefined();
  });
});

describe("node loader file checks", () => {
  it("file-too-large: refuses files over 5 MiB before parsing", () => {
    const tmp = mkdtempSync(join(tmpdir(), "par-index-"));
    const big = join(tmp, "big.yaml");
    writeFileSync(big, `notes: "${"x".repeat(MAX_FRAMEWORK_BYTES)}"\n`);
    const r = loadFrameworkFile(big);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([["file-too-large", big, 1, 1]]);
  });

  it("file-unreadable", () => {
    const r = loadFrameworkFile(join(dir, "does-not-exist.yaml"));
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["file-unreadable", 1, 1]]);
  });
});
