import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare, planUnit, publish, rollup, structureOf, type Crosswalk, type Lineage } from "../../src/analysis/index.js";
import { competitionRanks } from "../../src/analysis/exact.js";
import { dec } from "../../src/core/decimal.js";
import { score } from "../../src/engine/index.js";
import { loadFrameworkFile } from "../../src/node/framework.js";
import { makeEvidence, type RawRegistryUnit, type RawUnit } from "../../fixtures/engine/evidence.js";

// The bundled ward framework: manual leaves with steps, SIPAS ratio leaves in an optional
// part, a bonus, a cap of 100, grades and ranking within each district.
const loaded = loadFrameworkFile("frameworks/hanoi-ward-2024.yaml");
if (!loaded.ok) throw new Error("hanoi-ward-2024 does not load");
const fw = loaded.framework;
const structure = structureOf(fw);
const manual = fw.nodes.flatMap((n) => (n.kind === "leaf" && n.rule.kind === "manual" ? [{ id: n.id, max: Number(n.max), step: Number(n.rule.step ?? 0.25) }] : []));
const SIPAS = ["sipas.access", "sipas.procedures", "sipas.civil_servants", "sipas.results", "sipas.feedback"];
/** The input each survey leaf reads (ratio 0..100): 100 gives full points. */
const surveyInput = new Map(fw.nodes.flatMap((n) => (n.kind === "leaf" && n.rule.kind === "ratio" ? [[n.id, n.rule.value.source] as const] : [])));

const unitArb = fc.record({
  lost: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: manual.length, maxLength: manual.length }),
  survey: fc.option(fc.array(fc.integer({ min: 6000, max: 10000 }), { minLength: 5, maxLength: 5 }), { nil: undefined }),
  bonus: fc.constantFrom(0, 0.5, 1),
  parent: fc.constantFrom("bac-tu-liem", "cau-giay"),
});
const unitsArb = fc.array(unitArb, { minLength: 1, maxLength: 9 });

function evidenceOf(units: { lost: number[]; survey?: number[] | undefined; bonus: number; parent: string }[]) {
  const raw: Record<string, RawUnit> = {};
  const registry: RawRegistryUnit[] = [];
  units.forEach((u, i) => {
    const code = `p-${String(i).padStart(2, "0")}`;
    const points: Record<string, { appraised: number }> = {};
    manual.forEach((leaf, k) => {
      points[leaf.id] = { appraised: Math.max(0, leaf.max - u.lost[k]! * leaf.step) };
    });
    points["T1"] = { appraised: u.bonus };
    const inputs: Record<string, number> = {};
    if (u.survey) SIPAS.forEach((name, k) => (inputs[name] = u.survey![k]! / 100));
    raw[code] = { points, inputs };
    registry.push({ code, name: `Phường ${i}`, type: "phuong", parent: u.parent, nhom: `g-${code}` });
  });
  return { raw, registry };
}

describe("analysis properties (hanoi-ward-2024, random points)", () => {
  it("a crosswalk of a framework onto itself with an identity lineage gives zero deltas and no rank change", () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const { raw, registry } = evidenceOf(units);
        const p = publish(score(fw, makeEvidence(fw, raw, registry), { explain: false }));
        const crosswalk: Crosswalk = { base: fw.id, current: fw.id, pairs: fw.nodes.map((n) => ({ base: [n.id], current: [n.id] })) };
        const lineage: Lineage = { rows: p.units.map((u, i) => ({ from: u.unit, to: u.unit, weight: dec(1 + (i % 3)), line: i + 2 })) };
        const c = compare(p, p, { crosswalk, lineage });
        expect(c.diagnostics).toEqual([]);
        for (const u of c.compare!.units) {
          expect(u.status).toBe("both");
          expect(u.delta).toBe(0);
          expect(u.base_index).toBe(u.index);
          expect(u.rank_change).toBe(0);
          for (const k of u.criteria) expect(k.delta === null || k.delta === 0).toBe(true);
        }
        for (const k of c.compare!.criteria) expect(k.delta === null || k.delta === 0).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("rolling up with one unit per group gives the units back", () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const { raw, registry } = evidenceOf(units);
        const evidence = makeEvidence(fw, raw, registry);
        const p = publish(score(fw, evidence, { explain: false }));
        const r = rollup(p, structure, new Map(evidence.units.map((u) => [u.code, u])), { by: "nhom" }).rollup!;
        const ranks = competitionRanks(p.units.map((u) => u.index));
        expect(r.groups).toHaveLength(p.units.length);
        p.units.forEach((u, i) => {
          const g = r.groups.find((x) => x.group === `g-${u.unit}`)!;
          const index = Number(u.index!.toString());
          expect(g).toMatchObject({ units: 1, complete: 1, mean: index, median: index, min: { unit: u.unit, index }, max: { unit: u.unit, index }, rank: ranks[i] });
          expect(g.grades).toEqual({ [u.grade!]: 1 });
          for (const root of structure.roots) {
            const c = u.byId.get(root.id)!;
            expect(g.fields[root.id]).toBe(c.index === undefined ? null : Number(c.index.toString()));
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it("the plan's reached index and rank equal re-scoring with those leaves at full points", () => {
    fc.assert(
      fc.property(unitsArb, fc.nat(), fc.integer({ min: 60, max: 101 }), (units, pick, goal) => {
        const { raw, registry } = evidenceOf(units);
        const p = publish(score(fw, makeEvidence(fw, raw, registry), { explain: false }));
        const unit = p.units[pick % p.units.length]!.unit;
        const r = planUnit(p, structure, { cap: fw.cap!, grades: fw.grades! }, unit, { kind: "index", index: dec(goal) });
        if (!r.ok) throw new Error(r.reason);
        const full = (ids: readonly string[]) => {
          const own = raw[unit]!;
          const points = { ...own.points };
          const inputs = { ...own.inputs };
          for (const id of ids) {
            const input = surveyInput.get(id);
            if (input !== undefined) inputs[input] = 100;
            else points[id] = { appraised: Number(fw.nodeById.get(id)!.max) };
          }
          const again = publish(score(fw, makeEvidence(fw, { ...raw, [unit]: { points, inputs } }, registry), { explain: false }));
          return again.units.find((u) => u.unit === unit)!;
        };
        const plan = r.plan.plan;
        const rescored = full(plan.criteria);
        expect(plan.index).toBe(Number(rescored.index!.toString()));
        expect(plan.rank).toBe(rescored.rank);
        expect(plan.reached).toBe(rescored.index!.gte(goal));
        // Each option alone, too (the first three).
        for (const o of r.plan.options.slice(0, 3)) {
          const one = full([o.id]);
          expect([o.index, o.rank]).toEqual([Number(one.index!.toString()), one.rank]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
