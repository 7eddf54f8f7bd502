import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/decimal.js";
import { MISSING } from "../../src/core/value.js";
import { rescoreUnit, score, unitResultToJson, type UnitResult } from "../../src/engine/index.js";
import { syntheticEvidence, syntheticFrameworkYaml, type SyntheticUnit } from "../../fixtures/engine/synthetic.js";
import { parseFramework } from "../../src/framework/index.js";
import { makeEvidence } from "./helpers.js";
import { evidenceSchemaOf, mergeEvidence, readJsonText } from "../../src/evidence/index.js";

const SHAPE = { leaves: 40, fields: 4, perCriterion: 5 } as const;
const parsed = parseFramework(syntheticFrameworkYaml(SHAPE), { filename: "synthetic.yaml" });
if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
const fw = parsed.framework;
const inputNames = fw.inputs.map((i) => i.name);

/** Everything a unit's result says, rank aside (re-scoring one unit does not re-rank). */
function facts(u: UnitResult) {
  return {
    json: { ...unitResultToJson(u, fw), rank: 0 },
    complete: u.complete,
    criteriaPoints: u.criteriaPoints.toString(),
    uncapped: u.uncappedPoints.toString(),
    diagnostics: u.diagnostics.map((d) => [d.code, d.unit, d.criterion, d.input, JSON.stringify(d.params)]),
    branches: u.nodes.map((n) => n.explanation?.branch),
  };
}

describe("rescoreUnit: one unit again after its inputs change", () => {
  for (const [how, evidenceOf] of [
    ["entries in Maps", (raw: Record<string, SyntheticUnit>) => makeEvidence(fw, raw)],
    // Through the real reader: the inputs are a column store's, read through with the change.
    ["read from JSON into the column store", (raw: Record<string, SyntheticUnit>) => mergeEvidence([readJsonText(JSON.stringify({ units: raw }), evidenceSchemaOf(fw))])],
  ] as const) {
    it(`equals scoring the whole evidence again with the change (random evidence, inputs set, changed or removed; ${how})`, () => {
      fc.assert(
        fc.property(
          fc.record({
            seed: fc.integer({ min: 1, max: 1_000_000 }),
            count: fc.integer({ min: 2, max: 8 }),
            missingRate: fc.constantFrom(0, 0.05, 0.3),
            unit: fc.nat(),
            from: fc.nat(),
            input: fc.constantFrom(...inputNames),
            remove: fc.boolean(),
          }),
          ({ seed, count, missingRate, unit, from, input, remove }) => {
            const raw = syntheticEvidence(count, { ...SHAPE, seed, missingRate });
            const codes = Object.keys(raw);
            const code = codes[unit % codes.length]!;
            const donor = raw[codes[from % codes.length]!]!.inputs[input];
            const result = score(fw, evidenceOf(raw));
            const before = facts(result.units.find((u) => u.unit === code)!);

            const changedRaw: Record<string, SyntheticUnit> = { ...raw, [code]: { ...raw[code]!, inputs: { ...raw[code]!.inputs } } };
            if (remove || donor === undefined) delete changedRaw[code]!.inputs[input];
            else changedRaw[code]!.inputs[input] = donor;
            const changedEvidence = evidenceOf(changedRaw);
            const value = changedEvidence.byUnit.get(code)!.inputs.get(input)?.value ?? MISSING;
            const full = score(fw, changedEvidence).units.find((u) => u.unit === code)!;

            const re = rescoreUnit(result, code, { inputs: { [input]: value } })!;
            expect(re.unit).toBe(code);
            expect(facts(re)).toEqual(facts(full));
            // The result it came from is unchanged.
            expect(facts(result.units.find((u) => u.unit === code)!)).toEqual(before);
          },
        ),
        { numRuns: 80 },
      );
    });
  }

  it("applies points-table changes (appraised points of a manual criterion, an adjustment) like a full re-score", () => {
    const raw = syntheticEvidence(4, { ...SHAPE, seed: 11 });
    const result = score(fw, makeEvidence(fw, raw));
    const code = Object.keys(raw)[2]!;
    const manual = fw.nodes.find((n) => n.kind === "leaf" && n.rule.kind === "manual")!;
    const changed = { ...raw, [code]: { ...raw[code]!, points: { ...raw[code]!.points, [manual.id]: { appraised: 0.25 }, T1: { appraised: 1 } } } };
    const full = score(fw, makeEvidence(fw, changed)).units.find((u) => u.unit === code)!;
    const re = rescoreUnit(result, code, { points: { [manual.id]: { appraised: dec("0.25") }, T1: { appraised: dec(1) } } })!;
    expect(facts(re)).toEqual(facts(full));
    expect(re.nodes[manual.index]!.points.toString()).toBe("0.25");
  });

  it("keeps the unit's rank, returns undefined for an unknown unit, and refuses names the framework does not declare", () => {
    const result = score(fw, makeEvidence(fw, syntheticEvidence(3, { ...SHAPE, seed: 5 })));
    const u = result.units[1]!;
    expect(rescoreUnit(result, u.unit, {})!.rank).toBe(u.rank);
    expect(rescoreUnit(result, "no-such-unit", {})).toBeUndefined();
    expect(() => rescoreUnit(result, u.unit, { inputs: { nope: dec(1) } })).toThrow(/no input "nope"/);
    expect(() => rescoreUnit(result, u.unit, { points: { "9.9.9": { appraised: dec(1) } } })).toThrow(/no criterion or adjustment "9.9.9"/);
  });
});
