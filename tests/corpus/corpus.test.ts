import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "../cli/helpers.js";

interface Case {
  readonly name: string;
  readonly args: string[];
  /** A second route to the same result (e.g. survey responses instead of precomputed indices). */
  readonly same_as?: string;
}

const corpus = JSON.parse(readFileSync("fixtures/corpus.json", "utf8")) as { cases: Case[] };
const UPDATE = process.env["UPDATE_EXPECTED"] === "1" && process.env["CI"] !== "true";

describe("every bundled framework validates", () => {
  const files = readdirSync("frameworks").filter((f) => f.endsWith(".yaml"));
  it.each(files)("%s", async (file) => {
    const r = await cli("validate", `frameworks/${file}`);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("corpus: bundled fixtures score with no error and as reviewed", () => {
  it.each(corpus.cases)("$name", async (c) => {
    const r = await cli("score", ...c.args);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const { manifest, trust, ...json } = JSON.parse(r.stdout);
    // The run manifest and what backs each unit are tested in tests/cli/trust.test.ts;
    // the reviewed expected files hold the contract's Results.
    expect(manifest.framework.files[0].file).toBe(c.args[c.args.indexOf("--framework") + 1]);
    expect(trust.units.map((u: { unit: string }) => u.unit)).toEqual(json.units.map((u: { unit: string }) => u.unit));
    expect(json.diagnostics.filter((d: { severity: string }) => d.severity === "error")).toEqual([]);
    expect(json.units.every((u: { complete: boolean }) => u.complete)).toBe(true);

    const expectedFile = `fixtures/expected/${c.same_as ?? c.name}.json`;
    if (UPDATE && !c.same_as) writeFileSync(expectedFile, JSON.stringify(json, null, 2) + "\n");
    expect(existsSync(expectedFile), `${expectedFile} is missing: create it with UPDATE_EXPECTED=1 and review it`).toBe(true);
    const expected = JSON.parse(readFileSync(expectedFile, "utf8"));
    if (c.same_as) {
      expect(json.units).toEqual(expected.units);
    } else {
      expect(json).toEqual(expected);
    }
  });
});
