import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { frameworkJsonSchema } from "../../src/framework/json-schema.js";

const SCHEMA_FILE = "frameworks/schema.json";
const generated = `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`;
if (process.env["UPDATE_SCHEMA"] === "1" && process.env["CI"] !== "true") writeFileSync(SCHEMA_FILE, generated);

const yamlFiles = readdirSync("frameworks").filter((f) => f.endsWith(".yaml"));
const isSurvey = (text: string) => /^format:\s*par-index\/survey-v1\s*$/m.test(text);

describe("the framework JSON Schema (par-index/schema.json)", () => {
  it("is the one generated from the zod schema (regenerate with UPDATE_SCHEMA=1 npx vitest run tests/package/schema.test.ts)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(generated);
  });

  it("is named on the first line of every bundled framework, for the YAML language server", () => {
    const frameworks = yamlFiles.filter((f) => !isSurvey(readFileSync(join("frameworks", f), "utf8")));
    expect(frameworks.length).toBeGreaterThanOrEqual(6);
    for (const f of frameworks) {
      expect(readFileSync(join("frameworks", f), "utf8").split("\n")[0], f).toBe("# yaml-language-server: $schema=./schema.json");
    }
  });

  it("accepts every bundled framework and overlay, and rejects a typo with its path", async () => {
    // A small draft-07 checker is enough for what zod generates: type, enum, const, pattern,
    // required, properties, additionalProperties, items, anyOf, $ref, if/then/else.
    const schema = JSON.parse(generated) as Record<string, unknown>;
    for (const f of yamlFiles) {
      const text = readFileSync(join("frameworks", f), "utf8");
      if (isSurvey(text)) continue;
      expect(check(schema, parseYaml(text), schema, "$"), f).toEqual([]);
    }
    const bad = parseYaml(readFileSync("frameworks/hanoi-ward-2024.yaml", "utf8").replace("rounding:", "roundng:"));
    expect(check(schema, bad, schema, "$")).toContain("$: unknown key roundng");
  });
});

/** Problems of `value` against `s` (a subset of draft-07, enough for the generated schema). */
function check(s: unknown, value: unknown, root: Record<string, unknown>, path: string): string[] {
  if (s === true || s === undefined) return [];
  const sc = s as Record<string, unknown>;
  if (typeof sc["$ref"] === "string") {
    const ref = (sc["$ref"] as string).replace(/^#\//, "").split("/");
    return check(ref.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], root), value, root, path);
  }
  const out: string[] = [];
  if (sc["if"] !== undefined) {
    const branch = check(sc["if"], value, root, path).length === 0 ? sc["then"] : sc["else"];
    out.push(...check(branch, value, root, path));
  }
  if (Array.isArray(sc["anyOf"])) {
    const results = (sc["anyOf"] as unknown[]).map((a) => check(a, value, root, path));
    if (!results.some((r) => r.length === 0)) out.push(...results.sort((a, b) => a.length - b.length)[0]!);
  }
  if ("const" in sc && value !== sc["const"]) out.push(`${path}: not ${String(sc["const"])}`);
  if (Array.isArray(sc["enum"]) && !(sc["enum"] as unknown[]).includes(value)) out.push(`${path}: not one of ${String(sc["enum"])}`);
  const types = sc["type"] === undefined ? undefined : ([] as unknown[]).concat(sc["type"]);
  if (types !== undefined) {
    const t = value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
    if (!types.includes(t) && !(t === "integer" && types.includes("number"))) return [...out, `${path}: ${t}, expected ${types.join("|")}`];
  }
  if (typeof value === "string" && typeof sc["pattern"] === "string" && !new RegExp(sc["pattern"] as string).test(value)) out.push(`${path}: pattern`);
  if (Array.isArray(value) && sc["items"] !== undefined) value.forEach((v, i) => out.push(...check(sc["items"], v, root, `${path}[${i}]`)));
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (sc["properties"] ?? {}) as Record<string, unknown>;
    for (const r of (sc["required"] ?? []) as string[]) if (!(r in obj)) out.push(`${path}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (k in props) out.push(...check(props[k], v, root, `${path}.${k}`));
      else if (sc["additionalProperties"] === false) out.push(`${path}: unknown key ${k}`);
      else if (typeof sc["additionalProperties"] === "object") out.push(...check(sc["additionalProperties"], v, root, `${path}.${k}`));
    }
  }
  return out;
}

describe("par-index/frameworks", () => {
  it("inlines every bundled YAML file (src/framework/bundled.ts imports each one)", () => {
    const bundled = readFileSync("src/framework/bundled.ts", "utf8");
    for (const f of yamlFiles) expect(bundled, f).toContain(`from "../../frameworks/${f}";`);
  });
});
