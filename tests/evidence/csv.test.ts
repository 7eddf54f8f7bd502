import { describe, expect, it } from "vitest";
import { formatValue } from "../../src/core/value.js";
import { createEvidenceReader, readEvidenceCsv } from "../../src/evidence/reader.js";
import type { EvidencePart } from "../../src/evidence/part.js";
import { WARD_SCHEMA, fixtureBytes } from "./helpers.js";

function values(part: EvidencePart): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [unit, e] of part.byUnit) {
    out[unit] = {};
    for (const [name, entry] of e.inputs) out[unit][name] = formatValue(entry.value);
  }
  return out;
}

function read(name: string, locale: "vi" | "en", registry?: EvidencePart): EvidencePart {
  const options = registry?.registry === undefined ? { file: name, locale } : { file: name, locale, registry: registry.registry };
  return readEvidenceCsv(fixtureBytes(name), WARD_SCHEMA, options);
}

describe("CSV fixtures", () => {
  const units = read("units.csv", "en");

  it("reads the registry with BOM, CRLF, a quoted name and extra columns as attributes", () => {
    expect(units.kind).toBe("registry");
    expect(units.delimiter).toBe(",");
    expect(units.diagnostics).toEqual([]);
    expect(units.stats).toEqual({ rowsRead: 6, rowsUsed: 6, rowsRejected: 0 });
    expect(units.registry?.map((u) => u.code)).toEqual(["phuc-dien", "co-nhue-1", "co-nhue-2", "xuan-dinh", "dong-ngac", "thuong-cat"]);
    const first = units.registry?.[0];
    expect(first).toMatchObject({ name: "Phúc Diễn", type: "ward", parent: "bac-tu-liem", where: { line: 2 } });
    expect(first?.attributes).toEqual({ district: "Bắc Từ Liêm" });
    expect(units.registry?.[5]?.name).toBe("Thượng Cát");
  });

  it("reads long-form vi inputs: ';', BOM, CRLF, 397.857, 99,33%, 15/01/2024, có/không", () => {
    const part = read("inputs-long.vi.csv", "vi", units);
    expect(part.kind).toBe("inputs-long");
    expect(part.delimiter).toBe(";");
    expect(part.diagnostics).toEqual([]);
    expect(part.stats).toEqual({ rowsRead: 23, rowsUsed: 23, rowsRejected: 0 });
    const v = values(part);
    expect(v["phuc-dien"]).toEqual({
      dossiers_received: "397857",
      dossiers_on_time: "395190",
      online_rate: "0.9933",
      sipas_overall: "94.27",
      plan_issued_on: "2024-01-15",
      has_inspection: "true",
      report_status: '"on_time"',
      budget_spent: "1234567.5",
      remarks: '"Đã triển khai \\"một cửa\\" điện tử"',
    });
    expect(v["co-nhue-1"]).toMatchObject({ has_inspection: "false", online_rate: "0.9712", sipas_overall: "91.5", plan_issued_on: "2024-01-20" });
    expect(v["xuan-dinh"]).toMatchObject({ plan_issued_on: "2024-02-05", has_inspection: "true", sipas_overall: "missing" });
    const budget = part.byUnit.get("phuc-dien")?.inputs.get("budget_spent");
    expect(budget?.note).toBe("Đơn vị: nghìn đồng; số liệu tạm tính");
    expect(budget?.where).toEqual({ file: "inputs-long.vi.csv", line: 9, column: 3 });
    expect(part.byUnit.get("xuan-dinh")?.inputs.get("sipas_overall")?.note).toBe("không phát sinh");
  });

  it("reads wide-form vi inputs; empty cells give no value", () => {
    const part = read("inputs-wide.vi.csv", "vi", units);
    expect(part.kind).toBe("inputs-wide");
    expect(part.diagnostics).toEqual([]);
    expect(part.stats).toEqual({ rowsRead: 3, rowsUsed: 3, rowsRejected: 0 });
    expect(values(part)["dong-ngac"]).toEqual({
      dossiers_received: "6530",
      online_rate: "0.975",
      has_inspection: "false",
      report_status: '"none"',
    });
    expect(part.byUnit.get("co-nhue-1")?.inputs.get("plan_issued_on")?.where).toEqual({ file: "inputs-wide.vi.csv", line: 3, column: 5 });
  });

  it("reads long-form en inputs with ',' and a quoted thousands number", () => {
    const part = read("inputs-long.en.csv", "en", units);
    expect(part.delimiter).toBe(",");
    expect(part.diagnostics).toEqual([]);
    expect(values(part)["dong-ngac"]).toMatchObject({ dossiers_received: "6530", budget_spent: "1234.5", has_inspection: "true" });
  });

  it("reads the points table with self and appraised (either may be blank)", () => {
    const part = read("points.vi.csv", "vi", units);
    expect(part.kind).toBe("points");
    expect(part.diagnostics).toEqual([]);
    expect(part.stats).toEqual({ rowsRead: 6, rowsUsed: 6, rowsRejected: 0 });
    const p = part.byUnit.get("phuc-dien")?.points;
    expect(p?.get("1.2")).toMatchObject({ note: "Thiếu báo cáo quý IV", where: { line: 3, column: 2 } });
    expect(p?.get("1.2")?.self?.toString()).toBe("1.5");
    expect(p?.get("1.2")?.appraised?.toString()).toBe("1");
    expect(p?.get("2.1")?.appraised).toBeUndefined();
    expect(part.byUnit.get("xuan-dinh")?.points.get("1.1")?.self).toBeUndefined();
    expect(part.byUnit.get("co-nhue-1")?.points.get("T1")?.self?.toString()).toBe("0.5");
  });
});

describe("CSV structure", () => {
  it("counts lines through quoted line breaks, CRLF and lone CR", () => {
    const text = 'unit,input,value,note\r\nphuc-dien,remarks,"dòng 1\r\ndòng 2\ndòng 3",x\r\nphuc-dien,budget_spent,5,\rco-nhue-1,budget_spent,6,\n';
    const part = readEvidenceCsv(text, WARD_SCHEMA, { file: "f.csv" });
    expect(part.diagnostics).toEqual([]);
    expect(part.byUnit.get("phuc-dien")?.inputs.get("remarks")?.value).toBe("dòng 1\r\ndòng 2\ndòng 3");
    expect(part.byUnit.get("phuc-dien")?.inputs.get("budget_spent")?.where?.line).toBe(5);
    expect(part.byUnit.get("co-nhue-1")?.inputs.get("budget_spent")?.where?.line).toBe(6);
  });

  it("skips blank rows (including all-empty ';;;' rows) without counting them; tolerates trailing empty cells", () => {
    const text = "unit;input;value;;\n\n;;;\nphuc-dien;budget_spent;5;;\n   \nphuc-dien;dossiers_received;7\n";
    const part = readEvidenceCsv(text, WARD_SCHEMA, { locale: "vi" });
    expect(part.stats).toEqual({ rowsRead: 2, rowsUsed: 2, rowsRejected: 0 });
    expect(part.diagnostics).toEqual([]);
  });

  it("detects the delimiter from the header (the more frequent outside quotes), or uses the locale's on a tie", () => {
    expect(readEvidenceCsv('unit;"a,b,c";input;value\n', WARD_SCHEMA).delimiter).toBe(";");
    expect(readEvidenceCsv("code\nx\n", WARD_SCHEMA, { locale: "vi" }).delimiter).toBe(";");
    expect(readEvidenceCsv("code\nx\n", WARD_SCHEMA, { locale: "en" }).delimiter).toBe(",");
  });

  it("reads header names case-insensitively and in any order", () => {
    const part = readEvidenceCsv(" Value ,UNIT,Input\n12,phuc-dien,dossiers_received\n", WARD_SCHEMA);
    expect(part.kind).toBe("inputs-long");
    expect(values(part)).toEqual({ "phuc-dien": { dossiers_received: "12" } });
  });

  it("reports progress every N rows and at the end", () => {
    const calls: { rows: number; bytes: number }[] = [];
    const reader = createEvidenceReader(WARD_SCHEMA, { progressEvery: 2, onProgress: (p) => calls.push(p) });
    const text = "unit,input,value\n" + ["a", "b", "c", "d", "e"].map((u) => `${u},budget_spent,1\n`).join("");
    reader.push(text);
    const part = reader.end();
    expect(part.stats.rowsRead).toBe(5);
    expect(calls.map((c) => c.rows)).toEqual([2, 4, 5]);
    expect(calls.at(-1)?.bytes).toBe(text.length);
  });
});

describe("streaming", () => {
  const files = ["units.csv", "inputs-long.vi.csv", "inputs-wide.vi.csv", "inputs-long.en.csv", "points.vi.csv", "broken/csv-syntax.csv"];
  for (const name of files) {
    it(`${name}: 7-byte chunks (splitting UTF-8 sequences and CRLF) give the same result as one chunk`, () => {
      const bytes = fixtureBytes(name);
      const locale = name.includes(".vi.") ? "vi" : "en";
      const whole = readEvidenceCsv(bytes, WARD_SCHEMA, { file: name, locale });
      for (const size of [1, 7, 64]) {
        const reader = createEvidenceReader(WARD_SCHEMA, { file: name, locale });
        for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
        const chunked = reader.end();
        expect(chunked.stats).toEqual(whole.stats);
        expect(chunked.diagnostics).toEqual(whole.diagnostics);
        expect(values(chunked)).toEqual(values(whole));
        expect(chunked.registry).toEqual(whole.registry);
        expect([...chunked.byUnit].map(([u, e]) => [u, [...e.points.keys()], [...e.inputs.values()].map((x) => x.where)])).toEqual(
          [...whole.byUnit].map(([u, e]) => [u, [...e.points.keys()], [...e.inputs.values()].map((x) => x.where)]),
        );
      }
    });
  }

  it("text chunks of 7 characters give the same result as bytes", () => {
    const bytes = fixtureBytes("inputs-long.vi.csv");
    const text = new TextDecoder().decode(bytes);
    const reader = createEvidenceReader(WARD_SCHEMA, { locale: "vi" });
    for (let i = 0; i < text.length; i += 7) reader.push(text.slice(i, i + 7));
    expect(values(reader.end())).toEqual(values(readEvidenceCsv(bytes, WARD_SCHEMA, { locale: "vi" })));
  });
});
