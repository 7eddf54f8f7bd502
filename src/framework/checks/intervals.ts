/**
 * Coverage of the decimal line by bands (ANDed `at_least/above/at_most/below/equals`
 * conditions). Every band is an interval whose ends are among the bounds, so the
 * line splits into elementary pieces (each bound, and the open gap between two
 * bounds) on which every band is either true or false: testing one value per
 * piece decides shadowing and gaps exactly.
 */
import type { Decimal } from "../../core/decimal.js";
import { dec } from "../../core/decimal.js";
import type { BandOp } from "../ir.js";

export interface NumericCondition {
  readonly op: BandOp;
  readonly bound: Decimal;
}

/** Where the value can lie: optional closed bounds, and whether only whole numbers occur. */
export interface Domain {
  readonly min?: Decimal;
  readonly max?: Decimal;
  readonly integer?: boolean;
}

interface Piece {
  /** A value inside the piece. */
  readonly sample: Decimal;
  /** The piece: a bound (`lo === hi`), or the open gap between two bounds (undefined = infinite). */
  readonly lo?: Decimal;
  readonly hi?: Decimal;
  readonly point: boolean;
}

export function holds(conditions: readonly NumericCondition[], x: Decimal): boolean {
  return conditions.every(({ op, bound }) => {
    switch (op) {
      case "at_least":
        return x.gte(bound);
      case "above":
        return x.gt(bound);
      case "at_most":
        return x.lte(bound);
      case "below":
        return x.lt(bound);
      case "equals":
        return x.eq(bound);
    }
  });
}

function pieces(bands: readonly (readonly NumericCondition[])[], domain: Domain): Piece[] {
  const bounds: Decimal[] = [];
  for (const b of bands) for (const c of b) bounds.push(c.bound);
  if (domain.min) bounds.push(domain.min);
  if (domain.max) bounds.push(domain.max);
  bounds.sort((a, b) => a.cmp(b));
  const cuts = bounds.filter((b, i) => i === 0 || !b.eq(bounds[i - 1]!));

  const out: Piece[] = [];
  const gap = (lo: Decimal | undefined, hi: Decimal | undefined): void => {
    let sample: Decimal | undefined;
    if (domain.integer) {
      const candidate = lo ? lo.floor().plus(1) : hi ? hi.ceil().minus(1) : dec(0);
      if ((!lo || candidate.gt(lo)) && (!hi || candidate.lt(hi))) sample = candidate;
    } else if (lo && hi) sample = lo.plus(hi).div(2);
    else sample = lo ? lo.plus(1) : hi ? hi.minus(1) : dec(0);
    if (sample) out.push({ sample, ...(lo && { lo }), ...(hi && { hi }), point: false });
  };
  if (cuts.length === 0) gap(undefined, undefined);
  cuts.forEach((c, i) => {
    if (i === 0) gap(undefined, c);
    if (!domain.integer || c.isInteger()) out.push({ sample: c, lo: c, hi: c, point: true });
    gap(c, cuts[i + 1]);
  });
  return out.filter((p) => (!domain.min || p.sample.gte(domain.min)) && (!domain.max || p.sample.lte(domain.max)));
}

export interface CoverageReport {
  /** Indices of bands that no value reaches (every value they cover was taken earlier, or none exists). */
  readonly shadowed: number[];
  /** Human descriptions of the values no band covers (empty when covered). */
  readonly gaps: string[];
}

/** Which bands are unreachable and which values no band takes. `otherwise` bands are passed as empty condition lists. */
export function analyseCoverage(bands: readonly (readonly NumericCondition[])[], domain: Domain): CoverageReport {
  const all = pieces(bands, domain);
  const covered = new Array<boolean>(all.length).fill(false);
  const shadowed: number[] = [];
  bands.forEach((conds, i) => {
    let reachesNew = false;
    all.forEach((p, k) => {
      if (!covered[k] && holds(conds, p.sample)) {
        covered[k] = true;
        reachesNew = true;
      }
    });
    if (!reachesNew) shadowed.push(i);
  });
  const gaps: string[] = [];
  let runStart = -1;
  for (let k = 0; k <= all.length; k++) {
    if (k < all.length && !covered[k]) {
      if (runStart < 0) runStart = k;
    } else if (runStart >= 0) {
      gaps.push(describeRun(all[runStart]!, all[k - 1]!));
      runStart = -1;
    }
  }
  return { shadowed, gaps };
}

function describeRun(first: Piece, last: Piece): string {
  const lo = first.lo;
  const hi = last.hi;
  const loClosed = first.point;
  const hiClosed = last.point;
  if (first === last && first.point) return `equal to ${first.sample.toString()}`;
  if (!lo && !hi) return "of any size";
  if (!lo) return `${hiClosed ? "at most" : "below"} ${hi!.toString()}`;
  if (!hi) return `${loClosed ? "at least" : "above"} ${lo.toString()}`;
  return `in ${loClosed ? "[" : "("}${lo.toString()}, ${hi.toString()}${hiClosed ? "]" : ")"}`;
}

/** Human text of a band's conditions, e.g. `at_least 0.7 and below 0.9`. */
export function describeConditions(conditions: readonly { op: BandOp; bound: Decimal | string | boolean }[]): string {
  if (conditions.length === 0) return "otherwise";
  return conditions.map((c) => `${c.op} ${typeof c.bound === "string" ? JSON.stringify(c.bound) : c.bound.toString()}`).join(" and ");
}
