import fc from "fast-check";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringifyJson } from "../../src/core/json-text.js";
import { localizeDiagnostics } from "../../src/diagnostics/index.js";
import { score, scoreResultJsonPieces, scoreResultToJson } from "../../src/engine/index.js";
import { syntheticEvidence, syntheticFrameworkYaml } from "../../fixtures/engine/synthetic.js";
import { parseFramework } from "../../src/framework/index.js";
import { cli } from "../cli/helpers.js";
import { makeEvidence } from "./helpers.js";

const parsed = parseFramework(syntheticFrameworkYaml({ leaves: 40, fields: 4, perCriterion: 5 }), { filename: "synthetic.yaml" });
if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
const fw = parsed.framework;
const whole = (r: ReturnType<typeof score>) => JSON.stringify(scoreResultToJson(r), null, 2);

describe("scoreResultJsonPieces: the Results JSON one unit at a time", () => {
  it("joins to exactly the bytes of JSON.stringify(scoreResultToJson(r), null, 2): random evidence, diagnostics, self scores", () => {
    fc.assert(
      fc.property(
        fc.record({ seed: fc.integer({ min: 1, max: 1_000_000 }), count: fc.integer({ min: 0, max: 8 }), missingRate: fc.constantFrom(0, 0.05, 0.3) }),
        ({ seed, count, missingRate }) => {
          const r = score(fw, makeEvidence(fw, syntheticEvidence(count, { leaves: 40, fields: 4, perCriterion: 5, seed, missingRate })), { explain: false });
          const pieces = [...scoreResultJsonPieces(r)];
          expect(pieces.join("")).toBe(whole(r));
          // No piece holds more than one unit.
          expect(pieces.every((p) => (p.match(/"unit": /g) ?? []).length <= 1)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("with exact numbers and more members (trust, manifest): the bytes of stringifyJson({ ...json, ...extra }, 2)", () => {
    const exactFw = parseFramework(syntheticFrameworkYaml({ leaves: 40, fields: 4, perCriterion: 5 }).replace("year: 2024\n", "year: 2024\nrounding: { decimals: 10, mode: half_up }\n"), { filename: "s.yaml" });
    if (!exactFw.ok) throw new Error(exactFw.diagnostics.map((d) => d.message).join("\n"));
    const f = exactFw.framework;
    const r = score(f, makeEvidence(f, syntheticEvidence(6, { leaves: 40, fields: 4, perCriterion: 5, seed: 3, missingRate: 0.05 })), { explain: false });
    const extra = { trust: { claims: [{ unit: "u1", note: "Sở Nội vụ \"kiểm tra\"" }], empty: {}, list: [] }, skipped: undefined, manifest: { inputs: [1, 2.5, null] } };
    const expected = stringifyJson({ ...scoreResultToJson(r, { exactNumbers: true }), ...extra }, 2);
    expect([...scoreResultJsonPieces(r, { exactNumbers: true, extra })].join("")).toBe(expected);
    expect(expected).not.toContain("skipped");
  });

  it("handles no units and no diagnostics (empty arrays as [])", () => {
    const r = score(fw, makeEvidence(fw, {}), { explain: false });
    expect(r.units).toHaveLength(0);
    expect([...scoreResultJsonPieces(r)].join("")).toBe(whole(r));
    expect(whole(r)).toContain('"units": []');
  });

  it("keeps diagnostics worded per language, quotes and Vietnamese text escaped the same way", () => {
    const r = score(fw, makeEvidence(fw, syntheticEvidence(5, { leaves: 40, fields: 4, perCriterion: 5, seed: 7, missingRate: 0.3 })));
    expect(r.diagnostics.length).toBeGreaterThan(0);
    const worded = { ...r, diagnostics: localizeDiagnostics(r.diagnostics, "vi") };
    expect([...scoreResultJsonPieces(worded)].join("")).toBe(whole(worded));
  });
});

describe("par-index score --format json (written one unit at a time)", () => {
  const D = "fixtures/hanoi/districts";
  const args = ["--framework", "frameworks/hanoi-district-2023.yaml", "--units", `${D}/units.csv`, "--evidence", `${D}/evidence.csv`, "--evidence", `${D}/sipas.csv`, "--points", `${D}/points.csv`, "--locale", "vi"];

  it("prints the same bytes to stdout and to --out, ending with one newline", async () => {
    const printed = await cli("score", ...args, "--lang", "en");
    const out = join(mkdtempSync(join(tmpdir(), "par-index-json-")), "r.json");
    const written = await cli("score", ...args, "--lang", "en", "--out", out);
    expect(written.code).toBe(printed.code);
    const file = readFileSync(out, "utf8");
    expect(file).toBe(printed.stdout);
    expect(file.endsWith("}\n")).toBe(true);
    const json = JSON.parse(file);
    expect(json.units).toHaveLength(30);
    expect(file).toBe(JSON.stringify(json, null, 2) + "\n");
  });
});
