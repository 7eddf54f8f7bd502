import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/decimal.js";
import { CalendarDate, formatValue, type Value } from "../../src/core/value.js";
import type { Locale } from "../../src/evidence/locale.js";
import { createEvidenceReader } from "../../src/evidence/reader.js";
import type { InputType } from "../../src/framework/ir.js";
import { input, schemaOf } from "./helpers.js";

const TYPES: InputType[] = ["number", "integer", "ratio", "percent", "boolean", "date", "enum", "text"];
const SCHEMA = schemaOf(TYPES.map((t, i) => input(`in_${t}`, t, t === "enum" ? { values: ["on_time", "late", "none"] } : {}, i)));

/** A generated value: what it is, and how it may be written (chosen per locale below). */
interface Cell {
  readonly type: InputType;
  readonly value: Value;
  readonly write: (locale: Locale, delimiter: string) => string;
}

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

/** Writes a canonical decimal (`-1234.5`) in a locale, with or without thousands separators. */
function writeNumber(canonical: string, locale: Locale, grouped: boolean): string {
  const negative = canonical.startsWith("-");
  const [int = "0", frac] = (negative ? canonical.slice(1) : canonical).split(".");
  const group = locale === "en" ? "," : ".";
  const point = locale === "en" ? "." : ",";
  const intText = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int;
  return (negative ? "-" : "") + intText + (frac === undefined ? "" : point + frac);
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** Quotes a cell when it has to be quoted (always, when asked). */
const cellText = (s: string, delimiter: string, force: boolean) =>
  force || s.includes(delimiter) || /["\r\n]/.test(s) ? quote(s) : s;

const decimalText = fc
  .tuple(fc.boolean(), digits(1, 9), fc.option(digits(1, 6), { nil: undefined }))
  .map(([neg, int, frac]) => `${neg ? "-" : ""}${int.replace(/^0+(?=\d)/, "")}${frac === undefined ? "" : `.${frac}`}`);

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.tuple(decimalText, fc.boolean()).map(([t, g]) => ({
    type: "number" as const,
    value: dec(t),
    write: (l: Locale, d: string) => cellText(writeNumber(t, l, g), d, false),
  })),
  fc.tuple(digits(1, 12), fc.boolean()).map(([t, g]) => ({
    type: "integer" as const,
    value: dec(t),
    write: (l: Locale, d: string) => cellText(writeNumber(t.replace(/^0+(?=\d)/, ""), l, g), d, false),
  })),
  fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.boolean()).map(([n, asPercent]) => ({
    type: "ratio" as const,
    value: dec(n).div(10000),
    write: (l: Locale, d: string) =>
      cellText(asPercent ? `${writeNumber(dec(n).div(100).toFixed(), l, false)}%` : writeNumber(dec(n).div(10000).toFixed(), l, false), d, false),
  })),
  fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.boolean()).map(([n, sign]) => ({
    type: "percent" as const,
    value: dec(n).div(100),
    write: (l: Locale, d: string) => cellText(`${writeNumber(dec(n).div(100).toFixed(), l, false)}${sign ? "%" : ""}`, d, false),
  })),
  fc.tuple(fc.constantFrom("true", "1", "yes", "x", "có", "đạt", "false", "0", "no", "không", "không đạt"), fc.boolean(), fc.boolean()).map(
    ([word, upper, nfd]) => {
      let w = upper ? word.toUpperCase() : word;
      if (nfd) w = w.normalize("NFD");
      return {
        type: "boolean" as const,
        value: ["true", "1", "yes", "x", "có", "đạt"].includes(word),
        write: (_l: Locale, d: string) => cellText(w, d, false),
      };
    },
  ),
  fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.boolean()).map(
    ([y, m, day, iso]) => {
      const date = CalendarDate.of(y, m, day) as CalendarDate;
      return {
        type: "date" as const,
        value: date,
        write: (_l: Locale, d: string) => cellText(iso ? date.toString() : `${day}/${String(m).padStart(2, "0")}/${y}`, d, false),
      };
    },
  ),
  fc.constantFrom("on_time", "late", "none").map((v) => ({ type: "enum" as const, value: v, write: (_l: Locale, d: string) => cellText(v, d, false) })),
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom("a", "ă", "ệ", " ", ",", ";", '"', "\n", "\r\n", "x", "Đ") }), fc.boolean())
    .filter(([s]) => s.trim() !== "")
    .map(([s, force]) => ({ type: "text" as const, value: s, write: (_l: Locale, d: string) => cellText(s, d, force) })),
);

const unitCode = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);

describe("property: evidence written as CSV in either locale reads back identically", () => {
  it("long form, random chunking, injected bad rows", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(unitCode, fc.uniqueArray(cellArb, { maxLength: 8, selector: (c) => c.type })), {
          minLength: 1,
          maxLength: 6,
          selector: ([u]) => u,
        }),
        fc.constantFrom<Locale>("en", "vi"),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 40 }),
        (units, locale, crlf, bom, badRows, chunk) => {
          const delimiter = locale === "vi" ? ";" : ",";
          const eol = crlf ? "\r\n" : "\n";
          const lines = [["unit", "input", "value"].join(delimiter)];
          let rows = 0;
          for (const [unit, cells] of units) {
            for (const cell of cells) {
              lines.push([unit, `in_${cell.type}`, cell.write(locale, delimiter)].join(delimiter));
              rows++;
            }
          }
          for (let i = 0; i < badRows; i++) lines.push(["zz", "not_an_input", "1"].join(delimiter));
          const text = (bom ? "\uFEFF" : "") + lines.join(eol) + eol;
          const reader = createEvidenceReader(SCHEMA, { locale });
          const bytes = new TextEncoder().encode(text);
          for (let i = 0; i < bytes.length; i += chunk) reader.push(bytes.subarray(i, i + chunk));
          const part = reader.end();

          expect(part.diagnostics.map((d) => d.code)).toEqual(Array(badRows).fill("evidence-unknown-input"));
          expect(part.stats.rowsRead).toBe(rows + badRows);
          expect(part.stats.rowsRead).toBe(part.stats.rowsUsed + part.stats.rowsRejected);
          expect(part.stats.rowsRejected).toBe(badRows);
          for (const [unit, cells] of units) {
            for (const cell of cells) {
              const got = part.byUnit.get(unit)?.inputs.get(`in_${cell.type}`)?.value;
              expect(got === undefined ? "absent" : formatValue(got)).toBe(formatValue(cell.value));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the quote-free fast path and the quoted-record parser agree on every record", () => {
    // The same rows, once plain and once with every cell quoted (quoted-record path).
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 6, unit: fc.constantFrom("a", "b", " ", "1", "ệ", ".") }), { minLength: 3, maxLength: 3 }), {
          maxLength: 10,
        }),
        (rows) => {
          const plain = ["unit,input,value", ...rows.map((r) => r.join(","))].join("\n");
          const quoted = ["unit,input,value", ...rows.map((r) => r.map(quote).join(","))].join("\n");
          const schema = schemaOf([input("a", "text")]);
          const a = createEvidenceReader(schema);
          a.push(plain);
          const b = createEvidenceReader(schema);
          b.push(quoted);
          const pa = a.end();
          const pb = b.end();
          expect(pb.stats).toEqual(pa.stats);
          expect(pb.diagnostics).toEqual(pa.diagnostics);
        },
      ),
      { numRuns: 200 },
    );
  });
});
