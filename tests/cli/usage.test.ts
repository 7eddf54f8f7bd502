import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCommandArgs } from "../../src/cli/args.js";
import { UsageError, usageError, usageMessage } from "../../src/cli/io.js";
import { messageOf, quoteText } from "../../src/diagnostics/index.js";
import { cli } from "./helpers.js";

const D = "fixtures/hanoi/districts";
const FW = "frameworks/hanoi-district-2023.yaml";
const DISTRICT = ["--framework", FW, "--units", `${D}/units.csv`, "--evidence", `${D}/evidence.csv`, "--evidence", `${D}/sipas.csv`, "--points", `${D}/points.csv`, "--locale", "vi"];
const C = "fixtures/hanoi-2025/communes";
const COMMUNES = ["--framework", "frameworks/hanoi-commune-2025.yaml", "--units", "fixtures/registry/hanoi-communes-2025.csv", "--evidence", `${C}/inputs.csv`, "--evidence", `${C}/survey.csv`, "--points", `${C}/points.csv`, "--locale", "vi"];
const SERVICE = ["--framework", "frameworks/service-index-766-2022.yaml", "--units", "fixtures/service-766/units.csv", "--evidence", "fixtures/service-766/evidence.csv"];

/** English words that must not appear in a Vietnamese usage line (option names and ids aside). */
const ENGLISH = /\b(the|is|are|has|with|must|give|needs|missing|unknown|cannot|not|Did you mean|Run)\b/;

const dir = mkdtempSync(join(tmpdir(), "par-usage-"));
const districtResults = join(dir, "district.json");
const communeResults = join(dir, "commune.json");
const ownResults = join(dir, "own.json");
const notJson = join(dir, "not.json");
const serviceResults = join(dir, "service.json");
const badShape = join(dir, "shape.json");

beforeAll(async () => {
  writeFileSync(districtResults, (await cli("score", ...DISTRICT)).stdout);
  writeFileSync(communeResults, (await cli("score", ...COMMUNES)).stdout);
  writeFileSync(serviceResults, (await cli("score", ...SERVICE)).stdout);
  const own = JSON.parse(readFileSync(districtResults, "utf8"));
  own.framework.id = "xa-tu-lam-2024";
  writeFileSync(ownResults, JSON.stringify(own));
  writeFileSync(notJson, "rank,unit\n");
  writeFileSync(badShape, JSON.stringify({ units: "none" }));
}, 120_000);

/** Each usage error: the command line that makes it, and the params it is worded from. */
const CASES: { code: Parameters<typeof usageError>[0]; argv: () => string[]; params: () => Record<string, unknown> }[] = [
  { code: "usage-unknown-option", argv: () => ["score", "--evidnce", "x.csv"], params: () => ({ option: "--evidnce", suggestion: "--evidence" }) },
  { code: "usage-missing-value", argv: () => ["score", "--framework"], params: () => ({ option: "--framework" }) },
  { code: "usage-no-value-expected", argv: () => ["score", "--verbose=yes"], params: () => ({ option: "--verbose" }) },
  { code: "usage-unexpected-argument", argv: () => ["score", "evidence.csv"], params: () => ({ argument: "evidence.csv" }) },
  { code: "usage-missing-option", argv: () => ["explain", ...DISTRICT], params: () => ({ option: "--unit", placeholder: "CODE" }) },
  { code: "usage-bad-choice", argv: () => ["score", ...DISTRICT, "--format", "pdf"], params: () => ({ option: "--format", value: "pdf", allowed: ["json", "table", "csv", "md", "xlsx"] }) },
  { code: "usage-option-needs", argv: () => ["score", "--framework", FW, "--survey", "frameworks/sipas-2023.yaml"], params: () => ({ option: "--survey", values: ["--responses R.csv", "--ratings K.csv"] }) },
  { code: "usage-xlsx-needs-out", argv: () => ["score", ...DISTRICT, "--format", "xlsx"], params: () => ({ option: "--format" }) },
  { code: "usage-compact-json-only", argv: () => ["score", ...DISTRICT, "--format", "csv", "--compact"], params: () => ({ format: "csv" }) },
  { code: "usage-no-evidence", argv: () => ["score", "--framework", FW], params: () => ({}) },
  { code: "usage-no-files", argv: () => ["validate"], params: () => ({}) },
  { code: "usage-out-folder-missing", argv: () => ["score", ...DISTRICT, "--out", "missing-dir/x.json"], params: () => ({ out: "missing-dir/x.json", dir: resolve("missing-dir") }) },
  { code: "usage-out-not-folder", argv: () => ["score", ...DISTRICT, "--out", "package.json/x.json"], params: () => ({ out: "package.json/x.json", dir: resolve("package.json") }) },
  { code: "usage-out-is-folder", argv: () => ["score", ...DISTRICT, "--out", "tests"], params: () => ({ out: "tests", example: "tests/results.json" }) },
  {
    code: "usage-out-unwritable",
    argv: () => ["score", "--framework", FW, "--points", `${D}/points.csv`, "--out", "/proc/x.json"],
    params: () => ({ out: "/proc/x.json", detail: "ENOENT: no such file or directory, open '/proc/x.json'" }),
  },
  { code: "usage-bad-date", argv: () => ["score", ...DISTRICT, "--appraised-on", "tomorrow"], params: () => ({ option: "--appraised-on", value: "tomorrow" }) },
  { code: "usage-stdin-twice", argv: () => ["score", "--framework", FW, "--points", "-", "--evidence", "-"], params: () => ({ count: 2 }) },
  { code: "usage-stdin-unavailable", argv: () => ["score", "--framework", FW, "--points", "-"], params: () => ({}) },
  { code: "usage-results-and-scoring", argv: () => ["gaps", "--results", districtResults, "--evidence", "x.csv"], params: () => ({}) },
  {
    code: "usage-framework-mismatch",
    argv: () => ["gaps", "--results", districtResults, "--framework", "frameworks/hanoi-ward-2024.yaml"],
    params: () => ({ results: districtResults, scored: "hanoi-district-2023", framework: "hanoi-ward-2024" }),
  },
  { code: "usage-framework-not-bundled", argv: () => ["plan", "--results", ownResults, "--unit", "dong-da"], params: () => ({ framework: "xa-tu-lam-2024" }) },
  { code: "usage-needs-registry", argv: () => ["plan", "--results", communeResults, "--unit", "00385"], params: () => ({ within: "type" }) },
  { code: "usage-unknown-unit", argv: () => ["explain", ...DISTRICT, "--unit", "dong-daa"], params: () => ({ unit: "dong-daa", suggestion: "dong-da" }) },
  { code: "usage-compare-current", argv: () => ["compare", "--base", districtResults, "--results", districtResults], params: () => ({}) },
  { code: "usage-rollup-needs-units", argv: () => ["rollup", "--results", districtResults, "--by", "parent"], params: () => ({}) },
  {
    code: "usage-rollup-no-attribute",
    argv: () => ["rollup", "--results", districtResults, "--units", `${D}/units.csv`, "--by", "quan"],
    params: () => ({ by: "quan", values: ["parent", "type"] }),
  },
  { code: "usage-file-missing", argv: () => ["history", "--appraisals", join(dir, "none.jsonl"), "--unit", "dong-da"], params: () => ({ file: join(dir, "none.jsonl") }) },
  { code: "usage-file-unreadable", argv: () => ["history", "--appraisals", dir, "--unit", "dong-da"], params: () => ({ file: dir, detail: "EISDIR: illegal operation on a directory, read" }) },
  {
    code: "usage-points-value",
    argv: () => ["appraise", "--appraisals", join(dir, "log.jsonl"), "--unit", "dong-da", "--criterion", "1.2.2", "--field", "appraised", "--from", "nhiều", "--to", "1", "--by", "Hội đồng", "--why", "bổ sung"],
    params: () => ({ option: "--from", value: "nhiều" }),
  },
  {
    code: "usage-appraisal-event",
    argv: () => ["appraise", "--appraisals", join(dir, "log.jsonl"), "--unit", "dong-da", "--criterion", "1.2.2", "--from", "0.75", "--to", "1", "--by", "Hội đồng", "--why", "bổ sung", "--at", "hôm qua"],
    params: () => ({ detail: 'appraisal event: at is "hôm qua", expected an ISO 8601 date or time (2024-11-20 or 2024-11-20T09:30:00+07:00)' }),
  },
  {
    code: "usage-results-unreadable",
    argv: () => ["report", ...DISTRICT, "--compare", notJson, "--out", join(dir, "x.html")],
    params: () => ({ option: "--compare", file: notJson, detail: jsonError("rank,unit\n") }),
  },
  { code: "usage-not-results", argv: () => ["report", "--results", badShape, "--framework", FW, "--out", join(dir, "x.html")], params: () => ({ option: "--results", file: badShape }) },
  { code: "usage-set-syntax", argv: () => ["plan", ...DISTRICT, "--unit", "dong-da", "--set", "dossiers_on_time"], params: () => ({ value: "dossiers_on_time" }) },
  { code: "usage-set-bad-value", argv: () => ["plan", ...DISTRICT, "--unit", "dong-da", "--set", "dossiers_on_time=nhiều"], params: () => ({ name: "dossiers_on_time", value: "nhiều", type: "integer" }) },
  { code: "usage-set-not-points", argv: () => ["plan", ...DISTRICT, "--unit", "dong-da", "--set", "1.2.2=đủ"], params: () => ({ name: "1.2.2", value: "đủ" }) },
  {
    code: "usage-set-unknown",
    argv: () => ["plan", ...DISTRICT, "--unit", "dong-da", "--set", "dossiers_ontime=1"],
    params: () => ({ name: "dossiers_ontime", framework: "hanoi-district-2023", suggestion: "dossiers_on_time" }),
  },
  { code: "usage-one-target", argv: () => ["plan", "--results", districtResults, "--unit", "dong-da", "--target-rank", "1", "--target-index", "95"], params: () => ({}) },
  { code: "usage-whole-number", argv: () => ["plan", "--results", districtResults, "--unit", "dong-da", "--target-rank", "0"], params: () => ({ option: "--target-rank", value: "0" }) },
  { code: "usage-number", argv: () => ["plan", "--results", districtResults, "--unit", "dong-da", "--target-index", "cao"], params: () => ({ option: "--target-index", value: "cao" }) },
  { code: "usage-set-with-results", argv: () => ["plan", "--results", districtResults, "--unit", "dong-da", "--set", "x=1"], params: () => ({}) },
  { code: "usage-no-grades", argv: () => ["plan", "--results", serviceResults, "--unit", unitOf(serviceResults), "--target-grade", "A"], params: () => ({ framework: "service-index-766-2022" }) },
];

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

function unitOf(results: string): string {
  return JSON.parse(readFileSync(results, "utf8")).units[0].unit;
}

describe("usage errors: one line in the language asked for, then where the help is (exit 2)", () => {
  for (const c of CASES) {
    it(c.code, async () => {
      const [command] = c.argv();
      const vi = await cli(...c.argv());
      const en = await cli(...c.argv(), "--lang", "en");
      expect(vi.code).toBe(2);
      expect(en.code).toBe(2);
      // The data's own diagnostics may come first (stderr); the usage error is the last two lines.
      const last2 = (t: string) => t.split("\n").slice(-3).join("\n");
      expect(last2(vi.stderr)).toBe(`par-index ${command}: ${messageOf(c.code, c.params(), "vi")}\nXem \`par-index ${command} --help\`.\n`);
      expect(last2(en.stderr)).toBe(`par-index ${command}: ${messageOf(c.code, c.params(), "en")}\nRun "par-index ${command} --help" for its options.\n`);
      // No English words in the Vietnamese line, apart from the text quoted from the command line and files.
      let line = last2(vi.stderr).split("\n")[0]!;
      for (const v of Object.values(c.params()).flat()) if (typeof v === "string") line = line.replaceAll(quoteText(v), "");
      expect(line).not.toMatch(ENGLISH);
      expect(vi.stdout).toBe("");
    }, 120_000);
  }

  it("usage-out-unwritable from the workbook and report writers too (no internal error, no stack)", async () => {
    for (const [command, out, args] of [
      ["guide", "/proc/x.xlsx", ["--framework", FW, "--format", "xlsx"]],
      ["report", "/proc/x.html", DISTRICT],
    ] as const) {
      const r = await cli(command, ...args, "--out", out);
      expect(r.code).toBe(2);
      expect(r.stderr.split("\n").slice(-3).join("\n")).toBe(
        `par-index ${command}: ${messageOf("usage-out-unwritable", { out, detail: `ENOENT: no such file or directory, open '${out}'` }, "vi")}\nXem \`par-index ${command} --help\`.\n`,
      );
      expect(r.stderr).not.toMatch(/lỗi nội bộ|internal error|\n\s+at /);
    }
  }, 120_000);

  it("usage-unknown-command: the program's own hint", async () => {
    const vi = await cli("gap");
    expect(vi.code).toBe(2);
    expect(vi.stderr).toMatch(/^par-index: không có lệnh "gap"\. Có phải là "gaps"\? Dùng một trong các lệnh: validate, score, explain, .*\.\nXem `par-index --help`\.\n$/);
    const en = await cli("gap", "--lang", "en");
    expect(en.stderr).toMatch(/^par-index: unknown command "gap"\. Did you mean "gaps"\? Give one of: validate, score, explain, .*\.\nRun "par-index --help" for the commands\.\n$/);
    expect(messageOf("usage-unknown-command", { command: "x", values: ["score"] }, "vi")).toBe('không có lệnh "x". Dùng một trong các lệnh: score.');
  });

  it("usage-out-denied, usage-bad-arguments and usage-other are worded too (not reachable from a root shell or node:util)", () => {
    expect(usageMessage(usageError("usage-out-denied", { out: "/srv/r.json" }), "vi")).toBe("không ghi được --out /srv/r.json: không có quyền ghi. Chọn --out khác.");
    expect(usageMessage(usageError("usage-out-denied", { out: "/srv/r.json" }), "en")).toBe("cannot write --out /srv/r.json: permission denied. Choose another --out.");
    const bad = usageError("usage-bad-arguments", { detail: "x" });
    expect(bad.code).toBe("usage-bad-arguments");
    expect(usageMessage(bad, "vi")).toBe("không đọc được các tham số dòng lệnh (x). Sửa lại theo hướng dẫn sử dụng.");
    // A plain text (code usage-other) is printed as written in both languages.
    const other = new UsageError("as written");
    expect([other.code, usageMessage(other, "vi"), usageMessage(other, "en")]).toEqual(["usage-other", "as written", "as written"]);
  });

  it("errors are data: code and params, the English wording as message; control characters in quoted text are escaped", () => {
    let caught: unknown;
    try {
      parseCommandArgs(["--evidnce\u001b[31m"], { evidence: { type: "string" } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UsageError);
    const e = caught as UsageError;
    expect(e.code).toBe("usage-unknown-option");
    expect(e.params).toEqual({ option: "--evidnce\u001b[31m" });
    expect(usageMessage(e, "vi")).toBe("không có tùy chọn --evidnce\\u001b[31m. Bỏ tùy chọn này hoặc sửa lại cho đúng.");
    expect(e.message).toBe("unknown option --evidnce\\u001b[31m. Remove it or correct its spelling.");
  });
});
