/**
 * The appraisal log: an append-only JSON Lines file of appraisal events, one per line,
 *
 * ```json
 * {"at":"2024-11-20T09:30:00+07:00","by":"Hội đồng thẩm định","unit":"phuc-dien","criterion":"1.2","field":"appraised","from":1.5,"to":1,"why":"Thiếu báo cáo quý IV","prev":"…","sha256":"…"}
 * ```
 *
 * `prev` is the SHA-256 of the line before it (its UTF-8 text without the line break;
 * 64 zeros on the first line) and `sha256` the SHA-256 of the line itself up to that key
 * (the line's text with `,"sha256":"…"` removed). A line edited in place no longer matches
 * its own hash; a removed line leaves the next line's `prev` matching no line; reordered
 * lines record a line that is not the one before them. Each is named at its line.
 * Pure: text in, events and diagnostics out.
 */
import { dec, type Decimal } from "../core/decimal.js";
import { sha256 } from "../core/sha256.js";
import { type Diagnostic, type Location, diag, didYouMean } from "../diagnostics/index.js";
import type { CompiledFramework } from "../framework/ir.js";
import type { EvidenceSet, PointsEntry, UnitEvidence } from "./model.js";

/** The `prev` of the first line. */
export const GENESIS = "0".repeat(64);

/** One change of a self-assessed or appraised score. */
export interface AppraisalEvent {
  /** When (ISO 8601: `2024-11-20`, `2024-11-20T09:30:00+07:00`). */
  readonly at: string;
  /** Who (a person or a council); never empty. */
  readonly by: string;
  readonly unit: string;
  readonly criterion: string;
  readonly field: "self" | "appraised";
  /** The value before (null: none); must be the current value when the event is applied. */
  readonly from: number | null;
  /** The new value (null clears it). */
  readonly to: number | null;
  readonly why: string;
}

/** An event as read from the log, with its line and hashes. */
export interface LoggedEvent extends AppraisalEvent {
  readonly line: number;
  readonly prev: string;
  readonly sha256: string;
}

export interface AppraisalLogRead {
  /** The events whose lines are well-formed, in file order. */
  readonly events: readonly LoggedEvent[];
  readonly diagnostics: readonly Diagnostic[];
  /** True when the hash chain is whole (no line edited, removed or reordered, every line JSON). */
  readonly intact: boolean;
  /** Non-blank lines read. */
  readonly rows: number;
  /** SHA-256 of the last line (GENESIS for an empty log): the next event's `prev`. */
  readonly head: string;
}

const KEYS = ["at", "by", "unit", "criterion", "field", "from", "to", "why", "prev", "sha256"] as const;
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
const AT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const SUFFIX = /,"sha256":"([0-9a-f]{64})"\}$/;

/** The lines of a text, with 1-based numbers (a final line break ends the last line; `\r\n` accepted). */
function linesOf(text: string): { text: string; line: number }[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: { text: string; line: number }[] = [];
  const parts = body.split("\n");
  parts.forEach((raw, i) => {
    const t = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (t.trim() !== "") out.push({ text: t, line: i + 1 });
  });
  return out;
}

/** The SHA-256 of the last non-blank line of a log text (GENESIS when there is none). */
export function logHead(log: string): string {
  const lines = linesOf(log);
  const last = lines[lines.length - 1];
  return last === undefined ? GENESIS : sha256(last.text);
}

/**
 * The line to append to `log` for `event` (without a line break): the event's fields in
 * the log's order, `prev` (the hash of the log's last line) and its own `sha256`. Pure:
 * the caller appends it (with "\n") to the file. Throws on an event that could never be
 * applied (empty `by`, a `field` other than self/appraised, a non-finite number).
 */
export function appendAppraisal(log: string, event: AppraisalEvent): string {
  const problems = checkEvent(event as unknown as Record<string, unknown>);
  if (problems.length > 0) throw new TypeError(`appraisal event: ${problems.map((p) => `${p.field} is ${p.found}, expected ${p.expected}`).join("; ")}`);
  const body = {
    at: event.at,
    by: event.by.normalize("NFC"),
    unit: event.unit.normalize("NFC"),
    criterion: event.criterion.normalize("NFC"),
    field: event.field,
    from: event.from,
    to: event.to,
    why: event.why.normalize("NFC"),
    prev: logHead(log),
  };
  const text = JSON.stringify(body);
  return `${text.slice(0, -1)},"sha256":"${sha256(text)}"}`;
}

interface FieldProblem {
  readonly field: string;
  readonly found: string;
  readonly expected: string;
}

function describe(v: unknown): string {
  if (v === undefined) return "absent";
  if (v === null) return "null";
  if (typeof v === "string") return v.trim() === "" ? "empty" : JSON.stringify(v);
  if (typeof v === "number") return String(v);
  return Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : String(v);
}

function checkEvent(o: Record<string, unknown>): FieldProblem[] {
  const out: FieldProblem[] = [];
  const text = (k: string, expected: string, test: (s: string) => boolean = (s) => s.trim() !== ""): void => {
    const v = o[k];
    if (typeof v !== "string" || !test(v)) out.push({ field: k, found: describe(v), expected });
  };
  text("at", "an ISO 8601 date or time (2024-11-20 or 2024-11-20T09:30:00+07:00)", (s) => AT.test(s));
  text("by", "the name of who made the change");
  text("unit", "a unit code");
  text("criterion", "a criterion id");
  if (o["field"] !== "self" && o["field"] !== "appraised") out.push({ field: "field", found: describe(o["field"]), expected: '"self" or "appraised"' });
  for (const k of ["from", "to"]) {
    const v = o[k];
    if (v !== null && (typeof v !== "number" || !Number.isFinite(v) || v < 0)) out.push({ field: k, found: describe(v), expected: "a number of points (0 or more) or null" });
  }
  text("why", "the reason for the change");
  return out;
}

/**
 * Reads and checks a log: every line JSON with the event's fields, and the hash chain
 * whole. `intact` is false when any line is not JSON or was edited, removed or reordered;
 * the caller must then apply nothing (see {@link applyAppraisals}).
 */
export function readAppraisalLog(text: string, options: { readonly file?: string } = {}): AppraisalLogRead {
  const file = options.file;
  const at = (line: number, column = 1): Location => (file === undefined ? { line, column } : { file, line, column });
  const lines = linesOf(text);
  const diagnostics: Diagnostic[] = [];
  const events: LoggedEvent[] = [];
  let intact = true;
  const hashes = lines.map((l) => sha256(l.text));
  const lineOfHash = new Map<string, number>();
  hashes.forEach((h, i) => lineOfHash.set(h, i));
  let brokenBefore = false;
  lines.forEach((l, i) => {
    let o: unknown;
    try {
      o = JSON.parse(l.text);
    } catch (e) {
      diagnostics.push(diag("appraisal-log-json", { detail: e instanceof Error ? e.message : String(e) }, at(l.line)));
      intact = false;
      brokenBefore = true;
      return;
    }
    if (typeof o !== "object" || o === null || Array.isArray(o)) {
      diagnostics.push(diag("appraisal-log-json", { detail: `found ${describe(o)}` }, at(l.line)));
      intact = false;
      brokenBefore = true;
      return;
    }
    const obj = o as Record<string, unknown>;
    // Own hash: the line up to its "sha256" key.
    const suffix = SUFFIX.exec(l.text);
    const actual = sha256(suffix === null ? l.text : l.text.slice(0, suffix.index) + "}");
    const edited = suffix === null || suffix[1] !== actual;
    if (edited) {
      diagnostics.push(diag("appraisal-log-edited", { line: l.line, recorded: typeof obj["sha256"] === "string" ? short(obj["sha256"]) : "no hash", actual: short(actual) }, at(l.line)));
      intact = false;
    }
    // Chain: prev must be the hash of the line before (GENESIS on the first line). After a
    // line found edited (or not JSON), the next line's mismatch is that edit, already named.
    const expected = i === 0 ? GENESIS : hashes[i - 1]!;
    const prev = obj["prev"];
    if (prev !== expected && !brokenBefore) {
      const previous = i === 0 ? "the start of the log" : `line ${lines[i - 1]!.line}`;
      const j = typeof prev === "string" ? lineOfHash.get(prev) : undefined;
      if (j !== undefined && j !== i - 1) diagnostics.push(diag("appraisal-log-reordered", { line: l.line, after: lines[j]!.line, previous }, at(l.line)));
      else diagnostics.push(diag("appraisal-log-removed", { line: l.line, previous }, at(l.line)));
      intact = false;
    }
    brokenBefore = edited;
    let fieldsOk = true;
    for (const key of Object.keys(obj)) {
      if (FORBIDDEN.has(key) || !(KEYS as readonly string[]).includes(key)) {
        const suggestion = FORBIDDEN.has(key) ? undefined : didYouMean(key, KEYS);
        diagnostics.push(diag("appraisal-log-field", { field: key, found: "an unknown key", expected: `one of ${KEYS.join(", ")}${suggestion ? ` ("${suggestion}"?)` : ""}` }, at(l.line)));
        fieldsOk = false;
      }
    }
    for (const p of checkEvent(obj)) {
      diagnostics.push(diag("appraisal-log-field", { ...p }, { ...at(l.line), ...(typeof obj["unit"] === "string" && obj["unit"] !== "" && { unit: obj["unit"] }) }));
      fieldsOk = false;
    }
    if (!fieldsOk) return;
    events.push(
      Object.freeze({
        at: obj["at"] as string,
        by: (obj["by"] as string).normalize("NFC"),
        unit: (obj["unit"] as string).normalize("NFC"),
        criterion: (obj["criterion"] as string).normalize("NFC"),
        field: obj["field"] as "self" | "appraised",
        from: obj["from"] as number | null,
        to: obj["to"] as number | null,
        why: (obj["why"] as string).normalize("NFC"),
        line: l.line,
        prev: prev as string,
        sha256: hashes[i]!,
      }),
    );
  });
  return { events, diagnostics, intact, rows: lines.length, head: hashes[hashes.length - 1] ?? GENESIS };
}

function short(hash: string): string {
  return hash.length > 12 ? hash.slice(0, 12) + "…" : hash;
}

/** The last applied change of one score, by unit then criterion id. */
export type AppraisalChanges = ReadonlyMap<string, ReadonlyMap<string, LoggedEvent>>;

export interface AppliedAppraisals {
  /** The evidence with the events applied (the input set when nothing was applied). */
  readonly evidence: EvidenceSet;
  /** The last applied event per unit and criterion. */
  readonly changes: AppraisalChanges;
  /** Every applied event, in order. */
  readonly applied: readonly LoggedEvent[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Applies a log's events in order onto the points table. Nothing is applied from a log
 * that is not `intact`. An event for an unknown unit or criterion, for a criterion that
 * is not scored `manual`, or whose `from` is not the current value (a lost update) is an
 * error at its line and is not applied. Pure: returns a new evidence set.
 */
export function applyAppraisals(evidence: EvidenceSet, framework: CompiledFramework, log: AppraisalLogRead, options: { readonly file?: string } = {}): AppliedAppraisals {
  const file = options.file;
  const diagnostics: Diagnostic[] = [];
  const changes = new Map<string, Map<string, LoggedEvent>>();
  const applied: LoggedEvent[] = [];
  if (!log.intact) return { evidence, changes, applied, diagnostics };
  const units = new Set(evidence.units.map((u) => u.code));
  for (const code of evidence.byUnit.keys()) units.add(code);
  const rules = new Map<string, string>();
  for (const n of framework.nodes) rules.set(n.id, n.kind === "leaf" ? n.rule.kind : "sum of its children");
  for (const a of framework.adjustments) rules.set(a.id, a.rule.kind);
  const points = new Map<string, Map<string, PointsEntry>>();
  const current = (unit: string): Map<string, PointsEntry> => {
    let m = points.get(unit);
    if (m === undefined) points.set(unit, (m = new Map(evidence.byUnit.get(unit)?.points ?? [])));
    return m;
  };
  for (const e of log.events) {
    const where: Location = { ...(file !== undefined && { file }), line: e.line, column: 1, unit: e.unit, criterion: e.criterion };
    let ok = true;
    if (!units.has(e.unit)) {
      const suggestion = didYouMean(e.unit, units);
      diagnostics.push(diag("evidence-unknown-unit", { unit: e.unit, ...(suggestion !== undefined && { suggestion }) }, where));
      ok = false;
    }
    const rule = rules.get(e.criterion);
    if (rule === undefined) {
      const suggestion = didYouMean(e.criterion, rules.keys());
      diagnostics.push(diag("evidence-unknown-criterion", { criterion: e.criterion, ...(suggestion !== undefined && { suggestion }) }, where));
      ok = false;
    } else if (rule !== "manual") {
      diagnostics.push(diag("appraisal-not-manual", { unit: e.unit, criterion: e.criterion, rule }, where));
      ok = false;
    }
    if (!ok) continue;
    const table = current(e.unit);
    const entry = table.get(e.criterion);
    const now = entry?.[e.field];
    const from = e.from === null ? undefined : dec(e.from);
    if (now === undefined ? from !== undefined : from === undefined || !now.eq(from)) {
      const last = changes.get(e.unit)?.get(e.criterion);
      const params = { unit: e.unit, criterion: e.criterion, field: e.field, from: e.from === null ? "none" : String(e.from), current: now?.toString() ?? "none" };
      const setBy = last !== undefined && last.field === e.field ? { by: last.by, line: last.line } : {};
      diagnostics.push(diag("appraisal-lost-update", { ...params, ...setBy }, where));
      continue;
    }
    table.set(e.criterion, withField(entry, e.field, e.to === null ? undefined : dec(e.to), where));
    let m = changes.get(e.unit);
    if (m === undefined) changes.set(e.unit, (m = new Map()));
    m.set(e.criterion, e);
    applied.push(e);
  }
  if (applied.length === 0) return { evidence, changes, applied, diagnostics };
  const byUnit = new Map<string, UnitEvidence>(evidence.byUnit);
  for (const [code, table] of points) {
    const before = evidence.byUnit.get(code);
    byUnit.set(code, { code, inputs: before?.inputs ?? new Map(), points: table });
  }
  return { evidence: { ...evidence, byUnit }, changes, applied, diagnostics };
}

function withField(entry: PointsEntry | undefined, field: "self" | "appraised", value: Decimal | undefined, where: Location): PointsEntry {
  const out: { self?: Decimal; appraised?: Decimal; note?: string; documents?: readonly string[]; where?: Location } = {};
  if (entry?.self !== undefined) out.self = entry.self;
  if (entry?.appraised !== undefined) out.appraised = entry.appraised;
  if (entry?.note !== undefined) out.note = entry.note;
  if (entry?.documents !== undefined) out.documents = entry.documents;
  if (value === undefined) delete out[field];
  else out[field] = value;
  // The row of the points table stays the place of the claim; a score the log creates is placed at its line.
  out.where = entry?.where ?? where;
  return out;
}
