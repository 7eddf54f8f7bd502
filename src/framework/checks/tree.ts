import { exactPlus } from "../../core/exact.js";
import type { IdProblem } from "../../diagnostics/messages/framework.js";
import type { Decimal } from "../../core/decimal.js";
import { ZERO, dec } from "../../core/decimal.js";
import { diag, didYouMean, type DocPath, type Location } from "../../diagnostics/index.js";
import { RULE_KINDS, type RawRule } from "../schema.js";
import type { CheckContext, NodeEntry } from "./context.js";
import { exactNumberAt, numberText, ruleOwners } from "./context.js";

/** Duplicate ids, leaf/parent shape, maxima and their sums, one kind per rule. */
export function checkTree(ctx: CheckContext): void {
  checkDuplicateIds(ctx);
  for (const node of ctx.nodes) checkShape(ctx, node);
  (ctx.fw.adjustments ?? []).forEach((a, i) => {
    if (a.max <= 0) {
      const path = ["adjustments", i, "max"];
      ctx.report(diag("max-not-positive", { id: a.id, max: numberText(ctx, path, a.max) }, ctx.source.where(path)));
    }
  });
  for (const owner of ruleOwners(ctx)) checkRuleKinds(ctx, owner.id, owner.rule, owner.rulePath);
  checkMaxSums(ctx);
}

function checkDuplicateIds(ctx: CheckContext): void {
  const first = new Map<string, DocPath>();
  const visit = (id: string, path: DocPath): void => {
    if (typeof id !== "string") return; // a schema error already
    const problem = idProblem(id);
    if (problem !== undefined) {
      ctx.report(diag("criterion-id-invalid", { id, problem }, ctx.source.where(path)));
      return;
    }
    const earlier = first.get(id);
    if (earlier) ctx.report(diag("duplicate-id", { id, first: describeLocation(ctx.source.where(earlier)) }, ctx.source.where(path)));
    else first.set(id, path);
  };
  for (const node of ctx.nodes) visit(node.raw.id, [...node.path, "id"]);
  (ctx.fw.adjustments ?? []).forEach((a, i) => visit(a.id, ["adjustments", i, "id"]));
}

/**
 * Why an id cannot be named in a points table, or undefined. Ids are compared as NFC (the
 * loader normalises them), so an NFC/NFD twin of another id is a duplicate.
 */
function idProblem(id: string): IdProblem | undefined {
  if (id.trim() === "") return "blank";
  if (id !== id.trim()) return "spaces";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(id)) return "control";
  return undefined;
}

function describeLocation(l: Location): string {
  return `${l.file ?? "line"}${l.file ? ":" : " "}${l.line ?? 1}:${l.column ?? 1}`;
}

function checkShape(ctx: CheckContext, node: NodeEntry): void {
  const { raw, path } = node;
  const hasChildren = raw.children !== undefined;
  const where = (): Location => ctx.source.where([...path, "id"]);
  if (raw.rule && hasChildren) {
    ctx.report(diag("node-rule-and-children", { id: raw.id }, ctx.source.whereKey([...path, "rule"])), path);
  } else if (!raw.rule && !hasChildren) {
    ctx.report(diag("leaf-missing-rule", { id: raw.id }, where()), path);
  }
  if (raw.rule && !hasChildren) {
    if (raw.max === undefined) ctx.report(diag("leaf-missing-max", { id: raw.id }, where()), path);
    else if (raw.max <= 0) {
      ctx.report(diag("max-not-positive", { id: raw.id, max: numberText(ctx, [...path, "max"], raw.max) }, ctx.source.where([...path, "max"])));
    }
  }
  if (!raw.rule && hasChildren && raw.children!.length === 0) ctx.report(diag("leaf-missing-rule", { id: raw.id }, where()), path);
}

function checkRuleKinds(ctx: CheckContext, id: string, rule: RawRule, rulePath: DocPath): void {
  const kinds = RULE_KINDS.filter((k) => Object.hasOwn(rule, k) && rule[k] !== undefined);
  if (kinds.length !== 1) ctx.report(diag("rule-one-kind", { id, kinds: kinds.join(", ") }, ctx.source.where(rulePath)), rulePath);
}

/**
 * Compares each declared parent max with the sum of its children's max (bottom-up).
 * A wrong max must be reported once, not again at every ancestor: each node carries
 * two candidate sums (children as declared, and leaves only), and an ancestor is
 * consistent when its declared max equals either.
 */
function checkMaxSums(ctx: CheckContext): void {
  const asDeclared: (Decimal | undefined)[] = new Array(ctx.nodes.length);
  const fromLeaves: (Decimal | undefined)[] = new Array(ctx.nodes.length);
  const add = (a: Decimal | undefined, b: Decimal | undefined): Decimal | undefined => (a && b ? exactPlus(a, b) : undefined);
  for (let i = ctx.nodes.length - 1; i >= 0; i--) {
    const node = ctx.nodes[i]!;
    const declared = node.raw.max === undefined ? undefined : exactNumberAt(ctx, [...node.path, "max"], node.raw.max);
    if (node.children.length === 0) {
      asDeclared[i] = fromLeaves[i] = declared;
      continue;
    }
    let sum: Decimal | undefined = ZERO;
    let leaves: Decimal | undefined = ZERO;
    for (const c of node.children) {
      sum = add(sum, asDeclared[c]);
      leaves = add(leaves, fromLeaves[c]);
    }
    if (declared && sum && leaves && !declared.eq(sum) && !declared.eq(leaves)) {
      const path = [...node.path, "max"];
      ctx.report(
        diag("max-mismatch", { id: node.raw.id, declared: numberText(ctx, path, node.raw.max!), sum: sum.toString() }, ctx.source.where(path)),
        node.path,
      );
    }
    asDeclared[i] = declared ?? sum;
    fromLeaves[i] = leaves;
  }
}

/** `part` must name a declared part; `ranking.tiebreak` must name criteria. */
export function checkReferences(ctx: CheckContext): void {
  const parts = Object.keys(ctx.fw.parts ?? {});
  for (const node of ctx.nodes) {
    const part = node.raw.part;
    if (part === undefined || parts.includes(part)) continue;
    const suggestion = didYouMean(part, parts);
    ctx.report(
      diag("unknown-part", { part, known: parts.join(", "), ...(suggestion !== undefined && { suggestion }) }, ctx.source.where([...node.path, "part"])),
    );
  }
  const ids = ctx.nodes.map((n) => n.raw.id);
  const idSet = new Set(ids);
  (ctx.fw.ranking?.tiebreak ?? []).forEach((id, i) => {
    if (idSet.has(id)) return;
    const suggestion = didYouMean(id, ids);
    ctx.report(diag("unknown-tiebreak", { id, ...(suggestion !== undefined && { suggestion }) }, ctx.source.where(["ranking", "tiebreak", i])));
  });
}
