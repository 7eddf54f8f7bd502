import { describe, expect, it } from "vitest";
import { toCsv, toMarkdown, toTable, toTidyRows } from "../../src/report/index.js";
import { csvField } from "../../src/report/csv.js";
import { stringWidth } from "../../src/report/width.js";
import { framework, run } from "../engine/helpers.js";

const fw = framework(`
criteria:
  - id: "1"
    title: "Công tác chỉ đạo, điều hành CCHC"
    children:
      - { id: "1.1", title: "Kế hoạch CCHC năm", max: 10, rule: { manual: {} } }
  - { id: "2", title: "Cải cách thể chế", max: 10, rule: { manual: {} } }
grades:
  - { at_least: 90, label: "A" }
  - { otherwise: "B" }
`);
const result = run(
  fw,
  {
    "phuc-dien": { points: { "1.1": { appraised: 9.5, self: 10 }, "2": { appraised: 9 } } },
    "tay-tuu": { points: { "1.1": { appraised: 8 } } },
    "a,b": { points: { "1.1": { appraised: 5 }, "2": { appraised: 5 } } },
  },
  [{ code: "phuc-dien", name: "Phúc Diễn" }, { code: "tay-tuu", name: "Tây Tựu" }, { code: "a,b", name: 'Xã "Mới"' }],
);

describe("string width", () => {
  it("counts Vietnamese letters once whether precomposed or decomposed, CJK twice", () => {
    expect(stringWidth("Phúc Diễn")).toBe(9);
    expect(stringWidth("Phu\u0301c Die\u0302\u0303n")).toBe(9);
    expect(stringWidth("河内")).toBe(4);
  });
});

describe("table", () => {
  it("aligns columns by display width, with fields, points, index, grade and flags", () => {
    const text = toTable(result, fw, { lang: "en" });
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^Rank\s+Unit\s+1 \(%\)\s+2 \(%\)\s+Points\s+Max\s+Index\s+Grade\s+Flags$/);
    const rows = lines.slice(2, 5);
    expect(rows[0]).toContain("Phúc Diễn");
    expect(rows[2]).toContain("incomplete");
    // Every data row's "Index" column ends at the same display column.
    const endOfIndex = (r: string) => {
      const m = /(\d+\.\d{2}) +[AB]\b/.exec(r)!;
      return stringWidth(r.slice(0, m.index + m[1]!.length));
    };
    const headerEnd = stringWidth(lines[0]!.slice(0, lines[0]!.indexOf("Index") + 5));
    expect(rows.map(endOfIndex)).toEqual([headerEnd, headerEnd, headerEnd]);
    expect(text).toContain("1: Công tác chỉ đạo, điều hành CCHC");
  });

  it("is worded in Vietnamese with decimal commas by default", () => {
    const lines = toTable(result).split("\n");
    expect(lines[0]).toMatch(/^Xếp hạng\s+Đơn vị\s+1 \(%\)\s+2 \(%\)\s+Tổng điểm\s+Điểm tối đa\s+Chỉ số \(%\)\s+Xếp loại\s+Ghi chú$/);
    expect(lines[2]).toMatch(/^\s+1\s+Phúc Diễn\s+95,00\s+90,00\s+18,50\s+20,00\s+92,50\s+A$/);
    expect(lines[4]).toMatch(/Tây Tựu .* chưa đủ số liệu$/);
    expect(lines).toContain("Lĩnh vực (mỗi cột là chỉ số thành phần của lĩnh vực, tính bằng % điểm tối đa):");
    // Vietnamese words with decimal points when asked (--lang vi --locale en).
    expect(toTable(result, fw, { lang: "vi", locale: "en" }).split("\n")[2]).toContain("92.50");
  });
});

describe("markdown", () => {
  it("is a Markdown table with the same columns", () => {
    const md = toMarkdown(result, fw, { lang: "en" }).split("\n");
    expect(md[0]).toBe("| Rank | Unit | 1 (%) | 2 (%) | Points | Max | Index | Grade | Flags |");
    expect(md[1]).toBe("| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
    expect(md[2]).toBe("| 1 | Phúc Diễn | 95.00 | 90.00 | 18.50 | 20.00 | 92.50 | A |  |");
    expect(md[4]).toBe("| 3 | Tây Tựu | 80.00 | 0.00 | 8.00 | 20.00 | 40.00 | B | incomplete |");
    const vi = toMarkdown(result).split("\n");
    expect(vi[0]).toBe("| Xếp hạng | Đơn vị | 1 (%) | 2 (%) | Tổng điểm | Điểm tối đa | Chỉ số (%) | Xếp loại | Ghi chú |");
    expect(vi[4]).toBe("| 3 | Tây Tựu | 80,00 | 0,00 | 8,00 | 20,00 | 40,00 | B | chưa đủ số liệu |");
  });

  it("escapes Markdown in names: a name cannot break the table or inject markup", () => {
    const evil = run(fw, { x: { points: { "1.1": { appraised: 5 }, "2": { appraised: 5 } } } }, [
      { code: "x", name: "A | B <img src=x onerror=alert(1)> *b* [l](http://e)" },
    ]);
    const row = toMarkdown(evil, fw, { lang: "en" }).split("\n")[2]!;
    expect(row).toBe("| 1 | A \\| B &lt;img src=x onerror=alert(1)&gt; \\*b\\* \\[l\\](http://e) | 50.00 | 50.00 | 10.00 | 20.00 | 50.00 | B |  |");
    // Splitting on unescaped pipes gives exactly the 9 columns.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(9);
  });
});

describe("csv", () => {
  it("gives one row per unit with each field's index, RFC 4180 quoted", () => {
    const csv = toCsv(result);
    expect(csv.split("\r\n")).toEqual([
      "rank,unit,name,points,max,index,grade,complete,1,2",
      "1,phuc-dien,Phúc Diễn,18.5,20,92.50,A,true,95.00,90.00",
      '2,"a,b","Xã ""Mới""",10,20,50.00,B,true,50.00,50.00',
      "3,tay-tuu,Tây Tựu,8,20,40.00,B,false,80.00,0.00",
      "",
    ]);
    expect(csvField("a\nb")).toBe('"a\nb"');
  });

  it("writes ; between cells, decimal commas and a byte order mark with locale vi, as Excel in Vietnamese expects", () => {
    const csv = toCsv(result, fw, { locale: "vi" });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "rank;unit;name;points;max;index;grade;complete;1;2",
      "1;phuc-dien;Phúc Diễn;18,5;20;92,50;A;true;95,00;90,00",
      '2;a,b;"Xã ""Mới""";10;20;50,00;B;true;50,00;50,00',
      "3;tay-tuu;Tây Tựu;8;20;40,00;B;false;80,00;0,00",
      "",
    ]);
    expect(csvField("1;2", ";")).toBe('"1;2"');
  });
});

describe("tidy rows", () => {
  it("gives one row per unit × node with rounded numbers", () => {
    const rows = toTidyRows(result);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({
      unit: "phuc-dien",
      name: "Phúc Diễn",
      rank: 1,
      criterion: "1",
      title: "Công tác chỉ đạo, điều hành CCHC",
      depth: 0,
      kind: "group",
      part: "total",
      points: 9.5,
      max: 10,
      index: 95,
      status: "scored",
      self: null,
      self_diff: null,
    });
    expect(rows[1]).toMatchObject({ criterion: "1.1", depth: 1, kind: "leaf", self: 10, self_diff: 0.5 });
    expect(rows[8]).toMatchObject({ unit: "tay-tuu", criterion: "2", status: "missing", points: 0, index: 0 });
  });
});
