import { describe, expect, it } from "vitest";
import { analysisTable, tablesToMarkdown, tablesToText, tableToCsv, tableStyle } from "../../src/analysis/tables.js";

const spec = (locale: "vi" | "en") =>
  analysisTable({
    id: "t",
    title: "Tổng hợp",
    decimals: 2,
    locale,
    columns: [["group", "Nhóm"], ["units", "Số đơn vị", "integer"], ["mean", "Bình quân", "number"]],
    rows: [
      ["cau-giay; ba-dinh", 1234, 90.07],
      ["=cmd()", 8, -0.5],
      ["hoan-kiem", 3, null],
    ],
  });

describe("the shared analysis table builder and its writers", () => {
  it("builds columns from [key, heading, kind] and keeps the locale only when it is not en", () => {
    const t = spec("en");
    expect(t.columns).toEqual([
      { key: "group", heading: "Nhóm" },
      { key: "units", heading: "Số đơn vị", numeric: true, integer: true },
      { key: "mean", heading: "Bình quân", numeric: true },
    ]);
    expect("locale" in t).toBe(false);
    expect(spec("vi").locale).toBe("vi");
    expect(tableStyle("vi")).toEqual({ lang: "vi", locale: "vi" });
    expect(tableStyle("en")).toEqual({ lang: "en", locale: "en" });
    expect(tableStyle({ lang: "vi", locale: "en" })).toEqual({ lang: "vi", locale: "en" });
  });

  it("vi writes 1.234 and 90,07 in text and Markdown; en writes 1234 and 90.07", () => {
    expect(tablesToText([spec("vi")])).toMatch(/cau-giay; ba-dinh\s+1\.234\s+90,07/);
    expect(tablesToText([spec("en")])).toMatch(/cau-giay; ba-dinh\s+1234\s+90\.07/);
    expect(tablesToMarkdown([spec("vi")])).toContain("| =cmd() | 8 | -0,50 |");
    expect(tablesToMarkdown([spec("vi")])).toContain("| hoan-kiem | 3 | — |");
  });

  it("CSV: en with , and no BOM; vi with ; a BOM, quoting a cell that holds ; and never a formula", () => {
    expect(tableToCsv(spec("en"))).toBe("group,units,mean\r\ncau-giay; ba-dinh,1234,90.07\r\n'=cmd(),8,-0.50\r\nhoan-kiem,3,\r\n");
    expect(tableToCsv(spec("vi"))).toBe('\uFEFFgroup;units;mean\r\n"cau-giay; ba-dinh";1.234;90,07\r\n\'=cmd();8;-0,50\r\nhoan-kiem;3;\r\n');
  });
});
