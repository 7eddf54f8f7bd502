import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { Dec, isDecimal } from "../../src/core/decimal.js";
import { MISSING, type Value } from "../../src/core/value.js";
import { formatDiagnostic } from "../../src/diagnostics/index.js";
import { explainText, rescoreUnit, score, unitResultToJson, type UnitResult } from "../../src/engine/index.js";
import { evidenceSchemaOf, mergeEvidence, readJsonText } from "../../src/evidence/index.js";
import { UnitInputs } from "../../src/evidence/columns.js";
import type { EvidenceSet, InputEntry, UnitEvidence } from "../../src/evidence/model.js";
import { decimalOfScaled } from "../../src/evidence/values.js";
import { setExactOnly } from "../../src/engine/paths.js";
import { enginePlan } from "../../src/engine/plan.js";
import type { CompiledFramework } from "../../src/framework/ir.js";
import type { RawUnit } from "../../fixtures/engine/evidence.js";
import { framework, makeEvidence, nodeOf, run, unitOf } from "./helpers.js";
import { syntheticEvidence, syntheticFrameworkYaml } from "../../fixtures/engine/synthetic.js";

// Numeric rules on expressions are scored from the exact fraction of their value in safe integers
// (src/expr/rational.ts, fast.ts). With the fast paths switched off (paths.ts) every rule goes
// through the exact decimal evaluation; both must give the same JSON, diagnostics and explanations.

afterEach(() => setExactOnly(false));

/** Everything a user can see of a run: the JSON (numbers, statuses, diagnostics) and every unit's explanation. */
function seen(fw: CompiledFramework, units: Record<string, RawUnit>): string {
  const result = score(fw, makeEvidence(fw, units));
  const explanations = result.units.map((u) => explainText(u, fw));
  const reasons = result.units.map((u) => u.nodes.map((n) => [n.status, n.points.toString(), n.explanation?.branch, n.explanation?.values.map((v) => String(v.value))]));
  return JSON.stringify({ json: result.toJSON(), explanations, reasons });
}

function bothPaths(fw: CompiledFramework, units: Record<string, RawUnit>): { fast: string; exact: string } {
  setExactOnly(false);
  const fast = seen(fw, units);
  setExactOnly(true);
  const exact = seen(fw, units);
  setExactOnly(false);
  return { fast, exact };
}

const NAMES = ["a", "b", "c", "q"];
const LITERALS = ["0", "1", "2", "3", "10", "100", "0.5", "0.25", "0.1", "96", "50", "9007199254740993"];

const exprArb: fc.Arbitrary<string> = fc.letrec<{ num: string; cond: string }>((tie) => ({
  num: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    fc.constantFrom(...NAMES),
    fc.constantFrom(...LITERALS),
    fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)).map(([x, y]) => `${x} / ${y}`),
    fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom("10", "100", "1000"), fc.constantFrom("2", "5", "0.5", "3")).map(([x, p, m]) => `${x} / ${p} * ${m}`),
    fc.tuple(tie("num"), fc.constantFrom("+", "-", "*", "/"), tie("num")).map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie("num").map((x) => `(-${x})`),
    fc.tuple(fc.constantFrom("min", "max"), tie("num"), tie("num")).map(([f, x, y]) => `${f}(${x}, ${y})`),
    tie("num").map((x) => `abs(${x})`),
    fc.tuple(tie("num"), fc.integer({ min: 0, max: 3 })).map(([x, p]) => `round(${x}, ${p})`),
    fc.tuple(tie("cond"), tie("num"), tie("num")).map(([c, x, y]) => `if(${c}, ${x}, ${y})`),
  ),
  cond: fc.tuple(tie("num"), fc.constantFrom("<", ">=", "==", "!="), tie("num")).map(([l, op, r]) => `${l} ${op} ${r}`),
})).num;

const constArb = fc.constantFrom("0", "0.1", "0.25", "0.5", "0.75", "0.9", "1", "2", "50", "100", "-1", "0.125", "0.333");
const maxArb = fc.constantFrom("0.5", "1", "2", "2.5", "3", "0.75");
const roundingArb = fc.record({ decimals: fc.integer({ min: 0, max: 3 }), mode: fc.constantFrom("half_up", "half_even", "down") });
const missingArb = fc.constantFrom("error", "zero", "not_applicable");

const frameworkArb = fc.record({
  rounding: roundingArb,
  missing: fc.tuple(missingArb, missingArb, missingArb),
  derived: exprArb,
  bands: fc.tuple(exprArb, maxArb, fc.uniqueArray(constArb, { minLength: 3, maxLength: 3 })),
  ratio: fc.tuple(exprArb, maxArb, constArb, constArb),
  ratioQ: fc.tuple(maxArb, constArb, constArb, fc.constantFrom("exclude", "full", "zero")),
  expr: fc.tuple(exprArb, maxArb),
  deduct: fc.tuple(exprArb, maxArb, fc.constantFrom("0.25", "0.5", "1", "0.125", "-0.5"), fc.constantFrom("0", "0.25")),
  bonus: exprArb,
  penalty: fc.tuple(exprArb, fc.constantFrom("0.5", "0.25", "1")),
});

function yamlOf(f: fc.RandomType extends never ? never : ReturnType<typeof frameworkArb.generate>["value"]): string {
  const q = JSON.stringify;
  const [bv, bmax, bounds] = f.bands;
  const [t1, t2, t3] = [...bounds].sort((x, y) => Number(y) - Number(x)) as [string, string, string];
  const [rv, rmax, lower, upper] = f.ratio;
  const [qmax, qlower, qupper, qpolicy] = f.ratioQ;
  const [ev, emax] = f.expr;
  const [dv, dmax, per, floor] = f.deduct;
  return `
rounding: { decimals: ${f.rounding.decimals}, mode: ${f.rounding.mode} }
inputs:
  a: { type: number, missing: ${f.missing[0]} }
  b: { type: number, missing: ${f.missing[1]} }
  c: { type: number, missing: ${f.missing[2]} }
derived:
  q: ${q(f.derived.replaceAll("q", "c"))}
criteria:
  - id: "1"
    children:
      - { id: "1.1", max: ${bmax}, rule: { bands: { value: ${q(bv)}, bands: [ { above: ${t1}, points: ${bmax} }, { at_least: ${t2}, points: ${Number(bmax) / 2} }, { equals: ${t3}, points: 0.25 }, { otherwise: 0 } ] } } }
      - { id: "1.2", max: ${rmax}, rule: { ratio: { value: ${q(rv)}, lower: ${lower}, upper: ${upper === lower ? `${upper}1` : upper} } } }
      - { id: "1.3", max: ${emax}, rule: { expr: ${q(ev)} } }
      - { id: "1.4", max: ${dmax}, rule: { deduct: { value: ${q(dv)}, per: ${per}, floor: ${floor} } } }
      - { id: "1.5", max: ${qmax}, not_applicable: ${qpolicy}, rule: { ratio: { value: q, lower: ${qlower}, upper: ${qupper === qlower ? `${qupper}1` : qupper} } } }
adjustments:
  - { id: "T1", title: "bonus", kind: bonus, max: 1, rule: { expr: ${q(f.bonus)} } }
  - { id: "P1", title: "penalty", kind: penalty, max: 2, rule: { deduct: { value: ${q(f.penalty[0])}, per: ${f.penalty[1]} } } }
`;
}

/** Evidence values: decimals of every size and sign, zeros, exact ties, beyond 2^53, missing. */
const valueArb = fc.oneof(
  fc.tuple(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: 0, max: 4 })).map(([n, p]) => (n / 10 ** p).toFixed(p)),
  fc.constantFrom("0", "50", "96", "48", "0.5", "9007199254740993", "-9007199254740991", "123456789012345678", "1e-12", "-3", null),
);
/** One to six units whose inputs a, b, c take values of `value` (null: absent). */
function unitsOf(value: fc.Arbitrary<string | null>): fc.Arbitrary<Record<string, RawUnit>> {
  return fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 6 }).map((rows) => {
    const units: Record<string, RawUnit> = {};
    rows.forEach(([a, b, c], i) => {
      const inputs: Record<string, string> = {};
      if (a !== null) inputs.a = a;
      if (b !== null) inputs.b = b;
      if (c !== null) inputs.c = c;
      units[`u${i}`] = { inputs };
    });
    return units;
  });
}
const unitsArb = unitsOf(valueArb);

describe("rules on expressions: the exact-fraction path and the exact decimal path agree", () => {
  it("on random frameworks and evidence: same points, statuses, diagnostics and explanations", () => {
    let frameworks = 0;
    let rational = 0;
    fc.assert(
      fc.property(frameworkArb, unitsArb, (f, units) => {
        let fw: CompiledFramework;
        try {
          fw = framework(yamlOf(f));
        } catch {
          return; // a combination the framework checks reject (e.g. points above max)
        }
        frameworks++;
        const plan = enginePlan(fw);
        rational += plan.leafRational.filter(Boolean).length + plan.adjustmentRational.filter(Boolean).length;
        const { fast, exact } = bothPaths(fw, units);
        expect(fast).toBe(exact);
      }),
      { numRuns: 150 },
    );
    expect(frameworks).toBeGreaterThan(100);
    expect(rational).toBeGreaterThan(frameworks * 3); // most numeric rules do take the fraction path
  }, 120_000);

  const tie = (mode: string, decimals = 2) =>
    framework(`
rounding: { decimals: ${decimals}, mode: ${mode} }
inputs:
  done: { type: integer }
  total: { type: integer }
criteria:
  - { id: "1", max: 3, rule: { ratio: { value: "done / total", lower: 0.5, upper: 1 } } }
  - { id: "2", max: 1, rule: { expr: "done / total - 0.395833" } }
`);

  it.each([
    ["half_up", "0.13"],
    ["half_even", "0.12"],
    ["down", "0.12"],
  ])("50/96 inline at max 3 (3 × (50/96 − 0.5) ÷ 0.5 = 0.125 exactly) rounds %s to %s", (mode, expected) => {
    const fw = tie(mode);
    expect(enginePlan(fw).leafRational[0]).toBeDefined();
    const units = { u: { inputs: { done: 50, total: 96 } } };
    expect(nodeOf(run(fw, units), "u", "1").points.toString()).toBe(expected);
    const { fast, exact } = bothPaths(fw, units);
    expect(fast).toBe(exact);
  });

  it("a zero divisor makes the rule not applicable, a negative one flips the quotient, a missing operand is reported", () => {
    const fw = tie("half_up");
    const r = run(fw, { zero: { inputs: { done: 5, total: 0 } }, neg: { inputs: { done: -75, total: -100 } }, gap: { inputs: { total: 10 } } });
    expect(nodeOf(r, "zero", "1").status).toBe("not_applicable");
    expect(nodeOf(r, "neg", "1").points.toString()).toBe("1.5"); // 0.75 → 3 × 0.25 ÷ 0.5
    expect(nodeOf(r, "gap", "1").status).toBe("missing");
    expect(r.diagnostics.map((d) => [d.code, d.unit])).toEqual([["missing-input", "gap"]]);
    const { fast, exact } = bothPaths(fw, { zero: { inputs: { done: 5, total: 0 } }, neg: { inputs: { done: -75, total: -100 } }, gap: { inputs: { total: 10 } } });
    expect(fast).toBe(exact);
  });

  it("x / 100 * m: scaled integers, clamped with a warning (from the exact path) outside [0, max]", () => {
    const fw = framework(`
inputs:
  x: { type: number }
criteria:
  - { id: "1", max: 1, rule: { expr: "x / 100 * 2.5" } }
`);
    expect(enginePlan(fw).leafRational[0]).toBeDefined();
    const units = { ok: { inputs: { x: "39.8" } }, tie: { inputs: { x: "0.1" } }, over: { inputs: { x: "41" } }, under: { inputs: { x: "-1" } }, huge: { inputs: { x: "123456789012345678901" } } };
    const r = run(fw, units);
    expect(nodeOf(r, "ok", "1").points.toString()).toBe("1"); // 0.995 → 1.00
    expect(nodeOf(r, "tie", "1").points.toString()).toBe("0"); // 0.0025 → 0.00
    expect(nodeOf(r, "over", "1").points.toString()).toBe("1");
    expect(nodeOf(r, "under", "1").points.toString()).toBe("0");
    expect(r.diagnostics.map((d) => [d.code, d.unit]).sort()).toEqual([
      ["expr-points-clamped", "huge"],
      ["expr-points-clamped", "over"],
      ["expr-points-clamped", "under"],
    ]);
    const { fast, exact } = bothPaths(fw, units);
    expect(fast).toBe(exact);
    expect(unitOf(r, "ok").nodes[0]!.explanation!.branch).toBe("= 1");
  });

  it("on the benchmark's synthetic framework (every rule kind) with random evidence", () => {
    const fw = framework(syntheticFrameworkYaml({ leaves: 40, fields: 4, perCriterion: 5 }).replace(/^format: .*\n|^id: .*\n|^year: .*\n|^source: .*\n/gm, ""));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(0, 0.05, 0.3), (seed, missingRate) => {
        const units = syntheticEvidence(8, { leaves: 40, fields: 4, perCriterion: 5, seed, missingRate });
        const { fast, exact } = bothPaths(fw, units);
        expect(fast).toBe(exact);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

// Numbers the evidence readers keep as scaled integers (`InputEntry.scaled` / `scale`) are read by the
// fraction forms without a Decimal; a slot's Decimal is built only where something else reads it, on a
// rule's fallback to the exact path, or for explanations. Whatever the evidence gives, scaled or not,
// fast or exact-only, with or without explanations, a user must see the same bytes.

/** An entry as the readers make it: a scaled integer, its Decimal built afresh on every read of `value`. */
class ScaledEntry implements InputEntry {
  constructor(
    readonly scaled: number,
    readonly scale: number,
  ) {}
  get value(): Value {
    return decimalOfScaled(this.scaled, this.scale);
  }
}

/**
 * The same evidence with every number that fits 15 digits given as a scaled integer (with `extra`
 * trailing zeros when they fit, as `1.50` is read), other values as they are. A negative zero keeps
 * its Decimal (the readers leave it to their exact path).
 */
function scaledEvidence(set: EvidenceSet, extra: (name: string) => number): EvidenceSet {
  const byUnit = new Map<string, UnitEvidence>();
  for (const [code, ev] of set.byUnit) {
    const inputs = new Map<string, InputEntry>();
    for (const [name, entry] of ev.inputs) {
      const v = entry.value;
      let out: InputEntry = entry;
      if (isDecimal(v) && !(v.isZero() && v.isNeg())) {
        const places = v.decimalPlaces() + extra(name);
        const digits = places <= 15 ? v.times(new Dec(10).pow(places)) : undefined;
        if (digits !== undefined && digits.isInteger() && digits.abs().lt(1e15)) out = new ScaledEntry(digits.toNumber(), places);
      }
      inputs.set(name, out);
    }
    byUnit.set(code, { code, inputs, points: ev.points });
  }
  return { ...set, byUnit };
}

/** The same evidence with every entry's scaled form dropped (its value, location and note kept). */
function plainEvidence(set: EvidenceSet): EvidenceSet {
  const byUnit = new Map<string, UnitEvidence>();
  for (const [code, ev] of set.byUnit) {
    const inputs = new Map<string, InputEntry>();
    for (const [name, entry] of ev.inputs) {
      const where = entry.where;
      inputs.set(name, { value: entry.value, ...(where !== undefined && { where }), note: entry.note });
    }
    byUnit.set(code, { code, inputs, points: ev.points });
  }
  return { ...set, byUnit };
}

const countScaled = (set: EvidenceSet): number => [...set.byUnit.values()].reduce((n, ev) => n + [...ev.inputs.values()].filter((e) => e.scaled !== undefined).length, 0);

/** What a user sees of a run without explanations (the JSON, with its diagnostics, and the diagnostics worded). */
function seenPlain(fw: CompiledFramework, set: EvidenceSet, exact: boolean): string {
  setExactOnly(exact);
  try {
    const result = score(fw, set, { explain: false });
    return JSON.stringify({ json: result.toJSON(), diagnostics: result.diagnostics.map((d) => formatDiagnostic(d)) });
  } finally {
    setExactOnly(false);
  }
}

/** …and with explanations: every unit's explanation text, branches and values read. */
function seenExplained(fw: CompiledFramework, set: EvidenceSet, exact: boolean): string {
  setExactOnly(exact);
  try {
    const result = score(fw, set);
    const explanations = result.units.map((u) => explainText(u, fw));
    const reasons = result.units.map((u) => u.nodes.map((n) => [n.status, n.points.toString(), n.explanation?.branch, n.explanation?.values.map((v) => String(v.value))]));
    return JSON.stringify({ json: result.toJSON(), explanations, reasons });
  } finally {
    setExactOnly(false);
  }
}

/** Plain-slot leaves (the input read directly), an applies_if on an input or a derived value, a boolean on a comparison. */
function withPlainSlots(yaml: string, g: { appliesIf: string; plain: [string, string, string, string]; compare: boolean; coalesce: boolean }): string {
  const [bandsOn, ratioOn, exprOn, deductOn] = g.plain;
  const applies = g.appliesIf === "" ? "" : `, applies_if: ${JSON.stringify(g.appliesIf)}`;
  // A derived value without a fraction form (coalesce), read by a fraction form from its slot: computed
  // per unit, so the inputs it reads are needed as Values even when nothing else reads them.
  if (g.coalesce) yaml = yaml.replace("criteria:", `  r: "coalesce(c, 0.5)"\ncriteria:`);
  return yaml.replace(
    "adjustments:",
    `  - id: "2"
    children:
      - { id: "2.1", max: 1, rule: { bands: { value: ${bandsOn}, bands: [ { above: 2, points: 1 }, { at_least: 0.5, points: 0.5 }, { equals: 0.13, points: 0.25 }, { otherwise: 0 } ] } } }
      - { id: "2.2", max: 3${applies}, rule: { ratio: { value: ${ratioOn}, lower: 0.5, upper: 1 } } }
      - { id: "2.3", max: 2, rule: { expr: ${exprOn} } }
      - { id: "2.4", max: 1.5, rule: { deduct: { value: ${deductOn}, per: 0.25 } } }
${g.compare ? `      - { id: "2.5", max: 1, rule: { boolean: { value: "a > b" } } }\n` : ""}${g.coalesce ? `      - { id: "2.6", max: 1, rule: { expr: "min(abs(r * 2), 1)" } }\n` : ""}adjustments:`,
  );
}

const plainArb = fc.record({
  appliesIf: fc.constantFrom("", "c >= 0", "q > 0", "a != b"),
  plain: fc.tuple(fc.constantFrom("a", "b", "c", "q"), fc.constantFrom("a", "b", "c", "q"), fc.constantFrom("a", "b", "c", "q"), fc.constantFrom("a", "b", "c", "q")),
  compare: fc.boolean(),
  coalesce: fc.boolean(),
});

/** Evidence values for the scaled runs: the values above plus trailing zeros, zeros written with places, −0, the tie 50/96. */
const scaledValueArb = fc.oneof(valueArb, fc.constantFrom("1.50", "0.000", "-0", "-0.00", "50.00", "96", "0.125", "999999999999999", "99999999999999.9", "1000000000000000"));
const scaledUnitsArb = unitsOf(scaledValueArb);

describe("numbers given as scaled integers: read as fractions, Decimals built only where needed", () => {
  it("scaled or not, fast or exact-only, with or without explanations: the same JSON, diagnostics and explanations (random frameworks)", () => {
    let frameworks = 0;
    let scaled = 0;
    let lazy = 0;
    fc.assert(
      fc.property(frameworkArb, plainArb, scaledUnitsArb, fc.nat(2), (f, g, units, extra) => {
        let fw: CompiledFramework;
        try {
          fw = framework(withPlainSlots(yamlOf(f), g));
        } catch {
          return;
        }
        frameworks++;
        lazy += enginePlan(fw).lazyInput.reduce((n, x) => n + x, 0);
        const plain = makeEvidence(fw, units);
        const withScaled = scaledEvidence(plain, (name) => (name === "a" ? extra : 0));
        scaled += countScaled(withScaled);
        const reference = seenPlain(fw, plain, true);
        expect(seenPlain(fw, withScaled, false)).toBe(reference);
        expect(seenPlain(fw, plain, false)).toBe(reference);
        expect(seenPlain(fw, withScaled, true)).toBe(reference);
        expect(seenExplained(fw, withScaled, false)).toBe(seenExplained(fw, plain, true));
      }),
      { numRuns: 120 },
    );
    expect(frameworks).toBeGreaterThan(80);
    expect(scaled).toBeGreaterThan(frameworks * 3); // most numbers do come scaled
    expect(lazy).toBeGreaterThan(frameworks / 2); // and many frameworks read some input only through fractions
  }, 180_000);

  it("through the real JSON reader: its scaled entries (read from the column store) and the same entries without them score alike", () => {
    fc.assert(
      fc.property(frameworkArb, plainArb, scaledUnitsArb, (f, g, units) => {
        let fw: CompiledFramework;
        try {
          fw = framework(withPlainSlots(yamlOf(f), g));
        } catch {
          return;
        }
        // Numbers written as JSON number literals, as a user's file has them.
        const body = Object.entries(units)
          .map(([code, u]) => `${JSON.stringify(code)}: { "inputs": { ${Object.entries(u.inputs ?? {}).map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(", ")} } }`)
          .join(",\n");
        const part = readJsonText(`{ "units": {\n${body}\n} }`, evidenceSchemaOf(fw), { file: "ev.json" });
        const set = mergeEvidence([part]);
        // The engine reads these from the column store's typed arrays; `plain` is entries in Maps.
        for (const ev of set.byUnit.values()) expect(ev.inputs).toBeInstanceOf(UnitInputs);
        const plain = plainEvidence(set);
        const reference = seenPlain(fw, plain, true);
        expect(seenPlain(fw, set, false)).toBe(reference);
        expect(seenPlain(fw, set, true)).toBe(reference);
        expect(seenExplained(fw, set, false)).toBe(seenExplained(fw, plain, true));
      }),
      { numRuns: 60 },
    );
  }, 180_000);

  it("the reader's scaled entries are used: inputs only fractions read stay lazy, the others are eager", () => {
    const fw = framework(`
inputs:
  done: { type: integer }
  total: { type: integer }
  x: { type: number }
  gate: { type: number }
criteria:
  - { id: "1", max: 3, rule: { ratio: { value: "done / total", lower: 0.5, upper: 1 } } }
  - { id: "2", max: 1, applies_if: "gate > 0", rule: { bands: { value: x, bands: [ { at_least: 0.5, points: 1 }, { otherwise: 0 } ] } } }
`);
    const plan = enginePlan(fw);
    expect([...plan.lazyInput]).toEqual([1, 1, 1, 0]); // gate is read by applies_if
    expect(plan.leafRational[1]).toBeDefined(); // bands on a plain input: the fraction path
    const part = readJsonText(`{ "units": { "u": { "inputs": { "done": 50, "total": 96, "x": 0.50, "gate": 1 } }, "z": { "inputs": { "done": 5, "total": 0, "x": 0.49, "gate": -1 } } } }`, evidenceSchemaOf(fw));
    const set = mergeEvidence([part]);
    expect(countScaled(set)).toBe(8);
    const r = score(fw, set, { explain: false });
    expect(nodeOf(r, "u", "1").points.toString()).toBe("0.13"); // 3 × (50/96 − 0.5) ÷ 0.5 = 0.125 → 0.13 half up
    expect(nodeOf(r, "u", "2").points.toString()).toBe("1");
    expect(nodeOf(r, "z", "1").status).toBe("not_applicable"); // division by zero, from the exact path
    expect(nodeOf(r, "z", "2").status).toBe("not_applicable");
    expect(seenPlain(fw, set, false)).toBe(seenPlain(fw, plainEvidence(set), true));
    expect(seenExplained(fw, set, false)).toBe(seenExplained(fw, plainEvidence(set), true));
  });

  it("rescoreUnit on scaled evidence equals a full rescore with the change", () => {
    fc.assert(
      fc.property(frameworkArb, plainArb, scaledUnitsArb, fc.nat(), fc.constantFrom("a", "b", "c"), scaledValueArb, fc.boolean(), (f, g, units, pick, input, raw, explain) => {
        let fw: CompiledFramework;
        try {
          fw = framework(withPlainSlots(yamlOf(f), g));
        } catch {
          return;
        }
        const set = scaledEvidence(makeEvidence(fw, units), () => 1);
        const codes = [...set.byUnit.keys()];
        const code = codes[pick % codes.length]!;
        const value: Value = raw === null ? MISSING : new Dec(raw);
        const result = score(fw, set, { explain });
        const re = rescoreUnit(result, code, { inputs: { [input]: value } }, { explain })!;

        const inputs = new Map(set.byUnit.get(code)!.inputs);
        if (raw === null) inputs.delete(input);
        else inputs.set(input, { value });
        const changed: EvidenceSet = { ...set, byUnit: new Map(set.byUnit).set(code, { code, inputs, points: new Map() }) };
        const full = score(fw, changed, { explain }).units.find((u) => u.unit === code)!;
        const facts = (u: UnitResult) =>
          JSON.stringify({
            json: { ...unitResultToJson(u, fw), rank: 0 },
            diagnostics: u.diagnostics.map((d) => formatDiagnostic(d)),
            explanation: explain ? explainText(u, fw).replace(/rank \S+/, "rank") : "", // re-scoring keeps the old rank
          });
        expect(facts(re)).toBe(facts(full));
      }),
      { numRuns: 80 },
    );
  }, 180_000);
});
