import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { openWorkbook, type CellValue } from "../../src/node/xlsx/workbook.js";
import { cli } from "./helpers.js";

const W = "fixtures/hanoi/wards";
const WARDS = ["--framework", "frameworks/hanoi-ward-2024.yaml", "--units", `${W}/units.csv`, "--points", `${W}/points.csv`, "--evidence", `${W}/sipas.csv`, "--locale", "vi"];
const M = "fixtures/merger-2025";
const MERGER_2025 = ["--framework", `${M}/hanoi-ward-2025-demo.yaml`, "--units", `${M}/units-2025.csv`, "--points", `${M}/points-2025.csv`, "--evidence", `${M}/sipas-2025.csv`, "--locale", "vi"];
const COMPARE = ["compare", "--base", `${M}/results-2024.json`, ...MERGER_2025, "--lineage", `${M}/lineage.csv`, "--crosswalk", `${M}/crosswalk.yaml`];

let dir = "";
let resultsFile = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "par-analysis-xlsx-"));
  resultsFile = join(dir, "wards.json");
  expect((await cli("score", ...WARDS, "--format", "json", "--out", resultsFile)).code).toBe(0);
});

interface Sheet {
  name: string;
  /** Non-empty rows by 1-based row number, as the project's reader sees them. */
  rows: Map<number, readonly (CellValue | undefined)[]>;
}

/** Reads a workbook with the project's own reader (what `import` would see). */
async function readBack(path: string): Promise<Sheet[]> {
  const opened = await openWorkbook(path);
  if (!opened.ok) throw new Error(`not a workbook: ${opened.reason}`);
  const sheets: Sheet[] = [];
  for (const info of opened.workbook.sheets) {
    const rows = new Map<number, readonly (CellValue | undefined)[]>();
    await opened.workbook.readSheet(info, (row, cells) => rows.set(row, cells));
    sheets.push({ name: info.name, rows });
  }
  return sheets;
}

const textOf = (c: CellValue | undefined) => (c?.kind === "text" ? c.text : undefined);

/** The header row: the first row whose cells include `heading` (below the title block). */
function header(sheet: Sheet, heading: string): { row: number; headings: string[] } {
  for (const [row, cells] of sheet.rows) {
    const headings = cells.map((c) => textOf(c) ?? "");
    if (headings.includes(heading)) return { row, headings };
  }
  throw new Error(`no header "${heading}" in sheet ${sheet.name}`);
}

/** The cell under `heading` in the data row whose column `keyHeading` reads `key`. */
function cellAt(sheet: Sheet, keyHeading: string, key: string, heading: string): CellValue | undefined {
  const h = header(sheet, keyHeading);
  const k = h.headings.indexOf(keyHeading);
  const c = h.headings.indexOf(heading);
  expect(c).toBeGreaterThanOrEqual(0);
  for (const [row, cells] of sheet.rows) if (row > h.row && textOf(cells[k]) === key) return cells[c];
  throw new Error(`no row "${key}" in sheet ${sheet.name}`);
}

/** A numeric cell's value (failing when the cell is text). */
function num(c: CellValue | undefined): number {
  expect(c?.kind).toBe("number");
  return (c as { value: number }).value;
}

/** Every cell of every sheet: no formula, and the number format of each numeric cell. */
async function formulasAndFormats(path: string): Promise<{ formulas: number; formats: Map<string, Set<string>> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  let formulas = 0;
  const formats = new Map<string, Set<string>>();
  wb.eachSheet((ws) => {
    const set = new Set<string>();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined) formulas++;
        if (typeof cell.value === "number") set.add(cell.numFmt);
      }),
    );
    formats.set(ws.name, set);
  });
  return { formulas, formats };
}

describe("analysis commands --format xlsx", () => {
  it("gaps: one sheet per table, Vietnamese headings, the JSON's numbers as numeric cells with 2 decimals, no formula", async () => {
    const out = join(dir, "gaps.xlsx");
    const r = await cli("gaps", "--results", resultsFile, "--format", "xlsx", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const json = JSON.parse((await cli("gaps", "--results", resultsFile)).stdout) as { criteria: { id: string; max: number; units: number; lost: number; share: number }[] };
    const sheets = await readBack(out);
    expect(sheets.map((s) => s.name)).toEqual(["Điểm bị mất theo tiêu chí"]);
    const s = sheets[0]!;
    // The full title (with the total) stays above the table.
    expect(textOf(s.rows.get(1)?.[0])).toMatch(/^Điểm bị mất theo tiêu chí \(tất cả đơn vị: [\d.,]+ điểm\)$/);
    expect(header(s, "Tiêu chí").headings.slice(0, 6)).toEqual(["Tiêu chí", "Nội dung", "Điểm tối đa", "Số đơn vị", "Đạt tối đa", "Điểm mất"]);
    for (const c of json.criteria.slice(0, 5)) {
      expect(num(cellAt(s, "Tiêu chí", c.id, "Điểm mất"))).toBe(c.lost);
      expect(num(cellAt(s, "Tiêu chí", c.id, "Điểm tối đa"))).toBe(c.max);
      expect(num(cellAt(s, "Tiêu chí", c.id, "Số đơn vị"))).toBe(c.units);
    }
    const { formulas, formats } = await formulasAndFormats(out);
    expect(formulas).toBe(0);
    expect([...formats.get("Điểm bị mất theo tiêu chí")!].sort()).toEqual(["0", "0.00"]);
  });

  it("gaps --lang en: English sheet names and headings", async () => {
    const out = join(dir, "gaps-en.xlsx");
    expect((await cli("gaps", "--results", resultsFile, "--format", "xlsx", "--out", out, "--lang", "en")).code).toBe(0);
    const sheets = await readBack(out);
    expect(sheets.map((s) => s.name)).toEqual(["Points lost by criterion"]);
    expect(header(sheets[0]!, "Criterion").headings.slice(0, 3)).toEqual(["Criterion", "Title", "Max"]);
  });

  it("plan: the unit sheet and the options sheet, with the JSON's index, rank and gains", async () => {
    const args = ["plan", "--results", resultsFile, "--units", `${W}/units.csv`, "--unit", "btl-dong-ngac"];
    const out = join(dir, "plan.xlsx");
    expect((await cli(...args, "--format", "xlsx", "--out", out)).code).toBe(0);
    const json = JSON.parse((await cli(...args)).stdout) as { index: number; rank: number; options: { id: string; available: number; index: number; rank: number }[] };
    const sheets = await readBack(out);
    // Sheet names are cut at a word within Excel's 31 characters.
    expect(sheets.map((s) => s.name)).toEqual(["Đơn vị và mục tiêu", "Các tiêu chí bị mất điểm", "Số tiêu chí ít nhất để đạt mục"]);
    for (const s of sheets) expect([...s.name].length).toBeLessThanOrEqual(31);
    const unit = sheets[0]!;
    expect(num(cellAt(unit, "Đơn vị", "Đông Ngạc (btl-dong-ngac)", "Chỉ số"))).toBe(json.index);
    expect(num(cellAt(unit, "Đơn vị", "Đông Ngạc (btl-dong-ngac)", "Xếp hạng"))).toBe(json.rank);
    const options = sheets[1]!;
    for (const o of json.options.slice(0, 4)) {
      expect(num(cellAt(options, "Tiêu chí", o.id, "Điểm có thể thêm"))).toBe(o.available);
      expect(num(cellAt(options, "Tiêu chí", o.id, "Chỉ số khi đó"))).toBe(o.index);
      expect(num(cellAt(options, "Tiêu chí", o.id, "Xếp hạng khi đó"))).toBe(o.rank);
    }
    expect((await formulasAndFormats(out)).formulas).toBe(0);
  });

  it("rollup: the groups with their means and counts as numbers", async () => {
    const args = ["rollup", "--results", resultsFile, "--units", `${W}/units.csv`, "--by", "parent"];
    const out = join(dir, "rollup.xlsx");
    expect((await cli(...args, "--format", "xlsx", "--out", out)).code).toBe(0);
    const json = JSON.parse((await cli(...args)).stdout) as { groups: { group: string; units: number; mean: number; median: number }[] };
    const sheets = await readBack(out);
    expect(sheets.map((s) => s.name)).toEqual(['Tổng hợp theo nhóm "parent"']);
    const s = sheets[0]!;
    expect(json.groups.length).toBe(2);
    for (const g of json.groups) {
      expect(num(cellAt(s, "Nhóm", g.group, "Bình quân"))).toBe(g.mean);
      expect(num(cellAt(s, "Nhóm", g.group, "Trung vị"))).toBe(g.median);
      expect(num(cellAt(s, "Nhóm", g.group, "Số đơn vị"))).toBe(g.units);
    }
    expect((await formulasAndFormats(out)).formulas).toBe(0);
  });

  it("compare across the 2025 merger: units and criteria sheets, negative deltas as numbers", async () => {
    const out = join(dir, "compare.xlsx");
    expect((await cli(...COMPARE, "--format", "xlsx", "--out", out)).code).toBe(0);
    const json = JSON.parse((await cli(...COMPARE)).stdout) as { units: { unit: string; base_index: number | null; index: number; delta: number | null; rank: number }[] };
    const sheets = await readBack(out);
    expect(sheets.map((s) => s.name)).toEqual(["Đơn vị", "Tiêu chí"]);
    const units = sheets[0]!;
    for (const u of json.units) {
      expect(num(cellAt(units, "Mã", u.unit, "Chỉ số 2025"))).toBe(u.index);
      expect(num(cellAt(units, "Mã", u.unit, "Xếp hạng"))).toBe(u.rank);
      if (u.delta !== null) expect(num(cellAt(units, "Mã", u.unit, "Tăng/giảm"))).toBe(u.delta);
    }
    const { formulas, formats } = await formulasAndFormats(out);
    expect(formulas).toBe(0);
    expect(formats.get("Tiêu chí")).toEqual(new Set(["0.00"]));
  });

  it("--format xlsx without --out is a one-line usage error (exit 2) for each command, before any work", async () => {
    for (const args of [
      ["gaps", "--results", resultsFile],
      ["plan", "--results", resultsFile, "--units", `${W}/units.csv`, "--unit", "btl-dong-ngac"],
      ["rollup", "--results", resultsFile, "--units", `${W}/units.csv`, "--by", "parent"],
      COMPARE,
    ]) {
      const r = await cli(...args, "--format", "xlsx");
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")[0]).toContain("--format xlsx cần có --out TỆP.xlsx (bảng tính không in ra màn hình được).");
      expect((await cli(...args, "--format", "xlsx", "--lang", "en")).stderr.split("\n")[0]).toContain("--format xlsx needs --out");
    }
  });
});
