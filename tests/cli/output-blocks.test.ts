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
  it("writes exactly the bytes of the joined pieces: stdout bytes (written at once or after a wait), stdout text, --out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-index-blocks-"));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 4, max: 300 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), async (pieces, size, waits) => {
        const want = expected(pieces);
        // Bytes: a host that sometimes takes them only later (a full pipe): they must stay untouched until then.
        const chunks: Buffer[] = [];
        let call = 0;
        const bytesIo: CliIo = {
          ...stringIo(),
          stdoutBytes: (b) => {
            if (!waits[call++ % waits.length]!) {
              chunks.push(Buffer.from(b));
              return true;
            }
            return new Promise<void>((resolve) =>
              setImmediate(() => {
                chunks.push(Buffer.from(b));
                resolve();
              }),
            );
          },
        };
        await emitPieces(bytesIo, pieces, undefined, size);
        expect(Buffer.concat(chunks).equals(want)).toBe(true);
        // Text: each block decoded; blocks end at pieces' ends, so no character is cut.
        const textIo = stringIo();
        await emitPieces(textIo, pieces, undefined, size);
        expect(Buffer.from(textIo.out.join(""), "utf8").equals(want)).toBe(true);
        // A file.
        await emitPieces(stringIo(), pieces, join(dir, "r.json"), size);
        expect(readFileSync(join(dir, "r.json")).equals(want)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("hands on blocks of at most the buffer's size, each ending where a piece ends; a larger piece whole", async () => {
    const big = "Đánh giá ".repeat(400);
    const pieces = [...Array.from({ length: 200 }, (_, i) => `{"unit": "u${i}", "name": "Phường ${i} — Hà Nội"},`), big, "]"];
    const blocks: string[] = [];
    const io: CliIo = { ...stringIo(), stdoutBytes: (b) => (blocks.push(Buffer.from(b).toString("utf8")), true) };
    await emitPieces(io, pieces, undefined, 1024);
    expect(blocks.join("")).toBe(pieces.join("") + "\n");
    expect(blocks).toContain(big);
    for (const b of blocks.slice(0, blocks.indexOf(big))) {
      expect(Buffer.byteLength(b)).toBeLessThanOrEqual(1024);
      expect(b.endsWith("},")).toBe(true);
    }
    expect(blocks.at(-1)).toBe("]\n");
  });

  it("writes one newline for no pieces or only empty ones", async () => {
    const io = stringIo();
    await emitPieces(io, ["", ""], undefined);
    expect(io.out.join("")).toBe("\n");
  });

  it("Utf8Blocks: a piece fits while 3 bytes per code unit fit", () => {
    const w = new Utf8Blocks(12);
    expect(w.fits("abcd")).toBe(true);
    w.put("abcd");
    expect(w.fits("abc")).toBe(false);
    expect(w.fits("ư")).toBe(true);
    w.put("ư");
    expect(w.take().toString("utf8")).toBe("abcdư");
    expect(w.take().length).toBe(0);
  });
});
