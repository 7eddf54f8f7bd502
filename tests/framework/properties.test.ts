import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/decimal.js";
import { parseFramework } from "../../src/framework/index.js";
import { analyseCoverage, type NumericCondition } from "../../src/framework/checks/intervals.js";
import { HEAD } from "./helpers.js";

interface Tree {
  max?: number; // hundredths, for leaves
  children?: Tree[];
}

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.integer({ min: 1, max: 500 }).map((max) => ({ max })),
    fc.array(tie("node"), { minLength: 1, maxLength: 4 }).map((children) => ({ children })),
  ),
})).node;

const sumOf = (t: Tree): number => (t.children ? t.children.reduce((s, c) => s + sumOf(c), 0) : t.max!);
const show = (hundredths: number): string => dec(hundredths).div(100).toString();

/** Writes the tree as YAML with every parent's max declared; `corrupt` (a node number) gets a wrong max. */
function toYaml(roots: Tree[], corrupt = -1): { yaml: string; corruptedId?: string } {
  let counter = 0;
  let corruptedId: string | undefined;
  const lines: string[] = [];
  const write = (t: Tree, indent: string, id: string): void => {
    const n = counter++;
    const wrong = n === corrupt;
    if (wrong) corruptedId = id;
    const max = show(sumOf(t) + (wrong ? 1 : 0));
    lines.push(`${indent}- id: "${id}"`, `${indent}  max: ${max}`);
    if (t.children) {
      lines.push(`${indent}  children:`);
      t.children.forEach((c, i) => write(c, `${indent}    `, `${id}.${i + 1}`));
    } else lines.push(`${indent}  rule: { manual: {} }`);
  };
  roots.forEach((r, i) => write(r, "  ", `${i + 1}`));
  return { yaml: `${HEAD}criteria:\n${lines.join("\n")}\n`, ...(corruptedId !== undefined && { corruptedId }) };
}

const countNodes = (t: Tree): number => 1 + (t.children ?? []).reduce((s, c) => s + countNodes(c), 0);

describe("properties", () => {
  it("trees whose declared maxima are consistent validate, and group max is the sum", () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), (roots) => {
        const r = parseFramework(toYaml(roots).yaml);
        expect(r.diagnostics).toEqual([]);
        if (!r.ok) return;
        for (const n of r.framework.nodes) {
          if (n.kind === "group") {
            const sum = n.children.reduce((s, c) => s.plus(r.framework.nodes[c]!.max), dec(0));
            expect(n.max.eq(sum)).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("corrupting one max gives exactly one diagnostic: a max-mismatch (for a parent) or none needed (for a leaf)", () => {
    fc.assert(
      fc.property(
        fc.array(tree, { minLength: 1, maxLength: 3 }).chain((roots) =>
          fc.tuple(fc.constant(roots), fc.integer({ min: 0, max: roots.reduce((s, r) => s + countNodes(r), 0) - 1 })),
        ),
        ([roots, k]) => {
          const { yaml, corruptedId } = toYaml(roots, k);
          const codes = parseFramework(yaml).diagnostics.map((d) => d.code);
          // A wrong leaf max is caught by its parent (if any); a wrong parent max by itself.
          const r = parseFramework(yaml);
          const isRootLeaf = !corruptedId!.includes(".") && roots[Number(corruptedId) - 1]!.children === undefined;
          expect(codes).toEqual(isRootLeaf ? [] : ["max-mismatch"]);
          if (!isRootLeaf) {
            const d = r.diagnostics[0]!;
            expect(d.params.declared).not.toBe(d.params.sum);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("the parser never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseFramework(HEAD + text);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("band coverage", () => {
  const c = (op: NumericCondition["op"], bound: number | string): NumericCondition => ({ op, bound: dec(bound) });

  it("integer domains ignore gaps with no whole number", () => {
    const bands = [[c("equals", 0)], [c("at_least", 1)]];
    expect(analyseCoverage(bands, { min: dec(0), integer: true }).gaps).toEqual([]);
    expect(analyseCoverage(bands, { min: dec(0) }).gaps).toEqual(["in (0, 1)"]);
  });

  it("bounded domains (a ratio) need no band outside them", () => {
    const bands = [[c("at_least", 0.7)], [c("below", 0.7)]];
    expect(analyseCoverage(bands, {})).toEqual({ shadowed: [], gaps: [] });
    expect(analyseCoverage([[c("at_least", 0)]], { min: dec(0), max: dec(1) })).toEqual({ shadowed: [], gaps: [] });
  });

  it("agrees with brute force on random bands (sampled on a grid)", () => {
    const cond = fc.record({
      op: fc.constantFrom<NumericCondition["op"]>("at_least", "above", "at_most", "below", "equals"),
      bound: fc.integer({ min: -4, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(cond, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (raw) => {
        const bands = raw.map((b) => b.map((x) => c(x.op, x.bound)));
        const report = analyseCoverage(bands, {});
        // Every relevant region is hit by a grid of quarter steps in [-6, 6].
        const grid = Array.from({ length: 49 }, (_, i) => dec(i - 24).div(4));
        const firstBand = (x: ReturnType<typeof dec>) =>
          bands.findIndex((b) => b.every(({ op, bound }) => (op === "at_least" ? x.gte(bound) : op === "above" ? x.gt(bound) : op === "at_most" ? x.lte(bound) : op === "below" ? x.lt(bound) : x.eq(bound))));
        const reached = new Set(grid.map(firstBand));
        const shadowed = bands.map((_, i) => i).filter((i) => !reached.has(i));
        expect(report.shadowed).toEqual(shadowed);
        expect(report.gaps.length > 0).toBe(reached.has(-1));
      }),
      { numRuns: 300 },
    );
  });
});
