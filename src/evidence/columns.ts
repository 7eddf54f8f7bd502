/**
 * Input values stored by column: one {@link InputStore} per evidence file (or worksheet) keeps
 * every unit's values in typed arrays, one column per input name, indexed by the unit's place in
 * the file. A number is a scaled integer and a one-byte tag, a boolean or a date a tag (and an
 * integer), so a file of a million values costs a few typed arrays instead of a million entry
 * objects and map slots that the garbage collector would trace again and again while reading.
 *
 * Each unit sees its values through a {@link UnitInputs}, a `ReadonlyMap<string, PartInputEntry>`
 * whose `get` builds, on demand, the very entry the readers used to keep (same value, same row,
 * same location with the same keys in the same order), and whose iteration follows the order the
 * values were read. An entry that does not fit a column's compact form (a value of another kind,
 * a location of another shape) is kept whole, so nothing is ever altered.
 */
import { type Decimal, isDecimal, SIGNIFICAND, significandOf } from "../core/decimal.js";
import { isInexact } from "../core/exact.js";
import { CalendarDate, isCalendarDate, MISSING, type Value } from "../core/value.js";
import { CellEntry, type CellPlace, JsonEntry } from "./entries.js";
import type { PartInputEntry } from "./part.js";
import { decimalOfScaled } from "./values.js";
import { MapView } from "../core/map-view.js";

/** Tags of a cell: 0 absent; 1 to 16 a number of scale tag − 1; then the other kinds. */
export const TAG_ABSENT = 0;
export const TAG_NUMBER_MAX = 16;
export const TAG_FALSE = 17;
export const TAG_TRUE = 18;
export const TAG_DATE = 19;
export const TAG_TEXT = 20;
export const TAG_MISSING = 21;
/** An entry kept whole (a value or a location without a compact form). */
export const TAG_ENTRY = 22;

/** Where a column's values were read: not yet known, cells of one file column, or JSON paths. */
const PLACE_UNKNOWN = 0;
const PLACE_CELLS = 1;
const PLACE_JSON = 2;

const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Units per page: a column's values are kept in pages, allocated when a unit of the page has one. */
export const PAGE_BITS = 11;
export const PAGE_SIZE = 1 << PAGE_BITS;
export const PAGE_MASK = PAGE_SIZE - 1;

/** The page of `unit` (made when it has none yet). */
export function pageFor<P>(pages: (P | undefined)[], unit: number, make: () => P): P {
  const at = unit >>> PAGE_BITS;
  while (pages.length <= at) pages.push(undefined);
  return (pages[at] ??= make());
}

/**
 * Memory for pages, cut from slabs that grow from 64 KB to 8 MB: one ArrayBuffer per page costs
 * far more than its bytes (each is tracked as external memory), so a file's pages share a few.
 */
export class Slabs {
  private slab: ArrayBuffer | undefined;
  private used = 0;
  private next = 1 << 16;

  /** `bytes` (a multiple of 8) of zeroed memory: a buffer and the offset where they start. */
  take(bytes: number): { readonly buffer: ArrayBuffer; readonly offset: number } {
    if (this.slab === undefined || this.used + bytes > this.slab.byteLength) {
      this.slab = new ArrayBuffer(Math.max(bytes, this.next));
      this.next = Math.min(this.next * 2, 1 << 23);
      this.used = 0;
    }
    const offset = this.used;
    this.used += bytes;
    return { buffer: this.slab, offset };
  }
}

/** One page of a column: the values of {@link PAGE_SIZE} consecutive units. */
class ColumnPage {
  readonly num: Float64Array;
  readonly row: Int32Array;
  /** The order values were stored in the file (iteration follows it). */
  readonly seq: Int32Array;
  readonly line: Int32Array;
  readonly tag: Uint8Array;
  /** Texts (TAG_TEXT) and whole entries (TAG_ENTRY), by unit within the page. */
  objects: unknown[] | undefined;

  constructor(slabs: Slabs) {
    const { buffer, offset } = slabs.take(PAGE_SIZE * 24);
    this.num = new Float64Array(buffer, offset, PAGE_SIZE);
    this.row = new Int32Array(buffer, offset + PAGE_SIZE * 8, PAGE_SIZE);
    this.seq = new Int32Array(buffer, offset + PAGE_SIZE * 12, PAGE_SIZE);
    this.line = new Int32Array(buffer, offset + PAGE_SIZE * 16, PAGE_SIZE);
    this.tag = new Uint8Array(buffer, offset + PAGE_SIZE * 20, PAGE_SIZE);
  }
}

/** One input's values for every unit of a file. */
export class InputColumn {
  readonly pages: (ColumnPage | undefined)[] = [];
  notes: Map<number, string> | undefined;
  place: CellPlace | undefined;
  placeKind = PLACE_UNKNOWN;

  constructor(
    readonly name: string,
    readonly index: number,
  ) {}

  /** The tag of `unit`'s value (TAG_ABSENT when it has none). */
  tagOf(unit: number): number {
    const page = this.pages[unit >>> PAGE_BITS];
    return page === undefined ? TAG_ABSENT : page.tag[unit & PAGE_MASK]!;
  }

  /** The scaled integer (or the date as y·10⁴ + m·100 + d) of `unit`'s value. */
  numOf(unit: number): number {
    return this.pages[unit >>> PAGE_BITS]!.num[unit & PAGE_MASK]!;
  }

  /** The text or whole entry of `unit`'s value (TAG_TEXT, TAG_ENTRY). */
  objectOf(unit: number): unknown {
    return this.pages[unit >>> PAGE_BITS]!.objects![unit & PAGE_MASK];
  }

  setObject(unit: number, value: unknown): void {
    const page = this.pages[unit >>> PAGE_BITS]!;
    (page.objects ??= new Array<unknown>(PAGE_SIZE).fill(undefined))[unit & PAGE_MASK] = value;
  }

  pageOf(unit: number, slabs: Slabs): ColumnPage {
    return pageFor(this.pages, unit, () => new ColumnPage(slabs));
  }
}

/** The input values of one file, by column; see the module comment. */
export class InputStore {
  readonly columns: InputColumn[] = [];
  private readonly byName = new Map<string, InputColumn>();
  private units = 0;
  private stored = 0;
  /** Values per unit. */
  private readonly counts: number[] = [];
  /** Unit codes by index. */
  readonly codes: string[] = [];
  private readonly slabs = new Slabs();
  private readonly slotMaps = new WeakMap<readonly { readonly name: string }[], { readonly columns: number; readonly map: Int32Array }>();

  constructor(
    /** The file, for the locations of JSON values. */
    readonly file: string | undefined,
  ) {}

  /** A new unit's view (its index is the next one). */
  newUnit(code: string): UnitInputs {
    const index = this.units++;
    this.counts.push(0);
    return new UnitInputs(this, index, code);
  }

  column(name: string): InputColumn {
    let c = this.byName.get(name);
    if (c === undefined) {
      c = new InputColumn(name, this.columns.length);
      this.columns.push(c);
      this.byName.set(name, c);
    }
    return c;
  }

  columnOf(name: string): InputColumn | undefined {
    return this.byName.get(name);
  }

  countOf(unit: number): number {
    return this.counts[unit]!;
  }

  /**
   * Per input of `inputs` (a framework's list, by slot), the column holding it in this file, or −1.
   * Computed once per list.
   */
  columnsOf(inputs: readonly { readonly name: string }[]): Int32Array {
    const known = this.slotMaps.get(inputs);
    if (known !== undefined && known.columns === this.columns.length) return known.map;
    const map = new Int32Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) map[i] = this.byName.get(inputs[i]!.name)?.index ?? -1;
    this.slotMaps.set(inputs, { columns: this.columns.length, map });
    return map;
  }

  /** Starts a value of `unit` in column `c`: its tag, row, order and line. */
  private begin(c: InputColumn, unit: number, tag: number, row: number, line: number | undefined, num: number): void {
    const page = c.pageOf(unit, this.slabs);
    const i = unit & PAGE_MASK;
    page.tag[i] = tag;
    page.row[i] = row;
    page.seq[i] = this.stored++;
    page.num[i] = num;
    if (line !== undefined) page.line[i] = line;
    this.counts[unit]!++;
  }

  /**
   * True when values of column `c` read at `place` (a CSV or workbook column; undefined for JSON)
   * have the column's compact location.
   */
  private placeFits(c: InputColumn, place: CellPlace | undefined): boolean {
    const kind = place === undefined ? PLACE_JSON : PLACE_CELLS;
    if (c.placeKind === PLACE_UNKNOWN) {
      c.placeKind = kind;
      c.place = place;
      return true;
    }
    return c.placeKind === kind && c.place === place;
  }

  /** A number `scaled × 10^-scale` (scale 0 to 15, |scaled| < 10^15) read at a cell (`place`, `line`) or in JSON. */
  setNumber(unit: number, name: string, scaled: number, scale: number, row: number, line?: number, place?: CellPlace, note?: string): void {
    const c = this.column(name);
    if (!this.placeFits(c, place)) {
      this.setEntry(c, unit, this.entryOf(unitCode(this, unit), c, scaled, scale, row, line, place, note));
      return;
    }
    this.begin(c, unit, scale + 1, row, line, scaled);
    if (note !== undefined) (c.notes ??= new Map()).set(unit, note);
  }

  /** A valid calendar date given as y·10⁴ + m·100 + d, read at a cell or in JSON. */
  setDate(unit: number, name: string, ymd: number, row: number, line?: number, place?: CellPlace, note?: string): void {
    const c = this.column(name);
    if (!this.placeFits(c, place)) {
      const date = CalendarDate.of(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100)!;
      this.setEntry(c, unit, this.entryOf(unitCode(this, unit), c, date, 0, row, line, place, note));
      return;
    }
    this.begin(c, unit, TAG_DATE, row, line, ymd);
    if (note !== undefined) (c.notes ??= new Map()).set(unit, note);
  }

  /** Any value read at a cell or in JSON (numbers are kept compact when they fit). */
  setValue(unit: number, name: string, value: Value, row: number, line?: number, place?: CellPlace, note?: string): void {
    const c = this.column(name);
    if (!this.placeFits(c, place)) {
      this.setEntry(c, unit, this.entryOf(unitCode(this, unit), c, value, 0, row, line, place, note));
      return;
    }
    let tag = TAG_ENTRY;
    let num = 0;
    if (value === true) tag = TAG_TRUE;
    else if (value === false) tag = TAG_FALSE;
    else if (value === MISSING) tag = TAG_MISSING;
    else if (typeof value === "string") tag = TAG_TEXT;
    else if (isCalendarDate(value) && value instanceof CalendarDate) {
      tag = TAG_DATE;
      num = value.year * 10000 + value.month * 100 + value.day;
    } else if (isDecimal(value)) {
      const scaled = scaledOfDecimal(value);
      if (scaled === scaled) {
        tag = SCALED.scale + 1;
        num = scaled;
      }
    }
    if (tag === TAG_ENTRY) {
      this.setEntry(c, unit, this.entryOf(unitCode(this, unit), c, value, 0, row, line, place, note));
      return;
    }
    this.begin(c, unit, tag, row, line, num);
    if (tag === TAG_TEXT) c.setObject(unit, value);
    if (note !== undefined) (c.notes ??= new Map()).set(unit, note);
  }

  /** Stores an entry made elsewhere: compact when it is one of the readers' own, else kept whole. */
  set(unit: number, name: string, entry: PartInputEntry): void {
    let place: CellPlace | undefined;
    let line: number | undefined;
    let note: string | undefined;
    if (entry instanceof CellEntry) {
      place = entry.place;
      line = entry.line;
      note = entry.text;
    } else if (!(entry instanceof JsonEntry && entry.file === this.file && entry.name === name && entry.unit === unitCode(this, unit))) {
      this.setEntry(this.column(name), unit, entry);
      return;
    }
    const scaled = entry.scaled;
    if (scaled !== undefined) this.setNumber(unit, name, scaled, entry.scale!, entry.row, line, place, note);
    else this.setValue(unit, name, entry.value, entry.row, line, place, note);
  }

  private setEntry(c: InputColumn, unit: number, entry: PartInputEntry): void {
    this.begin(c, unit, TAG_ENTRY, entry.row, undefined, 0);
    c.setObject(unit, entry);
  }

  private entryOf(code: string, c: InputColumn, value: Value | number, scale: number, row: number, line: number | undefined, place: CellPlace | undefined, note: string | undefined): PartInputEntry {
    return place === undefined ? new JsonEntry(value, scale, row, this.file, code, c.name) : new CellEntry(value, scale, row, line ?? 0, place, note);
  }

  /** The value of `unit` in column `c` (MISSING when absent). */
  valueAt(c: InputColumn, unit: number): Value {
    const tag = c.tagOf(unit);
    if (tag === TAG_ABSENT) return MISSING;
    if (tag <= TAG_NUMBER_MAX) return decimalOfScaled(c.numOf(unit), tag - 1);
    switch (tag) {
      case TAG_TRUE:
        return true;
      case TAG_FALSE:
        return false;
      case TAG_MISSING:
        return MISSING;
      case TAG_TEXT:
        return c.objectOf(unit) as string;
      case TAG_DATE: {
        const n = c.numOf(unit);
        return CalendarDate.of(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100)!;
      }
      default:
        return (c.objectOf(unit) as PartInputEntry).value;
    }
  }

  /** The entry of `unit` in column `c`, as the readers made it; undefined when absent. */
  entryAt(c: InputColumn, unit: number, code: string): PartInputEntry | undefined {
    const tag = c.tagOf(unit);
    if (tag === TAG_ABSENT) return undefined;
    if (tag === TAG_ENTRY) return c.objectOf(unit) as PartInputEntry;
    const number = tag <= TAG_NUMBER_MAX;
    const value: Value | number = number ? c.numOf(unit) : this.valueAt(c, unit);
    const page = c.pages[unit >>> PAGE_BITS]!;
    const i = unit & PAGE_MASK;
    return this.entryOf(code, c, value, number ? tag - 1 : 0, page.row[i]!, page.line[i], c.place, c.notes?.get(unit));
  }
}

function unitCode(store: InputStore, unit: number): string {
  return store.codes[unit]!;
}

/** What {@link scaledOfDecimal} found besides the integer. */
export const SCALED = { scale: 0 };

/**
 * `d` as a scaled integer (|n| < 10^15, scale 0 to 15, left in {@link SCALED}) whose
 * `decimalOfScaled` is the same Decimal; NaN when there is none (−0, more digits, inexact).
 */
export function scaledOfDecimal(d: Decimal): number {
  if (isInexact(d)) return Number.NaN;
  const digits = significandOf(d);
  if (digits !== digits) return Number.NaN;
  if (digits === 0) {
    if (d.s < 0 || !(d as unknown as { d: number[] | null }).d) return Number.NaN;
    SCALED.scale = 0;
    return 0;
  }
  const shift = d.e - SIGNIFICAND.count + 1;
  let n = digits;
  if (shift >= 0) {
    if (shift > 15) return Number.NaN;
    n = digits * POW10[shift]!;
    SCALED.scale = 0;
  } else {
    if (shift < -15) return Number.NaN;
    SCALED.scale = -shift;
  }
  if (n >= 1e15) return Number.NaN;
  return d.s < 0 ? -n : n;
}

/** One unit's input values in one file: a read-only map from input name to entry. */
export class UnitInputs extends MapView<PartInputEntry> {
  constructor(
    readonly store: InputStore,
    /** The unit's index in the store. */
    readonly index: number,
    readonly code: string,
  ) {
    super();
    store.codes[index] = code;
  }

  get size(): number {
    return this.store.countOf(this.index);
  }

  has(name: string): boolean {
    const c = this.store.columnOf(name);
    return c !== undefined && c.tagOf(this.index) !== TAG_ABSENT;
  }

  get(name: string): PartInputEntry | undefined {
    const c = this.store.columnOf(name);
    return c === undefined ? undefined : this.store.entryAt(c, this.index, this.code);
  }

  /** Stores a value (see {@link InputStore.set}); only the readers call it, once per name. */
  set(name: string, entry: PartInputEntry): void {
    this.store.set(this.index, name, entry);
  }

  /** The columns holding a value of this unit, in the order the values were read. */
  private ordered(): InputColumn[] {
    const u = this.index;
    const present = this.store.columns.filter((c) => c.tagOf(u) !== TAG_ABSENT);
    const seq = (c: InputColumn): number => c.pages[u >>> PAGE_BITS]!.seq[u & PAGE_MASK]!;
    return present.sort((a, b) => seq(a) - seq(b));
  }

  *entries(): MapIterator<[string, PartInputEntry]> {
    for (const c of this.ordered()) yield [c.name, this.store.entryAt(c, this.index, this.code)!];
  }

  override *keys(): MapIterator<string> {
    for (const c of this.ordered()) yield c.name;
  }
}

