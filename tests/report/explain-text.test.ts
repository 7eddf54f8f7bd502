import { describe, expect, it } from "vitest";
import { explanationWords } from "../../src/report/explain-words.js";
import { explainTextIn } from "../../src/report/explain-text.js";
import { framework, run, unitOf } from "../engine/helpers.js";
import { cli } from "../cli/helpers.js";

const FW = framework(`
title: "Bộ chỉ số CCHC cấp xã (minh họa)"
inputs:
  received: { type: integer, label: "Số hồ sơ tiếp nhận" }
  on_time: { type: integer }
  plan_issued_on: { type: date }
derived:
  on_time_rate: "on_time / received"
criteria:
  - id: "1"
    title: "Công tác chỉ đạo, điều hành CCHC"
    children:
      - id: "1.1"
        title: "Ban hành kế hoạch"
        max: 1
        rule: { deadline: { value: plan_issued_on, due: 2024-01-15, late: 0.5 } }
      - id: "1.2"
        title: "Tỷ lệ hồ sơ đúng hạn"
        max: 2
        rule:
          bands:
            value: on_time_rate
            bands:
              - { above: 0.9, points: 2 }
              - { at_least: 0.7, points: 1 }
              - { otherwise: 0 }
      - { id: "1.3", title: "Tự chấm", max: 1, rule: { manual: { step: 0.5 } } }
`);
const R = run(FW, {
  "phuc-dien": {
    inputs: { received: 100, on_time: 90, plan_issued_on: "2024-01-15" },
    points: { "1.3": { self: 1, appraised: 0.5 } },
  },
}, [{ code: "phuc-dien", name: "Phúc Diễn" }]);
const UNIT = unitOf(R, "phuc-dien");

describe("explainTextIn", () => {
  it("words the tree in Vietnamese by default, numbers and dates as Vietnamese writes them", () => {
    const text = explainTextIn(UNIT, FW);
    expect(text).toContain("Phúc Diễn (phuc-dien), 2,5 / 4 điểm, chỉ số 62,50, xếp hạng 1");
    expect(text).toContain("Bộ tiêu chí: Bộ chỉ số CCHC cấp xã (minh họa) (test, năm 2024)");
    expect(text).toContain("Các tiêu chí:\n  1 Công tác chỉ đạo, điều hành CCHC: 2,5 / 4 (62,50)");
    expect(text).toContain("    1.1 Ban hành kế hoạch: 1 / 1 (100,00), chưa đạt 0\n        cách chấm: theo thời hạn: plan_issued_on\n          plan_issued_on = 15/01/2024\n        → đúng hạn (đến 15/01/2024) → 1");
    expect(text).toContain("on_time = 90 (qua on_time_rate)");
    expect(text).toContain("→ từ 0,7 → 1");
    expect(text).toContain("1.3 Tự chấm: 0,5 / 1 (50,00), chưa đạt 0,5, tự chấm 1 (chênh lệch 0,5)");
    expect(text).toContain("cách chấm: Hội đồng thẩm định chấm\n        → thẩm định 0,5 (tự chấm 1) → 0,5");
    expect(text.trimEnd().split("\n").at(-1)).toBe("Tổng điểm: 2,5 trên 4 điểm tối đa áp dụng → chỉ số 62,50");
    expect(text).not.toMatch(/\b(points|index|rank|lost|self|rule|Criteria|Total|via|at_least|on or before)\b/);
  });

  it("words it in English with lang en, and the locale is separate from the language", () => {
    const en = explainTextIn(UNIT, FW, { lang: "en" });
    expect(en).toContain("Phúc Diễn (phuc-dien), 2.5 / 4 points, index 62.50, rank 1");
    expect(en).toContain("    1.1 Ban hành kế hoạch: 1 / 1 (100.00), lost 0\n        rule: deadline: plan_issued_on");
    expect(en).toContain("1.3 Tự chấm: 0.5 / 1 (50.00), lost 0.5, self 1 (diff 0.5)");
    expect(en).toContain("Total: 2.5 of 4 applicable → index 62.50");
    expect(explainTextIn(UNIT, FW, { lang: "en", locale: "vi" })).toContain("2,5 / 4 points");
  });

  it("says every explanation as the HTML report says it (the same words)", () => {
    const text = explainTextIn(UNIT, FW);
    for (const node of FW.nodes) {
      const e = UNIT.nodes[node.index]?.explanation;
      if (node.kind !== "leaf" || !e) continue;
      const w = explanationWords(e, "vi", "vi");
      expect(text).toContain(`cách chấm: ${w.rule}`);
      for (const v of w.values) expect(text).toContain(v);
      expect(text).toContain(`→ ${w.branch}`);
    }
  });
});

describe("par-index explain", () => {
  const D = "fixtures/hanoi/districts";
  const ARGS = ["explain", "--framework", "frameworks/hanoi-district-2023.yaml", "--units", `${D}/units.csv`, "--evidence", `${D}/evidence.csv`, "--evidence", `${D}/sipas.csv`, "--points", `${D}/points.csv`, "--locale", "vi", "--unit", "dong-da"];

  it("prints the tree in Vietnamese by default and in English with --lang en", async () => {
    const vi = await cli(...ARGS);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(/^Đống Đa \(dong-da\), [\d,]+ \/ [\d,]+ điểm, chỉ số [\d,]+, xếp loại A, xếp hạng \d+\n/);
    expect(vi.stdout).toContain("Các phần:");
    expect(vi.stdout).toContain("cách chấm: theo khoảng: plan_completion_rate");
    expect(vi.stdout).toContain("→ trên 0,9 → 2");
    expect(vi.stdout).toContain("→ không áp dụng (điều kiện áp dụng không thỏa mãn) → không tính vào điểm tối đa");
    expect(vi.stdout).not.toMatch(/\b(points|lost|rule|Criteria|Total|not applicable|above)\b/);
    const en = await cli(...ARGS, "--lang", "en");
    expect(en.stdout).toMatch(/^Đống Đa \(dong-da\), [\d,]+ \/ [\d,]+ points, index [\d,]+, grade A, rank \d+\n/);
    expect(en.stdout).toContain("rule: bands: plan_completion_rate");
    expect(en.stdout).toContain("→ above 0,9 → 2");
    expect(en.stdout).toMatch(/^Total: /m);
    // The same tree: as many lines, in the same order.
    expect(en.stdout.split("\n")).toHaveLength(vi.stdout.split("\n").length);
  });


  it("--format json: keys in English whatever the language; only the words follow --lang", async () => {
    const vi = JSON.parse((await cli(...ARGS, "--format", "json")).stdout);
    const en = JSON.parse((await cli(...ARGS, "--format", "json", "--lang", "en")).stdout);
    const keys = (x: unknown): string[] =>
      x !== null && typeof x === "object" ? Object.entries(x).flatMap(([k, v]) => [Array.isArray(x) ? "[]" : k, ...keys(v)]) : [];
    expect(keys(vi)).toEqual(keys(en));
    expect(keys(vi)).not.toContain(expect.stringMatching(/[^\x00-\x7f]/));
    const leaf = (j: { criteria: { id: string; explanation?: Record<string, unknown> }[] }) => j.criteria.find((c) => c.id === "1.1.2")!.explanation!;
    expect(leaf(vi)).toMatchObject({ rule: "bands", source: "plan_completion_rate", branch: "above 0.9 → 2" });
    expect(leaf(vi).words).toEqual({ rule: "theo khoảng: plan_completion_rate", values: expect.arrayContaining(["plan_completion_rate ≈ 0,918919"]), branch: "trên 0,9 → 2" });
    expect({ ...leaf(en), words: undefined }).toEqual({ ...leaf(vi), words: undefined });
    expect((leaf(en).words as { branch: string }).branch).toBe("above 0,9 → 2");
    expect(vi.unit).toBe("dong-da");
  });
});
