import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const T = "fixtures/trust";
/** Registry, inputs, self-assessment with documents, register and appraisal log: every member of the JSON (trust, manifest). */
const TRUST = ["--framework", `${T}/xa-2025.yaml`, "--units", `${T}/units.csv`, "--evidence", `${T}/evidence.csv`, "--points", `${T}/points.csv`,
  "--register", `${T}/register.csv`, "--appraisals", `${T}/appraisals.jsonl`, "--locale", "vi"];
const W = "fixtures/hanoi/wards";
/** A survey scored on the fly: trust carries respondents. */
const SURVEY = ["--framework", "frameworks/hanoi-ward-2024.yaml", "--units", `${W}/units.csv`, "--points", `${W}/points.csv`, "--locale", "vi",
  "--survey", "frameworks/sipas-2023.yaml", "--responses", `${W}/sipas-responses.csv`];

describe("par-index score --format json --compact", () => {
  it.each([["trust, register and appraisal log", TRUST], ["survey responses", SURVEY]])("writes the same content as the indented JSON, on one line (%s)", async (_name, flags) => {
    const pretty = await cli("score", ...flags);
    const compact = await cli("score", ...flags, "--compact");
    expect(compact.code).toBe(pretty.code);
    expect(compact.stdout).toBe(JSON.stringify(JSON.parse(pretty.stdout)) + "\n");
    expect(compact.stdout.trimEnd()).not.toContain("\n");
    const json = JSON.parse(compact.stdout);
    expect(Object.keys(json)).toEqual(["framework", "units", "diagnostics", "trust", "manifest"]);
    expect(json.trust.units.map((u: { unit: string }) => u.unit)).toEqual(json.units.map((u: { unit: string }) => u.unit));
  });

  it("writes the same bytes to --out as to stdout", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "par-index-compact-")), "r.json");
    const printed = await cli("score", ...TRUST, "--compact");
    const written = await cli("score", ...TRUST, "--compact", "--out", out);
    expect(written.code).toBe(printed.code);
    expect(readFileSync(out, "utf8")).toBe(printed.stdout);
  });

  it("is a usage error with another format (exit 2)", async () => {
    const r = await cli("score", ...TRUST, "--format", "csv", "--compact");
    expect(r.code).toBe(2);
    // usage-compact-json-only, one line plus the hint, worded per --lang
    expect(r.stderr).toContain("--compact chỉ dùng với --format json, không dùng với csv. Bỏ --compact.");
    const en = await cli("score", ...TRUST, "--format", "csv", "--compact", "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("--compact applies to --format json only, not csv. Leave out --compact.");
  });
});
