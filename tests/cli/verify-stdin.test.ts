import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { sha256 } from "../../src/core/sha256.js";

const DIR = "fixtures/trust";
const FILES = ["xa-2025.yaml", "units.csv", "evidence.csv", "points.csv"];

/** Runs the CLI in-process; `stdin` is what standard input holds. */
async function run(stdin: string | undefined, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTty: false,
    cwd: process.cwd(),
    ...(stdin !== undefined && { readStdin: async () => stdin }),
  });
  return { code, stdout, stderr };
}

/** The trust fixtures copied to a fresh folder; the evidence is given as `-` (standard input). */
function setup(): { dir: string; args: string[]; evidence: string } {
  const dir = mkdtempSync(join(tmpdir(), "par-index-verify-stdin-"));
  for (const f of FILES) copyFileSync(join(DIR, f), join(dir, f));
  const args = ["--framework", join(dir, "xa-2025.yaml"), "--units", join(dir, "units.csv"), "--evidence", "-", "--points", join(dir, "points.csv"), "--locale", "vi"];
  return { dir, args, evidence: readFileSync(join(dir, "evidence.csv"), "utf8") };
}

interface Manifest {
  inputs: { file: string; sha256: string; rows: number; role: string }[];
}

describe("a result scored from standard input (`-`)", () => {
  it("records the input as `-` with the SHA-256 of the bytes read, not a temporary path", async () => {
    const { dir, args, evidence } = setup();
    const fromStdin = await run(evidence, "score", ...args, "--format", "json");
    expect(fromStdin.code).toBe(0);
    const manifest = (JSON.parse(fromStdin.stdout) as { manifest: Manifest }).manifest;
    const input = manifest.inputs.find((f) => f.role === "evidence")!;
    expect(input.file).toBe("-");
    expect(input.sha256).toBe(sha256(new TextEncoder().encode(evidence)));
    // The same rows as when the file is named: only the name differs.
    const fromFile = await run(undefined, "score", ...args.map((a) => (a === "-" ? join(dir, "evidence.csv") : a)), "--format", "json");
    const named = (JSON.parse(fromFile.stdout) as { manifest: Manifest }).manifest.inputs.find((f) => f.role === "evidence")!;
    expect(input).toEqual({ ...named, file: "-" });
    expect(JSON.stringify(manifest)).not.toContain("par-index-stdin-");
  });

  it("verify says standard input was not checked and cannot be re-scored, in Vietnamese and English, and still checks the other files", async () => {
    const { dir, args, evidence } = setup();
    const out = join(dir, "r.json");
    expect((await run(evidence, "score", ...args, "--format", "json", "--out", out)).code).toBe(0);

    const json = await run(undefined, "verify", "--results", out, "--format", "json");
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { same: boolean; rescored: boolean; files: { file: string; role: string; status: string; now: string | null }[] };
    expect(report).toMatchObject({ same: false, rescored: false });
    expect(report.files.find((f) => f.file === "-")).toMatchObject({ role: "evidence", status: "unchecked", now: null });
    expect(report.files.filter((f) => f.file !== "-").map((f) => f.status)).toEqual(["same", "same", "same"]);

    const vi = await run(undefined, "verify", "--results", out);
    expect(vi.code).toBe(1);
    expect(vi.stdout).toContain("Không kiểm tra được - (evidence): dữ liệu này được đọc từ đầu vào chuẩn (stdin), không đọc lại được");
    expect(vi.stdout).toContain("Đây không phải lỗi của các tệp khác.");
    expect(vi.stdout).toContain("Các tệp khác: 3/3 không đổi.");
    expect(vi.stdout).not.toContain("Tệp đã thay đổi");
    expect(vi.stdout).not.toContain("Không đọc được tệp");

    const en = await run(undefined, "verify", "--results", out, "--lang", "en");
    expect(en.stdout).toContain("Not checked: - (evidence) was read from standard input, which cannot be read again");
    expect(en.stdout).toContain("The other files: 3 of 3 unchanged.");
    expect(en.stdout).toContain("The result is NOT reproduced.");

    // Another file changed as well: it is named as changed, apart from standard input.
    const units = join(dir, "units.csv");
    writeFileSync(units, `${readFileSync(units, "utf8")}\n`);
    const both = await run(undefined, "verify", "--results", out, "--lang", "en");
    expect(both.stdout).toContain(`File changed: ${units} (units)`);
    expect(both.stdout).toContain("The other files: 2 of 3 unchanged.");
  });
});
