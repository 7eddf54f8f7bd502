/**
 * Points-table rows stored by column, as columns.ts stores input values: one column per
 * criterion, `self` and `appraised` as scaled integers with a tag each, the row, the order and
 * the line in typed arrays, notes and documents aside. {@link UnitPoints} is each unit's
 * `ReadonlyMap<string, PartPointsEntry>`; `get` builds the entry the readers made, with the same
 * location (a cell of the criterion column, or the JSON path `units.<unit>.points.<criterion>`).
 */
import type { Decimal } from "../core/decimal.js";
import type { DocPath, Location } from "../diagnostics/index.js";
import { PAGE_BITS, PAGE_MASK, PAGE_SIZE, pageFor, scaledOfDecimal, SCALED, Slabs } from "./columns.js";
import { MapView } from "../core/map-view.js";
import type { CellPlace } from "./entries.js";
import type { PartPointsEntry } from "./part.js";
import { decimalOfScaled } from "./values.js";


/** Tags of `self` and `appraised`: 0 none, 1 to 16 a number of scale tag − 1, 17 a Decimal kept whole. */
const NONE = 0;
const KEPT = 17;
/** The cell's location: absent, a cell of `place`, the JSON path, or the entry kept whole. */
const AT_NONE = 0;
const AT_CELL = 1;
const AT_JSON = 2;
const AT_ENTRY = 3;

class PointsPage {
  readonly self: Float64Array;
  readonly appraised: Float64Array;
  readonly row: Int32Array;
  readonly seq: Int32Array;
  readonly line: Int32Array;
  readonly selfTag: Uint8Array;
  readonly appraisedTag: Uint8Array;
  readonly at: Uint8Array;

  constructor(slabs: Slabs) {
    const { buffer, offset } = slabs.take(PAGE_SIZE * 32);
    this.self = new Float64Array(buffer, offset, PAGE_SIZE);
    this.appraised = new Float64Array(buffer, offset + PAGE_SIZE * 8, PAGE_SIZE);
    this.row = new Int32Array(buffer, offset + PAGE_SIZE * 16, PAGE_SIZE);
    this.seq = new Int32Array(buffer, offset + PAGE_SIZE * 20, PAGE_SIZE);
    this.line = new Int32Array(buffer, offset + PAGE_SIZE * 24, PAGE_SIZE);
    this.selfTag = new Uint8Array(buffer, offset + PAGE_SIZE * 28, PAGE_SIZE);
    this.appraisedTag = new Uint8Array(buffer, offset + PAGE_SIZE * 29, PAGE_SIZE);
    this.at = new Uint8Array(buffer, offset + PAGE_SIZE * 30, PAGE_SIZE);
  }
}

class PointsColumn {
  readonly pages: (PointsPage | undefined)[] = [];
  /** Decimals kept whole, notes, documents and entries kept whole, by unit index. */
  extras: Map<number, { self?: Decimal; appraised?: Decimal; note?: string; documents?: readonly string[]; entry?: PartPointsEntry }> | undefined;
  place: CellPlace | undefined;

  constructor(readonly criterion: string) {}

  pageOf(unit: number, slabs: Slabs): PointsPage {
    return pageFor(this.pages, unit, () => new PointsPage(slabs));
  }

  has(unit: number): boolean {
    const page = this.pages[unit >>> PAGE_BITS];
    return page !== undefined && page.at[unit & PAGE_MASK] !== AT_NONE;
  }

  extra(unit: number): NonNullable<PointsColumn["extras"]> extends Map<number, infer E> ? E : never {
    const map = (this.extras ??= new Map());
    let e = map.get(unit);
    if (e === undefined) map.set(unit, (e = {}));
    return e;
  }
}

/** Where a points row was read, for {@link PointsStore.set}: a cell (line, column place) or its JSON path. */
export type PointsAt = { readonly line: number; readonly place: CellPlace } | "json";

/** The points-table rows of one file, by column; see the module comment. */
export class PointsStore {
  private readonly columns: PointsColumn[] = [];
  private readonly byName = new Map<string, PointsColumn>();
  private readonly counts: number[] = [];
  readonly codes: string[] = [];
  private stored = 0;
  private readonly slabs = new Slabs();

  constructor(readonly file: string | undefined) {}

  newUnit(index: number, code: string): UnitPoints {
    this.counts[index] = 0;
    this.codes[index] = code;
    return new UnitPoints(this, index);
  }

  columnOf(criterion: string): PointsColumn | undefined {
    return this.byName.get(criterion);
  }

  countOf(unit: number): number {
    return this.counts[unit]!;
  }

  allColumns(): readonly PointsColumn[] {
    return this.columns;
  }

  /** Stores a row's entry: compact when its location is `at` and its numbers fit, else kept whole. */
  set(unit: number, criterion: string, entry: PartPointsEntry, at?: PointsAt): void {
    let c = this.byName.get(criterion);
    if (c === undefined) {
      c = new PointsColumn(criterion);
      this.columns.push(c);
      this.byName.set(criterion, c);
    }
    const page = c.pageOf(unit, this.slabs);
    const i = unit & PAGE_MASK;
    page.row[i] = entry.row;
    page.seq[i] = this.stored++;
    this.counts[unit]!++;
    let kind = AT_ENTRY;
    if (at === "json") kind = AT_JSON;
    else if (at !== undefined && (c.place === undefined || c.place === at.place)) {
      c.place = at.place;
      kind = AT_CELL;
      page.line[i] = at.line;
    }
    page.at[i] = kind;
    if (kind === AT_ENTRY) {
      c.extra(unit).entry = entry;
      return;
    }
    page.selfTag[i] = this.number(c, unit, entry.self, page.self, i, "self");
    page.appraisedTag[i] = this.number(c, unit, entry.appraised, page.appraised, i, "appraised");
    if (entry.note !== undefined) c.extra(unit).note = entry.note;
    if (entry.documents !== undefined) c.extra(unit).documents = entry.documents;
  }

  private number(c: PointsColumn, unit: number, d: Decimal | undefined, nums: Float64Array, i: number, key: "self" | "appraised"): number {
    if (d === undefined) return NONE;
    const n = scaledOfDecimal(d);
    if (n === n) {
      nums[i] = n;
      return SCALED.scale + 1;
    }
    c.extra(unit)[key] = d;
    return KEPT;
  }

  /** The entry of `unit` for column `c`, as the reader made it; undefined when there is none. */
  entryAt(c: PointsColumn, unit: number): PartPointsEntry | undefined {
    const page = c.pages[unit >>> PAGE_BITS];
    if (page === undefined) return undefined;
    const i = unit & PAGE_MASK;
    const at = page.at[i]!;
    if (at === AT_NONE) return undefined;
    const extra = c.extras?.get(unit);
    if (at === AT_ENTRY) return extra!.entry!;
    let where: Location;
    if (at === AT_CELL) where = c.place!.at(page.line[i]!);
    else {
      const path: DocPath = ["units", this.codes[unit]!, "points", c.criterion];
      where = this.file === undefined ? { path } : { file: this.file, path };
    }
    const e: { self?: Decimal; appraised?: Decimal; note?: string; documents?: readonly string[]; where: Location; row: number } = { where, row: page.row[i]! };
    const self = decimalOf(page.selfTag[i]!, page.self[i]!, extra?.self);
    const appraised = decimalOf(page.appraisedTag[i]!, page.appraised[i]!, extra?.appraised);
    if (self !== undefined) e.self = self;
    if (appraised !== undefined) e.appraised = appraised;
    if (extra?.note !== undefined) e.note = extra.note;
    if (extra?.documents !== undefined) e.documents = extra.documents;
    return e;
  }

  seqOf(c: PointsColumn, unit: number): number {
    return c.pages[unit >>> PAGE_BITS]!.seq[unit & PAGE_MASK]!;
  }
}

function decimalOf(tag: number, n: number, kept: Decimal | undefined): Decimal | undefined {
  if (tag === NONE) return undefined;
  if (tag === KEPT) return kept;
  return decimalOfScaled(n, tag - 1);
}

/** One unit's points-table rows in one file: a read-only map from criterion id to entry. */
export class UnitPoints extends MapView<PartPointsEntry> {
  constructor(
    readonly store: PointsStore,
    readonly index: number,
  ) {
    super();
  }

  get size(): number {
    return this.store.countOf(this.index);
  }

  has(criterion: string): boolean {
    return this.store.columnOf(criterion)?.has(this.index) === true;
  }

  get(criterion: string): PartPointsEntry | undefined {
    const c = this.store.columnOf(criterion);
    return c === undefined ? undefined : this.store.entryAt(c, this.index);
  }

  /** Stores a row (see {@link PointsStore.set}); only the readers call it, once per criterion. */
  set(criterion: string, entry: PartPointsEntry, at?: PointsAt): void {
    this.store.set(this.index, criterion, entry, at);
  }

  private ordered(): PointsColumn[] {
    const u = this.index;
    const present = this.store.allColumns().filter((c) => c.has(u));
    return present.sort((a, b) => this.store.seqOf(a, u) - this.store.seqOf(b, u));
  }

  *entries(): MapIterator<[string, PartPointsEntry]> {
    for (const c of this.ordered()) yield [c.criterion, this.store.entryAt(c, this.index)!];
  }

  override *keys(): MapIterator<string> {
    for (const c of this.ordered()) yield c.criterion;
  }
}
