import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const C = "fixtures/hanoi-2025/communes";
const ARGS = ["--framework", "frameworks/hanoi-commune-2025.yaml", "--units", "fixtures/registry/hanoi-communes-2025.csv",
  "--evidence", `${C}/inputs.csv`, "--evidence", `${C}/survey.csv`, "--points", `${C}/points.csv`, "--locale", "vi"];

describe("Hà Nội 2025: wards and communes ranked in separate blocks", () => {
  it("ranks each block 1…n on its own (competition ties), as the registry's type says", async () => {
    const r = await cli("score", ...ARGS);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { units: { unit: string; rank: number; index: number }[] };
    const registry = readFileSync("fixtures/registry/hanoi-communes-2025.csv", "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const typeOf = new Map(registry.map(([code, , type]) => [code!, type!]));
    const blocks = new Map<string, { rank: number; index: number }[]>();
    for (const u of json.units) blocks.set(typeOf.get(u.unit)!, [...(blocks.get(typeOf.get(u.unit)!) ?? []), u]);
    expect([...blocks.keys()].sort()).toEqual(["phuong", "xa"]);
    expect(blocks.get("phuong")).toHaveLength(51);
    expect(blocks.get("xa")).toHaveLength(75);
    for (const units of blocks.values()) {
      const sorted = [...units].sort((a, b) => a.rank - b.rank);
      sorted.forEach((u, i) => {
        // competition ranking: a unit's rank is 1 + the number of units of its block with a higher index
        expect(u.rank).toBe(1 + sorted.filter((v) => v.index > u.index).length);
        if (i === 0) expect(u.rank).toBe(1);
      });
    }
    // the designed tie in the commune block: Trung Giã and Kim Anh share a rank
    const tie = json.units.filter((u) => u.unit === "00385" || u.unit === "00382");
    expect(tie[0]!.rank).toBe(tie[1]!.rank);
  });

  it("the table groups each block's ranks together", async () => {
    const r = await cli("score", ...ARGS, "--format", "table");
    const rows = r.stdout.split("\n").slice(2).filter((l) => /^\s*\d+\s/.test(l)).map((l) => l.trim().split(/\s{2,}/));
    // each block is printed as one run of rows: collapsing consecutive labels leaves one per block
    const runs = rows.map((row) => row[1]).filter((g, i, all) => i === 0 || all[i - 1] !== g);
    expect([...runs].sort()).toEqual(["phuong", "xa"]);
    expect(rows.filter((row) => row[1] === "phuong")[0]![0]).toBe("1");
    expect(rows.filter((row) => row[1] === "xa")[0]![0]).toBe("1");
  });

  it("the demo shows the head of each block, in Vietnamese by default and in English on request", async () => {
    const vi = await cli("demo");
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain("Khối phường (51):");
    expect(vi.stdout).toContain("Khối xã (75):");
    const en = await cli("demo", "--lang", "en");
    expect(en.stdout).toContain("Wards (phường) (51):");
    expect(en.stdout).toContain("Communes (xã) (75):");
    // The indices of each block's head: decimal comma in Vietnamese, point in English.
    const head = (out: string, block: string) => {
      const lines = out.split("\n");
      const at = lines.findIndex((l) => l.includes(block));
      return lines.slice(at + 1, at + 4);
    };
    for (const line of [...head(vi.stdout, "Khối phường (51):"), ...head(vi.stdout, "Khối xã (75):")]) {
      expect(line).toMatch(/^\s+\d+ {2}\S.* \d{1,3},\d{2}(\s|$)/);
      expect(line).not.toMatch(/\d\.\d/);
    }
    for (const line of head(en.stdout, "Wards (phường) (51):")) expect(line).toMatch(/ \d{1,3}\.\d{2}(\s|$)/);
  });
});
