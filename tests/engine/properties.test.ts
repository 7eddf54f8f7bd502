import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import { syntheticEvidence, syntheticFrameworkYaml } from "../../fixtures/engine/synthetic.js";
import { parseFramework } from "../../src/framework/index.js";
import { makeEvidence } from "./helpers.js";
import { dec } from "../../src/core/decimal.js";

const ZERO = dec(0);

const parsed = parseFramework(syntheticFrameworkYaml({ leaves: 40, fields: 4, perCriterion: 5 }), { filename: "synthetic.yaml" });
if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
const fw = parsed.framework;

const evidenceArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  count: fc.integer({ min: 1, max: 12 }),
  missingRate: fc.constantFrom(0, 0.05, 0.3),
});

describe("properties (synthetic framework, random evidence)", () => {
  it("0 ≤ points ≤ max at every node; a parent is the sum of its children", () => {
    fc.assert(
      fc.property(evidenceArb, ({ seed, count, missingRate }) => {
        const r = score(fw, makeEvidence(fw, syntheticEvidence(count, { leaves: 40, fields: 4, perCriterion: 5, seed, missingRate })));
        for (const u of r.units) {
          for (const n of u.nodes) {
            expect(n.points.gte(0) && n.points.lte(n.max)).toBe(true);
            const node = fw.nodes[n.position]!;
            if (node.kind === "group") {
              const kids = node.children.map((c) => u.nodes[c]!);
              expect(n.points.eq(kids.reduce((s, c) => s.plus(c.points), ZERO))).toBe(true);
              expect(n.max.eq(kids.reduce((s, c) => s.plus(c.max), ZERO))).toBe(true);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("the total is the sum of the parts plus the adjustments (before the cap), and of the fields", () => {
    fc.assert(
      fc.property(evidenceArb, ({ seed, count, missingRate }) => {
        const r = score(fw, makeEvidence(fw, syntheticEvidence(count, { leaves: 40, fields: 4, perCriterion: 5, seed, missingRate })));
        for (const u of r.units) {
          const parts = u.parts.reduce((s, p) => s.plus(p.points), ZERO);
          const adjustments = u.adjustments.reduce((s, a) => s.plus(a.signed), ZERO);
          expect(u.uncappedPoints.eq(parts.plus(adjustments))).toBe(true);
          const roots = fw.roots.reduce((s, i) => s.plus(u.nodes[i]!.points), ZERO);
          expect(roots.eq(u.criteriaPoints)).toBe(true);
          const max = u.parts.reduce((s, p) => s.plus(p.max), ZERO);
          expect(max.eq(u.max)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("ranks do not depend on the order the units are given in; scoring is deterministic", () => {
    fc.assert(
      fc.property(evidenceArb, fc.integer(), ({ seed, count, missingRate }, shuffleSeed) => {
        const raw = syntheticEvidence(count, { leaves: 40, fields: 4, perCriterion: 5, seed, missingRate });
        const codes = Object.keys(raw);
        const shuffled = [...codes].sort((a, b) => ((hash(a, shuffleSeed) - hash(b, shuffleSeed)) || (a < b ? -1 : 1)));
        const a = score(fw, makeEvidence(fw, raw, codes.map((code) => ({ code }))));
        const b = score(fw, makeEvidence(fw, raw, shuffled.map((code) => ({ code }))));
        expect(b.units.map((u) => [u.unit, u.rank])).toEqual(a.units.map((u) => [u.unit, u.rank]));
        expect(JSON.stringify(score(fw, makeEvidence(fw, raw, codes.map((code) => ({ code })))))).toEqual(JSON.stringify(a));
      }),
      { numRuns: 40 },
    );
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761);
  return h >>> 0;
}
