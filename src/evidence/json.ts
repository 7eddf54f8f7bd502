/**
 * JSON evidence and JSON unit registries.
 *
 * Evidence: `{ "units": { "<code>": { "inputs": { "<input>": value },
 *   "points": { "<criterion>": { "self": 1, "appraised": 0.5, "note": "" } } } } }`.
 * Registry: `[{ "code", "name", "type", "parent", ...attributes }]` or `{ "units": [ ... ] }`.
 * Every input value and every points entry counts as one row.
 */
import { expectOptions, expectSchema, expectTextOrBytes } from "../core/args.js";
import { FORBIDDEN_KEYS } from "../yaml/load.js";
import { type Decimal, isDecimal } from "../core/decimal.js";
import type { Diagnostic, DocPath, Location } from "../diagnostics/index.js";
import { didYouMean } from "../diagnostics/index.js";
import type { InputPlan } from "../framework/ir.js";
import { type DuplicateKey, JsonNumber, MAX_JSON_DEPTH, parseJsonExact, parseJsonFast } from "./json-parse.js";
import { locateJsonPaths, pathKey } from "./json-positions.js";
import type { UnitInfo } from "./model.js";
import { type EvidenceFileKind, type EvidencePart, type MutableUnit, PartBuilder, pointsEntry } from "./part.js";
import type { EvidenceSchema } from "./schema.js";
import { scaledInteger, scaledNumber, scaledNumberScale, valueFromJson } from "./values.js";
import { JsonEntry } from "./entries.js";
import { evidenceFastPaths } from "./fast-switch.js";
import { readJsonSinglePass } from "./json-stream-reader.js";

export interface JsonReadOptions {
  readonly file?: string;
  /** The kinds this file may be (`registry`, `evidence-json`); another is `evidence-wrong-file-kind`. */
  readonly expect?: readonly EvidenceFileKind[];
  /** The unit registry: when given, unit codes not in it are errors. */
  readonly registry?: readonly UnitInfo[] | ReadonlySet<string>;
  /** Diagnostics listed before the rest are only counted; default 200. */
  readonly maxDiagnostics?: number;
  /** Repeated keys found by the parser, per object of `data` (from {@link readJsonText}). */
  readonly duplicates?: ReadonlyMap<object, readonly DuplicateKey[]>;
}

const POINTS_PLAN: InputPlan = Object.freeze({ kind: "input", name: "points", slot: -1, type: "number", missing: "error" });
const UNIT_KEYS = ["inputs", "points"];
const POINTS_KEYS = ["self", "appraised", "note", "documents"];
const EMPTY_SCHEMA: EvidenceSchema = { inputs: new Map(), criteria: new Set() };

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (v instanceof JsonNumber) return `number ${v.text}`;
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** Rows a value would have made at a path of JSON evidence (for a repeated key's value: all rejected). */
function rowsIn(v: unknown, depth: number): number {
  // depth: 0 = the document, 1 = "units", 2 = a unit, 3 = its "inputs"/"points", 4 = one entry.
  if (depth >= 4 || !isObject(v)) return 1;
  let rows = 0;
  if (depth === 3) rows = Object.keys(v).length;
  else if (depth === 2) for (const g of [v["inputs"], v["points"]]) rows += isObject(g) ? Object.keys(g).length : 0;
  else for (const k of Object.keys(v)) rows += rowsIn(v[k], depth + 1);
  return Math.max(depth === 0 ? 0 : 1, rows);
}

/** True when a parsed JSON value has the shape of a unit registry. */
export function isJsonRegistry(data: unknown): boolean {
  return Array.isArray(data) || (isObject(data) && Array.isArray(data["units"]));
}

/**
 * Reports the repeated keys of `obj` (kept: the first value). Each is an error at the
 * repeated key's line and column; `rows` > 0 counts that many rows as rejected
 * (outside a row), 0 reports inside the current row (which is then rejected).
 */
function reportDuplicates(
  b: PartBuilder,
  options: JsonReadOptions,
  obj: object,
  path: DocPath,
  rows: (d: DuplicateKey) => number,
  extra: (key: string) => Location = () => ({}),
): void {
  const list = options.duplicates?.get(obj);
  if (list === undefined) return;
  for (const d of list) {
    const n = rows(d);
    const where: Location = { path: [...path, d.key], line: d.line, column: d.column, ...extra(d.key) };
    if (n === 0) b.report("evidence-json-duplicate-key", { key: d.key, firstLine: d.firstLine }, where);
    else {
      const row = b.beginRow();
      b.report("evidence-json-duplicate-key", { key: d.key, firstLine: d.firstLine }, where);
      b.endRow(row);
      for (let i = 1; i < n; i++) b.rejectRow();
    }
  }
}

/** Reads parsed JSON evidence (see the module comment for the shape). Diagnostics carry a JSON `path`. */
export function readEvidenceJson(data: unknown, schema: EvidenceSchema, options: JsonReadOptions = {}): EvidencePart {
  expectSchema("readEvidenceJson(data, schema, options)", "schema", schema);
  expectOptions("readEvidenceJson(data, schema, options)", "options", options);
  const b = builder(schema, options);
  const where = (path: DocPath, extra: Location = {}): Location => ({ path, ...extra });
  if (!isObject(data)) {
    b.report("evidence-json-shape", { found: describe(data), expected: `an object {"units": {...}}` }, where([]));
    return b.finish("evidence-json");
  }
  for (const key of Object.keys(data)) {
    if (key !== "units") unknownKey(b, key, ["units"], [key]);
  }
  reportDuplicates(b, options, data, [], (d) => (d.key === "units" ? rowsIn(d.value, 1) : 1));
  const units = data["units"];
  if (!isObject(units)) {
    b.report("evidence-json-shape", { found: describe(units), expected: `"units": an object keyed by unit code` }, where(["units"]));
    return b.finish("evidence-json");
  }
  reportDuplicates(b, options, units, ["units"], (d) => rowsIn(d.value, 2), (key) => ({ unit: key }));
  for (const [code, body] of Object.entries(units)) {
    const unitPath = ["units", code];
    if (FORBIDDEN_KEYS.has(code)) {
      // Never a unit code: such keys reach object internals elsewhere. Its entries are rejected rows.
      b.report("forbidden-key", { key: code }, where(unitPath));
      let entries = 0;
      if (isObject(body)) for (const group of [body["inputs"], body["points"]]) if (isObject(group)) entries += Object.keys(group).length;
      for (let i = 0; i < Math.max(1, entries); i++) b.rejectRow();
      continue;
    }
    if (!isObject(body)) {
      const row = b.beginRow();
      b.report("evidence-json-shape", { found: describe(body), expected: `an object {"inputs": {...}, "points": {...}}` }, where(unitPath, { unit: code }));
      b.endRow(row);
      continue;
    }
    for (const key of Object.keys(body)) if (!UNIT_KEYS.includes(key)) unknownKey(b, key, UNIT_KEYS, [...unitPath, key], code);
    reportDuplicates(b, options, body, unitPath, (d) => (UNIT_KEYS.includes(d.key) ? rowsIn(d.value, 3) : 1), () => ({ unit: code }));
    const known = b.checkUnit(code, where(unitPath));
    const inputs = body["inputs"];
    const points = body["points"];
    if (inputs !== undefined && !isObject(inputs)) {
      const row = b.beginRow();
      b.report("evidence-json-shape", { found: describe(inputs), expected: `"inputs": an object of input values` }, where([...unitPath, "inputs"], { unit: code }));
      b.endRow(row);
    } else if (inputs !== undefined) {
      reportDuplicates(b, options, inputs, [...unitPath, "inputs"], () => 1, (key) => ({ unit: code, input: key }));
      let unit: MutableUnit | undefined;
      const fast = evidenceFastPaths();
      for (const name of Object.keys(inputs)) {
        const raw = inputs[name];
        if (!known) {
          b.rejectRow();
          continue;
        }
        // The fast path: a known input with a value its type accepts; no location is built.
        const fastPlan = fast ? b.schema.inputs.get(name) : undefined;
        if (fastPlan !== undefined) {
          unit ??= b.unit(code);
          if (!unit.inputs.has(fastPlan.name) && storeFast(b, unit, raw, fastPlan)) continue;
        }
        const path = [...unitPath, "inputs", name];
        const row = b.beginRow();
        const plan = b.lookupInput(name, () => where(path, { unit: code }));
        if (plan !== undefined) {
          const result = valueFromJson(raw, plan);
          if (!result.ok) b.reportValue(result, where(path, { unit: code, input: name }));
          else b.addInput(code, name, new JsonEntry(result.value, 0, row, options.file, b.unit(code).code, plan.name));
        }
        b.endRow(row, code);
      }
    }
    if (points !== undefined && !isObject(points)) {
      const row = b.beginRow();
      b.report("evidence-json-shape", { found: describe(points), expected: `"points": an object keyed by criterion id` }, where([...unitPath, "points"], { unit: code }));
      b.endRow(row);
    } else if (points !== undefined) {
      reportDuplicates(b, options, points, [...unitPath, "points"], () => 1, (key) => ({ unit: code, criterion: key }));
      for (const [criterion, entry] of Object.entries(points)) {
        const path = [...unitPath, "points", criterion];
        if (!known) {
          b.rejectRow();
          continue;
        }
        const row = b.beginRow();
        b.checkCriterion(criterion, where(path, { unit: code }));
        if (!isObject(entry)) {
          b.report("evidence-json-shape", { found: describe(entry), expected: `{"self": ..., "appraised": ...}` }, where(path, { unit: code, criterion }));
        } else {
          for (const key of Object.keys(entry)) if (!POINTS_KEYS.includes(key)) unknownKey(b, key, POINTS_KEYS, [...path, key], code);
          reportDuplicates(b, options, entry, path, () => 0, () => ({ unit: code, criterion }));
          const self = jsonPoints(b, entry["self"], [...path, "self"], code, criterion);
          const appraised = jsonPoints(b, entry["appraised"], [...path, "appraised"], code, criterion);
          const note = entry["note"];
          if (note !== undefined && note !== null && typeof note !== "string") {
            b.report("evidence-json-shape", { found: describe(note), expected: "a text note" }, where([...path, "note"], { unit: code, criterion }));
          }
          const documents = entry["documents"];
          const docsOk = documents === undefined || documents === null || typeof documents === "string" || (Array.isArray(documents) && documents.every((d) => typeof d === "string"));
          if (!docsOk) {
            b.report("evidence-json-shape", { found: describe(documents), expected: "a list of document numbers or titles" }, where([...path, "documents"], { unit: code, criterion }));
          }
          if (!b.rowHasError && self === undefined && appraised === undefined) {
            b.report("evidence-empty-cell", { column: "self or appraised" }, where(path, { unit: code, criterion }));
          }
          if (!b.rowHasError) {
            const docs = typeof documents === "string" || Array.isArray(documents) ? (documents as string | string[]) : undefined;
            b.addPoints(code, criterion, pointsEntry(self, appraised, typeof note === "string" ? note : undefined, fileWhere(options, path), row, docs), "json");
          }
        }
        b.endRow(row, code);
      }
    }
    if (known) b.unit(code);
  }
  return b.finish("evidence-json");
}

/**
 * Stores a JSON value as one used row when the slow path would store it without a word
 * (numbers of at most 15 digits by {@link scaledNumber}, else {@link valueFromJson}); false
 * when the slow path must read it (and report what it finds).
 */
function storeFast(b: PartBuilder, unit: MutableUnit, raw: unknown, plan: InputPlan): boolean {
  if (typeof raw === "number") {
    const scaled = scaledInteger(raw, plan);
    if (scaled === scaled) {
      b.addRowNumber(unit, plan, scaled, 0);
      return true;
    }
  }
  const text = raw instanceof JsonNumber ? raw.text : typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw : undefined;
  if (text !== undefined) {
    const scaled = scaledNumber(text, 0, text.length, DOT, plan);
    if (scaled === scaled) {
      b.addRowNumber(unit, plan, scaled, scaledNumberScale());
      return true;
    }
  }
  const result = valueFromJson(raw, plan);
  if (!result.ok) return false;
  b.addRowValue(unit, plan, result.value);
  return true;
}

const DOT = 46;

function jsonPoints(b: PartBuilder, raw: unknown, path: DocPath, unit: string, criterion: string): Decimal | undefined {
  if (raw === undefined || raw === null) return undefined;
  const result = valueFromJson(raw, POINTS_PLAN);
  if (!result.ok) {
    b.reportValue(result, { path, unit, criterion });
    return undefined;
  }
  return isDecimal(result.value) ? result.value : undefined;
}

function unknownKey(b: PartBuilder, key: string, allowed: readonly string[], path: DocPath, unit?: string): void {
  const suggestion = didYouMean(key, allowed);
  const where: Location = unit === undefined ? { path } : { path, unit };
  b.report("evidence-json-unknown-key", suggestion === undefined ? { key, allowed } : { key, allowed, suggestion }, where);
}

function fileWhere(options: JsonReadOptions, path: DocPath): Location {
  return options.file === undefined ? { path } : { file: options.file, path };
}

function builder(schema: EvidenceSchema, options: JsonReadOptions): PartBuilder {
  const o: { file?: string; locale: "en"; registry?: readonly UnitInfo[] | ReadonlySet<string>; maxDiagnostics?: number } = { locale: "en" };
  if (options.maxDiagnostics !== undefined) o.maxDiagnostics = options.maxDiagnostics;
  if (options.file !== undefined) o.file = options.file;
  if (options.registry !== undefined) o.registry = options.registry;
  return new PartBuilder(schema, o);
}

/** Reads a parsed JSON unit registry: a list of `{code, name, type?, parent?, ...}` or `{ "units": [...] }`. */
export function readUnitsJson(data: unknown, options: { file?: string; duplicates?: ReadonlyMap<object, readonly DuplicateKey[]> } = {}): EvidencePart {
  expectOptions("readUnitsJson(data, options)", "options", options);
  const b = builder(EMPTY_SCHEMA, options.file === undefined ? {} : { file: options.file });
  if (isObject(data)) reportDuplicates(b, options, data, [], (d) => (Array.isArray(d.value) ? Math.max(1, d.value.length) : 1));
  const list = Array.isArray(data) ? data : isObject(data) ? data["units"] : undefined;
  const base: (string | number)[] = Array.isArray(data) ? [] : ["units"];
  const units: UnitInfo[] = [];
  b.registry = units;
  if (!Array.isArray(list)) {
    b.report("evidence-json-shape", { found: describe(data), expected: `a list of units [{"code": ..., "name": ...}]` }, { path: [] });
    return b.finish("registry");
  }
  const seen = new Map<string, number>();
  list.forEach((item, index) => {
    const path = [...base, index];
    const row = b.beginRow();
    if (!isObject(item)) {
      b.report("evidence-json-shape", { found: describe(item), expected: `a unit {"code": ..., "name": ...}` }, { path });
      b.endRow(row);
      return;
    }
    reportDuplicates(b, options, item, path, () => 0);
    if (b.rowHasError) {
      b.endRow(row);
      return;
    }
    const rawCode = item["code"];
    const code = typeof rawCode === "string" ? rawCode.trim() : typeof rawCode === "number" || rawCode instanceof JsonNumber ? String(rawCode) : "";
    if (code === "") {
      b.report("evidence-empty-cell", { column: "code" }, { path: [...path, "code"] });
      b.endRow(row);
      return;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      b.report("evidence-duplicate-unit", { code, first: [...base, first].join(".") }, { path: [...path, "code"], unit: code });
      b.endRow(row);
      return;
    }
    seen.set(code, index);
    let name = typeof item["name"] === "string" ? item["name"].trim() : "";
    if (name === "") {
      b.report("evidence-missing-name", { code }, { path: [...path, "name"], unit: code });
      name = code;
    }
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [k, v] of Object.entries(item)) {
      if (k === "code" || k === "name" || k === "type" || k === "parent") continue;
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof JsonNumber) attributes[k] = String(v);
    }
    const info: { code: string; name: string; type?: string; parent?: string; attributes: Record<string, string>; where: Location } = {
      code,
      name,
      attributes: Object.freeze(attributes),
      where: fileWhere(options, path),
    };
    if (typeof item["type"] === "string" && item["type"] !== "") info.type = item["type"];
    if (typeof item["parent"] === "string" && item["parent"] !== "") info.parent = item["parent"];
    units.push(Object.freeze(info));
    b.endRow(row);
  });
  return b.finish("registry");
}

/**
 * Reads a JSON text: a registry or evidence, by shape. Syntax errors and every
 * diagnostic get a line and column in the text, besides the JSON path.
 */
export function readJsonText(text: string, schema: EvidenceSchema, options: JsonReadOptions = {}): EvidencePart {
  expectTextOrBytes("readJsonText(text, schema, options)", "text", text);
  expectSchema("readJsonText(text, schema, options)", "schema", schema);
  // Plainly valid evidence is read in one pass, without a parse tree; anything else below.
  const single = evidenceFastPaths() ? readJsonSinglePass(text, schema, options) : undefined;
  if (single !== undefined) return single;
  const parsed = (evidenceFastPaths() ? parseJsonFast(text) : undefined) ?? parseJsonExact(text);
  if (!parsed.ok) {
    const b = builder(schema, options);
    const pos = { line: parsed.line, column: parsed.column };
    if (parsed.kind === "too-deep") b.report("evidence-json-too-deep", { limit: MAX_JSON_DEPTH }, pos);
    else b.report("evidence-json-syntax", { detail: parsed.detail }, pos);
    return b.finish("unknown");
  }
  const data = parsed.value;
  options = { ...options, duplicates: parsed.duplicates };
  const kind: EvidenceFileKind = isJsonRegistry(data) ? "registry" : "evidence-json";
  if (options.expect !== undefined && !options.expect.includes(kind)) {
    const b = builder(schema, options);
    const label = (k: EvidenceFileKind): string => (k === "registry" ? "unit registry" : k === "evidence-json" ? "JSON evidence file" : k);
    b.report("evidence-wrong-file-kind", { kind: label(kind), expected: options.expect.map(label).join(" or ") }, { line: 1, column: 1 });
    return b.finish(kind);
  }
  const part = kind === "registry"
    ? readUnitsJson(data, options.file === undefined ? { duplicates: parsed.duplicates } : { file: options.file, duplicates: parsed.duplicates })
    : readEvidenceJson(data, schema, options);
  return withPositions(part, text);
}

/**
 * Adds line and column (from the text) to diagnostics that have a JSON path: the
 * position of the path, or of its nearest existing ancestor (for a missing key).
 */
function withPositions(part: EvidencePart, text: string): EvidencePart {
  const wanted = new Set<string>();
  for (const d of part.diagnostics) {
    if (d.path === undefined || d.line !== undefined) continue;
    for (let n = d.path.length; n >= 0; n--) wanted.add(pathKey(d.path.slice(0, n)));
  }
  if (wanted.size === 0) return part;
  const found = locateJsonPaths(text, wanted);
  const diagnostics: Diagnostic[] = part.diagnostics.map((d) => {
    if (d.path === undefined || d.line !== undefined) return d;
    for (let n = d.path.length; n >= 0; n--) {
      const pos = found.get(pathKey(d.path.slice(0, n)));
      if (pos !== undefined) return Object.freeze({ ...d, line: pos.line, column: pos.column });
    }
    return d;
  });
  return { ...part, diagnostics };
}
