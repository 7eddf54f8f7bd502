/**
 * Evidence bytes decoded chunk by chunk (each chunk's whole characters at once, a cut character
 * carried to the next) read exactly as the text itself: Vietnamese text, characters of 2 to 4
 * bytes cut anywhere, a byte-order mark, a literal U+FFFD; and an invalid byte is still reported
 * once (evidence-encoding), whatever the chunking.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatValue } from "../../src/core/value.js";
import type { EvidencePart } from "../../src/evidence/part.js";
import { createEvidenceReader } from "../../src/evidence/reader.js";
import { ChunkDecoder, wholeCharactersLength } from "../../src/evidence/utf8.js";
import { input, schemaOf } from "./helpers.js";

const SCHEMA = schemaOf([input("ghi_chu", "text", {}, 0), input("so", "integer", {}, 1)]);

function read(chunks: readonly (string | Uint8Array)[]): EvidencePart {
  const reader = createEvidenceReader(SCHEMA, { file: "so-lieu.csv" });
  for (const c of chunks) reader.push(c);
  return reader.end();
}

function snapshot(part: EvidencePart): string {
  return JSON.stringify({
    stats: part.stats,
    diagnostics: part.diagnostics.map((d) => [d.code, d.line ?? null, d.column ?? null]),
    units: [...part.byUnit].map(([code, u]) => [code, [...u.inputs].map(([k, e]) => [k, formatValue(e.value), e.where])]),
  });
}

/** Cuts `bytes` at the given positions. */
function cut(bytes: Uint8Array, at: readonly number[]): Uint8Array[] {
  const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.slice(from, p));
    from = p;
  }
  out.push(bytes.slice(from));
  return out;
}

const cellText = fc
  .array(fc.constantFrom("a", "Z", "7", " ", "à", "ệ", "Đ", "đ", "ư", "€", "😀", "𝔸", "\uFFFD", "e\u0301"), { maxLength: 12 })
  .map((chars) => chars.join("").trim());

describe("chunked UTF-8", () => {
  it("reads the same as the text, wherever the chunks are cut", () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 12 }), (notes, bom, at) => {
        const text = `${bom ? "\uFEFF" : ""}unit,input,value\n${notes.map((n, i) => `phường-${i},ghi_chu,${n === "" ? "x" : n}`).join("\n")}\n`;
        const bytes = new TextEncoder().encode(text);
        expect(snapshot(read(cut(bytes, at)))).toBe(snapshot(read([text])));
        runs++;
      }),
      { numRuns: 300 },
    );
    expect(runs).toBe(300);
  });

  it("reports an invalid byte once, wherever the chunks are cut, and keeps the rows around it", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 10 }), fc.constantFrom(0xff, 0xc0, 0x80, 0xe1), (at, bad) => {
        const head = new TextEncoder().encode("unit,input,value\nxã-đan-phượng,so,5\nu2,ghi_chu,a");
        const tail = new TextEncoder().encode("b\nu3,so,7\n");
        const bytes = new Uint8Array([...head, bad, ...tail]);
        const part = read(cut(bytes, at));
        expect(part.diagnostics.filter((d) => d.code === "evidence-encoding")).toHaveLength(1);
        expect([...part.byUnit.keys()]).toEqual(["xã-đan-phượng", "u2", "u3"]);
        expect(formatValue(part.byUnit.get("u3")!.inputs.get("so")!.value)).toBe("7");
      }),
      { numRuns: 200 },
    );
  });

  it("a character cut by the end of the input is an invalid byte sequence", () => {
    const bytes = new TextEncoder().encode("unit,input,value\nu1,ghi_chu,đ");
    const part = read([bytes.slice(0, bytes.length - 1)]);
    expect(part.diagnostics.map((d) => d.code)).toContain("evidence-encoding");
  });

  it("finds the whole characters of a chunk", () => {
    const e = new TextEncoder().encode("ađ€😀");
    // a (1) đ (2) € (3) 😀 (4)
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => wholeCharactersLength(e.subarray(0, n)))).toEqual([0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10]);
    const d = new ChunkDecoder();
    expect([d.decode(e.subarray(0, 2)), d.decode(e.subarray(2, 7)), d.decode(e.subarray(7))]).toEqual(["a", "đ€", "😀"]);
    expect(d.rest()).toHaveLength(0);
    expect(new ChunkDecoder().decode(new TextEncoder().encode("\uFFFD"))).toBeUndefined();
  });
});
