import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BoundedReadError, openBounded, readFileBoundedSync } from "../../src/node/read-bounded.js";

const dir = mkdtempSync(join(tmpdir(), "par-bounded-"));

async function drain(path: string, limit: number): Promise<number | string> {
  const opened = await openBounded(path, limit, 7);
  if (!opened.ok) return opened.reason;
  let total = 0;
  try {
    for await (const c of opened.chunks) total += c.length;
  } catch (e) {
    return e instanceof BoundedReadError ? e.failure.reason : "other";
  }
  return total;
}

describe("bounded reading", () => {
  it("reads a regular file and drops the byte-order mark", () => {
    const p = join(dir, "a.txt");
    writeFileSync(p, "\uFEFFxã hội");
    const r = readFileBoundedSync(p, 100);
    expect(r.ok && r.text).toBe("xã hội");
  });

  it("counts bytes while reading: exactly the limit passes, one more is refused", async () => {
    const p = join(dir, "b.txt");
    writeFileSync(p, "x".repeat(100));
    expect(readFileBoundedSync(p, 100).ok).toBe(true);
    const r = readFileBoundedSync(p, 99);
    expect(r.ok ? "ok" : r.reason).toBe("too-large");
    expect(await drain(p, 100)).toBe(100);
    expect(await drain(p, 99)).toBe("too-large");
  });

  it("refuses devices without reading them (/dev/zero would never end)", async () => {
    const r = readFileBoundedSync("/dev/zero", 1 << 30);
    expect(r.ok ? "ok" : r.reason).toBe("not-a-file");
    expect(r.ok ? "" : r.detail).toBe("a character device");
    expect(await drain("/dev/zero", 1 << 30)).toBe("not-a-file");
    expect(await drain("/dev/urandom", 1 << 30)).toBe("not-a-file");
  });

  it("refuses a folder and a FIFO without blocking, reports a missing file", async () => {
    expect(readFileBoundedSync(dir, 10).ok ? "ok" : (readFileBoundedSync(dir, 10) as { reason: string }).reason).toBe("not-a-file");
    expect(await drain(dir, 10)).toBe("not-a-file");
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const r = readFileBoundedSync(fifo, 10);
    expect(r.ok ? "ok" : r.reason).toBe("not-a-file");
    expect(await drain(fifo, 10)).toBe("not-a-file");
    const missing = readFileBoundedSync(join(dir, "nope"), 10);
    expect(missing.ok ? "ok" : missing.reason).toBe("not-found");
  });
});
