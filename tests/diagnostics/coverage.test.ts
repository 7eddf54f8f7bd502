import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/diagnostics/index.js";

/** Every test source (and the test fixtures they name codes in). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts)$/.test(name) ? [readFileSync(path, "utf8")] : [];
  });
}

describe("the diagnostic catalogue", () => {
  it("has a test that produces every code (each code is asserted by name somewhere in tests/)", () => {
    const text = sources("tests").join("\n");
    const untested = Object.keys(CATALOGUE).filter((code) => !new RegExp(`["'\`]${code}["'\`@ :]`).test(text) && !text.includes(` ${code}"`));
    expect(untested).toEqual([]);
  });
});
