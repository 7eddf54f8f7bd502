import fc from "fast-check";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { emitPieces, Utf8Blocks } from "../../src/cli/output.js";

/** What emitPieces must write: the pieces joined, with one final newline when they do not end with one. */
const expected = (pieces: readonly string[]): Buffer => {
  const text = pieces.join("");
  return Buffer.from(text.endsWith("\n") ? text : text + "\n", "utf8");
};

/** Pieces as JSON text holds them: ASCII, Vietnamese (precomposed and combining), emoji (surrogate pairs), newlines, sometimes long. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom("Phường Hoàn Kiếm", "Xã Đông Hưng", "Đặc khu Phú Quốc", "Tiêu chí 1.1 — tự chấm", "Ho\u0300a", "😀", "\n", ",\n      ", "") },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: "grapheme", maxLength: 6 }), fc.integer({ min: 1, max: 200 })).map(([s, n]) => s.repeat(n)) },
);

function stringIo(): CliIo & { out: string[] } {
  const out: string[] = [];
  return { stdout: (t) => out.push(t), stderr: () => {}, stderrIsTty: false, cwd: ".", out };
}

describe("emitPieces: pieces written as UTF-8 blocks from one reused buffer", () => {
  it("writes exactly the bytes of the joined pieces, through stdout bytes (kept or written), stdout text and --out", () => {
    const dir = mkdtempSync(join(tmpdir(), "par-index-blocks-"));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 4, max: 300 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (pieces, size, keeps) => {
        const want = expected(pieces);
        // Bytes: a host that sometimes keeps the block queued (then it must never be written into again).
        const blocks: Buffer[] = [];
        let call = 0;
        const bytesIo: CliIo = {
          ...stringIo(),
          stdoutBytes: (b) => {
            const keep = keeps[call++ % keeps.length]!;
            blocks.push(keep ? (b as Buffer) : Buffer.from(b));
            return !keep;
          },
        };
        emitPieces(bytesIo, pieces, undefined, size);
        expect(Buffer.concat(blocks).equals(want)).toBe(true);
        // Text: each block decoded; blocks end at pieces' ends, so no character is cut.
        const textIo = stringIo();
        emitPieces(textIo, pieces, undefined, size);
        expect(Buffer.from(textIo.out.join(""), "utf8").equals(want)).toBe(true);
        // A file.
        emitPieces(stringIo(), pieces, join(dir, "r.json"), size);
        expect(readFileSync(join(dir, "r.json")).equals(want)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("hands on blocks of at most the buffer's size, each ending where a piece ends", () => {
    const pieces = Array.from({ length: 500 }, (_, i) => `{"unit": "u${i}", "name": "Phường ${i} — Hà Nội"},`);
    const blocks: string[] = [];
    const w = new Utf8Blocks((b) => (blocks.push(Buffer.from(b).toString("utf8")), true), 1024);
    for (const p of pieces) w.write(p);
    w.end();
    expect(blocks.join("")).toBe(pieces.join(""));
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) {
      expect(Buffer.byteLength(b)).toBeLessThanOrEqual(1024);
      expect(b.endsWith("},")).toBe(true);
    }
  });

  it("writes a piece larger than the buffer whole, after what was buffered", () => {
    const big = "Đánh giá ".repeat(400);
    const blocks: Buffer[] = [];
    const w = new Utf8Blocks((b) => (blocks.push(Buffer.from(b)), true), 256);
    w.write("[");
    w.write(big);
    w.write("]");
    w.end();
    expect(blocks.map((b) => b.toString("utf8"))).toEqual(["[", big, "]"]);
  });

  it("writes one newline for no pieces or only empty ones", () => {
    const io = stringIo();
    emitPieces(io, ["", ""], undefined);
    expect(io.out.join("")).toBe("\n");
  });
});
