import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { progressReporter } from "../../src/cli/output.js";
import { runCli } from "../../src/cli/run.js";
import { cli } from "./helpers.js";
import { frameworkYaml, writeEvidenceJson } from "../bench/_process-data.js";

const D = "fixtures/hanoi/districts";
const DISTRICT = ["--framework", "frameworks/hanoi-district-2023.yaml", "--units", `${D}/units.csv`, "--evidence", `${D}/evidence.csv`, "--points", `${D}/points.csv`, "--locale", "vi"];

describe("CLI habits", () => {
  it("--out into a missing folder is a one-line usage error before any work, naming the folder and the fix", async () => {
    for (const out of ["/missing/dir/x.json", "missing-dir/x.json"]) {
      const vi = await cli("score", ...DISTRICT, "--out", out);
      expect(vi.code).toBe(2);
      expect(vi.stderr).toMatch(/^par-index score: không ghi được --out .*x\.json: thư mục .*dir không tồn tại\. Tạo thư mục trước \(mkdir -p .*dir\) hoặc chọn --out khác\.\nXem `par-index score --help`\.\n$/);
      const r = await cli("score", ...DISTRICT, "--out", out, "--lang", "en");
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^par-index score: cannot write --out .*x\.json: the folder .*dir does not exist\. Create it first \(mkdir -p .*dir\) or choose another --out\.$/);
      expect(lines[1]).toBe('Run "par-index score --help" for its options.');
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+|internal error/);
    }
    const dir = mkdtempSync(join(tmpdir(), "par-out-"));
    expect((await cli("score", ...DISTRICT, "--out", dir, "--lang", "en")).stderr).toContain("it is a folder");
    expect((await cli("score", ...DISTRICT, "--out", dir)).stderr).toContain("đây là một thư mục");
    const ok = await cli("score", ...DISTRICT, "--out", join(dir, "r.json"));
    expect(ok.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).units).toHaveLength(30);
  });

  it("an unknown flag or command gets a did-you-mean, in one line plus a hint to --help", async () => {
    const r = await cli("score", "--framwork", "frameworks/hanoi-district-2023.yaml", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('par-index score: unknown option --framwork. Did you mean --framework? Remove it or correct its spelling.\nRun "par-index score --help" for its options.\n');
    const vi = await cli("score", "--framwork", "frameworks/hanoi-district-2023.yaml");
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe("par-index score: không có tùy chọn --framwork. Có phải là --framework? Bỏ tùy chọn này hoặc sửa lại cho đúng.\nXem `par-index score --help`.\n");
    const c = await cli("scor", "--lang", "en");
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('unknown command "scor". Did you mean "score"?');
    expect(c.stderr.trimEnd().split("\n")).toEqual([expect.any(String), 'Run "par-index --help" for the commands.']);
    const cvi = await cli("scor");
    expect(cvi.stderr).toMatch(/^par-index: không có lệnh "scor"\. Có phải là "score"\? Dùng một trong các lệnh: validate, score, .*\.\nXem `par-index --help`\.\n$/);
  });

  it("explain without --unit asks for a unit CODE", async () => {
    const r = await cli("explain", ...DISTRICT, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("par-index explain: missing --unit: give it as --unit CODE.");
    expect((await cli("explain", ...DISTRICT)).stderr).toBe("par-index explain: thiếu tùy chọn --unit: ghi --unit MÃ.\nXem `par-index explain --help`.\n");
  });

  it("clears the progress line before anything else is written", () => {
    let err = "";
    const progress = progressReporter({ stdout: () => undefined, stderr: (t) => (err += t), stderrIsTty: true, cwd: "." });
    progress("reading a.csv: 1,000 rows");
    progress.done();
    err += "a.csv: inputs\n";
    progress.done(); // nothing shown any more: nothing to clear
    expect(err).toBe("\r\x1b[Kreading a.csv: 1,000 rows\r\x1b[Ka.csv: inputs\n");
  });

  it("a closed pipe (`| head`) ends quietly, without a stack trace", () => {
    const main = "src/cli/main.ts";
    const r = spawnSync("bash", ["-c", `set -o pipefail; node --import tsx ${main} score ${DISTRICT.join(" ")} --format json | head -c 10 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: "utf8" });
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.stderr).toMatch(/status [01]\n$/);
  }, 60_000);

  it("a reader that stops early, mid-way through a large JSON result, still gets the run's exit status (1: the evidence lacks values)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-head-"));
    writeFileSync(join(dir, "fw.yaml"), frameworkYaml());
    await writeEvidenceJson(join(dir, "ev.json"), 300);
    const r = spawnSync(
      "bash",
      ["-c", `node --import tsx src/cli/main.ts score --framework ${dir}/fw.yaml --evidence ${dir}/ev.json 2>/dev/null | head -c 100 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2`],
      { encoding: "utf8" },
    );
    expect(r.stderr).toBe("status 1\n");
  }, 60_000);

  it("`-` reads standard input (once), and messages name it `-`", async () => {
    const stdinRun = async (input: string, ...argv: string[]) => {
      let stdout = "";
      let stderr = "";
      const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false, cwd: process.cwd(), readStdin: async () => input });
      return { code, stdout, stderr };
    };
    const points = readFileSync(`${D}/points.csv`, "utf8");
    const args = DISTRICT.map((a) => (a === `${D}/points.csv` ? "-" : a));
    const fromStdin = await stdinRun(points, "score", ...args, "--format", "json", "--verbose");
    const fromFile = await cli("score", ...DISTRICT, "--format", "json");
    const [a, b] = [JSON.parse(fromStdin.stdout), JSON.parse(fromFile.stdout)];
    expect(a.units).toEqual(b.units);
    expect(a.diagnostics).toEqual(b.diagnostics);
    expect(fromStdin.stderr).toContain("-: bảng điểm (unit,criterion,self,appraised)");
    const bad = await stdinRun("unit;criterion;self;appraised\nba-vi;9.9.9;1;1\n", "score", ...args, "--format", "json");
    expect(JSON.parse(bad.stdout).diagnostics.some((d: { file?: string }) => d.file === "-")).toBe(true);
    const twice = await stdinRun("", "score", ...args, "--evidence", "-", "--lang", "en");
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("it can be read only once");
    expect((await stdinRun("", "score", ...args, "--evidence", "-")).stderr).toContain("nhưng chỉ đọc được một lần");
  });
});
