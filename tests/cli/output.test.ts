import { describe, expect, it, vi } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { progressReporter } from "../../src/cli/output.js";

function io(tty: boolean): CliIo & { err: string[] } {
  const err: string[] = [];
  return { stdout: () => {}, stderr: (t) => err.push(t), stderrIsTty: tty, cwd: ".", err };
}

describe("progress display", () => {
  it("rewrites one line on a terminal, throttled, and clears it when done", () => {
    vi.useFakeTimers();
    try {
      const term = io(true);
      const progress = progressReporter(term);
      vi.advanceTimersByTime(1000);
      progress("reading a.csv: 1,000 rows");
      progress("reading a.csv: 2,000 rows"); // within 100 ms: skipped
      vi.advanceTimersByTime(150);
      progress("reading a.csv: 3,000 rows");
      progress.done();
      expect(term.err).toEqual(["\r\x1b[Kreading a.csv: 1,000 rows", "\r\x1b[Kreading a.csv: 3,000 rows", "\r\x1b[K"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("prints nothing when stderr is not a terminal (CI, pipes)", () => {
    const pipe = io(false);
    const progress = progressReporter(pipe);
    progress("reading a.csv: 1,000 rows");
    progress.done();
    expect(pipe.err).toEqual([]);
  });
});
