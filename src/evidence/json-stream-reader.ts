/**
 * JSON evidence read in one pass over the text, without a parse tree: each value is
 * stored as it is read (a number of at most 15 digits as a scaled integer, nothing built).
 *
 * It reads only what it is sure of: a file that the tree reader (`readEvidenceJson`
 * after `parseJsonFast`/`parseJsonExact`) would read without a single diagnostic, and for
 * which it gives exactly the same part (values, locations, rows and their ordinals,
 * stats, unit order, points entries, notes, documents). On anything else (any key,
 * value, text, number or shape the tree reader would report or might read differently)
 * it gives up: it returns undefined, the partial part is dropped, and the caller reads
 * the file the usual way, which words every problem. Its work is one bounded pass, so a
 * file it gives up on costs at most one extra pass.
 */
import { isDecimal, type Decimal } from "../core/decimal.js";
import type { Value } from "../core/value.js";
import type { Location } from "../diagnostics/index.js";
import type { InputPlan } from "../framework/ir.js";
import { FORBIDDEN_KEYS } from "../yaml/load.js";
import { JsonNumber, numberEnd } from "./json-parse.js";
import type { UnitInfo } from "./model.js";
import { type EvidenceFileKind, type EvidencePart, type MutableUnit, PartBuilder, pointsEntry } from "./part.js";
import type { EvidenceSchema } from "./schema.js";
import { dateNumber, decimalOfScaled, detach, scaledNumber, scaledNumberScale, valueFromJson } from "./values.js";

/** What the single-pass reader needs to know of the read options (those of `readJsonText`). */
export interface SinglePassOptions {
  readonly file?: string;
  readonly expect?: readonly EvidenceFileKind[];
  readonly registry?: readonly UnitInfo[] | ReadonlySet<string>;
  readonly maxDiagnostics?: number;
}

/**
 * Where the reader puts what it reads: one unit at a time, each input once, then the
 * unit's points entries; every call is one used row, in file order (as the tree reader counts them).
 */
export interface JsonEvidenceSink {
  /** True when a unit with this code was already started (a repeated unit key). */
  hasUnit(code: string): boolean;
  /** Starts the unit `code` (it appears in the part, in this order). */
  unit(code: string): MutableUnit;
  /** An input value that is the number `scaled × 10^-scale` (a safe integer of ≤ 15 digits). */
  number(unit: MutableUnit, plan: InputPlan, scaled: number, scale: number): void;
  /** An input value that is a valid calendar date, y·10⁴ + m·100 + d. */
  date(unit: MutableUnit, plan: InputPlan, ymd: number): void;
  /** Any other accepted input value. */
  value(unit: MutableUnit, plan: InputPlan, value: Value): void;
  /** One points entry (at least one of `self`, `appraised`). */
  points(
    unit: MutableUnit,
    criterion: string,
    self: Decimal | undefined,
    appraised: Decimal | undefined,
    note: string | undefined,
    documents: string | readonly string[] | undefined,
  ): void;
  finish(): EvidencePart;
}

/** The sink writing into a {@link PartBuilder}'s column store the way the tree reader's fast path does. */
class BuilderSink implements JsonEvidenceSink {
  constructor(
    private readonly b: PartBuilder,
    private readonly file: string | undefined,
  ) {}

  hasUnit(code: string): boolean {
    return this.b.units.has(code);
  }

  unit(code: string): MutableUnit {
    return this.b.unit(code);
  }

  number(unit: MutableUnit, plan: InputPlan, scaled: number, scale: number): void {
    this.b.addRowNumber(unit, plan, scaled, scale);
  }

  date(unit: MutableUnit, plan: InputPlan, ymd: number): void {
    this.b.addRowDate(unit, plan, ymd);
  }

  value(unit: MutableUnit, plan: InputPlan, value: Value): void {
    this.b.addRowValue(unit, plan, value);
  }

  points(
    unit: MutableUnit,
    criterion: string,
    self: Decimal | undefined,
    appraised: Decimal | undefined,
    note: string | undefined,
    documents: string | readonly string[] | undefined,
  ): void {
    const b = this.b;
    const path = ["units", unit.code, "points", criterion];
    const where: Location = this.file === undefined ? { path } : { file: this.file, path };
    const row = b.beginRow();
    // The location is exactly the JSON one ("json"): the store keeps the row compactly.
    b.addPoints(unit.code, criterion, pointsEntry(self, appraised, note, where, row, documents), "json");
    b.endRow(row, unit.code);
  }

  finish(): EvidencePart {
    return this.b.finish("evidence-json");
  }
}

/**
 * Reads JSON evidence in one pass when the text is plainly valid evidence (see the module
 * comment); undefined when the usual reader must read it.
 */
export function readJsonSinglePass(text: string | Uint8Array, schema: EvidenceSchema, options: SinglePassOptions = {}): EvidencePart | undefined {
  if (typeof text !== "string" || typeof options !== "object" || options === null) return undefined;
  if (options.expect !== undefined && !options.expect.includes("evidence-json")) return undefined;
  const o: { file?: string; locale: "en"; registry?: readonly UnitInfo[] | ReadonlySet<string>; maxDiagnostics?: number } = { locale: "en" };
  if (options.maxDiagnostics !== undefined) o.maxDiagnostics = options.maxDiagnostics;
  if (options.file !== undefined) o.file = options.file;
  if (options.registry !== undefined) o.registry = options.registry;
  const b = new PartBuilder(schema, o);
  const sink = new BuilderSink(b, options.file);
  return readJsonEvidenceInto(text, schema, sink, (code) => b.knowsUnit(code)) ? sink.finish() : undefined;
}

/**
 * Reads JSON evidence text into `sink` in one pass; false when it gave up (what the sink
 * received is then to be dropped). `knowsUnit` tells whether a unit code may be used.
 */
export function readJsonEvidenceInto(text: string, schema: EvidenceSchema, sink: JsonEvidenceSink, knowsUnit: (code: string) => boolean): boolean {
  return new SinglePassReader(text, schema, sink, knowsUnit).read();
}

/** Thrown (and caught in {@link SinglePassReader.read}) to give up. */
const GIVE_UP: unique symbol = Symbol("give up");

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const MINUS = 45;
const DOT = 46;
const DIGIT_0 = 48;

/** The numeric value of an array-index key (`0` … `4294967294`, no leading zero), or -1: such keys come first in `Object.keys`. */
export function arrayIndexOf(key: string): number {
  const n = key.length;
  if (n === 0 || n > 10) return -1;
  const first = key.charCodeAt(0);
  if (first === DIGIT_0 && n > 1) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = key.charCodeAt(k) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v < 4294967295 ? v : -1;
}

/**
 * True when the JSON number `text[start, end)` (valid grammar) is plainly the shortest text
 * of its double without computing it: `-?digits[.digits]`, at most 15 digits, no trailing
 * zero in the fraction, not `-0`, and (below 1) at least 1e-6 in size (smaller prints with an exponent).
 */
export function plainCanonical(text: string, start: number, end: number): boolean {
  let i = start;
  if (text.charCodeAt(i) === MINUS) i++;
  let digits = 0;
  const intStart = i;
  while (i < end) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) break;
    digits++;
    i++;
  }
  const intZero = i - intStart === 1 && text.charCodeAt(intStart) === DIGIT_0;
  if (i === end) return digits <= 15 && !(intZero && start !== intStart);
  if (text.charCodeAt(i) !== DOT) return false;
  i++;
  const fracStart = i;
  let leadingZeros = 0;
  let nonZero = false;
  while (i < end) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return false;
    if (d !== 0) nonZero = true;
    else if (!nonZero) leadingZeros++;
    digits++;
    i++;
  }
  if (digits > 15 || i === fracStart || text.charCodeAt(end - 1) === DIGIT_0) return false;
  return !intZero || leadingZeros <= 5;
}

/** An input name as met in the text, with the name that followed it in the last unit read (a guess for the next key). */
interface KeyNode {
  /** The key as written without escapes, with its quotes (`"name"`); "" when the name cannot be written so (never compared in place). */
  readonly quoted: string;
  readonly plan: InputPlan;
  next: KeyNode | undefined;
  /** The serial of the last unit whose inputs had this key (a repeated key gives up). */
  seenIn: number;
}

/** A points entry read, kept until the unit's inputs are all stored (the tree reader stores inputs first). */
interface PendingPoints {
  readonly criterion: string;
  readonly index: number;
  readonly order: number;
  readonly self: Decimal | undefined;
  readonly appraised: Decimal | undefined;
  readonly note: string | undefined;
  readonly documents: string | readonly string[] | undefined;
}

const POINTS_PLAN: InputPlan = Object.freeze({ kind: "input", name: "points", slot: -1, type: "number", missing: "error" });

/** A raw JSON scalar as the tree readers hold it (numbers as their text). */
type Raw = string | boolean | null | JsonNumber;

class SinglePassReader {
  private i = 0;
  private readonly n: number;
  /** Set by {@link scanString}: the closing quote, whether an escape or a character ≥ U+0300 was met. */
  private end = 0;
  private escaped = false;
  private wide = false;
  private first: KeyNode | undefined;
  private readonly nodes = new Map<string, KeyNode>();
  private lastIndexUnit = -1;
  private sawNamedUnit = false;
  /** Points numbers already made (see {@link pointsDecimal}). */
  private readonly decimals = new Map<number, Decimal>();
  /** Counts the units' inputs objects read (see {@link KeyNode.seenIn}). */
  private unitSerial = 0;
  /** The criteria of the points object being read (a repeated one gives up). */
  private readonly criteriaSeen = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly schema: EvidenceSchema,
    private readonly sink: JsonEvidenceSink,
    private readonly knowsUnit: (code: string) => boolean,
  ) {
    this.n = text.length;
  }

  /** Reads the whole text; false when it gave up. */
  read(): boolean {
    try {
      this.document();
      return true;
    } catch (e) {
      if (e === GIVE_UP) return false;
      throw e;
    }
  }

  private document(): void {
    const t = this.text;
    if (t.charCodeAt(0) === 0xfeff) this.i = 1;
    this.space();
    this.expect(OPEN_BRACE);
    this.space();
    if (!t.startsWith('"units"', this.i)) throw GIVE_UP;
    this.i += 7;
    this.colon();
    this.expect(OPEN_BRACE);
    this.space();
    if (t.charCodeAt(this.i) === CLOSE_BRACE) this.i++;
    else {
      for (;;) {
        this.space();
        this.unit();
        if (this.next(CLOSE_BRACE)) break;
      }
    }
    this.space();
    this.expect(CLOSE_BRACE);
    this.space();
    if (this.i !== this.n) throw GIVE_UP;
  }

  /** One member of `units`: the key, and the unit's object. */
  private unit(): void {
    const code = this.key();
    if (FORBIDDEN_KEYS.has(code) || !this.knowsUnit(code) || this.sink.hasUnit(code)) throw GIVE_UP;
    // Object.keys puts array-index keys first, in numeric order: read only files where that is file order.
    const index = arrayIndexOf(code);
    if (index >= 0) {
      if (this.sawNamedUnit || index <= this.lastIndexUnit) throw GIVE_UP;
      this.lastIndexUnit = index;
    } else this.sawNamedUnit = true;
    const unit = this.sink.unit(code);
    this.colon();
    this.expect(OPEN_BRACE);
    this.space();
    let inputs = false;
    let points: PendingPoints[] | undefined;
    if (this.text.charCodeAt(this.i) === CLOSE_BRACE) this.i++;
    else {
      for (;;) {
        this.space();
        const t = this.text;
        if (!inputs && t.startsWith('"inputs"', this.i)) {
          this.i += 8;
          inputs = true;
          this.colon();
          this.inputs(unit);
        } else if (points === undefined && t.startsWith('"points"', this.i)) {
          this.i += 8;
          this.colon();
          points = this.points();
        } else throw GIVE_UP;
        if (this.next(CLOSE_BRACE)) break;
      }
    }
    if (points !== undefined) {
      if (points.some((p) => p.index >= 0)) points.sort((a, b) => (a.index < 0 ? (b.index < 0 ? a.order - b.order : 1) : b.index < 0 ? -1 : a.index - b.index));
      for (const p of points) this.sink.points(unit, p.criterion, p.self, p.appraised, p.note, p.documents);
    }
  }

  private inputs(unit: MutableUnit): void {
    this.expect(OPEN_BRACE);
    this.space();
    const t = this.text;
    if (t.charCodeAt(this.i) === CLOSE_BRACE) {
      this.i++;
      return;
    }
    const serial = ++this.unitSerial;
    let previous: KeyNode | undefined;
    for (;;) {
      this.space();
      // The key that followed the previous one last time, compared in place; else read and looked up.
      const guess = previous === undefined ? this.first : previous.next;
      let node: KeyNode;
      if (guess !== undefined && t.startsWith(guess.quoted, this.i)) {
        node = guess;
        this.i += guess.quoted.length;
      } else {
        node = this.inputKey();
        if (node.quoted !== "") {
          if (previous === undefined) this.first = node;
          else previous.next = node;
        }
      }
      // One node per input (a name is its plan's name): seen twice in one unit is a repeated key.
      if (node.seenIn === serial) throw GIVE_UP;
      node.seenIn = serial;
      this.colon();
      this.inputValue(unit, node.plan);
      previous = node;
      if (this.next(CLOSE_BRACE)) return;
    }
  }

  /** An input name read as a key: a known input (its plan's own name), not an array index. */
  private inputKey(): KeyNode {
    const name = this.key();
    let node = this.nodes.get(name);
    if (node === undefined) {
      const plan = this.schema.inputs.get(name);
      if (plan === undefined || plan.name !== name || arrayIndexOf(name) >= 0 || FORBIDDEN_KEYS.has(name)) throw GIVE_UP;
      // `"name"` as written without escapes; a name that needs escapes is looked up each time.
      const quoted = JSON.stringify(name) === `"${name}"` ? `"${name}"` : "";
      node = { quoted, plan, next: undefined, seenIn: 0 };
      this.nodes.set(detach(name), node);
    }
    return node;
  }

  /** An input's value, stored as the tree reader's fast path stores it; gives up where it would not store it. */
  private inputValue(unit: MutableUnit, plan: InputPlan): void {
    const t = this.text;
    const start = this.i;
    const c = t.charCodeAt(start);
    if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_0 + 9)) {
      const end = numberEnd(t, start);
      if (end < 0) throw GIVE_UP;
      this.i = end;
      if (plainCanonical(t, start, end)) {
        const scaled = scaledNumber(t, start, end, DOT, plan);
        if (scaled === scaled) {
          this.sink.number(unit, plan, scaled, scaledNumberScale());
          return;
        }
      }
      this.store(unit, plan, this.numberRaw(start, end));
      return;
    }
    if (c === QUOTE) {
      this.scanString();
      const from = start + 1;
      const end = this.end;
      if (!this.escaped) {
        this.i = end + 1;
        const type = plan.type;
        if (type === "date") {
          // Only the ISO form here (the other form's reader looks for "/" beyond the string).
          if (end - from === 10 && t.charCodeAt(from + 4) === MINUS && t.charCodeAt(from + 7) === MINUS) {
            const ymd = dateNumber(t, from, end);
            if (ymd === ymd) {
              this.sink.date(unit, plan, ymd);
              return;
            }
          }
        } else if (type === "enum") {
          // Compared as written only when reading it can change nothing: no character ≥ U+0300
          // (NFC), nothing for trim() to remove, not empty (empty is missing).
          const values = !this.wide && end > from && !trimmable(t.charCodeAt(from)) && !trimmable(t.charCodeAt(end - 1)) ? (plan.values ?? []) : [];
          for (const v of values) {
            if (v.length === end - from && t.startsWith(v, from)) {
              this.sink.value(unit, plan, v);
              return;
            }
          }
        } else {
          const scaled = scaledNumber(t, from, end, DOT, plan);
          if (scaled === scaled) {
            this.sink.number(unit, plan, scaled, scaledNumberScale());
            return;
          }
        }
      }
      this.store(unit, plan, this.stringValue(start));
      return;
    }
    this.store(unit, plan, this.literal());
  }

  /** Stores what `valueFromJson` accepts (as the tree reader's fast path does), else gives up. */
  private store(unit: MutableUnit, plan: InputPlan, raw: Raw): void {
    const type = plan.type;
    if (typeof raw === "string" && (type === "number" || type === "integer" || type === "ratio" || type === "percent")) {
      const scaled = scaledNumber(raw, 0, raw.length, DOT, plan);
      if (scaled === scaled) {
        this.sink.number(unit, plan, scaled, scaledNumberScale());
        return;
      }
    }
    const result = valueFromJson(raw, plan);
    if (!result.ok) throw GIVE_UP;
    this.sink.value(unit, plan, result.value);
  }

  /** The points object of a unit: every entry read and checked, kept for the unit's end. */
  private points(): PendingPoints[] {
    this.expect(OPEN_BRACE);
    this.space();
    const list: PendingPoints[] = [];
    if (this.text.charCodeAt(this.i) === CLOSE_BRACE) {
      this.i++;
      return list;
    }
    for (;;) {
      this.space();
      const criterion = this.key();
      if (!this.schema.criteria.has(criterion) || FORBIDDEN_KEYS.has(criterion)) throw GIVE_UP;
      const seen = this.criteriaSeen;
      if (list.length === 0) seen.clear();
      if (seen.has(criterion)) throw GIVE_UP;
      seen.add(criterion);
      this.colon();
      list.push(this.pointsEntry(detach(criterion), list.length));
      if (this.next(CLOSE_BRACE)) return list;
    }
  }

  private pointsEntry(criterion: string, order: number): PendingPoints {
    this.expect(OPEN_BRACE);
    this.space();
    let self: Decimal | undefined;
    let appraised: Decimal | undefined;
    let note: string | undefined;
    let documents: string | readonly string[] | undefined;
    let seen = 0;
    if (this.text.charCodeAt(this.i) === CLOSE_BRACE) throw GIVE_UP;
    for (;;) {
      this.space();
      const key = this.key();
      const bit = key === "self" ? 1 : key === "appraised" ? 2 : key === "note" ? 4 : key === "documents" ? 8 : 0;
      if (bit === 0 || (seen & bit) !== 0) throw GIVE_UP;
      seen |= bit;
      this.colon();
      if (bit === 1) self = this.pointsValue();
      else if (bit === 2) appraised = this.pointsValue();
      else if (bit === 4) {
        const raw = this.scalar();
        if (raw !== null && typeof raw !== "string") throw GIVE_UP;
        note = raw === null ? undefined : raw;
      } else documents = this.documents();
      if (this.next(CLOSE_BRACE)) break;
    }
    if (self === undefined && appraised === undefined) throw GIVE_UP;
    return { criterion, index: arrayIndexOf(criterion), order, self, appraised, note, documents };
  }

  /** `self` or `appraised`: as the tree reader's `jsonPoints` reads it. */
  private pointsValue(): Decimal | undefined {
    const t = this.text;
    const start = this.i;
    const c = t.charCodeAt(start);
    if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_0 + 9)) {
      // The common case: a plain number, the same Decimal as `valueFromJson` reads from its text.
      const end = numberEnd(t, start);
      if (end > start && plainCanonical(t, start, end)) {
        const scaled = scaledNumber(t, start, end, DOT, POINTS_PLAN);
        if (scaled === scaled) {
          this.i = end;
          return this.pointsDecimal(scaled, scaledNumberScale());
        }
      }
    }
    const raw = this.scalar();
    if (raw === null) return undefined;
    const result = valueFromJson(raw, POINTS_PLAN);
    if (!result.ok) throw GIVE_UP;
    return isDecimal(result.value) ? result.value : undefined;
  }

  /**
   * The Decimal `scaled × 10^-scale`; the few values points take (0, 0.25, 1, …) are built once
   * (a Decimal is never changed: every operation makes a new one).
   */
  private pointsDecimal(scaled: number, scale: number): Decimal {
    if (scaled >= 2 ** 40 || scaled <= -(2 ** 40)) return decimalOfScaled(scaled, scale);
    const key = scaled * 16 + scale;
    let d = this.decimals.get(key);
    if (d === undefined) {
      d = decimalOfScaled(scaled, scale);
      if (this.decimals.size < 4096) this.decimals.set(key, d);
    }
    return d;
  }

  /** `documents`: null, a text, or a list of texts. */
  private documents(): string | readonly string[] | undefined {
    if (this.text.charCodeAt(this.i) !== OPEN_BRACKET) {
      const raw = this.scalar();
      if (raw !== null && typeof raw !== "string") throw GIVE_UP;
      return raw === null ? undefined : raw;
    }
    this.i++;
    this.space();
    const list: string[] = [];
    if (this.text.charCodeAt(this.i) === CLOSE_BRACKET) {
      this.i++;
      return list;
    }
    for (;;) {
      this.space();
      if (this.text.charCodeAt(this.i) !== QUOTE) throw GIVE_UP;
      list.push(detach(this.stringValue(this.i)));
      if (this.next(CLOSE_BRACKET)) return list;
    }
  }

  /** A scalar value (not an object or a list). */
  private scalar(): Raw {
    const t = this.text;
    const start = this.i;
    const c = t.charCodeAt(start);
    if (c === QUOTE) return detach(this.stringValue(start));
    if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_0 + 9)) {
      const end = numberEnd(t, start);
      if (end < 0) throw GIVE_UP;
      this.i = end;
      return this.numberRaw(start, end);
    }
    return this.literal();
  }

  /** A number's text, when it is the shortest text of its double (as `JSON.parse` and the exact parser both keep it). */
  private numberRaw(start: number, end: number): JsonNumber {
    const s = this.text.slice(start, end);
    if (!plainCanonical(this.text, start, end) && String(Number(s)) !== s) throw GIVE_UP;
    return new JsonNumber(s);
  }

  private literal(): boolean | null {
    const t = this.text;
    const i = this.i;
    if (t.startsWith("true", i)) {
      this.i += 4;
      return true;
    }
    if (t.startsWith("false", i)) {
      this.i += 5;
      return false;
    }
    if (t.startsWith("null", i)) {
      this.i += 4;
      return null;
    }
    throw GIVE_UP;
  }

  /** A key and the colon after it. */
  private key(): string {
    if (this.text.charCodeAt(this.i) !== QUOTE) throw GIVE_UP;
    return this.stringValue(this.i);
  }

  /** The string at `start` (its opening quote), decoded; gives up on `\u` escapes and text that is not NFC. */
  private stringValue(start: number): string {
    this.i = start;
    this.scanString();
    const end = this.end;
    this.i = end + 1;
    const s = this.escaped ? unescapeSimple(this.text, start + 1, end) : this.text.slice(start + 1, end);
    if (this.wide && s.normalize("NFC") !== s) throw GIVE_UP;
    return s;
  }

  /** Finds the closing quote of the string at `i` (sets {@link end}, {@link escaped}, {@link wide}); gives up on control characters or an unclosed string. */
  private scanString(): void {
    const t = this.text;
    const n = this.n;
    let escaped = false;
    let wide = false;
    let k = this.i + 1;
    for (; k < n; k++) {
      const c = t.charCodeAt(k);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        k++;
      } else if (c < 0x20) throw GIVE_UP;
      else if (c >= 0x300) wide = true;
    }
    if (k >= n) throw GIVE_UP;
    this.end = k;
    this.escaped = escaped;
    this.wide = wide;
  }

  private space(): void {
    const t = this.text;
    let i = this.i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  private expect(c: number): void {
    if (this.text.charCodeAt(this.i) !== c) throw GIVE_UP;
    this.i++;
  }

  /** The `:` after a key (spaces around it). */
  private colon(): void {
    this.space();
    this.expect(COLON);
    this.space();
  }

  /** After a member: true at the closing `close`, false after a comma; gives up on anything else. */
  private next(close: number): boolean {
    this.space();
    const c = this.text.charCodeAt(this.i);
    if (c === COMMA) {
      this.i++;
      return false;
    }
    if (c === close) {
      this.i++;
      return true;
    }
    throw GIVE_UP;
  }
}

/** The text `text[from, end)` of a string with the simple escapes (`\" \\ \/ \b \f \n \r \t`); gives up on `\u` and others. */
function unescapeSimple(text: string, from: number, end: number): string {
  let out = "";
  let start = from;
  for (let k = from; k < end; k++) {
    if (text.charCodeAt(k) !== BACKSLASH) continue;
    out += text.slice(start, k);
    const e = text.charCodeAt(k + 1);
    switch (e) {
      case QUOTE:
        out += '"';
        break;
      case BACKSLASH:
        out += "\\";
        break;
      case 47:
        out += "/";
        break;
      case 98:
        out += "\b";
        break;
      case 102:
        out += "\f";
        break;
      case 110:
        out += "\n";
        break;
      case 114:
        out += "\r";
        break;
      case 116:
        out += "\t";
        break;
      default:
        throw GIVE_UP;
    }
    k++;
    start = k + 1;
  }
  return out + text.slice(start, end);
}

/** True for a character below U+0300 that `String.prototype.trim` removes (inside a JSON string: space or no-break space). */
function trimmable(c: number): boolean {
  return c <= 32 || c === 0xa0;
}
