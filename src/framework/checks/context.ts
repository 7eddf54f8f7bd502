import type { Decimal } from "../../core/decimal.js";
import { dec } from "../../core/decimal.js";
import type { Diagnostic, DocPath } from "../../diagnostics/index.js";
import type { RawAdjustment, RawCriterion, RawFramework, RawRule } from "../schema.js";
import type { SourceMap } from "../source.js";

/** A criterion in framework pre-order, with its document path and tree links. */
export interface NodeEntry {
  readonly raw: RawCriterion;
  readonly path: DocPath;
  readonly index: number;
  readonly parent: number;
  readonly depth: number;
  readonly children: number[];
}

/** Something that carries a rule and a max: a leaf criterion or an adjustment. */
export interface RuleOwner {
  readonly id: string;
  readonly rule: RawRule;
  readonly max: Decimal | undefined;
  /** Path of the `rule` mapping. */
  readonly rulePath: DocPath;
}

export interface CheckContext {
  readonly fw: RawFramework;
  readonly source: SourceMap;
  readonly nodes: readonly NodeEntry[];
  /** Reports a problem; `subject` (default: the diagnostic's path) is what the problem is about. */
  report(d: Diagnostic, subject?: DocPath): void;
}

/** Flattens the criteria tree in pre-order. */
export function flattenCriteria(fw: RawFramework): NodeEntry[] {
  const out: NodeEntry[] = [];
  const walk = (list: readonly RawCriterion[], path: DocPath, parent: number, depth: number): number[] =>
    list.map((raw, i) => {
      const entry: NodeEntry = { raw, path: [...path, i], index: out.length, parent, depth, children: [] };
      out.push(entry);
      if (raw.children) entry.children.push(...walk(raw.children, [...path, i, "children"], entry.index, depth + 1));
      return entry.index;
    });
  walk(fw.criteria, ["criteria"], -1, 0);
  return out;
}

/** Leaves (nodes with a rule) and adjustments, as owners of rules. */
export function ruleOwners(ctx: Pick<CheckContext, "fw" | "nodes">): RuleOwner[] {
  const out: RuleOwner[] = [];
  for (const n of ctx.nodes) {
    if (n.raw.rule) out.push({ id: n.raw.id, rule: n.raw.rule, max: decOrUndefined(n.raw.max), rulePath: [...n.path, "rule"] });
  }
  (ctx.fw.adjustments ?? []).forEach((a: RawAdjustment, i) => {
    out.push({ id: a.id, rule: a.rule, max: decOrUndefined(a.max), rulePath: ["adjustments", i, "rule"] });
  });
  return out;
}

export function decOrUndefined(n: number | undefined): Decimal | undefined {
  return n === undefined || !Number.isFinite(n) ? undefined : dec(n);
}

/** A number as the exact decimal of its source text (`0.33333333333333333333`), never through the double. */
export function exactNumberAt(ctx: Pick<CheckContext, "source">, path: DocPath, n: number): Decimal {
  const src = ctx.source.sourceText(path)?.trim();
  if (src !== undefined && /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(src)) {
    const d = dec(src);
    if (d.isFinite() && Math.abs(d.e) <= 400) return d;
  }
  return dec(n);
}

/** The written text of a number (its YAML source when known), for messages. */
export function numberText(ctx: Pick<CheckContext, "source">, path: DocPath, n: number): string {
  const src = ctx.source.sourceText(path);
  return src !== undefined && /^[-+]?[\d.]/.test(src) ? src : dec(n).toString();
}
