import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const D = "fixtures/hanoi/districts";
const DISTRICT = [
  "--framework", "frameworks/hanoi-district-2023.yaml",
  "--units", `${D}/units.csv`,
  "--evidence", `${D}/evidence.csv`, "--evidence", `${D}/sipas.csv`,
  "--points", `${D}/points.csv`, "--locale", "vi",
];

describe("par-index report", () => {
  const dir = mkdtempSync(join(tmpdir(), "par-report-cli-"));

  it("writes the report, says where, and exits 1 when the data has errors (listing them in the report)", async () => {
    const out = join(dir, "r.html");
    const r = await cli("report", ...DISTRICT, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`Đã ghi báo cáo: ${out} (mở bằng trình duyệt; in ra khổ A4 được).\n`);
    expect(r.stderr).toMatch(/error missing-input: đơn vị "my-duc"/);
    const html = readFileSync(out, "utf8");
    expect(html).toContain('<section class="unit" id="unit-my-duc">');
    expect(html).toMatch(/<span class="code">missing-input<\/span><\/td><td><a href="#unit-my-duc">Mỹ Đức<\/a><\/td><td>đơn vị &quot;my-duc&quot; chưa có giá trị/);
    // The manifest names every input with its SHA-256, and no time stamp: the same inputs give the same file.
    expect(html).toMatch(/fixtures\/hanoi\/districts\/points\.csv<\/td><td class="hash">[0-9a-f]{64}</);
    // What a screen reader reads of the charts is Vietnamese too: no vega field names or English axis descriptions.
    const labels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]!);
    expect(labels.length).toBeGreaterThan(100);
    expect(labels.filter((l) => /(?<![\p{L}])(unit|index|excess|lost|criterion|field):|Title text|axis|legend|scale/iu.test(l))).toEqual([]);
    expect(labels).toContain(labels.find((l) => l.startsWith("Chỉ số (%): ") && l.includes("; Đơn vị: ")));
    const again = join(dir, "r2.html");
    await cli("report", ...DISTRICT, "--out", again);
    expect(readFileSync(again, "utf8")).toBe(html);
  });

  it("makes the report from a saved result (--results with its --framework), without explanations", async () => {
    const saved = join(dir, "result.json");
    writeFileSync(saved, (await cli("score", ...DISTRICT, "--evidence", `${D}/evidence-late.csv`, "--lang", "en")).stdout);
    const out = join(dir, "saved.html");
    const r = await cli("report", "--results", saved, "--framework", "frameworks/hanoi-district-2023.yaml", "--out", out, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Report written: ${out}`);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("Explanations are not kept in a saved result");
    expect(html.match(/<section class="unit"/g)).toHaveLength(30);
    expect(html).toContain("<svg");
  });

  it("refuses what it cannot use with exit 2", async () => {
    expect((await cli("report", ...DISTRICT)).code).toBe(2); // no --out
    const notJson = join(dir, "x.json");
    writeFileSync(notJson, "rank,unit\n");
    const bad = await cli("report", ...DISTRICT, "--compare", notJson, "--out", join(dir, "x.html"), "--lang", "en");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`--compare ${notJson}: cannot read it as JSON`);
    const badVi = await cli("report", ...DISTRICT, "--compare", notJson, "--out", join(dir, "x.html"));
    expect(badVi.stderr).toContain(`--compare ${notJson}: không đọc được dưới dạng JSON`);
    writeFileSync(notJson, JSON.stringify({ units: "none" }));
    const notResults = ["report", "--results", notJson, "--framework", "frameworks/hanoi-district-2023.yaml", "--out", join(dir, "x.html")];
    expect((await cli(...notResults, "--lang", "en")).stderr).toContain("not a Results JSON");
    expect((await cli(...notResults)).stderr).toContain("không phải tệp kết quả chấm điểm");
    const other = join(dir, "other.json");
    writeFileSync(other, JSON.stringify({ framework: { id: "hanoi-ward-2024", year: 2024 }, units: [], diagnostics: [] }));
    const wrong = await cli("report", "--results", other, "--framework", "frameworks/hanoi-district-2023.yaml", "--out", join(dir, "x.html"), "--lang", "en");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('was scored with framework "hanoi-ward-2024"');
    expect(existsSync(join(dir, "x.html"))).toBe(false);
  });
});
