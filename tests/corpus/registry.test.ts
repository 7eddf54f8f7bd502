/**
 * fixtures/registry/ holds public facts: the units since 1 July 2025 and before, with lineage.
 * These tests check the facts that the resolutions state (34 provinces: 28 tỉnh and 6 thành phố;
 * Hà Nội: 126 units, 51 phường and 75 xã, from 526), that every file loads as a registry with no
 * diagnostic, and that the lineage files are closed: every `from` is an old unit, every `to` a new
 * one, every old unit goes somewhere and every new unit comes from somewhere.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadEvidence } from "../../src/node/index.js";

const DIR = "fixtures/registry";
const rows = (file: string) => readFileSync(`${DIR}/${file}`, "utf8").trim().split("\n").map((l) => l.split(","));
const body = (file: string) => rows(file).slice(1);

async function registry(file: string) {
  const set = await loadEvidence({ units: `${DIR}/${file}` }, { inputs: new Map(), criteria: new Set<string>() });
  expect(set.diagnostics).toEqual([]);
  return set.units;
}

function checkLineage(lineageFile: string, oldCodes: Set<string>, newCodes: Set<string>): void {
  const [header, ...pairs] = rows(lineageFile);
  expect(header).toEqual(["from", "to"]);
  const seen = new Set<string>();
  for (const [from, to] of pairs) {
    expect(oldCodes.has(from!), `${lineageFile}: from ${from} is an old unit`).toBe(true);
    expect(newCodes.has(to!), `${lineageFile}: to ${to} is a new unit`).toBe(true);
    const key = `${from},${to}`;
    expect(seen.has(key), `${lineageFile}: ${key} appears once`).toBe(false);
    seen.add(key);
  }
  expect(new Set(pairs.map(([f]) => f))).toEqual(oldCodes);
  expect(new Set(pairs.map(([, t]) => t))).toEqual(newCodes);
}

describe("registry of the 34 provinces (Nghị quyết 202/2025/QH15)", () => {
  it("has 34 units, 6 centrally-run cities and 28 provinces, with two-digit official codes", async () => {
    const units = await registry("provinces-2025.csv");
    expect(units).toHaveLength(34);
    expect(units.filter((u) => u.type === "thanh_pho").map((u) => u.name).sort()).toEqual(
      ["Cần Thơ", "Hà Nội", "Hải Phòng", "Hồ Chí Minh", "Huế", "Đà Nẵng"].sort(),
    );
    expect(units.every((u) => /^\d{2}$/.test(u.code))).toBe(true);
    expect(units.find((u) => u.code === "01")?.name).toBe("Hà Nội");
  });

  it("maps the 63 old provinces onto the 34, 11 of them unchanged", async () => {
    const old = await registry("provinces-before-2025-07.csv");
    expect(old).toHaveLength(63);
    const now = await registry("provinces-2025.csv");
    checkLineage("provinces-2025-lineage.csv", new Set(old.map((u) => u.code)), new Set(now.map((u) => u.code)));
    const pairs = body("provinces-2025-lineage.csv");
    const sizes = new Map<string, number>();
    for (const [, to] of pairs) sizes.set(to!, (sizes.get(to!) ?? 0) + 1);
    expect([...sizes.values()].filter((n) => n === 1)).toHaveLength(11);
    expect([...sizes.values()].filter((n) => n > 1)).toHaveLength(23);
    // an old code can mean another unit after the merger: 15 was Yên Bái, it is now Lào Cai
    expect(old.find((u) => u.code === "15")?.name).toBe("Yên Bái");
    expect(now.find((u) => u.code === "15")?.name).toBe("Lào Cai");
    expect(pairs).toContainEqual(["10", "15"]);
  });

  it("keys the same lineage by the slugs of fixtures/provinces, so a national-province-2024 result can be the base", () => {
    const slugs = new Set(readFileSync("fixtures/provinces/units.csv", "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]!));
    checkLineage("provinces-2025-lineage-from-slugs.csv", slugs, new Set(body("provinces-2025.csv").map(([c]) => c!)));
    const bySlug = new Map(body("provinces-before-2025-07.csv").map(([code, , , , slug]) => [slug!, code!]));
    const official = new Set(body("provinces-2025-lineage.csv").map(([f, t]) => `${f},${t}`));
    for (const [slug, to] of body("provinces-2025-lineage-from-slugs.csv")) expect(official.has(`${bySlug.get(slug!)},${to}`)).toBe(true);
  });
});

describe("registry of Hà Nội's communes and wards (Nghị quyết 1656/NQ-UBTVQH15)", () => {
  it("has 126 units since 1 July 2025: 51 phường and 75 xã, five-digit codes", async () => {
    const units = await registry("hanoi-communes-2025.csv");
    expect(units).toHaveLength(126);
    expect(units.filter((u) => u.type === "phuong")).toHaveLength(51);
    expect(units.filter((u) => u.type === "xa")).toHaveLength(75);
    expect(units.every((u) => /^\d{5}$/.test(u.code))).toBe(true);
    expect(units.find((u) => u.code === "00070")?.name).toBe("Hoàn Kiếm");
    expect(units.find((u) => u.code === "00226")?.name).toBe("Văn Miếu - Quốc Tử Giám");
  });

  it("had 526 units before: 160 phường, 345 xã, 21 thị trấn, each in its district", async () => {
    const old = await registry("hanoi-communes-before-2025-07.csv");
    expect(old).toHaveLength(526);
    const count = (t: string) => old.filter((u) => u.type === t).length;
    expect([count("phuong"), count("xa"), count("thi_tran")]).toEqual([160, 345, 21]);
    expect(new Set(old.map((u) => u.parent)).size).toBe(30);
  });

  it("lineage: every old unit goes into at least one new unit and every new unit has a source", async () => {
    const old = await registry("hanoi-communes-before-2025-07.csv");
    const now = await registry("hanoi-communes-2025.csv");
    checkLineage("hanoi-communes-2025-lineage.csv", new Set(old.map((u) => u.code)), new Set(now.map((u) => u.code)));
    // the scope file lists the same pairs, each full or partial; a unit that went wholly into one
    // new unit appears in no other pair
    const scope = body("hanoi-communes-2025-lineage-scope.csv");
    expect(scope.map(([f, t]) => `${f},${t}`)).toEqual(body("hanoi-communes-2025-lineage.csv").map(([f, t]) => `${f},${t}`));
    expect(new Set(scope.map(([, , s]) => s))).toEqual(new Set(["full", "partial"]));
    const pairsOf = new Map<string, number>();
    for (const [from] of scope) pairsOf.set(from!, (pairsOf.get(from!) ?? 0) + 1);
    for (const [from, , s] of scope) if (s === "full") expect(pairsOf.get(from!), `${from} went wholly into one unit`).toBe(1);
    // checked against clauses 89 and 104 of the resolution: xã Sơn Đồng (Hoài Đức) went wholly into xã Sơn Đồng
    expect(scope.filter(([f]) => f === "09859")).toEqual([["09859", "09871", "full"]]);
  });
});
