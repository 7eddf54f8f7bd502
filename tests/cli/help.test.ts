import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const COMMANDS = ["validate", "score", "explain", "check-evidence", "sipas", "demo", "verify", "appraise", "history", "template", "guide", "report", "gaps", "plan", "rollup", "compare"];

/** Sentences of the English help that must not be left in the Vietnamese one. */
const ENGLISH = /\b(the|is|are|with|which|when|Exit|Scores|Prints|Writes|Reads|Checks|required|default|write to|instead of)\b/;

/** The option names a help text lists (`--framework`, `--lang`, …). */
function options(text: string): string[] {
  return [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])].sort();
}

describe("--help", () => {
  it("lists the commands in Vietnamese by default and in English with --lang en, before or after --help", async () => {
    const vi = await cli("--help");
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain("chấm điểm các chỉ số cải cách hành chính của Việt Nam");
    expect(vi.stdout).toContain("Cách dùng: par-index LỆNH [tùy chọn]");
    expect(vi.stdout).toContain("Các lệnh:");
    expect(vi.stdout).not.toMatch(/Usage:|Commands:|Run "par-index COMMAND/);
    for (const c of COMMANDS) expect(vi.stdout).toContain(`  par-index ${c} `.trimEnd());
    const en = await cli("--help", "--lang", "en");
    expect(en.stdout).toContain("Usage: par-index COMMAND [options]");
    expect(en.stdout).toContain("Commands:");
    expect(en.stdout).not.toMatch(/Cách dùng|Các lệnh/);
    expect((await cli("--lang", "en", "--help")).stdout).toBe(en.stdout);
    expect((await cli("help", "--lang=en")).stdout).toBe(en.stdout);
  });

  for (const command of COMMANDS) {
    it(`${command} --help: Vietnamese by default, English with --lang en, the same options`, async () => {
      const vi = await cli(command, "--help");
      expect(vi.code).toBe(0);
      expect(vi.stdout.startsWith(`par-index ${command}`)).toBe(true);
      // Vietnamese sentences (the text without option names, file names and formats).
      const prose = vi.stdout.replace(/--[a-z-]+|par-index[^\n]*|"[^"]*"|\([^)]*\)|[\w./-]+\.(yaml|csv|json|xlsx|html|md)/g, "");
      expect(prose).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
      expect(prose, prose).not.toMatch(ENGLISH);
      const after = await cli(command, "--help", "--lang", "en");
      const before = await cli("--lang", "en", command, "--help");
      expect(after.code).toBe(0);
      expect(after.stdout).toBe(before.stdout);
      expect(after.stdout).not.toBe(vi.stdout);
      expect(after.stdout).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]{1}.*(tùy chọn|mặc định|bắt buộc)/);
      // Option names are kept as they are: both texts list the same options.
      expect(options(vi.stdout)).toEqual(options(after.stdout));
    });
  }

  it("describes the options as a Vietnamese developer would write them", async () => {
    const score = (await cli("score", "--help")).stdout;
    expect(score).toContain("Chấm điểm mọi đơn vị và in bảng xếp hạng.");
    expect(score).toContain("  --framework F.yaml   bộ tiêu chí (bắt buộc)");
    expect(score).toContain("  --points TỆP         bảng điểm CSV (unit,criterion,self,appraised[,note]); ghi được nhiều lần");
    expect(score).toContain("  --register R.csv     sổ tài liệu kiểm chứng");
    expect(score).toContain("  --verbose            cho biết đã đọc được những gì từ từng tệp");
    expect(score).toContain("Mã thoát 0 khi không có lỗi, 1 khi bộ tiêu chí hoặc số liệu có lỗi, 2 khi dùng sai lệnh.");
    const gaps = (await cli("gaps", "--help")).stdout;
    expect(gaps).toContain("  --lang vi|en         ngôn ngữ của bảng, md và các thông báo (mặc định vi)");
    // compare lists its own --current instead of --results.
    const compare = (await cli("compare", "--help")).stdout;
    expect(compare).toContain("--current B.json");
    expect(compare).not.toContain("--results R.json");
  });
});

describe("other sentences of the CLI", () => {
  it("verify words a missing manifest in the language asked for", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-verify-words-"));
    const file = join(dir, "r.json");
    writeFileSync(file, JSON.stringify({ framework: { id: "x" }, units: [] }));
    const vi = await cli("verify", "--results", file);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toBe(`${file}: error: kết quả không có manifest (do phiên bản cũ ghi ra hoặc đã bị sửa); không thể chấm lại. Chạy lại "par-index score --format json" để có kết quả kèm manifest.\n`);
    const en = await cli("verify", "--results", file, "--lang", "en");
    expect(en.stderr).toContain(`${file}: error: manifest: the result has no manifest object`);
    writeFileSync(file, JSON.stringify({ manifest: { engine: "par-index 0.1.0", framework: { id: "x", sha256: "0", files: [] }, inputs: [], options: { locale: "vi" } } }));
    expect((await cli("verify", "--results", file)).stderr).toContain("manifest của kết quả bị sai ở manifest.framework.sha256; không thể chấm lại.");
  });

  it("appraise refuses to append to a broken log, in Vietnamese by default", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-appraise-words-"));
    const log = join(dir, "log.jsonl");
    writeFileSync(log, "{not json}\n");
    const args = ["appraise", "--appraisals", log, "--unit", "dong-da", "--criterion", "1.2.2", "--from", "0.75", "--to", "1", "--by", "Hội đồng", "--why", "bổ sung"];
    const vi = await cli(...args);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain(`${log}: nhật ký đã bị hỏng (xem lỗi ở trên); chưa ghi thêm gì. Khôi phục nhật ký từ bản sao trước.`);
    expect((await cli(...args, "--lang", "en")).stderr).toContain(`${log}: the log is broken (see above); nothing was appended.`);
  });

  it("an unreadable file's reason is worded too", async () => {
    const vi = await cli("validate", "does/not/exist.yaml");
    expect(vi.stderr).toContain("không đọc được tệp: không có tệp này.");
    expect((await cli("validate", "does/not/exist.yaml", "--lang", "en")).stderr).toContain("cannot read the file: no such file.");
  });
});
