/**
 * Loads, validates and compiles a `par-index/survey-v1` definition:
 * YAML with positions → zod schema → static checks (all in one pass) → frozen plan.
 */
import { expectOptions, expectString } from "../core/args.js";
import { z } from "zod";
import { describeExpected } from "../diagnostics/describe.js";
import { DEFAULT_ROUNDING, Dec, ONE, ZERO, type Decimal, type RoundingMode } from "../core/decimal.js";
import { diag, hasErrors, suggestion, type Diagnostic } from "../diagnostics/index.js";
import type { DocPath } from "../diagnostics/types.js";
import { loadYaml } from "../yaml/load.js";
import type { PositionIndex } from "../yaml/positions.js";
import { allowedKeysAt, surveySchema, type SurveyDoc } from "./schema.js";
import {
  freezeDeep,
  type AggregatePlan,
  type CompiledSurvey,
  type ElementPlan,
  type GroupPlan,
  type ItemPlan,
  type OverallAggregation,
  type ScalePlan,
} from "./plan.js";

export type ParseSurveyResult =
  | { readonly ok: true; readonly survey: CompiledSurvey; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface ParseSurveyOptions {
  /** Named in every diagnostic. */
  readonly filename?: string;
}

const OVERALL_KINDS = ["mean_of_groups", "mean_of_elements", "pooled"] as const;
/** Response columns that no item or weight column may take. */
const RESERVED_COLUMNS = ["respondent", "unit"];

/**
 * Parses a survey definition. Never throws: every problem (YAML, schema, static
 * checks) comes back as a diagnostic with file, line and column.
 */
export function parseSurvey(text: string, options: ParseSurveyOptions = {}): ParseSurveyResult {
  expectString("parseSurvey(text, options)", "text", text);
  expectOptions("parseSurvey(text, options)", "options", options);
  const file = options.filename;
  const loaded = loadYaml(text, file);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (loaded.value === undefined) return { ok: false, diagnostics };
  const positions = loaded.positions;
  const raw = loaded.value;
  const where = (path: DocPath) => ({ ...(file !== undefined && { file }), ...positions.locate(path), path });
  const whereKey = (path: DocPath) => ({ ...(file !== undefined && { file }), ...positions.locateKey(path), path });

  if (!isRecord(raw)) {
    diagnostics.push(diag("survey-not-a-mapping", {}, where([])));
    return { ok: false, diagnostics };
  }

  const parsed = surveySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) diagnostics.push(...issueToDiagnostics(issue, raw, where, whereKey));
  }
  const checks = staticChecks(raw, positions, where, whereKey);
  diagnostics.push(...checks.diagnostics);

  if (!parsed.success || hasErrors(diagnostics)) return { ok: false, diagnostics };
  const survey = compile(parsed.data, checks.overall, file);
  return { ok: true, survey, diagnostics };
}

type Where = (path: DocPath) => { file?: string; line: number; column: number; path: DocPath };

function issueToDiagnostics(issue: z.core.$ZodIssue, raw: Record<string, unknown>, where: Where, whereKey: Where): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const key = displayPath(path);
  const value = valueAt(raw, path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((k) =>
        diag("survey-unknown-key", { key: k, hint: suggestion(k, allowedKeysAt(path)) }, whereKey([...path, k])),
      );
    case "invalid_type":
      if (value === undefined) return [diag("survey-missing-key", { key }, where(path))];
      return [diag("survey-wrong-type", { key, expected: describeExpected(issue.expected), found: describeValue(value) }, where(path))];
    case "invalid_value":
      return [
        diag(
          "survey-invalid-value",
          { key, value: JSON.stringify(value), expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` },
          where(path),
        ),
      ];
    case "invalid_format":
      return [diag("survey-invalid-id", { id: String(value), pattern: issue.format === "regex" ? String(issue.pattern) : issue.format }, where(path))];
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const expected =
        issue.origin === "array"
          ? `a list with ${issue.code === "too_small" ? "at least" : "at most"} ${bound} entries`
          : issue.origin === "string"
            ? "a non-empty text"
            : `${issue.code === "too_small" ? "at least" : "at most"} ${bound}`;
      return [diag("survey-invalid-value", { key, value: describeValue(value), expected }, where(path))];
    }
    default:
      return [diag("survey-invalid-value", { key, value: describeValue(value), expected: issue.message }, where(path))];
  }
}

interface CheckResult {
  readonly diagnostics: Diagnostic[];
  /** The overall aggregation, when it is valid. */
  readonly overall: OverallAggregation | undefined;
}

/** All cross-reference checks, on the raw document (so they run even when the schema found problems). */
function staticChecks(raw: Record<string, unknown>, positions: PositionIndex, where: Where, whereKey: Where): CheckResult {
  const out: Diagnostic[] = [];

  // Scale.
  const scale = isRecord(raw.scale) ? raw.scale : {};
  const levels = asArray(scale.levels);
  const levelSet = new Set<number>();
  levels.forEach((l, i) => {
    if (typeof l !== "number") return;
    if (levelSet.has(l)) out.push(diag("survey-duplicate-level", { level: l }, where(["scale", "levels", i])));
    levelSet.add(l);
  });
  const levelText = [...levelSet].join(", ");
  asArray(scale.satisfied).forEach((l, i) => {
    if (typeof l === "number" && Number.isInteger(l) && !levelSet.has(l)) {
      out.push(diag("survey-satisfied-not-in-scale", { level: String(l), levels: levelText }, where(["scale", "satisfied", i])));
    }
  });
  if (isRecord(scale.labels)) {
    const seen = new Map<string, string>();
    for (const l of levelSet) seen.set(String(l), String(l));
    for (const [k, label] of Object.entries(scale.labels)) {
      const path = ["scale", "labels", k];
      if (!levelSet.has(Number(k)) || String(Number(k)) !== k.trim()) {
        out.push(diag("survey-label-unknown-level", { level: k, levels: levelText }, whereKey(path)));
        continue;
      }
      if (typeof label !== "string") continue;
      const norm = normalizeAnswer(label);
      const other = seen.get(norm);
      if (other !== undefined && other !== k) {
        out.push(diag("survey-duplicate-label", { label, level: k, other }, where(path)));
      } else seen.set(norm, k);
    }
  }

  // Ids: groups and elements share the sipas.<id> namespace; items have their own (CSV columns).
  const named = new Map<string, string>();
  const weightColumn = typeof raw.weight === "string" ? raw.weight : undefined;
  const checkId = (id: unknown, kind: string, path: DocPath, namespace: Map<string, string>): id is string => {
    if (typeof id !== "string") return false;
    if (kind !== "item" && id === "overall") {
      out.push(diag("survey-reserved-id", { id, reason: "sipas.overall is the overall index" }, where(path)));
      return true;
    }
    const first = namespace.get(id);
    if (first !== undefined) out.push(diag("survey-duplicate-id", { id, kind, first }, where(path)));
    else namespace.set(id, kind);
    return true;
  };

  const groups = asArray(raw.groups);
  const groupIds = new Set<string>();
  groups.forEach((g, i) => {
    if (isRecord(g) && checkId(g.id, "group", ["groups", i, "id"], named)) groupIds.add(g.id as string);
  });
  const elements = asArray(raw.elements);
  const elementIds = new Set<string>();
  const groupsWithElements = new Set<string>();
  elements.forEach((e, i) => {
    if (!isRecord(e)) return;
    if (checkId(e.id, "element", ["elements", i, "id"], named)) elementIds.add(e.id as string);
    if (typeof e.group === "string") {
      if (groupIds.has(e.group)) groupsWithElements.add(e.group);
      else {
        out.push(
          diag("survey-unknown-group", { element: String(e.id), group: e.group, hint: suggestion(e.group, groupIds) }, where(["elements", i, "group"])),
        );
      }
    }
  });
  const items = asArray(raw.items);
  const itemIds = new Map<string, string>();
  const elementsWithItems = new Set<string>();
  items.forEach((it, i) => {
    if (!isRecord(it)) return;
    const ok = checkId(it.id, "item", ["items", i, "id"], itemIds);
    if (ok && RESERVED_COLUMNS.includes(it.id as string)) {
      out.push(diag("survey-reserved-id", { id: it.id as string, reason: "it is a fixed column of the responses" }, where(["items", i, "id"])));
    }
    if (it.element === undefined || it.element === null) {
      out.push(diag("survey-item-without-element", { item: String(it.id) }, where(["items", i])));
    } else if (typeof it.element === "string") {
      if (elementIds.has(it.element)) elementsWithItems.add(it.element);
      else {
        out.push(
          diag(
            "survey-unknown-element",
            { item: String(it.id), element: it.element, hint: suggestion(it.element, elementIds) },
            where(["items", i, "element"]),
          ),
        );
      }
    }
  });
  elements.forEach((e, i) => {
    if (isRecord(e) && typeof e.id === "string" && !elementsWithItems.has(e.id)) {
      out.push(diag("survey-empty-element", { element: e.id }, where(["elements", i, "id"])));
    }
  });
  groups.forEach((g, i) => {
    if (isRecord(g) && typeof g.id === "string" && !groupsWithElements.has(g.id)) {
      out.push(diag("survey-empty-group", { group: g.id }, where(["groups", i, "id"])));
    }
  });

  if (weightColumn !== undefined) {
    const clash = RESERVED_COLUMNS.includes(weightColumn)
      ? `the ${weightColumn} column`
      : itemIds.has(weightColumn)
        ? `the item "${weightColumn}"`
        : undefined;
    if (clash) out.push(diag("survey-weight-column", { column: weightColumn, clash }, where(["weight"])));
  }

  // aggregate.overall: a name or { weights: { group: w } } with exact decimal weights summing to 1.
  let overall: OverallAggregation | undefined = { kind: "mean_of_groups" };
  const agg = isRecord(raw.aggregate) ? raw.aggregate : {};
  const ov = agg.overall;
  const ovPath = ["aggregate", "overall"];
  if (typeof ov === "string") {
    if ((OVERALL_KINDS as readonly string[]).includes(ov)) overall = { kind: ov as (typeof OVERALL_KINDS)[number] };
    else {
      overall = undefined;
      out.push(
        diag(
          "survey-invalid-value",
          { key: "aggregate.overall", value: JSON.stringify(ov), expected: `one of ${OVERALL_KINDS.join(", ")} or { weights: { <group>: <weight> } }` },
          where(ovPath),
        ),
      );
    }
  } else if (isRecord(ov)) {
    overall = checkWeights(ov, groups, groupIds, positions, where, whereKey, out);
  } else if (ov !== undefined && ov !== null) {
    overall = undefined;
    out.push(
      diag("survey-wrong-type", { key: "aggregate.overall", expected: "a name or a mapping { weights: ... }", found: describeValue(ov) }, where(ovPath)),
    );
  }
  return { diagnostics: out, overall };
}

function checkWeights(
  ov: Record<string, unknown>,
  groups: readonly unknown[],
  groupIds: ReadonlySet<string>,
  positions: PositionIndex,
  where: Where,
  whereKey: Where,
  out: Diagnostic[],
): OverallAggregation | undefined {
  const base = ["aggregate", "overall"];
  let valid = true;
  for (const k of Object.keys(ov)) {
    if (k !== "weights") {
      valid = false;
      out.push(diag("survey-unknown-key", { key: k, hint: suggestion(k, ["weights"]) }, whereKey([...base, k])));
    }
  }
  const weights = ov.weights;
  const wPath = [...base, "weights"];
  if (!isRecord(weights)) {
    out.push(
      weights === undefined
        ? diag("survey-missing-key", { key: "aggregate.overall.weights" }, where(base))
        : diag("survey-wrong-type", { key: "aggregate.overall.weights", expected: "a mapping group: weight", found: describeValue(weights) }, where(wPath)),
    );
    return undefined;
  }
  const byGroup = new Map<string, Decimal>();
  let sum = ZERO;
  for (const [g, w] of Object.entries(weights)) {
    const path = [...wPath, g];
    if (!groupIds.has(g)) {
      valid = false;
      out.push(diag("survey-weights-unknown-group", { group: g, hint: suggestion(g, groupIds) }, whereKey(path)));
    }
    const d = typeof w === "number" ? exactDecimal(positions.sourceText(path) ?? String(w)) : undefined;
    if (d === undefined || d.isNegative()) {
      valid = false;
      out.push(diag("survey-invalid-value", { key: `aggregate.overall.weights.${g}`, value: describeValue(w), expected: "a decimal between 0 and 1" }, where(path)));
      continue;
    }
    byGroup.set(g, d);
    sum = sum.plus(d);
  }
  if (!sum.equals(ONE)) {
    valid = false;
    out.push(diag("survey-weights-sum", { sum: sum.toString() }, where(wPath)));
  }
  groups.forEach((g) => {
    if (isRecord(g) && typeof g.id === "string" && !(g.id in weights)) {
      out.push(diag("survey-weights-missing-group", { group: g.id }, where(wPath)));
    }
  });
  if (!valid) return undefined;
  const ordered = groups.map((g) => (isRecord(g) && typeof g.id === "string" ? (byGroup.get(g.id) ?? ZERO) : ZERO));
  return { kind: "weights", weights: ordered };
}

function compile(doc: SurveyDoc, overall: OverallAggregation | undefined, file: string | undefined): CompiledSurvey {
  const labels = doc.scale.labels ?? {};
  const satisfiedSet = new Set(doc.scale.satisfied);
  const lookup = new Map<string, number>();
  doc.scale.levels.forEach((l, i) => lookup.set(String(l), i));
  const labelList = doc.scale.levels.map((l) => labels[String(l)]);
  labelList.forEach((label, i) => {
    if (label !== undefined) lookup.set(normalizeAnswer(label), i);
  });
  const scale: ScalePlan = {
    kind: "scale",
    levels: doc.scale.levels,
    labels: labelList,
    satisfied: doc.scale.levels.map((l) => satisfiedSet.has(l)),
    lookup,
  };

  const groupIndex = new Map(doc.groups.map((g, i) => [g.id, i]));
  const elementIndex = new Map(doc.elements.map((e, i) => [e.id, i]));
  const items: ItemPlan[] = doc.items.map((it) => ({ kind: "item", id: it.id, text: it.text ?? it.id, element: elementIndex.get(it.element!)! }));
  const elements: ElementPlan[] = doc.elements.map((e, ei) => ({
    kind: "element",
    id: e.id,
    title: e.title ?? e.id,
    group: groupIndex.get(e.group)!,
    items: indicesWhere(items, (it) => it.element === ei),
  }));
  const groups: GroupPlan[] = doc.groups.map((g, gi) => {
    const els = indicesWhere(elements, (e) => e.group === gi);
    return { kind: "group", id: g.id, title: g.title ?? g.id, elements: els, items: els.flatMap((e) => elements[e]!.items) };
  });
  const aggregate: AggregatePlan = {
    kind: "aggregate",
    element: doc.aggregate?.element ?? "mean_of_items",
    group: doc.aggregate?.group ?? "mean_of_elements",
    overall: overall ?? { kind: "mean_of_groups" },
  };
  const plan: CompiledSurvey = {
    kind: "survey",
    id: doc.id,
    title: doc.title,
    year: doc.year,
    ...(doc.source !== undefined && { source: doc.source }),
    ...(doc.notes !== undefined && { notes: doc.notes }),
    ...(file !== undefined && { file }),
    scale,
    ...(doc.weight !== undefined && { weightColumn: doc.weight }),
    ...(doc.min_respondents !== undefined && { minRespondents: doc.min_respondents }),
    rounding: doc.rounding
      ? { decimals: doc.rounding.decimals, mode: (doc.rounding.mode ?? "half_up") as RoundingMode }
      : DEFAULT_ROUNDING,
    groups,
    elements,
    items,
    aggregate,
    itemIndex: new Map(items.map((it, i) => [it.id, i])),
  };
  return freezeDeep(plan);
}

/** How answers and rating levels are compared: trimmed, NFC, lower case. */
export function normalizeAnswer(text: string): string {
  return text.trim().normalize("NFC").toLowerCase();
}

function indicesWhere<T>(list: readonly T[], pred: (t: T) => boolean): number[] {
  const out: number[] = [];
  list.forEach((t, i) => pred(t) && out.push(i));
  return out;
}

function exactDecimal(text: string): Decimal | undefined {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  return new Dec(t);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let cur = root;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, p) ? (cur as Record<string | number, unknown>)[p] : undefined;
  }
  return cur;
}

function displayPath(path: readonly (string | number)[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${p}` : p;
  return s || "(document)";
}


function describeValue(v: unknown): string {
  if (v === null) return "null (empty)";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "number" && !Number.isInteger(v)) return `the decimal ${v}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}
