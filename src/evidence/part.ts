/**
 * What one evidence file yields (an {@link EvidencePart}), and the accumulator the
 * CSV and JSON readers share: unit lookups, duplicate detection, row accounting.
 */
import { type Decimal } from "../core/decimal.js";
import { formatValue, isMissing, type Value } from "../core/value.js";
import { CATALOGUE, type Diagnostic, type DiagnosticCode, type Location, type ParamsOf, diag, didYouMean } from "../diagnostics/index.js";
import type { InputPlan } from "../framework/ir.js";
import type { ImportStats, InputEntry, PointsEntry, UnitEvidence, UnitInfo } from "./model.js";
import type { Locale } from "./locale.js";
import type { EvidenceSchema } from "./schema.js";
import { detach, type ValueProblem } from "./values.js";
import { InputStore, UnitInputs } from "./columns.js";
import { type PointsAt, PointsStore, UnitPoints } from "./points-columns.js";
import type { CellPlace } from "./entries.js";

/** What a file holds, as detected from its header (CSV) or shape (JSON). */
export type EvidenceFileKind = "registry" | "inputs-long" | "inputs-wide" | "points" | "evidence-json" | "unknown";

/** An input value as read, with the ordinal of the row it came from in its file. */
export interface PartInputEntry extends InputEntry {
  readonly row: number;
}

export interface PartPointsEntry extends PointsEntry {
  readonly row: number;
}

/** One unit's evidence in one file. */
export interface PartUnit extends UnitEvidence {
  readonly inputs: ReadonlyMap<string, PartInputEntry>;
  readonly points: ReadonlyMap<string, PartPointsEntry>;
  /** Rows of this file about this unit that were used (not rejected). */
  readonly usedRows: number;
}

/** The result of reading one file; several are merged into an EvidenceSet by `mergeEvidence`. */
export interface EvidencePart {
  readonly file?: string;
  /** The worksheet, when the part is one sheet of a workbook. */
  readonly sheet?: string;
  readonly kind: EvidenceFileKind;
  readonly locale: Locale;
  /** The CSV delimiter used (given or detected); absent for JSON. */
  readonly delimiter?: "," | ";";
  /** The units of a registry file (in file order). */
  readonly registry?: readonly UnitInfo[];
  /** Evidence by unit code, in first-seen order. */
  readonly byUnit: ReadonlyMap<string, PartUnit>;
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: ImportStats;
  /**
   * Ordinals (1-based, in file order) of rejected rows that still contributed values
   * (a wide row with one bad cell keeps its other cells); merging uses it so that
   * such a row is never counted as rejected twice. Rows that contributed nothing are
   * not listed (memory stays bounded by the evidence kept).
   */
  readonly rejectedRows: ReadonlySet<number>;
  /** True when unit codes were checked against a registry while reading. */
  readonly checkedUnits: boolean;
}

export interface MutableUnit {
  readonly code: string;
  /** Stored by column (see columns.ts). */
  readonly inputs: UnitInputs;
  readonly points: UnitPoints;
  usedRows: number;
}

export interface PartOptions {
  readonly file?: string;
  readonly locale: Locale;
  /** When given, unit codes not in it are errors. */
  readonly registry?: readonly UnitInfo[] | ReadonlySet<string>;
  /** Diagnostics listed per file before the rest are only counted; default {@link MAX_DIAGNOSTICS_PER_FILE}. */
  readonly maxDiagnostics?: number;
}

/** Diagnostics listed per file; the rest are counted in one `evidence-too-many-diagnostics`. */
export const MAX_DIAGNOSTICS_PER_FILE = 200;
/** Distinct unknown names per file (units, inputs, criteria, each) that get a "did you mean" hint. */
export const MAX_SUGGESTIONS_PER_FILE = 20;

/** A "did you mean" hint, for the first {@link MAX_SUGGESTIONS_PER_FILE} distinct names asked (the work stays bounded). */
export class Suggester {
  private readonly hints = new Map<string, string | undefined>();
  constructor(private readonly limit: number = MAX_SUGGESTIONS_PER_FILE) {}
  hint(name: string, candidates: () => Iterable<string>): string | undefined {
    if (this.hints.has(name)) return this.hints.get(name);
    if (this.hints.size >= this.limit) return undefined;
    const h = didYouMean(name, candidates());
    this.hints.set(name, h);
    return h;
  }
}

/** A list of diagnostics that keeps the first `limit` and counts the rest. */
export class CappedDiagnostics {
  readonly list: Diagnostic[] = [];
  omitted = 0;
  omittedErrors = 0;
  constructor(readonly limit: number = MAX_DIAGNOSTICS_PER_FILE) {}
  push(d: Diagnostic): void {
    if (this.list.length < this.limit) this.list.push(d);
    else this.count(d.severity);
  }
  /** True once the list is full (further problems are only counted). */
  get full(): boolean {
    return this.list.length >= this.limit;
  }
  /** Counts a problem that is not listed (without building its message). */
  count(severity: string): void {
    this.omitted++;
    if (severity === "error") this.omittedErrors++;
  }
  /** The summary of what was not listed (an error when an error was among them), or undefined. */
  summary(where: Location): Diagnostic | undefined {
    if (this.omitted === 0) return undefined;
    return diag(
      "evidence-too-many-diagnostics",
      { limit: this.limit, omitted: this.omitted, errors: this.omittedErrors },
      where,
      this.omittedErrors > 0 ? "error" : "warning",
    );
  }
}

/** A short description of a place, for messages naming two places: `a.csv:12` or `a.json units.x.inputs.y`. */
export function describePlace(where: Location | undefined): string {
  if (where === undefined) return "another place";
  const file = where.file ?? "(input)";
  if (where.sheet !== undefined) return `${file}:${where.sheet}!${where.line === undefined ? "" : `A${where.line}`}`.replace(/!$/, "");
  if (where.line !== undefined) return `${file}:${where.line}`;
  if (where.path !== undefined) return `${file} at ${where.path.join(".")}`;
  return file;
}

export function describeValue(value: Value): string {
  return isMissing(value) ? "empty" : formatValue(value);
}

/** Accumulates one file's rows; shared by the CSV and JSON readers. */
export class PartBuilder {
  readonly units = new Map<string, MutableUnit>();
  /** Every unit's input values, by column. */
  readonly store: InputStore;
  /** Every unit's points-table rows, by column. */
  readonly pointsStore: PointsStore;
  private readonly capped: CappedDiagnostics;
  readonly rejectedRows = new Set<number>();
  rowsRead = 0;
  rowsUsed = 0;
  registry: UnitInfo[] | undefined;
  private errors = 0;
  private rowErrorsAtStart = 0;
  private rowAdded = false;
  private readonly knownUnits: ReadonlySet<string> | undefined;
  private readonly unitHints = new Suggester();
  private readonly inputHints = new Suggester();
  private readonly criterionHints = new Suggester();

  constructor(
    readonly schema: EvidenceSchema,
    readonly options: PartOptions,
  ) {
    this.capped = new CappedDiagnostics(options.maxDiagnostics ?? MAX_DIAGNOSTICS_PER_FILE);
    this.store = new InputStore(options.file);
    this.pointsStore = new PointsStore(options.file);
    const r = options.registry;
    this.knownUnits = r === undefined ? undefined : r instanceof Set ? r : new Set((r as readonly UnitInfo[]).map((u) => u.code));
  }

  get file(): string | undefined {
    return this.options.file;
  }

  report<C extends DiagnosticCode>(code: C, params: ParamsOf<C>, where: Location): void {
    if (this.capped.full) {
      const severity = CATALOGUE[code].severity;
      if (severity === "error") this.errors++;
      this.capped.count(severity);
      return;
    }
    const d = diag(code, params, this.options.file === undefined ? where : { file: this.options.file, ...where });
    if (d.severity === "error") this.errors++;
    this.capped.push(d);
  }

  /** The diagnostics listed so far (at most the per-file limit). */
  get diagnostics(): readonly Diagnostic[] {
    return this.capped.list;
  }

  reportValue(problem: ValueProblem, where: Location): void {
    // The union's code and params always match (see ValueProblem).
    this.report(problem.code as "evidence-wrong-type", problem.params as ParamsOf<"evidence-wrong-type">, where);
  }

  /** Starts a data row; returns its ordinal. */
  beginRow(): number {
    this.rowErrorsAtStart = this.errors;
    this.rowAdded = false;
    return ++this.rowsRead;
  }

  /** Ends a data row: rejected when it produced an error, otherwise used (and counted for `unit`). */
  endRow(row: number, unit?: string): boolean {
    if (this.errors > this.rowErrorsAtStart) {
      if (this.rowAdded) this.rejectedRows.add(row);
      return false;
    }
    this.rowsUsed++;
    if (unit !== undefined) {
      const u = this.units.get(unit);
      if (u) u.usedRows++;
    }
    return true;
  }

  /** Counts a row as read and rejected without a diagnostic of its own (the file-level one covers it). */
  rejectRow(): void {
    this.rowsRead++;
  }

  /** True when the row in progress has an error so far. */
  get rowHasError(): boolean {
    return this.errors > this.rowErrorsAtStart;
  }

  /** Checks a unit code against the registry (when there is one); reports an unknown unit at `where` or line:column. */
  checkUnit(code: string, where: Location | number, column = 1): boolean {
    if (this.knownUnits === undefined || this.knownUnits.has(code)) return true;
    if (typeof where === "number") where = { line: where, column };
    const known = this.knownUnits;
    const hint = this.unitHints.hint(code, () => known);
    this.report("evidence-unknown-unit", hint === undefined ? { unit: code } : { unit: code, suggestion: hint }, {
      ...where,
      unit: code,
    });
    return false;
  }

  /** True when `code` may be used (no registry, or a unit of it): {@link checkUnit} without reporting. */
  knowsUnit(code: string): boolean {
    return this.knownUnits === undefined || this.knownUnits.has(code);
  }


  /**
   * A whole row used at once (the readers' fast paths): a number `scaled × 10^-scale` (|scaled| < 10^15,
   * scale 0 to 15) for an input `unit` does not have yet in this file, read in a cell (`line`, `place`)
   * or, without them, in JSON. Counts one row read and used, as beginRow, an add and endRow would.
   */
  addRowNumber(unit: MutableUnit, plan: InputPlan, scaled: number, scale: number, line?: number, place?: CellPlace, note?: string): void {
    this.store.setNumber(unit.inputs.index, plan.name, scaled, scale, this.usedRow(unit), line, place, note);
  }

  /** Counts a whole row as read and used for `unit` (the same counts as beginRow, an add and endRow); its ordinal. */
  private usedRow(unit: MutableUnit): number {
    this.rowsUsed++;
    unit.usedRows++;
    return ++this.rowsRead;
  }

  /** Like {@link addRowNumber} for a valid calendar date given as y·10⁴ + m·100 + d. */
  addRowDate(unit: MutableUnit, plan: InputPlan, ymd: number, line?: number, place?: CellPlace, note?: string): void {
    this.store.setDate(unit.inputs.index, plan.name, ymd, this.usedRow(unit), line, place, note);
  }

  /** Like {@link addRowNumber} for any value the slow path would store as it is. */
  addRowValue(unit: MutableUnit, plan: InputPlan, value: Value, line?: number, place?: CellPlace, note?: string): void {
    this.store.setValue(unit.inputs.index, plan.name, value, this.usedRow(unit), line, place, note);
  }

  get checksUnits(): boolean {
    return this.knownUnits !== undefined;
  }

  /** The input plan of a name, or undefined after reporting an unknown input. */
  lookupInput(name: string, where: Location | (() => Location)): InputPlan | undefined {
    const plan = this.schema.inputs.get(name);
    if (plan !== undefined) return plan;
    if (typeof where === "function") where = where();
    const hint = this.inputHints.hint(name, () => this.schema.inputs.keys());
    this.report("evidence-unknown-input", hint === undefined ? { input: name } : { input: name, suggestion: hint }, {
      ...where,
      input: name,
    });
    return undefined;
  }

  /** True for a known criterion or adjustment id; otherwise reports it. */
  checkCriterion(id: string, where: Location | (() => Location)): boolean {
    if (this.schema.criteria.has(id)) return true;
    if (typeof where === "function") where = where();
    const hint = this.criterionHints.hint(id, () => this.schema.criteria);
    this.report("evidence-unknown-criterion", hint === undefined ? { criterion: id } : { criterion: id, suggestion: hint }, {
      ...where,
      criterion: id,
    });
    return false;
  }

  unit(code: string): MutableUnit {
    let u = this.units.get(code);
    if (u === undefined) {
      code = detach(code);
      const inputs = this.store.newUnit(code);
      u = { code, inputs, points: this.pointsStore.newUnit(inputs.index, code), usedRows: 0 };
      this.units.set(code, u);
    }
    return u;
  }

  /** Adds an input value unless the unit already has one in this file (then reports both lines). */
  addInput(unit: string, name: string, entry: PartInputEntry): boolean {
    const u = this.unit(unit);
    const first = u.inputs.has(name) ? u.inputs.get(name) : undefined;
    if (first !== undefined) {
      this.report("evidence-duplicate-input", { unit, input: name, firstLine: first.where?.line ?? 0 }, {
        ...entry.where,
        unit,
        input: name,
      });
      return false;
    }
    u.inputs.set(name, entry);
    this.rowAdded = true;
    return true;
  }

  /** Adds a points row unless the unit already has one for the criterion in this file; `at`: where it was read (kept compactly). */
  addPoints(unit: string, criterion: string, entry: PartPointsEntry, at?: PointsAt): boolean {
    const u = this.unit(unit);
    const first = u.points.has(criterion) ? u.points.get(criterion) : undefined;
    if (first !== undefined) {
      this.report("evidence-duplicate-points", { unit, criterion, firstLine: first.where?.line ?? 0 }, {
        ...entry.where,
        unit,
        criterion,
      });
      return false;
    }
    u.points.set(detach(criterion), entry, at);
    this.rowAdded = true;
    return true;
  }

  private finalDiagnostics(): readonly Diagnostic[] {
    const summary = this.capped.summary(this.options.file === undefined ? {} : { file: this.options.file });
    return summary === undefined ? this.capped.list : [...this.capped.list, summary];
  }

  finish(kind: EvidenceFileKind, delimiter?: "," | ";"): EvidencePart {
    const part: {
      -readonly [K in keyof EvidencePart]: EvidencePart[K];
    } = {
      kind,
      locale: this.options.locale,
      byUnit: this.units,
      diagnostics: this.finalDiagnostics(),
      stats: { rowsRead: this.rowsRead, rowsUsed: this.rowsUsed, rowsRejected: this.rowsRead - this.rowsUsed },
      rejectedRows: this.rejectedRows,
      checkedUnits: this.knownUnits !== undefined,
    };
    if (this.options.file !== undefined) part.file = this.options.file;
    if (delimiter !== undefined) part.delimiter = delimiter;
    if (this.registry !== undefined) part.registry = this.registry;
    return part;
  }
}

/** Builds a points entry without undefined-valued optional properties. */
export function pointsEntry(
  self: Decimal | undefined,
  appraised: Decimal | undefined,
  note: string | undefined,
  where: Location,
  row: number,
  documents?: string | readonly string[],
): PartPointsEntry {
  const e: { self?: Decimal; appraised?: Decimal; note?: string; documents?: readonly string[]; where: Location; row: number } = { where, row };
  if (self !== undefined) e.self = self;
  if (appraised !== undefined) e.appraised = appraised;
  if (note !== undefined && note !== "") e.note = detach(note);
  const docs =
    documents === undefined ? [] : typeof documents === "string" ? splitDocuments(documents) : documents.map((d) => d.trim().normalize("NFC")).filter((d) => d !== "");
  if (docs.length > 0) e.documents = Object.freeze(docs);
  return e;
}

/** A `documents` cell: numbers or titles separated by `;` (blank items ignored), as NFC text. */
export function splitDocuments(cell: string): string[] {
  return cell
    .split(";")
    .map((d) => d.trim().normalize("NFC"))
    .filter((d) => d !== "");
}
