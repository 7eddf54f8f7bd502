import { dec } from "../../core/decimal.js";
import { CalendarDate } from "../../core/value.js";
import { diag, didYouMean, type DocPath } from "../../diagnostics/index.js";
import type { RawRule } from "../schema.js";
import { checkBands } from "./bands.js";
import { checkPoints } from "./points.js";
import type { CheckContext, RuleOwner } from "./context.js";
import { numberText, ruleOwners } from "./context.js";
import { pathKey, type ExprTable } from "./expressions.js";

/** Points within [0, max], dates, ranges, choices and bands of every rule (leaves and adjustments). */
export function checkRules(ctx: CheckContext, exprs: ExprTable): void {
  for (const owner of ruleOwners(ctx)) checkRule(ctx, exprs, owner);
}

function checkRule(ctx: CheckContext, exprs: ExprTable, owner: RuleOwner): void {
  const { rule, rulePath } = owner;
  const points = (value: number | undefined, path: DocPath, what: string): void => checkPoints(ctx, owner, value, path, what);

  if (rule.boolean) {
    const p = [...rulePath, "boolean"];
    points(rule.boolean.true, [...p, "true"], "boolean true");
    points(rule.boolean.false, [...p, "false"], "boolean false");
  }
  if (rule.bands) checkBands(ctx, exprs, owner, rule.bands, [...rulePath, "bands"]);
  if (rule.ratio) {
    const { lower, upper } = rule.ratio;
    if ((lower ?? 0) === (upper ?? 1)) {
      const path = [...rulePath, "ratio", lower !== undefined ? "lower" : "upper"];
      ctx.report(diag("ratio-empty-range", { bound: dec(lower ?? 0).toString() }, ctx.source.where(path)));
    }
  }
  if (rule.deadline) checkDeadline(ctx, rule.deadline, [...rulePath, "deadline"], points);
  if (rule.choice) {
    const p = [...rulePath, "choice"];
    for (const [name, value] of Object.entries(rule.choice.points)) points(value, [...p, "points", name], `choice "${name}"`);
    checkChoiceCoverage(ctx, exprs, rule, p);
  }
  if (rule.deduct) {
    const p = [...rulePath, "deduct"];
    points(rule.deduct.floor, [...p, "floor"], "deduct floor");
    if (rule.deduct.per < 0) points(rule.deduct.per, [...p, "per"], "deduct per");
  }
  if (rule.manual?.step !== undefined && rule.manual.step <= 0) {
    const path = [...rulePath, "manual", "step"];
    ctx.report(diag("step-not-positive", { step: numberText(ctx, path, rule.manual.step) }, ctx.source.where(path)));
  }
}

function checkDeadline(
  ctx: CheckContext,
  deadline: NonNullable<RawRule["deadline"]>,
  path: DocPath,
  points: (value: number | undefined, path: DocPath, what: string) => void,
): void {
  const date = (text: string | undefined, key: string): CalendarDate | undefined => {
    if (text === undefined) return undefined;
    const d = CalendarDate.parseIso(text);
    if (!d) ctx.report(diag("invalid-date", { key, text }, ctx.source.where([...path, key])));
    return d;
  };
  const due = date(deadline.due, "due");
  const lateUntil = date(deadline.late_until, "late_until");
  if (due && lateUntil && lateUntil.compare(due) < 0) {
    ctx.report(diag("late-until-before-due", { due: due.toString(), lateUntil: lateUntil.toString() }, ctx.source.where([...path, "late_until"])));
  }
  points(deadline.late, [...path, "late"], "deadline late");
  points(deadline.missing, [...path, "missing"], "deadline missing");
}

/** When a choice reads an enum input directly, its points must name exactly the enum's values. */
function checkChoiceCoverage(ctx: CheckContext, exprs: ExprTable, rule: RawRule, path: DocPath): void {
  const choice = rule.choice!;
  const parsed = exprs.byPath.get(pathKey([...path, "value"]))?.parsed;
  const name = parsed?.source.trim();
  const input = name !== undefined ? ctx.fw.inputs?.[name] : undefined;
  if (!name || !input || input.type !== "enum" || !input.values) return;
  const values = input.values;
  const given = Object.keys(choice.points);
  const missing = values.filter((v) => !given.includes(v));
  if (missing.length > 0) {
    ctx.report(diag("choice-missing-value", { input: name, values: missing.map((v) => `"${v}"`).join(", ") }, ctx.source.whereKey([...path, "points"])));
  }
  for (const g of given) {
    if (values.includes(g)) continue;
    const suggestion = didYouMean(g, values);
    ctx.report(
      diag(
        "choice-unknown-value",
        { input: name, value: g, known: values.join(", "), ...(suggestion !== undefined && { suggestion }) },
        ctx.source.whereKey([...path, "points", g]),
      ),
    );
  }
}
