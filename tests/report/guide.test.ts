import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseFramework } from "../../src/framework/index.js";
import { guideHtml, guideMarkdown, guideRows } from "../../src/report/guide.js";
import { cli } from "../cli/helpers.js";

/** Every rule kind, with titles that would break Markdown and HTML if not escaped. */
const YAML = `format: par-index/v1
id: guide-test
title: "Bộ chỉ số <thử> | minh họa"
year: 2024
source: "Minh họa (không phải văn bản thật)"
inputs:
  plan_on: { type: date, missing: zero }
  done_rate: { type: ratio, label: "Tỷ lệ hoàn thành kế hoạch" }
  late_share: { type: percent }
  has_team: { type: boolean, label: "Có tổ công nghệ số" }
  report: { type: enum, values: [on_time, late, none] }
  violations: { type: integer, min: 0 }
  handled: { type: integer, min: 0 }
  received: { type: integer, min: 0 }
derived:
  handled_rate: "handled / received"
criteria:
  - id: "1"
    title: "Chỉ đạo *điều hành* [CCHC]"
    children:
      - { id: "1.1", title: "Ban hành kế hoạch", max: 1, evidence: "Kế hoạch CCHC <năm>",
          rule: { deadline: { value: plan_on, due: 2024-01-15, late: 0.5, late_until: 2024-03-31, missing: 0 } } }
      - { id: "1.2", title: "Thực hiện kế hoạch", max: 2,
          rule: { bands: { value: done_rate, bands: [ { above: 0.9, points: 2 }, { at_least: 0.7, points: 1 }, { otherwise: 0 } ] } } }
      - { id: "1.3", title: "Hồ sơ trễ hạn", max: 2, rule: { ratio: { value: late_share, lower: 20, upper: 0 } } }
      - { id: "1.4", title: "Xử lý hồ sơ", max: 2, applies_if: "received > 0", rule: { ratio: { value: handled_rate } } }
  - id: "2"
    title: "Tổ chức"
    children:
      - { id: "2.1", title: "Tổ công nghệ số", max: 1, rule: { boolean: { value: has_team } } }
      - { id: "2.2", title: "Báo cáo", max: 1, rule: { choice: { value: report, points: { on_time: 1, late: 0.5, none: 0 } } } }
      - { id: "2.3", title: "Vi phạm", max: 2, rule: { deduct: { value: violations, per: 0.5 } } }
      - { id: "2.4", title: "Đánh giá", max: 3, not_applicable: full, rule: { manual: { step: 0.25 } } }
      - { id: "2.5", title: "Công thức", max: 1, rule: { expr: "min(1, handled / 10)" } }
adjustments:
  - { id: "T1", title: "Sáng kiến", kind: bonus, max: 2, rule: { manual: { step: 0.5 } } }
`;

function framework() {
  const r = parseFramework(YAML, { filename: "guide.yaml" });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics.map((d) => d.message)));
  return r.framework;
}

describe("the scoring guidance (hướng dẫn chấm điểm)", () => {
  it("words every rule in plain Vietnamese: bands, deadlines in dd/mm/yyyy, ratios, choices, deductions, manual, applicability", () => {
    const rows = new Map(guideRows(framework(), "vi").map((r) => [r.no, r]));
    expect(rows.get("1.2")!.scoring).toBe("Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm.");
    expect(rows.get("1.1")!.scoring).toBe("Đúng hạn (đến 15/01/2024): 1 điểm; chậm đến 31/03/2024: 0,5 điểm; sau đó: 0 điểm.");
    expect(rows.get("1.1")!.evidence).toBe("Kế hoạch CCHC <năm>");
    expect(rows.get("1.3")!.scoring).toBe("Theo late_share (càng thấp càng tốt): từ 0% trở xuống: 2 điểm; từ 20% trở lên: 0 điểm; ở giữa: tính theo tỷ lệ nghịch.");
    expect(rows.get("1.4")!.scoring).toBe("Theo handled_rate: từ 100% trở lên: 2 điểm; từ 0% trở xuống: 0 điểm; ở giữa: tính theo tỷ lệ thuận. Chỉ áp dụng khi: received > 0.");
    expect(rows.get("2.1")!.scoring).toBe("Có tổ công nghệ số: có / đạt: 1 điểm; không / không đạt: 0 điểm.");
    expect(rows.get("2.2")!.scoring).toBe("Report: on_time: 1 điểm; late: 0,5 điểm; none: 0 điểm.");
    expect(rows.get("2.3")!.scoring).toBe("Tối đa 2 điểm; trừ 0,5 điểm cho mỗi violations; thấp nhất 0 điểm.");
    expect(rows.get("2.4")!.scoring).toBe("Hội đồng thẩm định chấm căn cứ tài liệu kiểm chứng, từ 0 đến 3 điểm (chấm theo bước 0,25 điểm). Nếu không phát sinh: được tối đa điểm.");
    expect(rows.get("2.5")!.scoring).toBe("Điểm tính theo công thức: min(1, handled / 10).");
    expect(rows.get("T1")!.title).toBe("Điểm thưởng: Sáng kiến");
    // Maxima per field and the total.
    expect([rows.get("1")!.max, rows.get("2")!.max]).toEqual([7, 8]);
    const total = guideRows(framework(), "vi").at(-1)!;
    expect(total).toMatchObject({ kind: "total", max: 15, title: "Tổng điểm tối đa" });
  });

  it("--lang en words it in English", () => {
    const rows = new Map(guideRows(framework(), "en").map((r) => [r.no, r]));
    expect(rows.get("1.2")!.scoring).toBe("Above 90%: 2 points; from 70% to 90%: 1 point; below 70%: 0 points.");
    expect(rows.get("1.1")!.scoring).toBe("On time (by 15/01/2024): 1 point; late until 31/03/2024: 0.5 points; after that: 0 points.");
  });

  it("escapes titles and evidence in Markdown and HTML; the HTML page is self-contained", () => {
    const md = guideMarkdown(framework(), "vi");
    expect(md).toContain("**Chỉ đạo \\*điều hành\\* \\[CCHC\\]**");
    expect(md).toContain("Kế hoạch CCHC &lt;năm&gt;");
    expect(md).toContain("# HƯỚNG DẪN CHẤM ĐIỂM: Bộ chỉ số &lt;thử&gt; \\| minh họa");
    expect(md.split("\n").filter((l) => l.startsWith("| ")).every((l) => l.split(/(?<!\\)\|/).length === 7)).toBe(true);
    const html = guideHtml(framework(), "vi");
    expect(html).toContain("<td>Kế hoạch CCHC &lt;năm&gt;</td>");
    expect(html).not.toContain("<thử>");
    expect(html).not.toMatch(/<(script|link|img)\b|https?:\/\//);
    expect(html).toContain('<html lang="vi">');
  });

  it("par-index guide writes md, html and xlsx from a real framework", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-guide-"));
    const md = await cli("guide", "--framework", "frameworks/national-province-2024.yaml");
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("| STT | Lĩnh vực, tiêu chí | Điểm tối đa | Cách chấm | Tài liệu kiểm chứng |");
    expect(md.stdout).toContain("Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm.");
    const html = join(dir, "g.html");
    expect((await cli("guide", "--framework", "frameworks/national-province-2024.yaml", "--format", "html", "--out", html)).code).toBe(0);
    expect(readFileSync(html, "utf8")).toContain("<th>Cách chấm</th>");
    const xlsx = join(dir, "g.xlsx");
    expect((await cli("guide", "--framework", "frameworks/national-province-2024.yaml", "--format", "xlsx", "--out", xlsx, "--lang", "en")).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const s = wb.getWorksheet("Guidance")!;
    expect(s.getCell("A1").value).toBe("SCORING GUIDANCE");
    expect((s.getRow(5).values as unknown[]).slice(1)).toEqual(["No.", "Field, criterion", "Maximum", "How it is scored", "Evidence documents"]);
    expect(s.getCell("C6").type).toBe(ExcelJS.ValueType.Number);
    expect((await cli("guide", "--framework", "frameworks/national-province-2024.yaml", "--format", "xlsx")).code).toBe(2);
  });
});
