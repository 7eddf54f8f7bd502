import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const W = "fixtures/hanoi/wards";
const WARDS = ["--framework", "frameworks/hanoi-ward-2024.yaml", "--units", `${W}/units.csv`, "--points", `${W}/points.csv`, "--evidence", `${W}/sipas.csv`, "--locale", "vi"];
const M = "fixtures/merger-2025";
const COMPARE = [
  "compare", "--base", `${M}/results-2024.json`, "--framework", `${M}/hanoi-ward-2025-demo.yaml`, "--units", `${M}/units-2025.csv`,
  "--points", `${M}/points-2025.csv`, "--evidence", `${M}/sipas-2025.csv`, "--locale", "vi", "--lineage", `${M}/lineage.csv`, "--crosswalk", `${M}/crosswalk.yaml`,
];

let results = "";
beforeAll(async () => {
  results = join(mkdtempSync(join(tmpdir(), "par-analysis-locale-")), "wards.json");
  expect((await cli("score", ...WARDS, "--format", "json", "--out", results)).code).toBe(0);
});

const comma = (n: number, d = 2) => n.toFixed(d).replace(".", ",");
const rowOf = (text: string, start: string) => text.split("\n").find((l) => l.startsWith(start)) ?? "";
/** Every number with decimals in a text. */
const decimalsIn = (text: string) => text.match(/\d+[.,]\d\d\b/g) ?? [];
const csvRows = (text: string, delimiter: string) => parse(text.replace(/^\uFEFF/, ""), { delimiter, relaxQuotes: false }) as string[][];

describe("analysis tables follow --locale as the score tables do", () => {
  it("gaps: a Vietnamese table writes the decimal comma by default, its numbers those of the JSON", async () => {
    const json = JSON.parse((await cli("gaps", "--results", results)).stdout) as { total_lost: number; criteria: { id: string; lost: number; lost_mean: number; top: { unit: string; lost: number }[] }[] };
    const vi = (await cli("gaps", "--results", results, "--format", "table")).stdout;
    expect(vi).toContain(`(tất cả đơn vị: ${comma(json.total_lost)} điểm)`);
    const first = json.criteria[0]!;
    const line = rowOf(vi, `${first.id} `);
    expect(line).toContain(` ${comma(first.lost)} `);
    expect(line).toContain(`${first.top[0]!.unit} (${comma(first.top[0]!.lost)})`);
    expect(decimalsIn(vi).every((n) => n.includes(","))).toBe(true);
    // English: a decimal point, byte for byte what --locale en gives.
    const en = (await cli("gaps", "--results", results, "--format", "table", "--lang", "en")).stdout;
    expect(rowOf(en, `${first.id} `)).toContain(` ${first.lost.toFixed(2)} `);
    expect(decimalsIn(en).every((n) => n.includes("."))).toBe(true);
    expect((await cli("gaps", "--results", results, "--format", "table", "--lang", "en", "--locale", "en")).stdout).toBe(en);
    // --locale vi with English words; --locale en with Vietnamese words.
    const enVi = (await cli("gaps", "--results", results, "--format", "md", "--lang", "en", "--locale", "vi")).stdout;
    expect(enVi).toContain(`| Criterion | Title | Max |`);
    expect(enVi).toContain(`(all units: ${comma(json.total_lost)} points)`);
    const viEn = (await cli("gaps", "--results", results, "--format", "md", "--locale", "en")).stdout;
    expect(viEn).toContain(`(tất cả đơn vị: ${json.total_lost.toFixed(2)} điểm)`);
  });

  it("gaps CSV: locale en by default; --locale vi writes ; a decimal comma and a BOM, the same cells otherwise", async () => {
    const en = (await cli("gaps", "--results", results, "--format", "csv")).stdout;
    expect(en.startsWith("id,title,max,")).toBe(true);
    const viCsv = (await cli("gaps", "--results", results, "--format", "csv", "--locale", "vi")).stdout;
    expect(viCsv.startsWith("\uFEFFid;title;max;units;full;lost;lost_mean;share;top\r\n")).toBe(true);
    const a = csvRows(en, ",");
    const b = csvRows(viCsv, ";");
    expect(b.length).toBe(a.length);
    // The top column holds "; " between units: quoted in a ;-separated file, so every row keeps 9 cells.
    expect(b.every((r) => r.length === 9)).toBe(true);
    // Numbers change their decimal mark; criterion ids (1.1.2) and text stay as they are.
    const vi = (c: string) => (/^-?\d+\.\d+$/.test(c) ? c.replace(".", ",") : c.replace(/\((\d+)\.(\d+)\)/g, "($1,$2)"));
    for (let i = 1; i < a.length; i++) expect(b[i]).toEqual(a[i]!.map((c, k) => (k === 0 ? c : vi(c))));
    expect((await cli("gaps", "--results", results, "--format", "csv", "--locale", "xx")).code).toBe(2);
  });

  it("plan, rollup and compare: Vietnamese tables with the decimal comma, English with the point", async () => {
    const plan = ["plan", "--results", results, "--units", `${W}/units.csv`, "--unit", "cg-yen-hoa"];
    const pj = JSON.parse((await cli(...plan)).stdout) as { index: number; target: { index: number }; options: { id: string; index: number }[] };
    const pv = (await cli(...plan, "--format", "table")).stdout;
    expect(rowOf(pv, "Yên Hòa")).toContain(comma(pj.index));
    expect(rowOf(pv, "Yên Hòa")).toContain(`chỉ số ${String(pj.target.index).replace(".", ",")}`);
    expect(rowOf(pv, `${pj.options[0]!.id} `)).toContain(comma(pj.options[0]!.index));
    const pe = (await cli(...plan, "--format", "table", "--lang", "en")).stdout;
    expect(rowOf(pe, "Yên Hòa")).toContain(`index ${pj.target.index}`);
    expect(decimalsIn(pe).every((n) => n.includes("."))).toBe(true);

    const rollup = ["rollup", "--results", results, "--units", `${W}/units.csv`, "--by", "parent"];
    const rj = JSON.parse((await cli(...rollup)).stdout) as { groups: { group: string; mean: number; min: { unit: string; index: number } }[] };
    const rv = (await cli(...rollup, "--format", "table")).stdout;
    const g = rj.groups[0]!;
    expect(rv).toMatch(new RegExp(`${g.group}.* ${comma(g.mean)} .*${g.min.unit} \\(${comma(g.min.index)}\\)`));
    const rcsv = (await cli(...rollup, "--format", "csv", "--locale", "vi")).stdout;
    expect(rcsv.startsWith("\uFEFFrank;group;units;complete;mean;")).toBe(true);
    expect(rcsv).toContain(`;${comma(g.mean)};`);

    const cj = JSON.parse((await cli(...COMPARE)).stdout) as { units: { unit: string; index: number; delta: number }[] };
    const cv = (await cli(...COMPARE, "--format", "table")).stdout;
    const u = cj.units[0]!;
    expect(rowOf(cv.split("\n").slice(1).join("\n"), "       1")).toContain(` ${comma(u.index)} `);
    expect(decimalsIn(cv).every((n) => n.includes(","))).toBe(true);
    // --locale is how the evidence files and the output write numbers, in either language (as for score).
    const ce = (await cli(...COMPARE, "--format", "table", "--lang", "en")).stdout;
    expect(ce).toContain("Places gained");
    expect(decimalsIn(ce).every((n) => n.includes(","))).toBe(true);
    const fromSaved = await cli("compare", "--base", `${M}/results-2024.json`, "--current", `${M}/results-2024.json`, "--format", "md", "--lang", "en");
    expect(decimalsIn(fromSaved.stdout).length).toBeGreaterThan(0);
    expect(decimalsIn(fromSaved.stdout).every((n) => n.includes("."))).toBe(true);
  });

  it("xlsx keeps numbers as numeric cells whatever the locale", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "par-analysis-locale-")), "gaps.xlsx");
    expect((await cli("gaps", "--results", results, "--format", "xlsx", "--out", out, "--locale", "vi")).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});
