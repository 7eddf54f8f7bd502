import { describe, expect, it } from "vitest";
import { cli } from "../../cli/helpers.js";

const W = "fixtures/hanoi/wards";
const FW = ["--framework", "frameworks/hanoi-ward-2024.yaml", "--units", `${W}/units.csv`, "--locale", "vi"];

describe("the committed workbook fixtures (fixtures/xlsx)", () => {
  it("the filled self-assessment workbook scores as the same data in CSV; the blank one only lacks values", async () => {
    const viaCsv = JSON.parse((await cli("score", ...FW, "--points", `${W}/points.csv`, "--evidence", `${W}/sipas.csv`)).stdout);
    const filled = await cli("score", ...FW, "--evidence", "fixtures/xlsx/tu-cham-phuong-2024-da-dien.xlsx");
    expect(filled.code).toBe(0);
    expect(JSON.parse(filled.stdout).units).toEqual(viaCsv.units);
    const blank = JSON.parse((await cli("score", ...FW, "--evidence", "fixtures/xlsx/tu-cham-phuong-2024.xlsx")).stdout);
    expect(blank.units.every((u: { complete: boolean }) => !u.complete)).toBe(true);
    expect(blank.diagnostics.filter((d: { code: string }) => /^(evidence|xlsx)-/.test(d.code)).map((d: { code: string }) => d.code)).toEqual(["xlsx-no-header"]);
  });
});
