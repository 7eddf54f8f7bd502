import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../../src/core/csv-records.js";

const ok = (text: string, delim = ",", skip = false) => {
  const r = parseCsvRecords(text, delim, { skipEmptyLines: skip });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.records;
};

describe("parseCsvRecords (the core's RFC 4180 parser, no Buffer)", () => {
  it("unquotes cells, keeps delimiters and line breaks inside quotes, and gives each record's line and cell columns", () => {
    const recs = ok('mã,tên\r\nba-dinh,"Phường ""Ba Đình"", Hà Nội"\nx,"hai\ndòng"\ry,\n');
    expect(recs.map((r) => r.cells)).toEqual([["mã", "tên"], ["ba-dinh", 'Phường "Ba Đình", Hà Nội'], ["x", "hai\ndòng"], ["y", ""]]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(recs[1]!.columns).toEqual([1, 9]);
  });

  it("reads `;` files and skips only truly empty lines when asked", () => {
    expect(ok("a;b\n\n;\n", ";", true).map((r) => r.cells)).toEqual([["a", "b"], ["", ""]]);
    expect(ok('a\n""\n', ",", true).map((r) => r.cells)).toEqual([["a"], [""]]);
    expect(ok("a\n\nb", ",", false).map((r) => r.cells)).toEqual([["a"], [""], ["b"]]);
  });

  it("names the first quoting problem with its cell, line and column", () => {
    expect(parseCsvRecords('a,"b"x,c', ",")).toEqual({ ok: false, error: { problem: "closing-quote", field: 1, line: 1, column: 6 } });
    expect(parseCsvRecords('u,1\na,b"c,d', ",")).toEqual({ ok: false, error: { problem: "opening-quote", field: 1, line: 2, column: 4 } });
    expect(parseCsvRecords('a,"b,c\nd', ",")).toEqual({ ok: false, error: { problem: "unclosed-quote", field: 1, line: 1, column: 3 } });
    expect(parseCsvRecords('a, "b",c', ",")).toMatchObject({ ok: false, error: { problem: "opening-quote", field: 1 } });
  });

  it("agrees with csv-parse on arbitrary records of quoted and plain cells", () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[^",;\r\n]*$/),
      fc.string({ unit: fc.constantFrom("a", "ư", ",", ";", '"', "\n", "\r\n", " ") }).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const record = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(","));
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), (recs) => {
        const text = recs.join("\n");
        const expected = parse(text, { delimiter: ",", relax_column_count: true, bom: false, skip_empty_lines: true }) as string[][];
        expect(ok(text, ",", true).map((r) => r.cells)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects what csv-parse rejects", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", " ") }), (text) => {
        let theirs = true;
        try {
          parse(text, { delimiter: ",", relax_column_count: true, bom: false, skip_empty_lines: true });
        } catch {
          theirs = false;
        }
        expect(parseCsvRecords(text, ",", { skipEmptyLines: true }).ok).toBe(theirs);
      }),
      { numRuns: 500 },
    );
  });
});
