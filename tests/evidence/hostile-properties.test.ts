/**
 * Every reader takes arbitrary bytes and arbitrary JSON without an exception or a
 * hang, accounts for every row (read = used + rejected), and keeps every unit it was
 * told about (in the evidence or in a diagnostic).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readJsonText } from "../../src/evidence/json.js";
import { JsonNumber, parseJsonExact } from "../../src/evidence/json-parse.js";
import { mergeEvidence } from "../../src/evidence/merge.js";
import type { EvidencePart } from "../../src/evidence/part.js";
import { createEvidenceReader } from "../../src/evidence/reader.js";
import { readRatings, readResponses } from "../../src/survey/index.js";
import { BASE, compiled } from "../survey/helpers.js";
import { input, schemaOf } from "./helpers.js";

const SCHEMA = schemaOf(
  [
    input("so_ho_so", "integer", { min: "0" }, 0),
    input("ty_le", "ratio", {}, 1),
    input("ngay", "date", {}, 2),
    input("co", "boolean", {}, 3),
    input("muc", "enum", { values: ["đạt", "không đạt"] }, 4),
    input("ghi_chu", "text", {}, 5),
  ],
  ["1", "1.1", "2"],
);
const REGISTRY = new Set(["u1", "u2", "phúc-diễn"]);
const HEADERS = [
  "",
  "code,name,type,parent\n",
  "unit,input,value,note\n",
  "unit;input;value\n",
  "unit,so_ho_so,ty_le,ngay,co,muc,ghi_chu\n",
  "unit,criterion,self,appraised,note\n",
];

/** Text that looks enough like CSV to reach every branch: delimiters, quotes, line breaks, Vietnamese, controls. */
const csvish = fc
  .array(
    fc.oneof(
      fc.constantFrom(",", ";", '"', '""', "\n", "\r\n", "\r", " ", "\t", "u1", "u2", "phu\u0301c-die\u0302\u0303n", "so_ho_so", "ty_le", "99,5%", "1.234,5", "15/01/2024", "đạt", "x", "=1+1", "1"),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

function rowsAddUp(part: EvidencePart): void {
  expect(part.stats.rowsRead).toBe(part.stats.rowsUsed + part.stats.rowsRejected);
  expect(part.stats.rowsUsed).toBeGreaterThanOrEqual(0);
}

/** Feeds bytes or text in the given chunk sizes. */
function readChunks(data: string | Uint8Array, sizes: number[], options: Parameters<typeof createEvidenceReader>[1]): EvidencePart {
  const reader = createEvidenceReader(SCHEMA, options);
  let at = 0;
  let k = 0;
  while (at < data.length) {
    const n = Math.max(1, sizes[k++ % Math.max(1, sizes.length)] ?? data.length);
    reader.push(data.slice(at, at + n));
    at += n;
  }
  return reader.end();
}

describe("CSV evidence readers (registry, long, wide, points) take anything", () => {
  it("arbitrary bytes, chunked anywhere, with and without a registry", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HEADERS),
        fc.uint8Array({ maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom("en" as const, "vi" as const),
        (header, bytes, sizes, withRegistry, locale) => {
          const data = new Uint8Array([...new TextEncoder().encode(header), ...bytes]);
          const part = readChunks(data, sizes, { file: "x.csv", locale, ...(withRegistry ? { registry: REGISTRY } : {}), maxLineLength: 200 });
          rowsAddUp(part);
          const set = mergeEvidence([part]);
          expect(set.stats.rowsRead).toBe(set.stats.rowsUsed + set.stats.rowsRejected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("CSV-like text: the same result whole or chunked; rows add up", () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), csvish, fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 6 }), (header, body, sizes) => {
        const text = header + body;
        const whole = readChunks(text, [text.length], { file: "x.csv", maxLineLength: 50 });
        const chunked = readChunks(text, sizes, { file: "x.csv", maxLineLength: 50 });
        rowsAddUp(whole);
        expect(chunked.stats).toEqual(whole.stats);
        expect(chunked.diagnostics.map((d) => [d.code, d.line])).toEqual(whole.diagnostics.map((d) => [d.code, d.line]));
      }),
      { numRuns: 400 },
    );
  });

  it("every unit named in a wide or long file appears in the evidence or in a diagnostic", () => {
    const unitCell = fc.constantFrom("u1", "u2", " u3 ", "phu\u0301c-die\u0302\u0303n", "phúc-diễn", "__proto__", "=cmd", "", "x\u0000y");
    const valueCell = fc.constantFrom("", "1", "abc", "0,5", "50%", "đạt", "15/01/2024");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(unitCell, valueCell, valueCell), { maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (rows, wide, withRegistry) => {
          const lines = wide ? ["unit,so_ho_so,ty_le", ...rows.map((r) => r.join(","))] : ["unit,input,value", ...rows.map(([u, v]) => `${u},so_ho_so,${v}`)];
          const part = readChunks(lines.join("\n"), [7], { file: "x.csv", ...(withRegistry ? { registry: REGISTRY } : {}) });
          rowsAddUp(part);
          const set = mergeEvidence([part]);
          const inResults = new Set(set.units.map((u) => u.code));
          const inDiagnostics = new Set(set.diagnostics.map((d) => d.unit));
          for (const [u] of rows) {
            const code = u.trim().normalize("NFC");
            if (code === "") continue; // reported as evidence-empty-cell
            expect(inResults.has(code) || inDiagnostics.has(code), code).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("JSON evidence and registries take anything", () => {
  it("arbitrary bytes and text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder().decode(b))), (text) => {
        rowsAddUp(readJsonText(text, SCHEMA, { file: "x.json" }));
        rowsAddUp(readJsonText(`{"units": ${text}}`, SCHEMA, { file: "x.json" }));
      }),
      { numRuns: 400 },
    );
  });

  it("arbitrary JSON values, as documents and as units, inputs and points", () => {
    const json = fc.jsonValue({ maxDepth: 5 });
    fc.assert(
      fc.property(json, fc.constantFrom("", "u1", "phúc-diễn", "__proto__"), (value, code) => {
        const text = JSON.stringify(value);
        for (const doc of [
          text,
          `{"units": {"${code}": ${text}}}`,
          `{"units": {"${code}": {"inputs": ${text}, "points": ${text}}}}`,
          `{"units": {"${code}": {"inputs": {"so_ho_so": ${text}, "so_ho_so": ${text}}}}}`,
          `[${text}, {"code": "${code}", "name": ${text}}]`,
        ]) {
          rowsAddUp(readJsonText(doc, SCHEMA, { file: "x.json" }));
          rowsAddUp(readJsonText(doc, SCHEMA, { file: "x.json", registry: REGISTRY }));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the parser accepts exactly what JSON.parse accepts, with the same values (numbers exact, strings NFC)", () => {
    const plain = (v: unknown): unknown =>
      v instanceof JsonNumber ? Number(v.text) : typeof v === "string" ? v : Array.isArray(v) ? v.map(plain) : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v;
    const nfcDeep = (v: unknown): unknown =>
      typeof v === "string" ? v.normalize("NFC") : Array.isArray(v) ? v.map(nfcDeep) : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.normalize("NFC"), nfcDeep(x)])) : v;
    const texts = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v, null, 2)),
      fc.array(fc.constantFrom("{", "}", "[", "]", ",", ":", '"a"', "1", "-0.5e3", "true", "null", " ", "\n"), { maxLength: 12 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(texts, (text) => {
        let expected: { ok: true; value: unknown } | { ok: false };
        try {
          expected = { ok: true, value: JSON.parse(text) };
        } catch {
          expected = { ok: false };
        }
        const got = parseJsonExact(text);
        expect(got.ok, text).toBe(expected.ok);
        if (got.ok && expected.ok && got.duplicates.size === 0) expect(plain(got.value)).toEqual(nfcDeep(expected.value));
      }),
      { numRuns: 1000 },
    );
  });

  it("every unit of a valid document appears or is reported", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }), (units) => {
        const text = JSON.stringify({ units });
        const part = readJsonText(text, SCHEMA, { file: "x.json" });
        rowsAddUp(part);
        const set = mergeEvidence([part]);
        const named = new Set([...set.units.map((u) => u.code), ...set.diagnostics.map((d) => d.unit)]);
        for (const code of Object.keys(units)) expect(named.has(code.normalize("NFC")), code).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("survey responses and ratings take anything", () => {
  const survey = compiled(BASE);
  it("arbitrary text after a header, read at once", () => {
    fc.assert(
      fc.property(fc.constantFrom("", "respondent,unit,i1,i2,i3\n", "unit,level,count\n"), csvish, (header, body) => {
        const r = readResponses(header + body, survey, { filename: "r.csv", maxLineLength: 40 });
        expect(r.stats.rows).toBe(r.stats.rowsUsed + r.stats.rowsRejected);
        const k = readRatings(header + body, survey, { filename: "k.csv" });
        expect(k.stats.rows).toBe(k.stats.rowsUsed + k.stats.rowsRejected);
      }),
      { numRuns: 300 },
    );
  });
});
