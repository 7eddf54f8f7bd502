import { describe, expect, it } from "vitest";
import { explainText } from "../../src/engine/index.js";
import { framework, run, unitOf } from "./helpers.js";

describe("explainText", () => {
  it("renders the tree with values read, branch, points and points lost; titles intact", () => {
    const fw = framework(`
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
    const r = run(fw, {
      "phuc-dien": {
        inputs: { received: 100, on_time: 90, plan_issued_on: "2024-01-15" },
        points: { "1.3": { self: 1, appraised: 0.5 } },
      },
    }, [{ code: "phuc-dien", name: "Phúc Diễn" }]);
    const text = explainText(unitOf(r, "phuc-dien"), fw);
    expect(text).toContain("Phúc Diễn (phuc-dien), 2.5 / 4 points, index 62.50, rank 1");
    expect(text).toContain("  1 Công tác chỉ đạo, điều hành CCHC: 2.5 / 4 (62.50)");
    expect(text).toContain("    1.1 Ban hành kế hoạch: 1 / 1 (100.00), lost 0");
    expect(text).toContain("→ on or before 2024-01-15 → 1");
    expect(text).toContain("on_time_rate = 0.9");
    expect(text).toContain("on_time = 90 (via on_time_rate)");
    expect(text).toContain("→ at_least 0.7 → 1");
    expect(text).toContain("1.2 Tỷ lệ hồ sơ đúng hạn: 1 / 2 (50.00), lost 1");
    expect(text).toContain("→ manual: appraised 0.5 (self 1) → 0.5");
    expect(text).toContain("1.3 Tự chấm: 0.5 / 1 (50.00), lost 0.5, self 1 (diff 0.5)");
  });
});
