/**
 * frameworks/README.md is the reference of the framework format that ships with the package.
 * Its examples are executable: every fenced `yaml` block must parse and validate with
 * parseFramework (an overlay resolving its `extends` to the block that declares that id), the
 * `yaml crosswalk` block must name real frameworks and node ids, and the `csv` lineage block must
 * use real codes. The page must also cover every key, rule kind, function and type the library
 * accepts, and list every bundled framework.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { EXPR_FUNCTIONS } from "../../src/expr/functions.js";
import { parseFramework } from "../../src/framework/index.js";
import { FrameworkSchema, INPUT_TYPES, LEVELS, RULE_KINDS } from "../../src/framework/schema.js";
import { loadFrameworkFile } from "../../src/node/index.js";

const PAGE = "frameworks/README.md";
const text = readFileSync(PAGE, "utf8");

interface Block { readonly info: string; readonly body: string; readonly line: number }
const blocks: Block[] = [...text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  info: m[1]!.trim(),
  body: m[2]!,
  line: text.slice(0, m.index).split("\n").length,
}));
const frameworks = blocks.filter((b) => b.info === "yaml");
const idOf = (b: Block) => (parseYaml(b.body) as { id: string }).id;
const byId = new Map(frameworks.map((b) => [idOf(b), b]));

describe(`${PAGE}: every yaml example is a valid framework`, () => {
  it("has examples", () => {
    expect(frameworks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(frameworks.map((b) => [`${idOf(b)} (line ${b.line})`, b] as const))("%s", (_name, b) => {
    const result = parseFramework(b.body, {
      filename: `${PAGE}:${b.line}`,
      resolve: (ref) => {
        const base = byId.get(ref.replace(/^\.\//, "").replace(/\.yaml$/, ""));
        return base && { filename: `${PAGE}:${base.line}`, text: base.body };
      },
    });
    const problems = result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
    expect(problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("the overlay example changes its base as described", () => {
    const overlay = frameworks.find((b) => /^extends:/m.test(b.body))!;
    const base = byId.get("example-base")!;
    const resolve = () => ({ filename: "base", text: base.body });
    const r = parseFramework(overlay.body, { filename: "overlay", resolve });
    if (!r.ok) throw new Error("overlay example does not compile");
    const ids = r.framework.nodes.map((n) => n.id);
    expect(ids).toEqual(["1", "1.1", "1.2", "1.3", "3"]);
    expect(r.framework.nodeById.get("1.1")!.max.toString()).toBe("3");
  });
});

describe(`${PAGE}: the crosswalk and lineage examples use real ids and codes`, () => {
  it("crosswalk pairs name nodes of the two bundled frameworks", () => {
    const block = blocks.find((b) => b.info === "yaml crosswalk")!;
    const cw = parseYaml(block.body) as { format: string; base: string; current: string; pairs: { base: string[]; current: string[] }[] };
    expect(cw.format).toBe("par-index/crosswalk-v1");
    const nodes = (id: string) => {
      const r = loadFrameworkFile(`frameworks/${id}.yaml`);
      if (!r.ok) throw new Error(`${id} does not load`);
      return new Set(r.framework.nodes.map((n) => n.id));
    };
    const base = nodes(cw.base);
    const current = nodes(cw.current);
    for (const pair of cw.pairs) {
      for (const id of pair.base) expect(base.has(id), `${cw.base} has ${id}`).toBe(true);
      for (const id of pair.current) expect(current.has(id), `${cw.current} has ${id}`).toBe(true);
    }
  });

  it("lineage rows map old Hà Nội codes to new ones, as in the bundled lineage file", () => {
    const block = blocks.find((b) => b.info === "csv")!;
    const rows = block.body.trim().split("\n");
    expect(rows[0]).toBe("from,to");
    const lineage = new Set(readFileSync("fixtures/registry/hanoi-communes-2025-lineage.csv", "utf8").trim().split("\n").slice(1));
    for (const row of rows.slice(1)) expect(lineage.has(row), row).toBe(true);
  });
});

describe(`${PAGE} is complete`, () => {
  it("documents every top-level key, rule kind, input type, level and expression function", () => {
    const words = [
      ...Object.keys(FrameworkSchema.shape), "extends", "override", "remove", "add",
      ...RULE_KINDS, ...INPUT_TYPES, ...LEVELS,
      "applies_if", "not_applicable", "exclude", "full", "zero", "optional", "evidence",
      "at_least", "above", "at_most", "below", "equals", "otherwise", "late_until", "floor", "step",
      "by", "on", "ties", "tiebreak", "within", "competition", "dense", "half_up", "half_even", "down",
    ];
    for (const word of words) expect(text.includes(`\`${word}`), `\`${word}\` is documented`).toBe(true);
    for (const f of EXPR_FUNCTIONS) expect(text.includes(`\`${f.name}(`), `${f.signature} is documented`).toBe(true);
  });

  it("every bundled framework states its decision and date, and separates transcribed from illustrative", () => {
    for (const file of readdirSync("frameworks").filter((f) => f.endsWith(".yaml"))) {
      const fw = parseYaml(readFileSync(`frameworks/${file}`, "utf8")) as { source: string; notes?: string };
      expect(fw.source, `${file}: a decision number in source`).toMatch(/\d+\/(QĐ|NQ)-[A-ZĐ]+/);
      expect(fw.source, `${file}: a date in source`).toMatch(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/);
      expect(fw.notes, `${file}: notes say what is transcribed`).toMatch(/TRANSCRIBED/);
      expect(fw.notes, `${file}: notes say what is illustrative`).toMatch(/ILLUSTRATIVE/);
    }
  });

  it("lists every bundled framework, and only those", () => {
    const files = readdirSync("frameworks").filter((f) => f.endsWith(".yaml")).sort();
    const listed = [...text.matchAll(/^\| `([a-z0-9-]+\.yaml)`/gm)].map((m) => m[1]!).sort();
    expect(listed).toEqual(files);
  });
});
