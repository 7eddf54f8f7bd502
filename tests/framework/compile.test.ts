import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/decimal.js";
import { CalendarDate, isMissing } from "../../src/core/value.js";
import { IMPLICIT_PART, parseFramework, type CompiledFramework, type LeafPlan, type RulePlan } from "../../src/framework/index.js";
import { HEAD } from "./helpers.js";

function compile(text: string): CompiledFramework {
  const r = parseFramework(text, { filename: "valid.yaml" });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join("\n"));
  return r.framework;
}

const fw = compile(readFileSync(new URL("../../fixtures/framework/valid-all-rules.yaml", import.meta.url), "utf8"));
const rule = (id: string): RulePlan => (fw.nodeById.get(id) as LeafPlan).rule;

describe("compiling a framework with every rule kind", () => {
  it("keeps the header, with defaults", () => {
    expect(fw).toMatchObject({ kind: "framework", format: "par-index/v1", id: "demo-ward-2024", title: "Bộ chỉ số minh họa", titleEn: "Illustrative index", level: "ward", year: 2024, file: "valid.yaml" });
    expect(fw.rounding).toEqual({ decimals: 2, mode: "half_up" });
    expect(fw.cap!.eq(100)).toBe(true);
    expect(fw.ranking).toEqual({ by: "index", on: "published", ties: "competition", tiebreak: ["2", "1"] });
  });

  it("gives inputs slots 0..n-1 and derived values the next slots in dependency order", () => {
    expect(fw.inputs.map((i) => [i.name, i.slot])).toEqual([
      ["dossiers_received", 0], ["dossiers_on_time", 1], ["plan_issued_on", 2], ["has_inspection", 3],
      ["report_status", 4], ["violations", 5], ["sipas_overall", 6],
    ]);
    // late_share is declared first but reads on_time_rate.
    expect(fw.derived.map((d) => [d.name, d.slot])).toEqual([["on_time_rate", 7], ["late_share", 8]]);
    expect(fw.slotCount).toBe(9);
    expect(fw.inputByName.get("report_status")).toMatchObject({ type: "enum", values: ["on_time", "late", "none"], missing: "error" });
    expect(fw.inputByName.get("sipas_overall")!.missing).toBe("not_applicable");
    expect(fw.inputByName.get("dossiers_received")!.min!.eq(0)).toBe(true);
  });

  it("evaluates compiled expressions over the slots", () => {
    const slots = new Array(fw.slotCount).fill(dec(0));
    slots[0] = dec(8);
    slots[1] = dec(6);
    const rate = fw.derived[0]!.expr.evaluate(slots);
    expect(rate.toString()).toBe("0.75");
    slots[7] = rate;
    expect(fw.derived[1]!.expr.evaluate(slots).toString()).toBe("0.25");
    slots[0] = dec(0);
    expect(isMissing(fw.derived[0]!.expr.evaluate(slots))).toBe(true);
  });

  it("lists nodes in pre-order with parents, children, depth, resolved parts and group max", () => {
    expect(fw.nodes.map((n) => [n.id, n.index, n.parent, n.depth, n.kind, n.part, n.max.toString()])).toEqual([
      ["1", 0, -1, 0, "group", "appraisal", "6"],
      ["1.1", 1, 0, 1, "leaf", "appraisal", "1"],
      ["1.2", 2, 0, 1, "leaf", "appraisal", "1"],
      ["1.3", 3, 0, 1, "leaf", "appraisal", "2"],
      ["1.4", 4, 0, 1, "leaf", "appraisal", "2"],
      ["2", 5, -1, 0, "group", "appraisal", "7"],
      ["2.1", 6, 5, 1, "leaf", "appraisal", "3"],
      ["2.2", 7, 5, 1, "leaf", "appraisal", "2"],
      ["2.3", 8, 5, 1, "leaf", "appraisal", "1"],
      ["2.4", 9, 5, 1, "leaf", "appraisal", "1"],
      ["3", 10, -1, 0, "group", "survey", "10"],
      ["3.1", 11, 10, 1, "leaf", "survey", "10"],
    ]);
    expect(fw.roots).toEqual([0, 5, 10]);
    expect(fw.nodes[0]).toMatchObject({ kind: "group", children: [1, 2, 3, 4] });
    expect(fw.parts).toEqual([
      { kind: "part", id: "appraisal", title: "Điểm thẩm định", optional: false },
      { kind: "part", id: "survey", title: "Điểm điều tra xã hội học", optional: true },
    ]);
    const n14 = fw.nodeById.get("1.4")!;
    expect(n14.notApplicable).toBe("full");
    expect(n14.appliesIf!.source).toBe("dossiers_received > 0");
    expect(fw.nodeById.get("1.1")!.evidence).toBe("Kế hoạch CCHC năm");
    expect(fw.nodeById.get("1.2")!.notApplicable).toBe("exclude");
  });

  it("applies rule defaults", () => {
    const deadline = rule("1.1");
    expect(deadline.kind).toBe("deadline");
    if (deadline.kind === "deadline") {
      expect(deadline.due).toEqual(CalendarDate.parseIso("2024-01-15"));
      expect(deadline.lateUntil).toEqual(CalendarDate.parseIso("2024-02-15"));
      expect([deadline.late.toString(), deadline.missingPoints.toString()]).toEqual(["0.5", "0"]);
    }
    const bool = rule("1.2");
    if (bool.kind !== "boolean") throw new Error("boolean expected");
    expect([bool.truePoints.toString(), bool.falsePoints.toString()]).toEqual(["1", "0"]);
    const choice = rule("1.3");
    if (choice.kind !== "choice") throw new Error("choice expected");
    expect([...choice.points].map(([k, v]) => [k, v.toString()])).toEqual([["on_time", "2"], ["late", "1"], ["none", "0"]]);
    const bands = rule("1.4");
    if (bands.kind !== "bands") throw new Error("bands expected");
    expect(bands.bands.map((b) => [b.label, b.points.toString(), b.conditions.length])).toEqual([
      ["above 0.9", "2", 1], ["at_least 0.7", "1", 1], ["otherwise", "0", 0],
    ]);
    const deduct = rule("2.1");
    if (deduct.kind !== "deduct") throw new Error("deduct expected");
    expect([deduct.per.toString(), deduct.floor.toString()]).toEqual(["1", "0"]);
    const ratio = rule("2.2");
    if (ratio.kind !== "ratio") throw new Error("ratio expected");
    expect([ratio.lower.toString(), ratio.upper.toString()]).toEqual(["1", "0"]);
    expect(rule("2.3")).toMatchObject({ kind: "manual" });
    expect((rule("2.3") as { step: { toString(): string } }).step.toString()).toBe("0.25");
    expect(rule("2.4").kind).toBe("expr");
    const r31 = rule("3.1");
    if (r31.kind !== "ratio") throw new Error("ratio expected");
    expect(r31.upper.toString()).toBe("100");
  });

  it("compiles adjustments and grades (otherwise as a band without conditions)", () => {
    expect(fw.adjustments.map((a) => [a.kind, a.id, a.max.toString(), a.rule.kind])).toEqual([
      ["bonus", "T1", "2", "manual"], ["penalty", "P1", "3", "deduct"],
    ]);
    expect(fw.grades!.map((g) => [g.label, g.conditions.map((c) => `${c.op} ${String(c.bound)}`)])).toEqual([
      ["A", ["at_least 90"]], ["B", ["at_least 80"]], ["C", []],
    ]);
  });

  it("is deeply frozen", () => {
    expect(Object.isFrozen(fw)).toBe(true);
    expect(Object.isFrozen(fw.nodes)).toBe(true);
    expect(Object.isFrozen(fw.nodes[4])).toBe(true);
    expect(Object.isFrozen(rule("1.4"))).toBe(true);
    expect(Object.isFrozen((rule("1.4") as unknown as { bands: object[] }).bands[0])).toBe(true);
    expect(Object.isFrozen(fw.ranking.tiebreak)).toBe(true);
    expect(() => {
      (fw.nodes as unknown as unknown[]).push(1);
    }).toThrow();
  });
});

describe("defaults of a minimal framework", () => {
  it("has one implicit part, default ranking, rounding and rule defaults", () => {
    const min = compile(`${HEAD}inputs: { ok: { type: boolean }, r: { type: ratio } }\ncriteria:\n  - { id: a, max: 2, rule: { boolean: { value: ok } } }\n  - { id: b, max: 1, rule: { ratio: { value: r } } }\n  - { id: c, max: 1, rule: { deadline: { value: date("2024-01-01"), due: 2024-01-15 } } }\n`);
    expect(min.parts).toEqual([{ kind: "part", id: IMPLICIT_PART, title: "Total", optional: false }]);
    expect(min.nodes.map((n) => n.part)).toEqual(["total", "total", "total"]);
    expect(min.ranking).toEqual({ by: "index", on: "published", ties: "competition", tiebreak: [] });
    expect(min.rounding).toEqual({ decimals: 2, mode: "half_up" });
    expect(min.title).toBe("");
    expect(min.grades).toBeUndefined();
    const b = (min.nodes[0] as LeafPlan).rule;
    if (b.kind !== "boolean") throw new Error("boolean expected");
    expect([b.truePoints.toString(), b.falsePoints.toString()]).toEqual(["2", "0"]);
    const r = (min.nodes[1] as LeafPlan).rule;
    if (r.kind !== "ratio") throw new Error("ratio expected");
    expect([r.lower.toString(), r.upper.toString()]).toEqual(["0", "1"]);
    const d = (min.nodes[2] as LeafPlan).rule;
    if (d.kind !== "deadline") throw new Error("deadline expected");
    expect([d.late.toString(), d.missingPoints.toString(), d.lateUntil]).toEqual(["0", "0", undefined]);
  });

  it("a part given on a parent is inherited; without one, the first declared part", () => {
    const f = compile(`${HEAD}parts: { a: {}, b: {} }\ncriteria:\n  - id: "1"\n    part: b\n    children:\n      - { id: "1.1", max: 1, rule: { manual: {} } }\n  - { id: "2", max: 1, rule: { manual: {} } }\n`);
    expect(f.nodes.map((n) => [n.id, n.part])).toEqual([["1", "b"], ["1.1", "b"], ["2", "a"]]);
  });
});
