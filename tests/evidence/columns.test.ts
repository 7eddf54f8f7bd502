/**
 * Input values and points rows stored by column give back exactly what was stored: on random
 * sequences of entries (numbers of every size and sign, −0, booleans, texts, dates, missing,
 * foreign entry objects, cells of one column or of several, JSON paths), each unit's map answers
 * `get`, `has`, `size` and iteration (in the order stored) as a plain Map of the same entries does:
 * same values (digits, exponent and sign), rows, notes, scaled integers and locations with their
 * keys in the same order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, isDecimal } from "../../src/core/decimal.js";
import { CalendarDate, formatValue, isCalendarDate, MISSING, type Value } from "../../src/core/value.js";
import { InputStore } from "../../src/evidence/columns.js";
import { CellEntry, CellPlace, JsonEntry } from "../../src/evidence/entries.js";
import type { PartInputEntry, PartPointsEntry } from "../../src/evidence/part.js";
import { pointsEntry } from "../../src/evidence/part.js";
import { PointsStore } from "../../src/evidence/points-columns.js";

const FILE = "so-lieu.csv";
const PLACES = [new CellPlace(FILE, undefined, 3), new CellPlace(FILE, "Sheet1", 3), new CellPlace(undefined, undefined, 5)];
const NAMES = ["so_ho_so", "ty_le", "ngay", "co", "muc", "tỉ_lệ"];
const UNITS = ["u1", "phúc-diễn", "u3"];

/** A value, typed and with its digits: what a reader of the entry sees. */
function show(v: Value): string {
  if (isDecimal(v)) return `D ${v.toString()} ${v.isNeg() ? "-" : "+"} e${v.e} [${v.d?.join(",") ?? ""}]`;
  if (isCalendarDate(v)) return `date ${v.toString()} ${v.epochDay}`;
  return `${typeof v} ${formatValue(v)}`;
}

/**
 * An entry as its readers see it. `scaled`, an optional hint, may be present in the store's entry
 * where the stored one had none (a Decimal kept as a scaled integer); when present it must be the value.
 */
function showInput(e: PartInputEntry | undefined): string {
  if (e === undefined) return "none";
  if (e.scaled !== undefined) expect(new Dec(`${e.scaled}e-${e.scale}`).eq(e.value as InstanceType<typeof Dec>)).toBe(true);
  return JSON.stringify([show(e.value), e.row, e.note ?? null, e.where === undefined ? null : Object.entries(e.where)]);
}

function showPoints(e: PartPointsEntry | undefined): string {
  if (e === undefined) return "none";
  return JSON.stringify([e.self === undefined ? null : show(e.self), e.appraised === undefined ? null : show(e.appraised), e.row, e.note ?? null, e.documents ?? null, e.where === undefined ? null : Object.entries(e.where)]);
}

const decimalText = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 20 })).map(([n, s]) => `${n}e-${s}`),
  fc.constantFrom("0", "-0", "1.50", "99.33", "397857", "1e15", "999999999999999", "1000000000000000", "0.000000000000001", "1e-16", "123456789012345.6"),
);

const value: fc.Arbitrary<Value> = fc.oneof(
  decimalText.map((t) => new Dec(t)),
  fc.boolean(),
  fc.constantFrom("đạt", "không đạt", "late", ""),
  fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => CalendarDate.of(y, m, d)!),
  fc.constant(MISSING as Value),
);

/** How an entry is made: a cell entry (value or scaled number), a JSON entry, or a foreign object. */
const inputOp = fc.record({
  unit: fc.integer({ min: 0, max: UNITS.length - 1 }),
  name: fc.constantFrom(...NAMES),
  kind: fc.constantFrom("cell", "cell-scaled", "json", "json-scaled", "json-other-file", "foreign"),
  value,
  scaled: fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }),
  scale: fc.integer({ min: 0, max: 15 }),
  place: fc.integer({ min: 0, max: PLACES.length - 1 }),
  line: fc.integer({ min: 2, max: 100_000 }),
  note: fc.option(fc.constantFrom("theo báo cáo", "ghi chú"), { nil: undefined }),
});

type InputOp = typeof inputOp extends fc.Arbitrary<infer T> ? T : never;

function makeEntry(op: InputOp, row: number, file: string | undefined): PartInputEntry {
  const code = UNITS[op.unit]!;
  switch (op.kind) {
    case "cell":
      return new CellEntry(op.value, 0, row, op.line, PLACES[op.place]!, op.note);
    case "cell-scaled":
      return new CellEntry(op.scaled, op.scale, row, op.line, PLACES[op.place]!, op.note);
    case "json":
      return new JsonEntry(op.value, 0, row, file, code, op.name);
    case "json-scaled":
      return new JsonEntry(op.scaled, op.scale, row, file, code, op.name);
    case "json-other-file":
      return new JsonEntry(op.value, 0, row, "khac.json", code, op.name);
    default:
      return { value: op.value, row, where: { line: op.line, column: 9 }, note: op.note };
  }
}

describe("input values stored by column", () => {
  it("give back every entry as stored, in the order stored", () => {
    let compact = 0;
    fc.assert(
      fc.property(fc.array(inputOp, { maxLength: 40 }), fc.constantFrom(FILE, undefined), (ops, file) => {
        const store = new InputStore(file);
        const views = UNITS.map((code) => store.newUnit(code));
        const reference = UNITS.map(() => new Map<string, PartInputEntry>());
        ops.forEach((op, i) => {
          if (reference[op.unit]!.has(op.name)) return; // the readers store a name once per unit
          const entry = makeEntry(op, i + 1, file);
          views[op.unit]!.set(op.name, entry);
          reference[op.unit]!.set(op.name, entry);
        });
        UNITS.forEach((_, u) => {
          const view = views[u]!;
          const ref = reference[u]!;
          expect(view.size).toBe(ref.size);
          expect([...view.keys()]).toEqual([...ref.keys()]);
          expect([...view].map(([k, e]) => [k, showInput(e)])).toEqual([...ref].map(([k, e]) => [k, showInput(e)]));
          for (const name of [...NAMES, "khong_co"]) {
            expect(view.has(name)).toBe(ref.has(name));
            expect(showInput(view.get(name))).toBe(showInput(ref.get(name)));
          }
          for (const e of view.values()) if (!(e instanceof CellEntry || e instanceof JsonEntry) || e.scaled !== undefined) compact++;
        });
      }),
      { numRuns: 300 },
    );
    expect(compact).toBeGreaterThan(0);
  });

  it("columnsOf gives each framework input's column, or −1, and follows columns added later", () => {
    const store = new InputStore(undefined);
    const u = store.newUnit("u1");
    u.set("b", new JsonEntry(5, 0, 1, undefined, "u1", "b"));
    const inputs = [{ name: "a" }, { name: "b" }];
    expect([...store.columnsOf(inputs)]).toEqual([-1, 0]);
    u.set("a", new JsonEntry(true, 0, 2, undefined, "u1", "a"));
    expect([...store.columnsOf(inputs)]).toEqual([1, 0]);
    expect(store.valueAt(store.columns[1]!, u.index)).toBe(true);
  });

  it("keeps a unit's values apart from its neighbours' across pages", () => {
    const store = new InputStore(FILE);
    const units = Array.from({ length: 5000 }, (_, i) => store.newUnit(`u${i}`));
    const place = PLACES[0]!;
    units.forEach((u, i) => {
      if (i % 7 !== 3) u.set("so_ho_so", new CellEntry(i * 3, i % 4, i + 1, i + 2, place, undefined));
    });
    units.forEach((u, i) => {
      if (i % 7 === 3) expect(u.has("so_ho_so")).toBe(false);
      else expect(showInput(u.get("so_ho_so"))).toBe(showInput(new CellEntry(i * 3, i % 4, i + 1, i + 2, place, undefined)));
    });
  });
});

const pointsOp = fc.record({
  unit: fc.integer({ min: 0, max: UNITS.length - 1 }),
  criterion: fc.constantFrom("1.1", "1.2.1", "2", "thưởng"),
  self: fc.option(decimalText.map((t) => new Dec(t)), { nil: undefined }),
  appraised: fc.option(decimalText.map((t) => new Dec(t)), { nil: undefined }),
  note: fc.option(fc.constantFrom("đã thẩm định", " "), { nil: undefined }),
  documents: fc.option(fc.constantFrom("123/QĐ-UBND; 45/BC-UBND", "Kế hoạch CCHC"), { nil: undefined }),
  at: fc.constantFrom("cell", "cell-other-place", "json", "none"),
  line: fc.integer({ min: 2, max: 100_000 }),
});

describe("points rows stored by column", () => {
  it("give back every entry as stored, in the order stored", () => {
    fc.assert(
      fc.property(fc.array(pointsOp, { maxLength: 30 }), fc.constantFrom(FILE, undefined), (ops, file) => {
        const store = new PointsStore(file);
        const views = UNITS.map((code, i) => store.newUnit(i, code));
        const reference = UNITS.map(() => new Map<string, PartPointsEntry>());
        ops.forEach((op, i) => {
          if (reference[op.unit]!.has(op.criterion)) return;
          const code = UNITS[op.unit]!;
          const place = op.at === "cell-other-place" ? PLACES[1]! : PLACES[0]!;
          const where =
            op.at === "json"
              ? file === undefined
                ? { path: ["units", code, "points", op.criterion] }
                : { file, path: ["units", code, "points", op.criterion] }
              : op.at === "none"
                ? { line: op.line, column: 1 }
                : place.at(op.line);
          const entry = pointsEntry(op.self, op.appraised, op.note, where, i + 1, op.documents);
          views[op.unit]!.set(op.criterion, entry, op.at === "json" ? "json" : op.at === "none" ? undefined : { line: op.line, place });
          reference[op.unit]!.set(op.criterion, entry);
        });
        UNITS.forEach((_, u) => {
          const view = views[u]!;
          const ref = reference[u]!;
          expect(view.size).toBe(ref.size);
          expect([...view].map(([k, e]) => [k, showPoints(e)])).toEqual([...ref].map(([k, e]) => [k, showPoints(e)]));
          for (const id of ["1.1", "1.2.1", "2", "thưởng", "9"]) {
            expect(view.has(id)).toBe(ref.has(id));
            expect(showPoints(view.get(id))).toBe(showPoints(ref.get(id)));
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
