import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExactJsonNumber, stringifyJson, stringifyJsonAt } from "../../src/core/json-text.js";

/** Any JSON value, with some numbers given as exact digits (more than a double holds) and some members left out. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    fc.bigInt({ min: 10n ** 16n, max: 10n ** 22n }).map((n) => new ExactJsonNumber(`${n}.${n % 997n}`)),
    fc.constantFrom(undefined, () => 1, Symbol("s"), Number.NaN, -0, Number.POSITIVE_INFINITY, "Phường Hoàn Kiếm", "\u2028\ud800"),
    fc.array(tie("v"), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie("v"), { maxKeys: 5 }),
  ),
})).v;

/** The same value with exact numbers as JSON.stringify reads them (their nearest double). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? "null");

describe("stringifyJson / stringifyJsonAt", () => {
  it("is JSON.stringify(value, null, indent) for values without exact numbers (indent 0, 2, 4), undefined at the top as null", () => {
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2, 4), (v, indent) => {
        const p = plain(v);
        expect(stringifyJson(p, indent)).toBe(JSON.stringify(p, null, indent));
      }),
      { numRuns: 400 },
    );
    expect(stringifyJson(undefined)).toBe("null");
    expect(stringifyJson([undefined, () => 1, Symbol("x")])).toBe(JSON.stringify([undefined, () => 1, Symbol("x")], null, 2));
    expect(stringifyJson({ a: undefined, b: () => 1 })).toBe("{}");
  });

  it("writes exact numbers digit for digit and reads back as JSON.stringify's value (exact numbers as doubles)", () => {
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2), (v, indent) => {
        const text = stringifyJson(v, indent);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v) ?? "null"));
        // The replacer sees the member before its toJSON as this[key]: an exact number becomes a marked string.
        const exact = JSON.stringify(
          v,
          function (this: Record<string, unknown>, k: string, x: unknown) {
            const raw = this[k];
            return raw instanceof ExactJsonNumber ? `#${raw.text}#` : x;
          },
          indent,
        );
        expect(text).toBe((exact ?? "null").replace(/"#([0-9.]+)#"/g, "$1"));
      }),
      { numRuns: 300 },
    );
  });

  it("nested `depth` levels deep: every line after the first indented by depth × indent more", () => {
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2, 4), fc.integer({ min: 0, max: 5 }), (v, indent, depth) => {
        const flat = stringifyJson(v, indent);
        expect(stringifyJsonAt(v, indent, depth)).toBe(indent === 0 ? flat : flat.replace(/\n/g, "\n" + " ".repeat(indent * depth)));
      }),
      { numRuns: 300 },
    );
  });
});
