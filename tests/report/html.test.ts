import { describe, expect, it } from "vitest";
import { chartSpecs, chartSpecsOf } from "../../src/report/charts.js";
import { esc, reportHtml, unitAnchor } from "../../src/report/html.js";
import { branchWords, explanationWords } from "../../src/report/explain-words.js";
import { framework, run } from "../engine/helpers.js";
import { planRules, planUnit, publish, structureOf, type PlanJson } from "../../src/analysis/index.js";

const fw = framework(`
criteria:
  - id: "1"
    title: "Công tác chỉ đạo, điều hành CCHC"
    children:
      - { id: "1.1", title: "Kế hoạch CCHC năm", max: 10, rule: { manual: {} } }
      - { id: "1.2", title: "Tỷ lệ hồ sơ đúng hạn", max: 2, rule: { bands: { value: on_time, bands: [ { above: 0.9, points: 2 }, { otherwise: 0 } ] } } }
  - { id: "2", title: "Cải cách thể chế", max: 10, rule: { manual: {} } }
inputs:
  on_time: { type: ratio }
grades:
  - { at_least: 90, label: "A" }
  - { otherwise: "B" }
`);
const result = run(
  fw,
  {
    "phuc-dien": { inputs: { on_time: 0.95 }, points: { "1.1": { appraised: 9.5, self: 10 }, "2": { appraised: 9, self: 10 } } },
    "tay-tuu": { inputs: { on_time: 0.5 }, points: { "1.1": { appraised: 8 } } },
    "x-1": { inputs: { on_time: 0.91 }, points: { "1.1": { appraised: 5, self: 5 }, "2": { appraised: 5, self: 4 } } },
  },
  [
    { code: "phuc-dien", name: "Phúc Diễn" },
    { code: "tay-tuu", name: "Tây Tựu" },
    { code: "x-1", name: `Xã <script>alert("x")</script> & <img src=x onerror=alert(1)>` },
  ],
);
const json = result.toJSON();
const units = new Map(result.units.map((u) => [u.unit, u]));

describe("the HTML report (text)", () => {
  it("escapes every text from the inputs and holds no script, style link or image", () => {
    const html = reportHtml({ framework: fw, results: json, units });
    expect(html).not.toMatch(/<script|<img|<link|<iframe|<[^>]*\son[a-z]+=/i);
    expect(html).toContain("Xã &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;");
    expect(esc(`a<b>"c"&'d'`)).toBe("a&lt;b&gt;&quot;c&quot;&amp;&#39;d&#39;");
    // Decomposed input is written as NFC.
    expect(esc("Phu\u0301c")).toBe("Phúc");
  });

  it("has the sections, one per unit with its anchor, in Vietnamese by default", () => {
    const html = reportHtml({ framework: fw, results: json, units });
    for (const id of ["summary", "ranking", "heatmap", "lost", "self", "diagnostics", "units"]) expect(html).toContain(`<section id="${id}">`);
    expect(html).not.toContain('<section id="compare">');
    for (const u of json.units) {
      expect(html).toContain(`<section class="unit" id="${unitAnchor(u.unit)}">`);
      expect(html).toContain(`href="#${unitAnchor(u.unit)}"`);
    }
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain("Báo cáo kết quả chấm điểm");
    expect(html).toContain("⚠ chưa đủ số liệu"); // tay-tuu lacks "2"
    // Points, max and index with a decimal comma; the max beside the points.
    expect(html).toMatch(/<td class="num">20,50<\/td><td class="num">22,00<\/td><td class="num">93,18<\/td>/);
    // Explanations of leaves in words.
    expect(html).toContain("theo khoảng: on_time");
    expect(html).toContain("→ trên 0,9 → 2");
    expect(html).toContain("Hội đồng thẩm định chấm");
  });

  it("lists who self-assessed above the appraisal, most first, with the largest difference", () => {
    const html = reportHtml({ framework: fw, results: json, units });
    const self = html.slice(html.indexOf('<section id="self">'), html.indexOf('<section id="diagnostics">'));
    expect(self).toContain("Phúc Diễn");
    expect(self).toContain("+1,50");
    expect(self).toContain("2: tự chấm 10, thẩm định 9");
    expect(self).not.toContain("Tây Tựu");
  });

  it("words the same report in English", () => {
    const html = reportHtml({ framework: fw, results: json, units }, { lang: "en" });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Scoring report");
    expect(html).toContain("→ above 0.9 → 2");
    expect(html).toMatch(/<td class="num">20.50<\/td><td class="num">22.00<\/td><td class="num">93.18<\/td>/);
    expect(html).not.toMatch(/Xếp hạng|chưa đủ/);
  });

  it("says when explanations are not available (a saved result)", () => {
    const html = reportHtml({ framework: fw, results: json });
    expect(html).toContain("Kết quả đã lưu không kèm giải trình");
  });

  it("compares with a base year: change, and the base rank among this year's units", () => {
    const base = structuredClone(json);
    const idx = (code: string) => json.units.find((u) => u.unit === code)!.index!;
    base.framework.year = 2023;
    base.units = [
      { ...base.units.find((u) => u.unit === "phuc-dien")!, index: 60 },
      { ...base.units.find((u) => u.unit === "tay-tuu")!, index: 70 },
      { ...base.units.find((u) => u.unit === "x-1")!, unit: "gone-1", name: "Xã cũ", index: 99 },
    ];
    const html = reportHtml({ framework: fw, results: json, units, base });
    const part = html.slice(html.indexOf('<section id="compare">'), html.indexOf('<section id="diagnostics">'));
    expect(part).toContain("So sánh với năm 2023");
    const rows = [...part.matchAll(/<tr[^>]*><td>(.*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "|"));
    const phuc = rows.find((r) => r.includes("Phúc Diễn"))!;
    // Phúc Diễn: 60 → current index; base rank 2 (Tây Tựu's 70 was above it), rank now 1: up one.
    expect(phuc).toContain(`+${(idx("phuc-dien") - 60).toFixed(2).replace(".", ",")}`);
    expect(phuc).toMatch(/\|2\|\|1\|\|\+1\|/);
    expect(rows.find((r) => r.includes("Xã cũ"))).toContain("không còn trong năm nay");
    expect(rows.find((r) => r.includes("Xã &lt;script"))).toContain("đơn vị mới");
  });
});

describe("the planner in each unit's section", () => {
  const published = publish(result);
  const planOf = (code: string): PlanJson => {
    const outcome = planUnit(published, structureOf(fw), planRules(fw), code);
    if (!outcome.ok) throw new Error(`no plan for ${code}`);
    return outcome.plan;
  };
  const section = (html: string, code: string) => {
    const start = html.indexOf(`<section class="unit" id="${unitAnchor(code)}">`);
    return html.slice(start, html.indexOf("</section>", start));
  };
  const number = (n: number, lang: "vi" | "en") => (lang === "vi" ? n.toFixed(2).replace(".", ",") : n.toFixed(2));

  for (const lang of ["vi", "en"] as const) {
    it(`lists the planner's options and its fewest criteria to the next rank up (${lang})`, () => {
      const html = reportHtml({ framework: fw, results: json, units }, { lang });
      // Tây Tựu (rank 3, incomplete) and x-1 (rank 2) lost points; both have a rank above them.
      for (const code of ["tay-tuu", "x-1"]) {
        const plan = planOf(code);
        const part = section(html, code);
        expect(plan.options.length).toBeGreaterThan(0);
        for (const o of plan.options) {
          const title = fw.nodeById.get(o.id)!.title;
          expect(part).toContain(`${o.id} ${title}`);
          expect(part).toContain(`${number(o.index, lang)}%`);
        }
        expect(plan.plan.reached).toBe(true);
        expect(plan.plan.criteria.length).toBeGreaterThan(0);
        const sentence = part.slice(part.indexOf('<p class="plan">'));
        for (const id of plan.plan.criteria) expect(sentence).toContain(`${id} ${fw.nodeById.get(id)!.title}`);
        expect(sentence).toContain(`${number(plan.plan.index!, lang)}%`);
        expect(sentence).toContain(lang === "vi" ? `hạng ${plan.plan.rank}` : `rank ${plan.plan.rank}`);
        expect(sentence).toContain(lang === "vi" ? `Để đạt hạng ${plan.target.rank}` : `To reach rank ${plan.target.rank}`);
      }
      // The unit ranked first has no rank above it.
      const first = section(html, "phuc-dien");
      expect(first).toContain(lang === "vi" ? "Đơn vị đang xếp hạng nhất" : "The unit ranks first");
      expect(html).not.toMatch(lang === "vi" ? /To reach|ranks first/ : /Để đạt|xếp hạng nhất/);
    });
  }

  it("escapes the criteria titles it quotes", () => {
    const hostile = framework(`
criteria:
  - { id: "1", title: 'Kế hoạch <b>CCHC</b> & "báo cáo"', max: 10, rule: { manual: {} } }
  - { id: "2", title: "Cải cách thể chế", max: 10, rule: { manual: {} } }
`);
    const r = run(hostile, { a: { points: { "1": { appraised: 10 }, "2": { appraised: 10 } } }, b: { points: { "1": { appraised: 2 }, "2": { appraised: 9 } } } }, [
      { code: "a", name: "Xã A" },
      { code: "b", name: "Xã B" },
    ]);
    const html = reportHtml({ framework: hostile, results: r.toJSON() });
    const part = section(html, "b");
    expect(part).toContain("1 Kế hoạch &lt;b&gt;CCHC&lt;/b&gt; &amp; &quot;báo cáo&quot;");
    expect(part).not.toContain("<b>CCHC");
  });
});

describe("chart specifications", () => {
  it("are plain JSON Vega-Lite specs, one data row per unit (ranking) and per unit × field (heatmap)", () => {
    const specs = chartSpecs(result);
    expect(JSON.parse(JSON.stringify(specs))).toEqual(specs);
    expect(Object.keys(specs).sort()).toEqual(["heatmap", "lost", "ranking", "selfAssessment"]);
    for (const s of Object.values(specs)) expect(s["$schema"]).toBe("https://vega.github.io/schema/vega-lite/v6.json");
    const data = (s: object) => (s as { data: { values: Record<string, unknown>[] } }).data.values;
    expect(data(specs.ranking).map((r) => r["unit"])).toEqual(["1. Phúc Diễn", "2. Xã <script>alert(\"x\")</script> & <img src=x onerror=alert(1)>", "3. Tây Tựu *"]);
    expect(data(specs.heatmap)).toHaveLength(3 * 2);
    expect(data(specs.lost)[0]).toMatchObject({ lost: expect.any(Number) });
    expect(data(specs.selfAssessment)).toEqual([{ unit: "Phúc Diễn", excess: 1.5, criteria: 2 }]);
    // Vietnamese number format by default, English on request.
    expect(JSON.stringify(specs.ranking)).toContain('"decimal":","');
    expect(JSON.stringify(chartSpecsOf(json, fw, { lang: "en" }).ranking)).toContain('"decimal":"."');
    expect(chartSpecsOf(json, fw, { base: json }).compare).toBeDefined();
  });
});

describe("explanations in words", () => {
  it("words the engine's branches in Vietnamese, numbers and dates as written there", () => {
    expect(branchWords("above 0.9 → 2", "vi", "vi")).toBe("trên 0,9 → 2");
    expect(branchWords("at_least 0.7 and below 0.9 → 1", "vi", "vi")).toBe("từ 0,7 và dưới 0,9 → 1");
    expect(branchWords("on or before 2024-01-15 → 1", "vi", "vi")).toBe("đúng hạn (đến 15/01/2024) → 1");
    expect(branchWords("after 2024-01-15, on or before 2024-03-31 → 0.5", "vi", "vi")).toBe("chậm hạn 15/01/2024, trước hoặc đúng 31/03/2024 → 0,5");
    expect(branchWords("manual: appraised 0.75 (self 1) → 0.75", "vi", "vi")).toBe("thẩm định 0,75 (tự chấm 1) → 0,75");
    expect(branchWords('"on_time" → 1', "vi", "vi")).toBe('"on_time" → 1');
    expect(branchWords("not applicable (applies_if is false) → excluded", "vi", "vi")).toBe(
      "không áp dụng (điều kiện áp dụng không thỏa mãn) → không tính vào điểm tối đa",
    );
    expect(branchWords("above 0.9 → 2", "en", "en")).toBe("above 0.9 → 2");
    const leaf = result.units[0]!.nodes[fw.nodeById.get("1.2")!.index]!.explanation!;
    expect(explanationWords(leaf, "vi", "vi")).toEqual({ rule: "theo khoảng: on_time", values: ["on_time = 0,95"], branch: "trên 0,9 → 2" });
  });
});
