/**
 * JSON evidence read in one pass over the text (no parse tree) gives exactly the part the
 * tree reader gives: the same values (and scaled integers), locations with their keys in
 * order, rows and their ordinals, stats, unit order, points entries, notes and documents;
 * and it gives up on every file the tree reader would say anything about.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { Dec, isDecimal } from "../../src/core/decimal.js";
import { formatValue, isCalendarDate, type Value } from "../../src/core/value.js";
import { setEvidenceFastPaths } from "../../src/evidence/fast-switch.js";
import { readEvidenceJson, readJsonText, type JsonReadOptions } from "../../src/evidence/json.js";
import { parseJsonExact, parseJsonFast } from "../../src/evidence/json-parse.js";
import { arrayIndexOf, plainCanonical, readJsonSinglePass } from "../../src/evidence/json-stream-reader.js";
import type { EvidencePart } from "../../src/evidence/part.js";
import type { EvidenceSchema } from "../../src/evidence/schema.js";
import { EVERY_KIND_INPUTS, input, schemaOf } from "./helpers.js";

const SCHEMA = schemaOf(EVERY_KIND_INPUTS, ["1", "1.1", "2", "10", "T1", "1.2.2"]);
const UNITS = ["u1", "u2", "phúc-diễn", "xã-đông-anh-0001", "00123", "26734", "7", "12"];
const REGISTRY = new Set(UNITS);

afterEach(() => setEvidenceFastPaths(true));

/** Everything a part says, as text; with `scaled`, the scaled integers too. */
function snapshot(part: EvidencePart, scaled: boolean): string {
  const value = (v: Value): string =>
    isDecimal(v) ? `D ${v.toString()} ${v.isNeg() ? "-" : "+"} e${v.e} [${v.d?.join(",") ?? ""}]` : isCalendarDate(v) ? `date ${v.toString()}` : `${typeof v} ${formatValue(v)}`;
  return JSON.stringify({
    kind: part.kind,
    file: part.file ?? null,
    locale: part.locale,
    delimiter: part.delimiter ?? null,
    stats: part.stats,
    rejected: [...part.rejectedRows],
    checked: part.checkedUnits,
    registry: part.registry ?? null,
    diagnostics: part.diagnostics,
    units: [...part.byUnit].map(([code, u]) => [
      code,
      u.code,
      u.usedRows,
      [...u.inputs].map(([name, e]) => [name, value(e.value), e.where ?? null, e.note ?? null, e.row, ...(scaled ? [e.scaled ?? null, e.scale ?? null] : [])]),
      [...u.points].map(([id, p]) => [id, p.self === undefined ? null : value(p.self), p.appraised === undefined ? null : value(p.appraised), p.where ?? null, p.row, p.note ?? null, p.documents ?? null]),
    ]),
  });
}

/** The tree reader with its fast paths (the path `readJsonText` took before the single pass), for a file it reads without a word. */
function treePart(text: string, options: JsonReadOptions, schema: EvidenceSchema): EvidencePart {
  const parsed = parseJsonFast(text) ?? parseJsonExact(text);
  if (!parsed.ok) throw new Error("a file the single pass read is valid JSON");
  return readEvidenceJson(parsed.value, schema, { ...options, duplicates: parsed.duplicates });
}

let taken = 0;
let declined = 0;

/**
 * Reads `text` the single-pass way and the old ways: whenever the single pass reads it, the
 * part equals the tree reader's (scaled integers included) and the all-slow reader's; whenever
 * the old reader says anything, the single pass gave up. Returns whether it was taken.
 */
function check(text: string, options: JsonReadOptions, schema: EvidenceSchema = SCHEMA): boolean {
  setEvidenceFastPaths(false);
  const slow = readJsonText(text, schema, options);
  setEvidenceFastPaths(true);
  const viaText = readJsonText(text, schema, options);
  expect(snapshot(viaText, false)).toBe(snapshot(slow, false));
  const single = readJsonSinglePass(text, schema, options);
  if (single === undefined) {
    declined++;
    return false;
  }
  taken++;
  expect(slow.diagnostics).toEqual([]);
  expect(snapshot(single, false)).toBe(snapshot(slow, false));
  expect(snapshot(single, true)).toBe(snapshot(treePart(text, options, schema), true));
  expect(snapshot(viaText, true)).toBe(snapshot(single, true));
  for (const u of single.byUnit.values()) {
    for (const e of u.inputs.values()) {
      if (e.scaled === undefined) continue;
      expect(Number.isSafeInteger(e.scaled)).toBe(true);
      expect(isDecimal(e.value) && e.value.eq(new Dec(e.scaled).div(new Dec(10).pow(e.scale ?? 0)))).toBe(true);
    }
  }
  return true;
}

// ---- Valid evidence, written in every way the single pass reads --------------------------------

/** A JSON string as JSON.stringify writes it, sometimes with `/` escaped. */
const jsonString = (s: string, slash: boolean): string => (slash ? JSON.stringify(s).replace(/\//g, "\\/") : JSON.stringify(s));

const canonicalDouble = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((d) => d === 0 || Math.abs(d) > 1e-90).map((d) => JSON.stringify(d));
const decimalIn = (lo: number, hi: number, places: number) => fc.integer({ min: lo * 10 ** places, max: hi * 10 ** places }).map((n) => String(n / 10 ** places));
const isoDate = fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
const dmyDate = isoDate.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`);
const nfcText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("Sổ theo dõi", "Báo cáo số 12/BC-UBND", "a\tb\nc \"d\" \\ e/f", "x\by\fz\r\n", "\u007f", "  ", ""),
).filter((s) => s.normalize("NFC") === s && !/\\u[0-9a-f]{4}/.test(JSON.stringify(s))); // what JSON.stringify writes with \u escapes is left out

/** A value each input accepts, as JSON text. */
const VALID: Record<string, fc.Arbitrary<string>> = {
  so_ho_so: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }).map(String), fc.integer({ min: 0, max: 1_000_000 }).map((n) => JSON.stringify(String(n))), fc.constant("null")),
  ty_le: fc.oneof(decimalIn(0, 1, 4), decimalIn(0, 1, 4).map((t) => JSON.stringify(t)), fc.constantFrom('"99.33%"', '"0.5 "', "1", "0", '""')),
  diem: fc.oneof(decimalIn(0, 100, 2), fc.constantFrom("100", "0.000001", "0.0000012", '"94.27%"')),
  kinh_phi: fc.oneof(canonicalDouble(-1e25, 1e25), fc.integer().map(String), fc.constantFrom("123456789012345", "-999999999999999", "0.123456789012345", "1e-7", "1.5e-7", "1e+21", '"1,234.5"', '"  7 "', "0.1", "-0.5")),
  han_muc: fc.oneof(decimalIn(-5, 10, 3), fc.constantFrom("-5", "10", "9.999")),
  nua: fc.oneof(decimalIn(1, 1000, 2), fc.constantFrom("0.5", "0.75")),
  ngay: fc.oneof(isoDate, dmyDate, fc.constantFrom(" 2024-01-15", "2024-02-29")).map((d) => JSON.stringify(d)),
  co: fc.constantFrom("true", "false", "0", "1", '"có"', '"không"', '"yes"', '"x"', '"Đạt"', '"không  đạt"', "null"),
  muc: fc.constantFrom('"đạt"', '"không đạt"', '"late"', '" late "', "null"),
  ghi_chu: fc.tuple(nfcText, fc.boolean()).map(([s, slash]) => jsonString(s, slash)),
  "tỉ_lệ_đúng_hạn": decimalIn(0, 1, 3),
};
const INPUT_NAMES = Object.keys(VALID);

const pointsNumber = fc.oneof(decimalIn(0, 10, 2), fc.constantFrom("0", "1", "0.25", '"0.5"', "2.5e-7"));
const pointsEntryText = fc
  .record(
    {
      self: fc.oneof(pointsNumber, fc.constant("null")),
      appraised: pointsNumber,
      note: fc.oneof(nfcText.map((s) => JSON.stringify(s)), fc.constant("null")),
      documents: fc.oneof(
        fc.constant("null"),
        nfcText.map((s) => JSON.stringify(s)),
        fc.constant('"Quyết định 12/QĐ-UBND; ; Kế hoạch 3"'),
        fc.array(nfcText, { maxLength: 3 }).map((a) => JSON.stringify(a)),
      ),
    },
    { requiredKeys: ["appraised"] },
  )
  .chain((r) => fc.shuffledSubarray(Object.entries(r), { minLength: Object.keys(r).length }));

/** Whitespace between tokens: none, spaces, pretty-printed lines (LF or CRLF), tabs. */
const space = fc.constantFrom("", "", " ", "\n  ", "\r\n\t", "\n\n    ");

interface UnitDoc {
  code: string;
  inputs: [string, string][];
  points: [string, [string, string][]][];
  pointsFirst: boolean;
  hasInputs: boolean;
  hasPoints: boolean;
}

const unitDoc: fc.Arbitrary<UnitDoc> = fc.record({
  code: fc.constantFrom(...UNITS),
  inputs: fc.shuffledSubarray(INPUT_NAMES).chain((names) => fc.tuple(...names.map((n) => VALID[n]!.map((v) => [n, v] as [string, string])))),
  points: fc.shuffledSubarray(["1", "1.1", "2", "10", "T1", "1.2.2"], { maxLength: 4 }).chain((ids) => fc.tuple(...ids.map((id) => pointsEntryText.map((e) => [id, e] as [string, [string, string][]])))),
  pointsFirst: fc.boolean(),
  hasInputs: fc.boolean(),
  hasPoints: fc.boolean(),
});

/** Units in the order `Object.keys` keeps (array-index codes first, ascending), as a valid file must have them for the single pass. */
function keyOrder<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  const unique = list.filter((t) => !seen.has(key(t)) && seen.add(key(t)));
  const index = unique.filter((t) => arrayIndexOf(key(t)) >= 0).sort((a, b) => arrayIndexOf(key(a)) - arrayIndexOf(key(b)));
  return [...index, ...unique.filter((t) => arrayIndexOf(key(t)) < 0)];
}

/** Writes a document with whitespace `ws()` between tokens. */
function write(units: UnitDoc[], ws: () => string, bom: boolean): string {
  const obj = (members: string[]): string => (members.length === 0 ? `{${ws()}}` : `{${ws()}${members.join(`${ws()},${ws()}`)}${ws()}}`);
  const member = (key: string, value: string): string => `${JSON.stringify(key)}${ws()}:${ws()}${value}`;
  const unitText = (u: UnitDoc): string => {
    const inputs = member("inputs", obj(u.inputs.map(([k, v]) => member(k, v))));
    const points = member("points", obj(u.points.map(([id, e]) => member(id, obj(e.map(([k, v]) => member(k, v)))))));
    const parts = [u.hasInputs || !u.hasPoints ? inputs : undefined, u.hasPoints ? points : undefined].filter((p): p is string => p !== undefined);
    return obj(u.pointsFirst ? parts.reverse() : parts);
  };
  return `${bom ? "\ufeff" : ""}${ws()}${obj([member("units", obj(units.map((u) => member(u.code, unitText(u)))))])}${ws()}`;
}

const validDoc = fc
  .tuple(fc.array(unitDoc, { maxLength: 6 }), fc.array(space, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean())
  .map(([units, spaces, bom, registry]) => {
    let k = 0;
    const ws = (): string => spaces[k++ % spaces.length]!;
    // Empty points entries are not valid evidence.
    const fixed = keyOrder(units, (u) => u.code).map((u) => ({ ...u, points: u.points.filter(([, e]) => e.some(([k2, v]) => (k2 === "self" || k2 === "appraised") && v !== "null" && v !== '""')) }));
    return { text: write(fixed, ws, bom), registry };
  });

describe("JSON evidence in one pass: the same part as the tree reader", () => {
  it("reads every valid file (pretty or compact, BOM, escapes, numeric unit codes, points first) exactly as the tree reader", () => {
    taken = 0;
    declined = 0;
    fc.assert(
      fc.property(validDoc, ({ text, registry }) => {
        const options = { file: "so-lieu.json", ...(registry ? { registry: REGISTRY } : {}) };
        expect(check(text, options)).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(taken).toBe(400);
  }, 120_000);

  it("keeps scaled integers, dates, enums, locations and points as the tree reader does", () => {
    const text =
      '{"units": {"26734": {"points": {"2": {"appraised": 0.5}, "1.1": {"self": 1, "appraised": 0.25, "note": "Đủ hồ sơ", "documents": ["QĐ 12/QĐ-UBND", " "]}, "1": {"appraised": 1}},\n' +
      '"inputs": {"ty_le": 0.9933, "so_ho_so": 397857, "ngay": "2024-01-15", "muc": "late", "kinh_phi": 0.1234567890123456}}}}';
    expect(check(text, { file: "so-lieu.json" })).toBe(true);
    const part = readJsonSinglePass(text, SCHEMA, { file: "so-lieu.json" })!;
    const u = part.byUnit.get("26734")!;
    expect(u.inputs.get("ty_le")!.scaled).toBe(9933);
    expect(u.inputs.get("ty_le")!.scale).toBe(4);
    expect(u.inputs.get("kinh_phi")!.scaled).toBeUndefined();
    expect(String(u.inputs.get("kinh_phi")!.value)).toBe("0.1234567890123456");
    expect(String(u.inputs.get("ngay")!.value)).toBe("2024-01-15");
    expect(u.inputs.get("ty_le")!.where).toEqual({ file: "so-lieu.json", path: ["units", "26734", "inputs", "ty_le"] });
    // Inputs are rows 1–5; the points follow in Object.keys order ("1", "2", then "1.1").
    expect([...u.points.keys()]).toEqual(["1", "2", "1.1"]);
    expect([...u.points.values()].map((p) => p.row)).toEqual([6, 7, 8]);
    expect(u.points.get("1.1")!.documents).toEqual(["QĐ 12/QĐ-UBND"]);
    expect(part.stats).toEqual({ rowsRead: 8, rowsUsed: 8, rowsRejected: 0 });
  });
});

// ---- Anything else: either read exactly, or given up -------------------------------------------

/** A change that may make the file invalid, or read differently, or not at all by the single pass. */
const mutation = fc.constantFrom(
  ...[
    // numbers
    "1.50", "1e2", "1E2", "-0", "-0.0", "0.0", "1e400", "-1e-400", "9007199254740993", "0.1000000000000000055511151231257827", "0.0000001", "100.0", "12e-1",
    // wrong types and values
    "{}", "[]", "[1]", '{"a":1}', "true", '"abc"', '"31/02/2024"', '"2024-13-01"', '"Late"', "-1", "1000001", "2", "101", '"\\u0061"', '"a\\u0301"',
    '"ti\u0309 le\u0323"', '"\\x"', "tru", "nul", "01", "-", "1.", ".5", "+1", "NaN",
  ].map((v) => ({ kind: "value" as const, v })),
  ...["__proto__", "constructor", "prototype", "unknown", "ty_le ", "TY_LE", "ti\u0309_le\u0323\u0302_đúng_hạn", "ty\\u005fle", "so_ho_so"].map((k) => ({ kind: "input" as const, k })),
  ...["__proto__", "constructor", "u9", "phu\u0301c-die\u0302\u0303n", "u\\u0031", "u1", "3", "0", "4294967294", "4294967295", "01", ""].map((k) => ({ kind: "unit" as const, k })),
  ...["9", "__proto__", "1", "1.1", "T1"].map((k) => ({ kind: "criterion" as const, k })),
  ...[
    '{"note": "x"}', "{}", '{"self": null, "appraised": null}', '{"self": true}', '{"appraised": 1, "other": 2}', '{"appraised": 1, "appraised": 2}',
    '{"appraised": 1, "note": 5}', '{"appraised": 1, "documents": [1]}', '{"appraised": 1, "documents": [["a"]]}', '{"appraised": "1,5"}', '{"self": ""}', "null", "[]",
    '{"appraised": 1e400}', '{"appraised": "0.5", "note": "a\\u0062"}', '{"appraised": 1, "documents": {}}', '{"appraised": 1, "note": "o\u0301"}',
  ].map((v) => ({ kind: "points" as const, v })),
  ...[
    "top-key", "units-array", "units-null", "units-repeat", "inputs-repeat", "points-repeat", "unit-key", "trailing-comma", "unclosed", "trailing-text", "registry-list",
    "inputs-null", "points-null", "unit-null", "empty-object", "expect-registry", "bytes", "tab-in-string", "deep",
  ].map((s) => ({ kind: "shape" as const, s })),
);

const anyDoc = fc.tuple(validDoc, fc.array(fc.tuple(mutation, fc.nat()), { maxLength: 3 })).map(([{ text, registry }, changes]) => {
  let t = text;
  let kind: "registry" | undefined;
  let bytes = false;
  for (const [m, at] of changes) {
    const keyAt = (re: RegExp): number => {
      const hits = [...t.matchAll(re)].map((x) => x.index);
      return hits.length === 0 ? -1 : hits[at % hits.length]!;
    };
    switch (m.kind) {
      case "value": {
        // Replace one input value (after `"<input>":`).
        const re = /"(so_ho_so|ty_le|diem|kinh_phi|han_muc|nua|ngay|co|muc|ghi_chu|tỉ_lệ_đúng_hạn)"\s*:\s*/g;
        const hits = [...t.matchAll(re)];
        if (hits.length === 0) break;
        const h = hits[at % hits.length]!;
        const from = h.index + h[0].length;
        const end = valueEnd(t, from);
        t = t.slice(0, from) + m.v + t.slice(end);
        break;
      }
      case "input": {
        const i = keyAt(/"inputs"\s*:\s*\{/g);
        if (i < 0) break;
        const open = t.indexOf("{", i);
        const close = t.charAt(t.slice(open + 1).search(/\S/) + open + 1) === "}";
        t = `${t.slice(0, open + 1)}${JSON.stringify(m.k).replace(/\\\\u/g, "\\u")}: 1${close ? "" : ","}${t.slice(open + 1)}`;
        break;
      }
      case "unit": {
        const i = t.indexOf("{", t.indexOf('"units"'));
        if (i < 0) break;
        const close = t.charAt(t.slice(i + 1).search(/\S/) + i + 1) === "}";
        const where = at % 2 === 0 || close ? i + 1 : t.lastIndexOf("}", t.lastIndexOf("}") - 1);
        const unit = `${JSON.stringify(m.k).replace(/\\\\u/g, "\\u")}: {"inputs": {"so_ho_so": 3}}`;
        t = where === i + 1 ? `${t.slice(0, where)}${unit}${close ? "" : ","}${t.slice(where)}` : `${t.slice(0, where)},${unit}${t.slice(where)}`;
        break;
      }
      case "criterion": {
        const i = keyAt(/"points"\s*:\s*\{/g);
        if (i < 0) break;
        const open = t.indexOf("{", i);
        const close = t.charAt(t.slice(open + 1).search(/\S/) + open + 1) === "}";
        t = `${t.slice(0, open + 1)}${JSON.stringify(m.k)}: {"appraised": 1}${close ? "" : ","}${t.slice(open + 1)}`;
        break;
      }
      case "points": {
        const i = keyAt(/"points"\s*:\s*\{/g);
        if (i < 0) break;
        const open = t.indexOf("{", i);
        const close = t.charAt(t.slice(open + 1).search(/\S/) + open + 1) === "}";
        t = `${t.slice(0, open + 1)}"T1": ${m.v}${close ? "" : ","}${t.slice(open + 1)}`;
        break;
      }
      case "shape":
        switch (m.s) {
          case "top-key":
            t = t.replace(/\}\s*$/, ', "version": 1}');
            break;
          case "units-array":
            t = '{"units": [{"code": "u1", "name": "Phường 1"}]}';
            break;
          case "registry-list":
            t = '[{"code": "u1", "name": "Phường 1"}]';
            break;
          case "units-null":
            t = '{"units": null}';
            break;
          case "units-repeat":
            t = t.replace(/\}\s*$/, ', "units": {}}');
            break;
          case "inputs-repeat":
            t = t.replace(/"inputs"\s*:\s*\{/, '"inputs": {}, "inputs": {');
            break;
          case "points-repeat":
            t = t.replace(/"inputs"\s*:\s*\{/, '"points": {}, "points": {}, "inputs": {');
            break;
          case "unit-key":
            t = t.replace(/"inputs"\s*:\s*\{/, '"label": "x", "inputs": {');
            break;
          case "trailing-comma":
            t = t.replace(/(\d|"|true|false|null)(\s*)\}/, "$1,$2}");
            break;
          case "unclosed":
            t = t.replace(/\}\s*$/, "");
            break;
          case "trailing-text":
            t = `${t} x`;
            break;
          case "inputs-null":
            t = t.replace(/"inputs"\s*:\s*\{/, '"inputs": null, "x": {');
            break;
          case "points-null":
            t = t.replace(/"inputs"\s*:\s*\{/, '"points": null, "inputs": {');
            break;
          case "unit-null":
            t = t.replace(/("units"\s*:\s*\{)/, '$1"u2": null, ');
            break;
          case "empty-object":
            t = "{}";
            break;
          case "expect-registry":
            kind = "registry";
            break;
          case "bytes":
            bytes = true;
            break;
          case "tab-in-string":
            t = t.replace(/"(so_ho_so|ty_le|ghi_chu)"/, '"$1\t"');
            break;
          case "deep":
            t = t.replace(/"ghi_chu"\s*:\s*/, `"ghi_chu": ${"[".repeat(70)}${"]".repeat(70)}, "x": `);
            break;
        }
    }
  }
  return { text: t, registry, kind, bytes };
});

/** The end of the JSON value starting at `from` in a valid text (a string, a scalar, or a bracketed value). */
function valueEnd(t: string, from: number): number {
  const c = t[from];
  if (c === '"') {
    let k = from + 1;
    while (t[k] !== '"') k += t[k] === "\\" ? 2 : 1;
    return k + 1;
  }
  if (c === "{" || c === "[") {
    let depth = 0;
    for (let k = from; k < t.length; k++) {
      if (t[k] === '"') {
        k++;
        while (t[k] !== '"') k += t[k] === "\\" ? 2 : 1;
      } else if (t[k] === "{" || t[k] === "[") depth++;
      else if (t[k] === "}" || t[k] === "]") if (--depth === 0) return k + 1;
    }
  }
  let k = from;
  while (k < t.length && !",}] \t\r\n".includes(t[k]!)) k++;
  return k;
}

describe("JSON evidence in one pass: anything else is read exactly or given up", () => {
  it("on random changes (numbers not canonical, wrong types, repeated and forbidden keys, unknown names, escapes, NFD, shapes)", () => {
    taken = 0;
    declined = 0;
    fc.assert(
      fc.property(anyDoc, ({ text, registry, kind, bytes }) => {
        const options: JsonReadOptions = { file: "so-lieu.json", ...(registry ? { registry: REGISTRY } : {}), ...(kind === undefined ? {} : { expect: [kind] }) };
        if (bytes) {
          expect(readJsonSinglePass(new TextEncoder().encode(text), SCHEMA, options)).toBeUndefined();
          return;
        }
        check(text, options);
      }),
      { numRuns: 1000 },
    );
    // Both ways are exercised: many files read, many given up.
    expect(taken).toBeGreaterThan(100);
    expect(declined).toBeGreaterThan(300);
  }, 120_000);

  it("gives up on each problem the tree reader reports", () => {
    const base = (inputs: string, points = "", code = "u1") => `{"units": {${JSON.stringify(code)}: {"inputs": {${inputs}}${points === "" ? "" : `, "points": {${points}}`}}}}`;
    const cases = [
      base('"so_ho_so": 1, "so_ho_so": 2'),
      base('"so_ho_so": 1.50'),
      base('"kinh_phi": 1e400'),
      base('"ty_le": 1.5'),
      base('"diem": "abc"'),
      base('"__proto__": 1'),
      base('"constructor": 1'),
      base('"khong_co": 1'),
      base('"ngay": "31/02/2024"'),
      base('"so_ho_so": 1', '"9": {"appraised": 1}'),
      base('"so_ho_so": 1', '"1": {"note": "x"}'),
      base('"so_ho_so": 1', '"1": {"appraised": true}'),
      base('"so_ho_so": 1', "", "__proto__"),
      '{"units": {"u1": {}, "u1": {}}}',
      '{"units": {}, "x": 1}',
      '{"units": [{"code": "u1"}]}',
    ];
    for (const text of cases) {
      expect(check(text, { file: "so-lieu.json" }), text).toBe(false);
      setEvidenceFastPaths(false);
      expect(readJsonText(text, SCHEMA, { file: "so-lieu.json" }).diagnostics.length, text).toBeGreaterThan(0);
      setEvidenceFastPaths(true);
    }
    // With a registry, an unknown unit.
    expect(check(base('"so_ho_so": 1', "", "u9"), { registry: REGISTRY })).toBe(false);
    // Files it could read but leaves to the tree reader (read the same, just not in one pass).
    const readLater = [
      base('"ty_le": 0.50'),
      base('"so\\u005fho_so": 1'),
      base('"so_ho_so": -0'),
      base('"kinh_phi": 1e2'),
      base('"ghi_chu": "\\u0041"'),
      base('"ti\u0309_le\u0323\u0302_đúng_hạn": 0.5'),
      '{"units": {"12": {}, "7": {}}}',
      '{"units": {"u1": {}, "7": {}}}',
      // Registries (read as such by the usual reader).
      '{"units": []}',
      "[]",
    ];
    for (const text of readLater) {
      expect(check(text, {})).toBe(false);
      expect(readJsonText(text, SCHEMA, {}).diagnostics).toEqual([]);
    }
    expect([...readJsonText('{"units": {"12": {}, "7": {}}}', SCHEMA, {}).byUnit.keys()]).toEqual(["7", "12"]);
  });
});

describe("the single pass's number and key rules", () => {
  it("takes an enum name as written only when reading it changes nothing (NFC, trim, empty)", () => {
    const schema = schemaOf([input("loai", "enum", { values: ["e\u0301", "é", " late", "late", "", "đạt"] }, 0)]);
    for (const [value, read] of [
      ['"late"', true], ['"đạt"', true], ['"é"', true], ['""', true], ['" late"', true], ['"e\u0301"', false], ['"e\\u0301"', false],
    ] as const) {
      const text = `{"units": {"u1": {"inputs": {"loai": ${value}}}}}`;
      expect(check(text, {}, schema), value).toBe(read);
    }
  });

  it("a number it takes as written is the shortest text of its double (what JSON.parse keeps)", () => {
    const texts = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
      fc.tuple(fc.boolean(), fc.nat({ max: 999_999_999 }), fc.nat({ max: 8 }), fc.nat({ max: 999_999 }), fc.nat({ max: 3 })).map(
        ([neg, a, z, b, tz]) => `${neg ? "-" : ""}${a % 7 === 0 ? 0 : a}${b % 5 === 0 ? "" : `.${"0".repeat(z)}${b}${"0".repeat(tz)}`}`,
      ),
      fc.constantFrom("0", "-0", "0.000001", "0.0000001", "0.0000012", "999999999999999", "1234567890123456", "0.1", "0.10", "-0.5", "100"),
    );
    let plain = 0;
    fc.assert(
      fc.property(texts, (t) => {
        if (plainCanonical(t, 0, t.length)) {
          plain++;
          expect(String(Number(t))).toBe(t);
        }
      }),
      { numRuns: 3000 },
    );
    expect(plain).toBeGreaterThan(500);
  });

  it("array-index keys are those Object.keys puts first, in numeric order", () => {
    const key = fc.oneof(fc.nat().map(String), fc.constantFrom("0", "01", "-1", "1.5", "4294967294", "4294967295", "9007199254740991", "a", "T1", "", " 1"), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 8 }), (keys) => {
        const parsed = JSON.parse(`{${keys.map((k) => `${JSON.stringify(k)}: 1`).join(",")}}`) as Record<string, number>;
        expect(keyOrder(keys, (k) => k)).toEqual(Object.keys(parsed));
      }),
      { numRuns: 500 },
    );
  });
});
