/**
 * The contract's Results JSON (framework-format.md, "Results"): numbers rounded to
 * the framework's decimals, units by rank then code, every node in framework order.
 */
import { type Decimal, indexOf, type Rounding, roundTo, toJsonNumber } from "../core/decimal.js";
import { exactJson, type ExactJsonNumber } from "../core/json-text.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { NodeResult, NodeStatus, ScoreResult, UnitResult } from "./result.js";
import type { CompiledFramework } from "../framework/ir.js";
import { type Scaled, STATUS_NOT_APPLICABLE, STATUS_SCORED, TOTAL_MAX, TOTAL_POINTS } from "./store.js";
import { UnitScore } from "./unit.js";

const STATUS: readonly NodeStatus[] = ["scored", "not_applicable", "missing"];

export interface ScoreResultJson {
  /** `decimals` and `rounding` say how the numbers were rounded, so a saved result can be read again exactly. */
  framework: { id: string; year: number; decimals: number; rounding: { decimals: number; mode: string } };
  units: UnitJson[];
  diagnostics: DiagnosticJson[];
}

export interface UnitJson {
  unit: string;
  name: string;
  rank: number;
  points: number;
  max: number;
  index?: number;
  grade?: string | null;
  complete: boolean;
  parts: Record<string, { points: number; max: number; index?: number }>;
  adjustments: { id: string; points: number }[];
  criteria: CriterionJson[];
}

export interface CriterionJson {
  id: string;
  points: number;
  max: number;
  index?: number;
  status: NodeStatus;
  self?: number;
  self_diff?: number;
}

export interface DiagnosticJson {
  severity: string;
  code: string;
  message: string;
  file?: string;
  sheet?: string;
  line?: number;
  column?: number;
  unit?: string;
  criterion?: string;
  input?: string;
  /** The JSON path of the offending value, for problems in JSON (or YAML) files. */
  path?: (string | number)[];
}

/**
 * With `exact`, a number that a double cannot hold (`decimals: 10`, 12345678.1234567891) becomes an
 * ExactJsonNumber (typed as number) that {@link stringifyJson} writes digit for digit; without it
 * (the API default), a plain JSON number, the nearest double.
 */
let exactNumbers = false;

function num(value: Decimal, rounding: Rounding): number {
  const r = roundTo(value, rounding);
  const n = toJsonNumber(r);
  const v = Object.is(n, -0) ? 0 : n;
  return exactNumbers ? (exactJson(v, () => r) as number) : v;
}

/**
 * Below this magnitude a number rounded to `decimals` places has at most 15 significant digits,
 * so the nearest double prints as exactly those digits: no exact decimal is needed.
 */
let exactBound = 1e13;

/** A number from the store's counts, exact when asked (see {@link num}). */
function counted(n: number, exact: () => Decimal): number {
  return exactNumbers && !(Math.abs(n) < exactBound) ? (exactJson(n, exact) as number) : n;
}

/** A diagnostic as JSON: severity, code, message, then where it is (the keys that are known). */
export function diagnosticToJson(d: Diagnostic): DiagnosticJson {
  const out: DiagnosticJson = { severity: d.severity, code: d.code, message: d.message };
  if (d.file !== undefined) out.file = d.file;
  if (d.sheet !== undefined) out.sheet = d.sheet;
  if (d.line !== undefined) out.line = d.line;
  if (d.column !== undefined) out.column = d.column;
  if (d.unit !== undefined) out.unit = d.unit;
  if (d.criterion !== undefined) out.criterion = d.criterion;
  if (d.input !== undefined) out.input = d.input;
  if (d.path !== undefined && d.path.length > 0) out.path = [...d.path];
  return out;
}

function criterionToJson(n: NodeResult, rounding: Rounding): CriterionJson {
  const points = num(n.points, rounding);
  const max = num(n.max, rounding);
  const i = n.status === "not_applicable" ? undefined : n.index;
  const index = i === undefined ? undefined : num(i, rounding);
  const c: CriterionJson = index === undefined ? { id: n.id, points, max, status: n.status } : { id: n.id, points, max, index, status: n.status };
  const self = n.self;
  if (self !== undefined) {
    c.self = num(self, rounding);
    c.self_diff = num(self.minus(n.points), rounding);
  }
  return c;
}

/**
 * A unit scored by the engine, straight from its exact integer counts: the same numbers
 * as through its Decimals (rounded once, with the framework's mode), without building them.
 */
function unitScoreToJson(u: UnitScore, framework: CompiledFramework, hasGrades: boolean): UnitJson {
  const rounding = framework.rounding;
  const { store, row } = u.core;
  const a = store.arith;
  const parts: UnitJson["parts"] = {};
  const J = (x: Scaled): number => counted(a.toJsonNumber(x), () => roundTo(a.toDecimal(x), rounding));
  const I = (p: Scaled, m: Scaled): number | undefined => {
    const i = a.indexJson(p, m);
    return i === undefined ? undefined : counted(i, () => roundTo(indexOf(a.toDecimal(p), a.toDecimal(m))!, rounding));
  };
  framework.parts.forEach((p, i) => {
    const at = row * store.partCount + i;
    const points = J(store.partPoints[at]!);
    const max = J(store.partMax[at]!);
    const index = I(store.partPoints[at]!, store.partMax[at]!);
    parts[p.id] = index === undefined ? { points, max } : { points, max, index };
  });
  const adjustments = framework.adjustments.map((adj, i) => {
    const at = row * store.adjustmentCount + i;
    if (store.adjustmentFlags[at] === STATUS_NOT_APPLICABLE) return { id: adj.id, points: 0 };
    const x = store.adjustmentPoints[at]!;
    const d = (): Decimal => roundTo(a.toDecimal(x), rounding);
    const p = a.toJsonNumber(x);
    if (adj.kind !== "penalty" || p === 0) return { id: adj.id, points: counted(p, d) };
    return { id: adj.id, points: counted(-p, () => d().neg()) };
  });
  // Self scores: only the points-table rows that have one (most nodes have none).
  const selfs = u.core.selfScores();
  const n = store.nodeCount;
  const criteria: CriterionJson[] = new Array<CriterionJson>(n);
  for (let i = 0; i < n; i++) {
    const at = row * n + i;
    const p = store.nodePoints[at]!;
    const m = store.nodeMax[at]!;
    const status = STATUS[store.nodeFlags[at]! % 3]!;
    const points = J(p);
    const max = J(m);
    const index = status === "not_applicable" ? undefined : I(p, m);
    const c: CriterionJson = index === undefined ? { id: framework.nodes[i]!.id, points, max, status } : { id: framework.nodes[i]!.id, points, max, index, status };
    const self = selfs?.[i];
    if (self !== undefined) {
      c.self = num(self, rounding);
      c.self_diff = num(self.minus(a.toDecimal(p)), rounding);
    }
    criteria[i] = c;
  }
  const total = store.totals[row * 4 + TOTAL_POINTS]!;
  const totalMax = store.totals[row * 4 + TOTAL_MAX]!;
  const index = I(total, totalMax);
  return {
    unit: u.unit,
    name: u.name,
    rank: u.rank,
    points: J(total),
    max: J(totalMax),
    ...(index !== undefined && { index }),
    ...(hasGrades && { grade: u.grade ?? null }),
    complete: u.complete,
    parts,
    adjustments,
    criteria,
  };
}

/** The fixed text around one unit's values, per framework, nesting depth and indent. */
interface UnitLayout {
  /** `,<newline and pad>"key": ` at the unit's member level, by key. */
  readonly key: (name: string) => string;
  /** Per part: the text before its points (`{"id": {"points": ` on its first or later position). */
  readonly partHead: readonly string[];
  readonly partMax: string;
  readonly partIndex: string;
  readonly partClose: string;
  /** Per adjustment: the text before its points; then the close. */
  readonly adjustmentHead: readonly string[];
  readonly adjustmentClose: string;
  /** Per node: the text before its points; then the keys after. */
  readonly criterionHead: readonly string[];
  readonly criterionMax: string;
  readonly criterionIndex: string;
  readonly criterionStatus: readonly string[];
  /** Per status: its key and value, then the close (a criterion without a self score). */
  readonly criterionStatusClose: readonly string[];
  readonly criterionSelf: string;
  readonly criterionSelfDiff: string;
  readonly criterionClose: string;
  /**
   * Per node, a scored criterion's whole text by its points, for one max (the first one seen):
   * [plain numbers, exact numbers]. A text is a fixed function of the node, the points and the max.
   */
  readonly criterionMemo: readonly [CriterionMemo[], CriterionMemo[]];
  /** The end of a non-empty object or array at the unit's member level, and of the unit. */
  readonly memberClose: string;
  readonly unitClose: string;
}

/** Criterion texts remembered for one node (see {@link UnitLayout.criterionMemo}). */
interface CriterionMemo {
  max: Scaled | undefined;
  readonly texts: Map<Scaled, string>;
}

/** Texts remembered per node: a node's points take few values in a run (a leaf's scores), a computed one may take many. */
const CRITERION_MEMO_MAX = 64;

const layouts = new WeakMap<CompiledFramework, Map<string, UnitLayout>>();

function layoutOf(framework: CompiledFramework, depth: number, indent: number): UnitLayout {
  let byShape = layouts.get(framework);
  if (byShape === undefined) layouts.set(framework, (byShape = new Map()));
  const shape = `${depth}/${indent}`;
  let layout = byShape.get(shape);
  if (layout !== undefined) return layout;
  const nl = (level: number): string => (indent > 0 ? "\n" + " ".repeat(indent * level) : "");
  const colon = indent > 0 ? ": " : ":";
  const k = (name: string, level: number, first: boolean): string => (first ? "{" : ",") + nl(level) + JSON.stringify(name) + colon;
  const m = depth + 1; // the unit's members
  const item = m + 1; // parts by id, array items
  const inner = item + 1; // their members
  const keys = new Map<string, string>();
  layout = {
    key: (name) => {
      let t = keys.get(name);
      if (t === undefined) keys.set(name, (t = k(name, m, name === "unit")));
      return t;
    },
    partHead: framework.parts.map((p, i) => (i === 0 ? "{" : ",") + nl(item) + JSON.stringify(p.id) + colon + k("points", inner, true)),
    partMax: k("max", inner, false),
    partIndex: k("index", inner, false),
    partClose: nl(item) + "}",
    adjustmentHead: framework.adjustments.map((a, i) => (i === 0 ? "[" : ",") + nl(item) + k("id", inner, true) + JSON.stringify(a.id) + k("points", inner, false)),
    adjustmentClose: nl(item) + "}",
    criterionHead: framework.nodes.map((n, i) => (i === 0 ? "[" : ",") + nl(item) + k("id", inner, true) + JSON.stringify(n.id) + k("points", inner, false)),
    criterionMax: k("max", inner, false),
    criterionIndex: k("index", inner, false),
    criterionStatus: STATUS.map((st) => k("status", inner, false) + JSON.stringify(st)),
    criterionStatusClose: STATUS.map((st) => k("status", inner, false) + JSON.stringify(st) + nl(item) + "}"),
    criterionSelf: k("self", inner, false),
    criterionSelfDiff: k("self_diff", inner, false),
    criterionClose: nl(item) + "}",
    criterionMemo: [framework.nodes.map(() => ({ max: undefined, texts: new Map() })), framework.nodes.map(() => ({ max: undefined, texts: new Map() }))],
    memberClose: nl(m),
    unitClose: nl(depth) + "}",
  };
  byShape.set(shape, layout);
  return layout;
}

/**
 * Texts of numbers written before, in a direct-mapped table by the bits of the double: `String(n)`
 * of a double is fixed (the shortest text that reads back as `n`), so a remembered text is exact.
 * A run writes few distinct numbers (points, maxima and indices at the framework's decimals);
 * two numbers on one slot take turns. -0 and 0 may share a slot: both are written `0`.
 * NaN never matches (it is written `null` each time).
 */
const SLOTS = 1 << 15;
const slotKeys = new Float64Array(SLOTS).fill(Number.NaN);
const slotTexts: string[] = new Array<string>(SLOTS).fill("null");
const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** A JSON number's text (an exact number's digits; `null` for a non-finite number, as JSON.stringify). */
export function numberText(n: number | ExactJsonNumber): string {
  if (typeof n !== "number") return n.text;
  bits[0] = n;
  let h = words[0]! ^ words[1]!;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  const slot = (h ^ (h >>> 16)) & (SLOTS - 1);
  if (slotKeys[slot] === n) return slotTexts[slot]!;
  const text = Number.isFinite(n) ? String(n) : "null";
  slotKeys[slot] = n;
  slotTexts[slot] = text;
  return text;
}

/**
 * One engine-scored unit's JSON text, written straight from its stored counts at `depth`
 * levels of nesting with `indent` spaces per level (0: compact): the same bytes as
 * `stringifyJson(unitResultToJson(u, framework))` nested there, without building the objects.
 * Undefined for a unit the engine did not score with this framework.
 */
export function unitJsonText(u: UnitResult, framework: CompiledFramework, depth: number, indent: number, options: ScoreJsonOptions = {}): string | undefined {
  if (!(u instanceof UnitScore) || u.core.plan.framework !== framework) return undefined;
  const before = exactNumbers;
  const beforeBound = exactBound;
  exactNumbers = options.exactNumbers === true;
  exactBound = 10 ** (15 - framework.rounding.decimals);
  try {
    return unitScoreText(u, framework, layoutOf(framework, depth, indent));
  } finally {
    exactNumbers = before;
    exactBound = beforeBound;
  }
}

function unitScoreText(u: UnitScore, framework: CompiledFramework, L: UnitLayout): string {
  const rounding = framework.rounding;
  const { store, row } = u.core;
  const a = store.arith;
  // As `counted`, without a closure per number: the exact decimal only where a double may not hold it.
  const J = (x: Scaled): string => {
    const n = a.toJsonNumber(x);
    return numberText(exactNumbers && !(Math.abs(n) < exactBound) ? exactJson(n, () => roundTo(a.toDecimal(x), rounding)) : n);
  };
  const I = (p: Scaled, m: Scaled): string | undefined => {
    const i = a.indexJson(p, m);
    if (i === undefined) return undefined;
    return numberText(exactNumbers && !(Math.abs(i) < exactBound) ? exactJson(i, () => roundTo(indexOf(a.toDecimal(p), a.toDecimal(m))!, rounding)) : i);
  };
  // Every piece of the unit's text in one list, joined once: one flat string, no string built twice.
  const t: string[] = [];
  const total = store.totals[row * 4 + TOTAL_POINTS]!;
  const totalMax = store.totals[row * 4 + TOTAL_MAX]!;
  const index = I(total, totalMax);
  t.push(L.key("unit"), JSON.stringify(u.unit), L.key("name"), JSON.stringify(u.name), L.key("rank"), numberText(u.rank), L.key("points"), J(total), L.key("max"), J(totalMax));
  if (index !== undefined) t.push(L.key("index"), index);
  if ((framework.grades?.length ?? 0) > 0) {
    const grade = u.grade;
    t.push(L.key("grade"), grade === undefined ? "null" : JSON.stringify(grade));
  }
  t.push(L.key("complete"), u.complete ? "true" : "false", L.key("parts"));
  const parts = framework.parts;
  if (parts.length === 0) t.push("{}");
  else {
    for (let i = 0; i < parts.length; i++) {
      const at = row * store.partCount + i;
      const p = store.partPoints[at]!;
      const m = store.partMax[at]!;
      const pi = I(p, m);
      t.push(L.partHead[i]!, J(p), L.partMax, J(m));
      if (pi !== undefined) t.push(L.partIndex, pi);
      t.push(L.partClose);
    }
    t.push(L.memberClose, "}");
  }
  t.push(L.key("adjustments"));
  const adjustments = framework.adjustments;
  if (adjustments.length === 0) t.push("[]");
  else {
    for (let i = 0; i < adjustments.length; i++) {
      const at = row * store.adjustmentCount + i;
      let text: string;
      if (store.adjustmentFlags[at] === STATUS_NOT_APPLICABLE) text = "0";
      else {
        const x = store.adjustmentPoints[at]!;
        const d = (): Decimal => roundTo(a.toDecimal(x), rounding);
        const p = a.toJsonNumber(x);
        text = adjustments[i]!.kind !== "penalty" || p === 0 ? numberText(counted(p, d)) : numberText(counted(-p, () => d().neg()));
      }
      t.push(L.adjustmentHead[i]!, text, L.adjustmentClose);
    }
    t.push(L.memberClose, "]");
  }
  t.push(L.key("criteria"));
  // Self scores: only the points-table rows that have one (most nodes have none).
  const selfs = u.core.selfScores();
  const memos = L.criterionMemo[exactNumbers ? 1 : 0];
  const n = store.nodeCount;
  if (n === 0) t.push("[]");
  else {
    for (let i = 0; i < n; i++) {
      const at = row * n + i;
      const p = store.nodePoints[at]!;
      const m = store.nodeMax[at]!;
      const status = store.nodeFlags[at]! % 3;
      const self = selfs?.[i];
      if (status === STATUS_SCORED && self === undefined) {
        const memo = memos[i]!;
        if (memo.max === undefined) memo.max = m;
        if (memo.max === m) {
          let c = memo.texts.get(p);
          if (c === undefined) {
            const ci = I(p, m);
            c = L.criterionHead[i]! + J(p) + L.criterionMax + J(m) + (ci === undefined ? "" : L.criterionIndex + ci) + L.criterionStatusClose[status]!;
            if (memo.texts.size < CRITERION_MEMO_MAX) memo.texts.set(p, c);
          }
          t.push(c);
          continue;
        }
      }
      t.push(L.criterionHead[i]!, J(p), L.criterionMax, J(m));
      if (status !== STATUS_NOT_APPLICABLE) {
        const ci = I(p, m);
        if (ci !== undefined) t.push(L.criterionIndex, ci);
      }
      if (self === undefined) t.push(L.criterionStatusClose[status]!);
      else {
        t.push(L.criterionStatus[status]!, L.criterionSelf, numberText(num(self, rounding)), L.criterionSelfDiff);
        t.push(numberText(num(self.minus(a.toDecimal(p)), rounding)), L.criterionClose);
      }
    }
    t.push(L.memberClose, "]");
  }
  t.push(L.unitClose);
  return t.join("");
}

/** One unit as JSON; `grade` is present only when the framework has grades (null when no band matched). */
export function unitResultToJson(u: UnitResult, framework: CompiledFramework): UnitJson {
  const rounding = framework.rounding;
  const hasGrades = (framework.grades?.length ?? 0) > 0;
  if (u instanceof UnitScore && u.core.plan.framework === framework) return unitScoreToJson(u, framework, hasGrades);
  const parts: UnitJson["parts"] = {};
  for (const p of u.parts) {
    parts[p.id] = p.index === undefined ? { points: num(p.points, rounding), max: num(p.max, rounding) } : { points: num(p.points, rounding), max: num(p.max, rounding), index: num(p.index, rounding) };
  }
  return {
    unit: u.unit,
    name: u.name,
    rank: u.rank,
    points: num(u.points, rounding),
    max: num(u.max, rounding),
    ...(u.index !== undefined && { index: num(u.index, rounding) }),
    ...(hasGrades && { grade: u.grade ?? null }),
    complete: u.complete,
    parts,
    adjustments: u.adjustments.map((a) => ({ id: a.id, points: num(a.signed, rounding) })),
    criteria: u.nodes.map((n) => criterionToJson(n, rounding)),
  };
}

export interface ScoreJsonOptions {
  /**
   * Numbers a double cannot hold exactly (more than 15 significant digits) as
   * ExactJsonNumber objects, for `stringifyJson`, which writes every digit (the CLI's
   * JSON). Default false: plain numbers (the nearest double).
   */
  readonly exactNumbers?: boolean;
}

/** The whole result as the contract's JSON object. */
export function scoreResultToJson(result: ScoreResult, options: ScoreJsonOptions = {}): ScoreResultJson {
  const fw = result.framework;
  const before = exactNumbers;
  const beforeBound = exactBound;
  exactNumbers = options.exactNumbers === true;
  exactBound = 10 ** (15 - fw.rounding.decimals);
  try {
    return {
      framework: { id: fw.id, year: fw.year, decimals: fw.rounding.decimals, rounding: { decimals: fw.rounding.decimals, mode: fw.rounding.mode } },
      units: result.units.map((u) => unitResultToJson(u, fw)),
      diagnostics: result.diagnostics.map(diagnosticToJson),
    };
  } finally {
    exactNumbers = before;
    exactBound = beforeBound;
  }
}
