import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli } from "../../cli/helpers.js";

const W = "fixtures/hanoi/wards";
const FW = ["--framework", "frameworks/hanoi-ward-2024.yaml"];
const dir = mkdtempSync(join(tmpdir(), "par-tpl-"));

function csvRows(path: string): string[][] {
  return readFileSync(path, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "").slice(1).map((l) => l.split(";"));
}
const viNumber = (s: string): number | null => (s === "" ? null : Number(s.replace(",", ".")));

/** The row number of a sheet's machine header (first cell "unit"). */
function headerRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === "unit") return r;
  throw new Error(`no header in ${ws.name}`);
}

describe("par-index template: write → fill programmatically → score", () => {
  it("a filled template scores exactly as the same data in CSV; blank cells are missing values, not errors of form", async () => {
    const template = join(dir, "tu-cham.xlsx");
    const t = await cli("template", ...FW, "--units", `${W}/units.csv`, "--locale", "vi", "--out", template);
    expect(t.code).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Hướng dẫn", "Tự chấm", "Số liệu"]);
    const pts = wb.getWorksheet("Tự chấm")!;
    const h = headerRow(pts);
    expect((pts.getRow(h).values as unknown[]).slice(1)).toEqual(["unit", "criterion", "title", "max", "scoring", "self", "appraised", "documents", "note"]);
    expect(pts.getCell(h - 1, 6).value).toBe("Điểm tự chấm");
    // Validation 0..max on the rule's step (1.1.1: max 1, step 0.5).
    const first = h + 1;
    expect(pts.getCell(first, 2).value).toBe("1.1.1");
    expect(pts.getCell(first, 4).value).toBe(1);
    // The documents the criterion requires are told in "scoring"; "documents" is left for the unit's own.
    expect(String(pts.getCell(first, 5).value)).toMatch(/Tài liệu kiểm chứng: .+\.$/);
    expect(pts.getCell(first, 8).value).toBeNull();
    expect(pts.getCell(first, 6).dataValidation).toMatchObject({ type: "custom", formulae: [expect.stringContaining("MOD(ROUND(F" + first + "*1000000,0),ROUND(0.5*1000000,0))=0")] });
    expect(pts.getCell(first, 6).dataValidation.formulae[0]).toContain(`F${first}<=1`);
    expect(pts.views[0]).toMatchObject({ state: "frozen", ySplit: h });
    const inputs = wb.getWorksheet("Số liệu")!;
    const hi = headerRow(inputs);
    expect((inputs.getRow(hi).values as unknown[]).slice(1)).toEqual(["unit", "input", "label", "type", "value", "note"]);
    expect(inputs.getCell(hi + 1, 5).dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 100] });

    // The unit and the council fill it in: points from the CSV points table, SIPAS figures typed as numbers.
    const points = new Map(csvRows(`${W}/points.csv`).map((r) => [`${r[0]}|${r[1]}`, r]));
    let filled = 0;
    for (let r = first; r <= pts.rowCount; r++) {
      const p = points.get(`${pts.getCell(r, 1).value}|${pts.getCell(r, 2).value}`);
      if (p === undefined) continue;
      filled++;
      const self = viNumber(p[2]!);
      const appraised = viNumber(p[3]!);
      if (self !== null) pts.getCell(r, 6).value = self;
      if (appraised !== null) pts.getCell(r, 7).value = appraised;
      if (p[4]) pts.getCell(r, 9).value = p[4];
    }
    expect(filled).toBe(points.size);
    const [sipasHeader, ...sipasRows] = readFileSync(`${W}/sipas.csv`, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "").map((l) => l.split(";"));
    const sipas = new Map<string, number>();
    for (const row of sipasRows) row.slice(1).forEach((v, i) => sipas.set(`${row[0]}|${sipasHeader![i + 1]}`, viNumber(v)!));
    for (let r = hi + 1; r <= inputs.rowCount; r++) {
      const v = sipas.get(`${inputs.getCell(r, 1).value}|${inputs.getCell(r, 2).value}`);
      if (v !== undefined) inputs.getCell(r, 5).value = v;
    }
    const filledPath = join(dir, "tu-cham-da-dien.xlsx");
    await wb.xlsx.writeFile(filledPath);

    const viaCsv = await cli("score", ...FW, "--units", `${W}/units.csv`, "--points", `${W}/points.csv`, "--evidence", `${W}/sipas.csv`, "--locale", "vi");
    const viaTemplate = await cli("score", ...FW, "--units", `${W}/units.csv`, "--locale", "vi", "--evidence", filledPath);
    expect(viaTemplate.code).toBe(0);
    expect(JSON.parse(viaTemplate.stdout).units).toEqual(JSON.parse(viaCsv.stdout).units);
    const warnings = JSON.parse(viaTemplate.stdout).diagnostics.map((d: { code: string; sheet?: string }) => `${d.code} ${d.sheet}`);
    expect(warnings).toEqual(["xlsx-no-header Hướng dẫn"]);

    // The template as sent (nothing filled in): only missing values, never an error of form.
    const blank = JSON.parse((await cli("score", ...FW, "--units", `${W}/units.csv`, "--locale", "vi", "--evidence", template)).stdout);
    const codes = new Set(blank.diagnostics.map((d: { code: string }) => d.code));
    expect([...codes].filter((c) => /^(evidence|xlsx)-/.test(c as string))).toEqual(["xlsx-no-header"]);
    expect(codes.has("missing-points")).toBe(true);
  });

  it("without --units: one block of rows the unit fills in; enum and boolean dropdowns, date validation; --lang en", async () => {
    const out = join(dir, "district.xlsx");
    expect((await cli("template", "--framework", "frameworks/hanoi-district-2023.yaml", "--out", out, "--lang", "en")).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Guidance", "Tự chấm", "Số liệu"]);
    const inputs = wb.getWorksheet("Số liệu")!;
    const h = headerRow(inputs);
    const byType = new Map<string, ExcelJS.DataValidation>();
    for (let r = h + 1; r <= inputs.rowCount; r++) {
      expect(inputs.getCell(r, 1).value).toBeNull();
      const type = String(inputs.getCell(r, 4).value);
      byType.set(type.split(":")[0]!, inputs.getCell(r, 5).dataValidation);
    }
    expect(byType.get("yes / no")).toMatchObject({ type: "list", formulae: ['"yes,no"'] });
    expect(byType.get("date (dd/mm/yyyy)")).toMatchObject({ type: "date" });
    const enumRule = [...byType.entries()].find(([k]) => k === "pick from the list");
    if (enumRule) expect(enumRule[1]).toMatchObject({ type: "list" });
    const dateRow = [...Array(inputs.rowCount - h).keys()].map((i) => h + 1 + i).find((r) => String(inputs.getCell(r, 4).value).startsWith("date"));
    expect(inputs.getCell(dateRow!, 5).numFmt).toBe("dd/mm/yyyy");
    const usage = await cli("template", ...FW);
    expect(usage.code).toBe(2);
  });
});
