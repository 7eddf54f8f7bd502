import type { Decimal } from "../../core/decimal.js";
import { ZERO, dec } from "../../core/decimal.js";
import type { ValueType } from "../../core/value.js";
import { diag, type DocPath } from "../../diagnostics/index.js";
import type { BandOp } from "../ir.js";
import type { RawBand, RawGrade, RawRule } from "../schema.js";
import type { CheckContext, RuleOwner } from "./context.js";
import { exactNumberAt } from "./context.js";
import { checkPoints } from "./points.js";
import { pathKey, type ExprTable } from "./expressions.js";
import { analyseCoverage, describeConditions, type Domain, type NumericCondition } from "./intervals.js";

export const BAND_OPS: readonly BandOp[] = ["at_least", "above", "at_most", "below", "equals"];

type Bound = number | string | boolean;
type Conditions = { op: BandOp; bound: Bound }[];

/** The conditions written in a band or grade, in the order of {@link BAND_OPS}. */
export function conditionsOf(band: { readonly [K in BandOp]?: Bound | undefined }): Conditions {
  const out: Conditions = [];
  for (const op of BAND_OPS) {
    const bound = band[op];
    if (bound !== undefined) out.push({ op, bound });
  }
  return out;
}

const describe = (conds: Conditions): string =>
  describeConditions(conds.map((c) => ({ op: c.op, bound: typeof c.bound === "number" ? dec(c.bound) : c.bound })));

/** Shape, points, bound types, shadowing and gaps of a `bands` rule. */
export function checkBands(ctx: CheckContext, exprs: ExprTable, owner: RuleOwner, rule: NonNullable<RawRule["bands"]>, path: DocPath): void {
  const valuePath = [...path, "value"];
  const checked = exprs.byPath.get(pathKey(valuePath));
  const valueType: ValueType = checked?.type ?? "unknown";
  let wellFormed = true;
  const bands = rule.bands.map((band: RawBand, i) => {
    const bandPath = [...path, "bands", i];
    const conds = conditionsOf(band);
    const label = `${i + 1}`;
    if (band.otherwise !== undefined) {
      if (conds.length > 0 || band.points !== undefined) {
        wellFormed = false;
        ctx.report(diag("band-malformed", { band: label, problem: 'mixes "otherwise" with conditions or points. Write "{ otherwise: P }" alone' }, ctx.source.where(bandPath)));
      }
      checkPoints(ctx, owner, band.otherwise, [...bandPath, "otherwise"], `band ${label} (otherwise)`);
      return { conds: [] as Conditions, otherwise: true, path: bandPath };
    }
    if (band.points === undefined) {
      wellFormed = false;
      ctx.report(diag("band-malformed", { band: label, problem: 'has no "points". Add "points: P"' }, ctx.source.where(bandPath)));
    }
    if (conds.length === 0) {
      wellFormed = false;
      ctx.report(diag("band-malformed", { band: label, problem: 'has no condition. Add at_least, above, at_most, below or equals, or write "{ otherwise: P }"' }, ctx.source.where(bandPath)));
    }
    checkPoints(ctx, owner, band.points, [...bandPath, "points"], `band ${label}`);
    return { conds, otherwise: false, path: bandPath };
  });

  const numericOps = bands.some((b) => b.conds.some((c) => c.op !== "equals"));
  if (numericOps && valueType !== "unknown" && valueType !== "number") {
    ctx.report(diag("value-type", { what: `the bands value of "${owner.id}"`, source: checked?.parsed.source ?? "", actual: valueType, expected: "number" }, ctx.source.where(valuePath)));
    return;
  }
  const boundTypes = new Set(bands.flatMap((b) => b.conds.map((c) => typeof c.bound)));
  if (valueType !== "unknown") {
    let mismatch = false;
    bands.forEach((b, i) => {
      for (const c of b.conds) {
        if (typeof c.bound === valueType) continue;
        mismatch = true;
        ctx.report(diag("band-bound-type", { band: `${i + 1}`, text: `${c.op} ${JSON.stringify(c.bound)}`, valueType }, ctx.source.where([...path, "bands", i, c.op])));
      }
    });
    if (mismatch) return;
  }
  if (!wellFormed || boundTypes.size > 1) return;

  const hasOtherwise = bands.some((b) => b.otherwise);
  const report = (shadowed: number[], gaps: string[]): void => {
    for (const i of shadowed) {
      // An `otherwise` that nothing reaches is harmless; bands after an `otherwise` are not.
      if (bands[i]!.otherwise) continue;
      ctx.report(diag("band-shadowed", { band: `${i + 1}`, text: describe(bands[i]!.conds) }, ctx.source.where([...path, "bands", i])));
    }
    if (!hasOtherwise && gaps.length > 0) ctx.report(diag("band-gap", { gap: gaps.join("; ") }, ctx.source.whereKey([...path, "bands"])));
  };

  if (boundTypes.has("string") || boundTypes.has("boolean")) {
    const universe = valueType === "boolean" || boundTypes.has("boolean") ? [true, false] : enumValues(ctx, checked?.parsed.source);
    const r = discreteCoverage(bands.map((b) => b.conds.map((c) => c.bound)), universe);
    report(r.shadowed, r.gaps);
    return;
  }
  const numeric = bands.map((b) => b.conds.map((c) => ({ op: c.op, bound: exactNumberAt(ctx, [...b.path, c.op], c.bound as number) })));
  const r = analyseCoverage(numeric, domainOf(ctx, checked?.parsed.source));
  report(r.shadowed, r.gaps);
}

/** The values an expression that is just an input name can take (undefined: unbounded). */
function domainOf(ctx: CheckContext, source: string | undefined): Domain {
  const input = source !== undefined ? ctx.fw.inputs?.[source.trim()] : undefined;
  if (!input) return {};
  const min = input.min !== undefined ? dec(input.min) : input.type === "ratio" || input.type === "percent" ? ZERO : undefined;
  const max = input.max !== undefined ? dec(input.max) : input.type === "ratio" ? dec(1) : input.type === "percent" ? dec(100) : undefined;
  return { ...(min && { min }), ...(max && { max }), integer: input.type === "integer" };
}

function enumValues(ctx: CheckContext, source: string | undefined): string[] | undefined {
  const input = source !== undefined ? ctx.fw.inputs?.[source.trim()] : undefined;
  return input?.type === "enum" ? input.values : undefined;
}

/** Coverage for `equals` bands over strings or booleans; `universe` undefined means unbounded (any text). */
function discreteCoverage(bands: Bound[][], universe: readonly Bound[] | undefined): { shadowed: number[]; gaps: string[] } {
  const covered = new Set<Bound>();
  let all = false;
  const shadowed: number[] = [];
  bands.forEach((bounds, i) => {
    if (bounds.length === 0) {
      if (all) shadowed.push(i);
      all = true;
      return;
    }
    const first = bounds[0]!;
    const empty = bounds.some((b) => b !== first);
    if (all || empty || covered.has(first) || (universe !== undefined && !universe.includes(first))) shadowed.push(i);
    else covered.add(first);
  });
  if (all) return { shadowed, gaps: [] };
  if (universe === undefined) return { shadowed, gaps: [`other than ${[...covered].map((v) => JSON.stringify(v)).join(", ")}`] };
  const left = universe.filter((v) => !covered.has(v));
  return { shadowed, gaps: left.length ? [`equal to ${left.map((v) => JSON.stringify(v)).join(", ")}`] : [] };
}

/** Grades: same shape and coverage checks as bands, over an index in [0, ∞). */
export function checkGrades(ctx: CheckContext): void {
  const grades = ctx.fw.grades;
  if (!grades) return;
  let wellFormed = true;
  const list = grades.map((g: RawGrade, i) => {
    const path = ["grades", i];
    const conds = conditionsOf(g);
    const label = `${i + 1}`;
    if (g.otherwise !== undefined) {
      if (conds.length > 0 || g.label !== undefined) {
        wellFormed = false;
        ctx.report(diag("grade-malformed", { grade: label, problem: 'mixes "otherwise" with conditions or a label. Write "{ otherwise: LABEL }" alone' }, ctx.source.where(path)));
      }
      return { conds: [] as NumericCondition[], otherwise: true };
    }
    if (g.label === undefined) {
      wellFormed = false;
      ctx.report(diag("grade-malformed", { grade: label, problem: 'has no "label". Add "label: A"' }, ctx.source.where(path)));
    }
    if (conds.length === 0) {
      wellFormed = false;
      ctx.report(diag("grade-malformed", { grade: label, problem: 'has no condition. Add at_least, above, at_most, below or equals, or write "{ otherwise: LABEL }"' }, ctx.source.where(path)));
    }
    return { conds: conds.map((c) => ({ op: c.op, bound: dec(c.bound as number) as Decimal })), otherwise: false };
  });
  if (!wellFormed) return;
  const r = analyseCoverage(list.map((g) => g.conds), { min: ZERO });
  for (const i of r.shadowed) {
    if (list[i]!.otherwise) continue;
    ctx.report(diag("grade-shadowed", { grade: `${i + 1}`, text: describeConditions(list[i]!.conds) }, ctx.source.where(["grades", i])));
  }
  if (!list.some((g) => g.otherwise) && r.gaps.length > 0) ctx.report(diag("grade-gap", { gap: r.gaps.join("; ") }, ctx.source.whereKey(["grades"])));
}
