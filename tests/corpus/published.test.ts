import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../cli/helpers.js";

/** Public facts: Hà Nội district-level PAR INDEX 2023 (fixtures/published/README.md). */
function published(): { unit: string; index: number | undefined; rank: number }[] {
  const [, ...rows] = readFileSync("fixtures/published/hanoi-districts-2023.csv", "utf8").trim().split("\n");
  return rows.map((r) => {
    const [unit, , , index, rank] = r.split(",");
    return { unit: unit!, index: index ? Number(index) : undefined, rank: Number(rank) };
  });
}

describe("published results come out as published", () => {
  it("Hà Nội districts 2023: values, shared rank 2, rank 4 next, Phú Xuyên last", async () => {
    const r = await cli(
      "score",
      "--framework", "fixtures/published/total-only.yaml",
      "--units", "fixtures/published/units.csv",
      "--points", "fixtures/published/hanoi-districts-2023-points.csv",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.diagnostics).toEqual([]);
    const facts = published().filter((p) => p.index !== undefined);
    const byUnit = new Map<string, { rank: number; index: number; complete: boolean }>(json.units.map((u: { unit: string }) => [u.unit, u]));
    for (const fact of facts) {
      const unit = byUnit.get(fact.unit)!;
      expect(unit.index).toBe(fact.index);
      expect(unit.complete).toBe(true);
      if (fact.rank < 30) expect(unit.rank).toBe(fact.rank);
    }
    // Đống Đa first; Nam Từ Liêm and Hoàn Kiếm share 2nd; Cầu Giấy 4th (competition ranking).
    expect(json.units.map((u: { unit: string; rank: number }) => `${u.rank}:${u.unit}`)).toEqual([
      "1:dong-da",
      "2:hoan-kiem",
      "2:nam-tu-liem",
      "4:cau-giay",
      "5:phu-xuyen",
    ]);
    expect(json.units.at(-1).unit).toBe("phu-xuyen");
  });

  it("gives the same ranks whatever the order of the rows", async () => {
    const points = readFileSync("fixtures/published/hanoi-districts-2023-points.csv", "utf8").trim().split("\n");
    const reversed = [points[0], ...points.slice(1).reverse()].join("\n") + "\n";
    const file = join(mkdtempSync(join(tmpdir(), "par-pub-")), "points.csv");
    writeFileSync(file, reversed);
    const a = JSON.parse((await cli("score", "--framework", "fixtures/published/total-only.yaml", "--units", "fixtures/published/units.csv", "--points", "fixtures/published/hanoi-districts-2023-points.csv")).stdout);
    const b = JSON.parse((await cli("score", "--framework", "fixtures/published/total-only.yaml", "--units", "fixtures/published/units.csv", "--points", file)).stdout);
    expect(b.units).toEqual(a.units);
  });
});
