/**
 * Compact input entries: one small object per value read, instead of an entry, a location
 * and a Decimal with its digit array. A plain number read by the fast path is kept as a
 * scaled integer and becomes a Decimal only when `value` is read; the location is built
 * only when `where` is read (a diagnostic, an explanation). Both give exactly what the
 * readers stored before: the same Decimal, the same location with the same keys in the same order.
 */
import type { Value } from "../core/value.js";
import type { DocPath, Location } from "../diagnostics/index.js";
import type { PartInputEntry } from "./part.js";
import { decimalOfScaled } from "./values.js";

/** Where the cells of one column of one file (or worksheet) are: all but the line. */
export class CellPlace {
  constructor(
    readonly file: string | undefined,
    readonly sheet: string | undefined,
    /** The 1-based column, as reported. */
    readonly column: number,
  ) {}

  /** The location of this column's cell on `line` (keys in the readers' order: line, column, file, sheet). */
  at(line: number): Location {
    const where: { line: number; column: number; file?: string; sheet?: string } = { line, column: this.column };
    if (this.file !== undefined) where.file = this.file;
    if (this.sheet !== undefined) where.sheet = this.sheet;
    return where;
  }
}

/** A value kept compactly: a Value, or (a number) a scaled integer with its scale. */
abstract class CompactEntry implements PartInputEntry {
  constructor(
    /** The value, or a scaled integer (`value × 10^scale`) when a number. */
    private readonly v: Value | number,
    private readonly s: number,
    readonly row: number,
  ) {}

  /** The typed value (a Decimal is built on each read of a scaled number; it is never mutated by the engine). */
  get value(): Value {
    const v = this.v;
    return typeof v === "number" ? decimalOfScaled(v, this.s) : v;
  }

  /** The value × 10^{@link scale} as a safe integer, when the value is a number read by the fast path. */
  get scaled(): number | undefined {
    return typeof this.v === "number" ? this.v : undefined;
  }

  /** The number of decimal places of {@link scaled} (0 to 15), when it is given. */
  get scale(): number | undefined {
    return typeof this.v === "number" ? this.s : undefined;
  }

  abstract get where(): Location;
}

/** An input read from a CSV cell (or a workbook cell): its line, and the column's place. */
export class CellEntry extends CompactEntry {
  constructor(
    value: Value | number,
    scale: number,
    row: number,
    readonly line: number,
    readonly place: CellPlace,
    /** The note read with the value. */
    readonly text: string | undefined,
  ) {
    super(value, scale, row);
  }

  get where(): Location {
    return this.place.at(this.line);
  }

  get note(): string | undefined {
    return this.text;
  }
}

/** An input read from JSON evidence at `units.<unit>.inputs.<name>`. */
export class JsonEntry extends CompactEntry {
  constructor(
    value: Value | number,
    scale: number,
    row: number,
    readonly file: string | undefined,
    readonly unit: string,
    readonly name: string,
  ) {
    super(value, scale, row);
  }

  get where(): Location {
    const path: DocPath = ["units", this.unit, "inputs", this.name];
    return this.file === undefined ? { path } : { file: this.file, path };
  }
}

