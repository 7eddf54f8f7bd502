import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leafDataOf, trustOf, trustPlan, unitTrustOf, type TrustInputs } from "../../src/analysis/trust.js";
import { stringifyJson } from "../../src/core/json-text.js";
import { dec } from "../../src/core/decimal.js";
import { score, scoreResultJsonPieces, scoreResultToJson } from "../../src/engine/index.js";
import { JsonText, streamedArray, streamedObject } from "../../src/engine/json-stream.js";
import { releaseEvidence } from "../../src/engine/unit.js";
import type { ClaimCheck } from "../../src/evidence/documents.js";
import type { LoggedEvent } from "../../src/evidence/appraisal-log.js";
import { parseFramework } from "../../src/framework/index.js";
import { syntheticEvidence, syntheticFrameworkYaml } from "../../fixtures/engine/synthetic.js";
import { makeEvidence } from "./helpers.js";

const SHAPE = { leaves: 40, fields: 4, perCriterion: 5 } as const;
function compiled(extra = "") {
  const parsed = parseFramework(syntheticFrameworkYaml(SHAPE).replace("year: 2024\n", `year: 2024\n${extra}`), { filename: "synthetic.yaml" });
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  return parsed.framework;
}
const fw = compiled();
const exactFw = compiled("rounding: { decimals: 10, mode: half_up }\n");

/** A JSON value where some objects and arrays are streamed (only inside streamed containers), standing for `value`. */
function streamedTwin(value: unknown, pick: () => boolean): unknown {
  if (value === null || typeof value !== "object" || !pick()) return value;
  if (Array.isArray(value)) return streamedArray(value.map((v) => streamedTwin(v, pick)), (x) => x);
  return streamedObject(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, streamedTwin(v, pick)])));
}

const join = (pieces: Iterable<string>) => [...pieces].join("");

describe("streamed JSON members: the bytes of stringifyJson, pretty and compact", () => {
  it("writes any JSON value, streamed in part or whole, as stringifyJson(value, indent) does (indent 0, 2, 4)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }), fc.constantFrom(0, 2, 4), (value, bits, indent) => {
        let i = 0;
        const twin = streamedTwin(value, () => bits[i++ % bits.length]!);
        const json = JSON.parse(JSON.stringify(value)) as unknown; // -0 and the like as JSON has them
        const head = scoreResultToJson(score(fw, makeEvidence(fw, {}), { explain: false }));
        const pieces = scoreResultJsonPieces(score(fw, makeEvidence(fw, {}), { explain: false }), { extra: { member: twin }, indent });
        expect(join(pieces)).toBe(stringifyJson({ ...head, member: json }, indent));
      }),
      { numRuns: 150 },
    );
  });

  it("refuses a streamed value inside a plain container rather than writing it as {}", () => {
    const r = score(fw, makeEvidence(fw, {}), { explain: false });
    expect(() => join(scoreResultJsonPieces(r, { extra: { list: [streamedArray([1], (x) => x)] } }))).toThrow(TypeError);
  });

  it("streamed array items given as text are written as they are; left-out values are null in arrays and absent in objects", () => {
    const arr = streamedArray([1, undefined, 2], (x, depth, indent) => (x === 2 ? new JsonText(stringifyJson({ a: [x] }, indent).replace(/\n/g, "\n" + " ".repeat(indent * depth))) : x));
    const obj = streamedObject({ a: undefined, b: arr, c: () => 1 });
    const r = score(fw, makeEvidence(fw, {}), { explain: false });
    for (const indent of [0, 2]) {
      expect(join(scoreResultJsonPieces(r, { extra: { obj }, indent }))).toBe(stringifyJson({ ...scoreResultToJson(r), obj: { b: [1, null, { a: [2] }] } }, indent));
    }
  });
});

describe("scoreResultJsonPieces --compact (indent 0): the bytes of JSON.stringify", () => {
  it("random evidence, diagnostics and self scores: compact and pretty carry the same content", () => {
    fc.assert(
      fc.property(
        fc.record({ seed: fc.integer({ min: 1, max: 1_000_000 }), count: fc.integer({ min: 0, max: 6 }), missingRate: fc.constantFrom(0, 0.05, 0.3) }),
        ({ seed, count, missingRate }) => {
          const r = score(fw, makeEvidence(fw, syntheticEvidence(count, { ...SHAPE, seed, missingRate })), { explain: false });
          const compact = join(scoreResultJsonPieces(r, { indent: 0 }));
          expect(compact).toBe(JSON.stringify(scoreResultToJson(r)));
          expect(compact).not.toMatch(/\n/);
          expect(JSON.parse(compact)).toEqual(JSON.parse(join(scoreResultJsonPieces(r))));
        },
      ),
      { numRuns: 30 },
    );
  });

  it("keeps every digit (decimals: 10) in compact JSON as in pretty JSON", () => {
    const r = score(exactFw, makeEvidence(exactFw, syntheticEvidence(5, { ...SHAPE, seed: 11, missingRate: 0.05 })), { explain: false });
    for (const indent of [0, 2]) expect(join(scoreResultJsonPieces(r, { exactNumbers: true, indent }))).toBe(stringifyJson(scoreResultToJson(r, { exactNumbers: true }), indent));
  });
});

/** Claims, logged changes and respondents for some units of `codes`, from a seed. */
function trustInputs(codes: readonly string[], seed: number): TrustInputs {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const leaves = fw.nodes.filter((n) => n.kind === "leaf");
  const claims: ClaimCheck[] = [];
  const changes = new Map<string, Map<string, LoggedEvent>>();
  const respondents = new Map<string, number>();
  for (const unit of codes) {
    if (rnd() < 0.7) respondents.set(unit, Math.floor(rnd() * 300));
    for (const leaf of leaves) {
      if (rnd() < 0.15) {
        const documented = rnd() < 0.5;
        claims.push({
          unit, criterion: leaf.id, self: dec(1), explained: false,
          documents: documented ? [{ document: "Kế hoạch số 12/KH-UBND", source: "points" }] : [],
          missing: rnd() < 0.3 ? ["Báo cáo CCHC quý"] : [],
        });
      }
      if (rnd() < 0.05) {
        const m = changes.get(unit) ?? new Map<string, LoggedEvent>();
        changes.set(unit, m);
        m.set(leaf.id, { unit, criterion: leaf.id, field: "appraised", from: 1, to: 0.5, by: "Hội đồng thẩm định", why: "Thiếu tài liệu", at: "2025-01-20T08:00:00Z", line: m.size + 1, prev: "0", sha256: "0" } as unknown as LoggedEvent);
      }
    }
  }
  return { claims, changes, respondents };
}

describe("trust figures per unit from the stored scores", () => {
  it("equal trustOf on the whole Results JSON (random evidence, claims, changes, respondents), streamed pretty and compact", () => {
    fc.assert(
      fc.property(
        fc.record({ seed: fc.integer({ min: 1, max: 1_000_000 }), count: fc.integer({ min: 0, max: 6 }), missingRate: fc.constantFrom(0, 0.1, 0.4), withClaims: fc.boolean() }),
        ({ seed, count, missingRate, withClaims }) => {
          const r = score(fw, makeEvidence(fw, syntheticEvidence(count, { ...SHAPE, seed, missingRate })), { explain: false });
          const all = trustInputs(r.units.map((u) => u.unit), seed);
          const inputs: TrustInputs = withClaims ? all : { changes: all.changes! };
          const expected = trustOf(scoreResultToJson(r), fw, inputs);
          const plan = trustPlan(fw, inputs);
          expect({ units: r.units.map((u) => unitTrustOf(plan, u.unit, leafDataOf(plan, u))) }).toEqual(expected);
          const manifest = { engine: "par-index 0.1.0", framework: { id: fw.id, sha256: "ab" }, inputs: [{ file: "đơn vị.csv", sha256: "cd", rows: 3 }] };
          const trust = streamedObject({ units: streamedArray(r.units, (u) => unitTrustOf(plan, u.unit, leafDataOf(plan, u))) });
          for (const indent of [0, 2]) {
            const whole = stringifyJson({ ...scoreResultToJson(r, { exactNumbers: true }), trust: expected, manifest }, indent);
            expect(join(scoreResultJsonPieces(r, { exactNumbers: true, extra: { trust, manifest }, indent }))).toBe(whole);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("reads leaves through the node views the same way for units the engine did not store", () => {
    const r = score(fw, makeEvidence(fw, syntheticEvidence(4, { ...SHAPE, seed: 5, missingRate: 0.3 })), { explain: false });
    const plan = trustPlan(fw, {});
    for (const u of r.units) {
      const viaStore = leafDataOf(plan, u);
      const viaViews = leafDataOf(plan, { ...u, unit: u.unit, nodes: u.nodes } as typeof u);
      for (let i = 0; i < fw.nodes.length; i++) expect(viaViews(i)).toBe(viaStore(i));
    }
  });
});

describe("releaseEvidence", () => {
  it("leaves the JSON (self scores included) and the node views unchanged, and rescoring is refused", async () => {
    const { rescoreUnit } = await import("../../src/engine/rescore.js");
    const r = score(fw, makeEvidence(fw, syntheticEvidence(6, { ...SHAPE, seed: 9, missingRate: 0.1 })), { explain: false });
    const before = join(scoreResultJsonPieces(r));
    const selfs = r.units.map((u) => u.nodes.map((n) => n.self?.toString()));
    expect(selfs.flat().some((s) => s !== undefined)).toBe(true);
    const code = r.units[0]!.unit;
    expect(rescoreUnit(r, code, {})).toBeDefined();
    releaseEvidence(r);
    expect(join(scoreResultJsonPieces(r))).toBe(before);
    expect(JSON.stringify(scoreResultToJson(r), null, 2)).toBe(before);
    expect(r.units.map((u) => u.nodes.map((n) => n.self?.toString()))).toEqual(selfs);
    expect(rescoreUnit(r, code, {})).toBeUndefined();
  });
});
