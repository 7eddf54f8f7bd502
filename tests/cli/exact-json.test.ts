/** The CLI's JSON keeps every digit that CSV keeps (decimals: 10, 12345678.1234567891). */
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExactJsonNumber, stringifyJson } from "../../src/core/json-text.js";
import { cli } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "par-json-"));
writeFileSync(
  join(dir, "fw.yaml"),
  `format: par-index/v1
id: exact
year: 2024
source: "test"
rounding: { decimals: 10 }
criteria:
  - { id: "1", max: 100000000, rule: { manual: {} } }
`,
);
writeFileSync(join(dir, "points.csv"), "unit,criterion,self,appraised\nu1,1,,12345678.1234567891\n");

describe("score --format json", () => {
  it("writes 12345678.1234567891 digit for digit (JSON.stringify would write 12345678.12345679)", async () => {
    const r = await cli("score", "--framework", join(dir, "fw.yaml"), "--points", join(dir, "points.csv"), "--format", "json", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"points": 12345678.1234567891');
    expect(r.stdout).not.toContain("12345678.12345679");
    const parsed = JSON.parse(r.stdout);
    expect(parsed.units[0].criteria[0].id).toBe("1");
    // index = 12345678.1234567891 / 100000000 × 100 = 12.345678123456789100 → 12.3456781235
    expect(parsed.units[0].index).toBe(12.3456781235);
  });
});

describe("stringifyJson", () => {
  it("is JSON.stringify(value, null, 2) for plain JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(stringifyJson(v, 2)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 300 },
    );
  });
  it("writes exact numbers as their digits", () => {
    expect(stringifyJson({ a: [new ExactJsonNumber("9007199254740993")] }, 0)).toBe('{"a":[9007199254740993]}');
    expect(JSON.stringify({ a: new ExactJsonNumber("0.1000000000000000055511151231257827") })).toBe('{"a":0.1}');
  });
});
