/**
 * The readers' fast paths (a long-form CSV line read straight from the buffer, a JSON value
 * stored without building its path, numbers kept as scaled integers, JSON positions found
 * by reading only the wanted branches) give exactly what the slow paths give: the same
 * values, locations, notes, row ordinals, diagnostics, counts and unit order, on random
 * valid and invalid inputs in both locales.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { Dec, isDecimal } from "../../src/core/decimal.js";
import { formatValue, isCalendarDate, type Value } from "../../src/core/value.js";
import { setEvidenceFastPaths } from "../../src/evidence/fast-switch.js";
import { readEvidenceJson, readJsonText } from "../../src/evidence/json.js";
import { JsonNumber, numberEnd, parseJsonExact, parseJsonFast } from "../../src/evidence/json-parse.js";
import { locateJsonPaths, pathKey, type TextPosition } from "../../src/evidence/json-positions.js";
import type { EvidencePart } from "../../src/evidence/part.js";
import { createEvidenceReader, readEvidenceCsv } from "../../src/evidence/reader.js";
import { EVERY_KIND_INPUTS, schemaOf } from "./helpers.js";

const SCHEMA = schemaOf(EVERY_KIND_INPUTS, ["1", "1.1", "2"]);
const REGISTRY = new Set(["u1", "u2", "phúc-diễn", "u0000000000001"]);

afterEach(() => setEvidenceFastPaths(true));

/** Values stored as scaled integers, seen across a property's runs (the fast path was taken). */
let scaledSeen = 0;

/** Everything a part says, as text: values typed, locations with their keys in order. */
function snapshot(part: EvidencePart): string {
  const value = (v: Value): string =>
    isDecimal(v) ? `D ${v.toString()} ${v.isNeg() ? "-" : "+"} e${v.e} [${v.d?.join(",") ?? ""}]` : isCalendarDate(v) ? `date ${v.toString()}` : `${typeof v} ${formatValue(v)}`;
  return JSON.stringify({
    kind: part.kind,
    locale: part.locale,
    delimiter: part.delimiter ?? null,
    stats: part.stats,
    rejected: [...part.rejectedRows],
    checked: part.checkedUnits,
    registry: part.registry ?? null,
    diagnostics: part.diagnostics,
    units: [...part.byUnit].map(([code, u]) => [
      code,
      u.usedRows,
      [...u.inputs].map(([name, e]) => [name, value(e.value), e.where ?? null, e.note ?? null, e.row]),
      [...u.points].map(([id, p]) => [id, p.self?.toString() ?? null, p.appraised?.toString() ?? null, p.where ?? null, p.row, p.note ?? null, p.documents ?? null]),
    ]),
  });
}

/** Reads both ways; returns the fast part after checking it equals the slow one. */
function both<T extends EvidencePart>(read: () => T): T {
  setEvidenceFastPaths(false);
  const slow = read();
  setEvidenceFastPaths(true);
  const fast = read();
  expect(snapshot(fast)).toBe(snapshot(slow));
  // A scaled integer, when given, is the value exactly.
  for (const u of fast.byUnit.values()) {
    for (const e of u.inputs.values()) {
      if (e.scaled === undefined) continue;
      scaledSeen++;
      expect(Number.isSafeInteger(e.scaled)).toBe(true);
      expect(isDecimal(e.value) && e.value.eq(new Dec(e.scaled).div(new Dec(10).pow(e.scale ?? 0)))).toBe(true);
    }
  }
  return fast;
}

const numberText = fc.oneof(
  fc.integer({ min: -2000, max: 2_000_000 }).map(String),
  fc.tuple(fc.integer({ min: -200, max: 200 }), fc.nat({ max: 99999 }), fc.nat({ max: 4 })).map(([a, b, z]) => `${a}.${"0".repeat(z)}${b}`),
  fc.tuple(fc.nat({ max: 1 }), fc.nat({ max: 999 })).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom(
    "0", "-0", "+5", ".5", "5.", "007", "1.50", "1.0", "1", "100", "100.0", "100.01", "0.5", "0.4999", "-5", "-5.01", "10", "10.000", "10.001",
    "1,234.5", "1.234,5", "397.857", "99,33%", "99.33%", "1e5", "1E-3", " 5", "5 ", "", "  ", "n/a", "x", "true", "có", "không đạt", "Đạt",
    "2024-01-15", "15/01/2024", "31/02/2024", "late", "123456789012345", "1234567890123456", "0.123456789012345", "0.1234567890123456",
    "999999999999999", "-999999999999999", "9007199254740993", "0.1000000000000000055511151231257827", "１２", "1\u00a0", "\u00a05",
  ),
);
const unitText = fc.constantFrom("u1", "u2", "u3", "phúc-diễn", "phu\u0301c-die\u0302\u0303n", " u1", "u1 ", "", "u0000000000001");
const inputText = fc.constantFrom(
  "so_ho_so", "ty_le", "diem", "kinh_phi", "han_muc", "nua", "ngay", "co", "muc", "ghi_chu", "tỉ_lệ_đúng_hạn", "ti\u0309_le\u0323\u0302_đúng_hạn",
  "unknown", "ty_le ", "", "TY_LE",
);
const noteText = fc.constantFrom("", "ghi chú", " a ", "Tài liệu số 12", "x".repeat(20));

/** One data line: cells joined, sometimes quoted, sometimes with a cell too many or too few. */
const lineArb = (delim: string) =>
  fc
    .tuple(unitText, inputText, numberText, noteText, fc.nat({ max: 20 }))
    .map(([u, i, v, n, shape]) => {
      let cells = [u, i, v, n];
      if (shape === 1) cells = [u, i, v];
      else if (shape === 2) cells = [u, i, v, n, "extra"];
      else if (shape === 3) cells = [u, i, v, n, ""];
      else if (shape === 4) cells = [u, i];
      const quote = shape === 5 ? (c: string) => `"${c.replace(/"/g, '""')}"` : (c: string) => c;
      const text = cells.map((c, k) => (k === 2 ? quote(c) : c)).join(delim);
      return shape === 6 ? "" : shape === 7 ? `${text}\r` : text;
    });

const csvArb = fc
  .tuple(fc.constantFrom("en", "vi") as fc.Arbitrary<"en" | "vi">, fc.nat({ max: 3 }), fc.boolean())
  .chain(([locale, header, registry]) => {
    const delim = locale === "vi" ? ";" : ",";
    const head = ["unit,input,value,note", "input,value,unit,note", "unit,input,value,note,label", "unit,input,value,note"][header]!.replace(/,/g, delim);
    return fc.tuple(fc.constant(locale), fc.constant(registry), fc.array(lineArb(delim), { maxLength: 40 })).map(([l, r, lines]) => {
      // Keep the columns in the header's order: the generated cells are unit, input, value, note.
      const order = header === 1 ? [1, 2, 0, 3] : [0, 1, 2, 3];
      const body = lines.map((line) => {
        const cells = line.split(delim);
        if (cells.length < 4 || line.includes('"')) return line;
        return [...order.map((k) => cells[k]!), ...cells.slice(4)].join(delim);
      });
      return { locale: l, registry: r, text: `${head}\n${body.join("\n")}\n` };
    });
  });

describe("long-form CSV: the fast path reads exactly as the slow path", () => {
  it("on random rows (valid and invalid, both locales, with and without a registry, whole or in chunks)", () => {
    scaledSeen = 0;
    fc.assert(
      fc.property(csvArb, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 }), ({ locale, registry, text }, sizes) => {
        const options = { file: "so-lieu.csv", locale, ...(registry ? { registry: REGISTRY } : {}), maxDiagnostics: 30 };
        both(() => readEvidenceCsv(text, SCHEMA, options));
        both(() => {
          const reader = createEvidenceReader(SCHEMA, { ...options, progressEvery: 3, onProgress: () => {} });
          let at = 0;
          let k = 0;
          while (at < text.length) {
            const n = sizes[k++ % sizes.length]!;
            reader.push(text.slice(at, at + n));
            at += n;
          }
          return reader.end();
        });
      }),
      { numRuns: 300 },
    );
    expect(scaledSeen).toBeGreaterThan(20);
  });

  it("keeps the typed values, locations and notes of real-looking rows", () => {
    const text = "unit,input,value,note\nphúc-diễn,ty_le,0.9933,\nphúc-diễn,so_ho_so,397857,Sổ theo dõi\nu1,diem,94.27,\nu1,ngay,2024-01-15,\nu1,co,có,\nu1,muc,đạt,\n";
    const part = both(() => readEvidenceCsv(text, SCHEMA, { file: "so-lieu.csv" }));
    const u = part.byUnit.get("phúc-diễn")!;
    expect(String(u.inputs.get("ty_le")!.value)).toBe("0.9933");
    expect(u.inputs.get("ty_le")!.scaled).toBe(9933);
    expect(u.inputs.get("ty_le")!.scale).toBe(4);
    expect(u.inputs.get("so_ho_so")!.note).toBe("Sổ theo dõi");
    expect(u.inputs.get("so_ho_so")!.where).toEqual({ line: 3, column: 3, file: "so-lieu.csv" });
    expect(Object.keys(u.inputs.get("so_ho_so")!.where!)).toEqual(["line", "column", "file"]);
    expect(part.byUnit.get("u1")!.inputs.get("co")!.value).toBe(true);
    expect(part.stats).toEqual({ rowsRead: 6, rowsUsed: 6, rowsRejected: 0 });
  });
});

/** A JSON value for an input, as text. */
const jsonValueText = fc.oneof(
  numberText.filter((t) => /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(t)),
  fc.constantFrom("1e400", "-1e-400", "1E2", "0.5e1", "12e-1", "true", "false", "null", "[]", "[1]", "{}", '{"a":1}', "-0", "0.0", "1.5e-7"),
  numberText.map((t) => JSON.stringify(t)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
);
const jsonKey = fc.oneof(inputText, fc.constantFrom("__proto__", "constructor"));
const jsonArb = fc
  .array(
    fc.tuple(
      unitText.filter((u) => u.trim() !== ""),
      fc.array(fc.tuple(jsonKey, jsonValueText), { maxLength: 8 }),
      fc.array(fc.tuple(fc.constantFrom("1", "1.1", "2", "9"), jsonValueText, jsonValueText), { maxLength: 3 }),
    ),
    { maxLength: 6 },
  )
  .map((units) => {
    const unitJson = units.map(([code, inputs, points]) => {
      const ins = inputs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(",\n      ");
      const pts = points.map(([id, s, a]) => `${JSON.stringify(id)}: {"self": ${s}, "appraised": ${a}}`).join(", ");
      return `    ${JSON.stringify(code)}: {\n      "inputs": {${ins}},\n      "points": {${pts}}\n    }`;
    });
    return `{\n  "units": {\n${unitJson.join(",\n")}\n  }\n}\n`;
  });

describe("JSON evidence: the fast path reads exactly as the slow path", () => {
  it("on random documents (numbers kept exact, wrong types, repeated keys, unknown inputs and units)", () => {
    scaledSeen = 0;
    fc.assert(
      fc.property(jsonArb, fc.boolean(), (text, registry) => {
        const options = { file: "so-lieu.json", ...(registry ? { registry: REGISTRY } : {}) };
        both(() => readJsonText(text, SCHEMA, options));
      }),
      { numRuns: 300 },
    );
    expect(scaledSeen).toBeGreaterThan(20);
  });

  it("on data parsed by JSON.parse (numbers as doubles: a double's shortest text is its value)", () => {
    fc.assert(
      fc.property(jsonArb, (text) => {
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          return;
        }
        both(() => readEvidenceJson(data, SCHEMA, { file: "so-lieu.json" }));
      }),
      { numRuns: 200 },
    );
  });

  it("keeps where a value was read, built only when asked", () => {
    const text = '{"units": {"u1": {"inputs": {"ty_le": 0.9933, "so_ho_so": 12, "kinh_phi": 9007199254740993}}}}';
    const part = both(() => readJsonText(text, SCHEMA, { file: "so-lieu.json" }));
    const inputs = part.byUnit.get("u1")!.inputs;
    expect(inputs.get("ty_le")!.where).toEqual({ file: "so-lieu.json", path: ["units", "u1", "inputs", "ty_le"] });
    expect(inputs.get("so_ho_so")!.scaled).toBe(12);
    // 16 digits: beyond the fast path, kept exact by the slow one.
    expect(inputs.get("kinh_phi")!.scaled).toBeUndefined();
    expect(String(inputs.get("kinh_phi")!.value)).toBe("9007199254740993");
  });
});

describe("JSON numbers and positions", () => {
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  it("the number scanner ends where the grammar's greedy match ends", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("-", "+", "0", "1", "9", ".", "e", "E", "x", " "), { maxLength: 12 }).map((a) => a.join("")), (s) => {
        NUMBER.lastIndex = 0;
        const m = NUMBER.exec(s);
        expect(numberEnd(s, 0)).toBe(m === null ? -1 : m[0].length);
      }),
      { numRuns: 2000 },
    );
  });

  it("JSON.parse is taken only when it gives the exact parser's document (numbers as written, no repeated key, NFC)", () => {
    const plain = (v: unknown): unknown =>
      v instanceof JsonNumber ? `n:${v.text}` : typeof v === "number" ? `n:${String(v)}` : Array.isArray(v) ? v.map(plain)
        : typeof v === "object" && v !== null ? Object.keys(v).map((k) => [k, plain((v as Record<string, unknown>)[k])]) : v;
    const texts = fc.oneof(
      jsonArb,
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
      fc.constantFrom('{"a":1,"a":2}', '{"a":1.50}', '{"a":-0}', '{"a":1e400}', '{"a":"o\u0301"}', '{"a":"ó"}', "[".repeat(70) + "]".repeat(70), '﻿{"a":[1,2.5,-3]}', '{"a":0.0000001}', '{"a":1', '{"__proto__":{"x":1}}'),
    );
    let taken = 0;
    fc.assert(
      fc.property(texts, (text) => {
        const fast = parseJsonFast(text);
        const exact = parseJsonExact(text);
        if (fast === undefined) return;
        taken++;
        expect(exact.ok).toBe(true);
        if (!exact.ok) return;
        expect(exact.duplicates.size).toBe(0);
        expect(plain(fast.value)).toEqual(plain(exact.value));
      }),
      { numRuns: 500 },
    );
    expect(taken).toBeGreaterThan(50);
  });

  it("positions of wanted paths are those a full walk finds", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (value, picks, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const all = fullWalk(text);
        const keys = [...all.keys()];
        const wanted = new Set(picks.map((p) => keys[p % Math.max(1, keys.length)]).filter((k): k is string => k !== undefined));
        wanted.add(pathKey(["no", "such", 0]));
        const found = locateJsonPaths(text, wanted);
        for (const k of wanted) expect(found.get(k)).toEqual(all.get(k));
        expect(parseJsonExact(text).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every path of a (valid) JSON text and where it is: the reference, by a plain recursive walk. */
function fullWalk(text: string): Map<string, TextPosition> {
  const out = new Map<string, TextPosition>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): TextPosition => ({ line, column: i - lineStart + 1 });
  const space = () => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) {
      if (text[i] === "\n") {
        line++;
        lineStart = i + 1;
      }
      i++;
    }
  };
  const str = (): string => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return (JSON.parse(text.slice(start, i)) as string).normalize("NFC");
  };
  const walk = (path: (string | number)[]): void => {
    space();
    if (text[i] === "{") {
      i++;
      space();
      while (text[i] !== "}") {
        const at = here();
        const key = str();
        const k = pathKey([...path, key]);
        if (!out.has(k)) out.set(k, at);
        space();
        i++; // :
        walk([...path, key]);
        space();
        if (text[i] === ",") i++;
        space();
      }
      i++;
    } else if (text[i] === "[") {
      i++;
      space();
      let n = 0;
      while (text[i] !== "]") {
        space();
        const k = pathKey([...path, n]);
        if (!out.has(k)) out.set(k, here());
        walk([...path, n++]);
        space();
        if (text[i] === ",") i++;
        space();
      }
      i++;
    } else if (text[i] === '"') str();
    else while (i < text.length && !",]} \t\r\n".includes(text[i]!)) i++;
  };
  space();
  out.set(pathKey([]), here());
  walk([]);
  return out;
}
