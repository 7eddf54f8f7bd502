import { dec } from "../../core/decimal.js";
import { diag, type DocPath } from "../../diagnostics/index.js";
import type { CheckContext, RuleOwner } from "./context.js";
import { numberText } from "./context.js";

/** A rule's points must lie in [0, max]. */
export function checkPoints(ctx: CheckContext, owner: RuleOwner, value: number | undefined, path: DocPath, what: string): void {
  if (value === undefined) return;
  const text = numberText(ctx, path, value);
  if (value < 0) ctx.report(diag("points-negative", { id: owner.id, what, points: text }, ctx.source.where(path)));
  else if (owner.max && dec(value).gt(owner.max)) {
    ctx.report(diag("points-above-max", { id: owner.id, what, points: text, max: owner.max.toString() }, ctx.source.where(path)));
  }
}
