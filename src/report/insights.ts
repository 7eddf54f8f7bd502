/**
 * Summaries an appraisal council asks for first: who over-claimed in
 * self-assessment, and where the points were lost.
 */
import { Dec, ZERO, type Decimal } from "../core/decimal.js";
import type { ScoreResult } from "../engine/result.js";

export interface OverClaim {
  readonly unit: string;
  readonly name: string;
  /** Σ (self − points) over the leaves where the unit claimed more than it got. */
  readonly excess: Decimal;
  /** How many leaves were over-claimed. */
  readonly criteria: number;
  /** The leaf with the largest excess. */
  readonly worst?: { readonly id: string; readonly self: Decimal; readonly points: Decimal };
}

/** Units by how much they over-claimed, most first (ties by code); units that never over-claimed are left out. */
export function overClaims(result: ScoreResult): OverClaim[] {
  const leaves = new Set(result.framework.nodes.filter((n) => n.kind === "leaf").map((n) => n.index));
  const out: OverClaim[] = [];
  for (const u of result.units) {
    let excess: Decimal = ZERO;
    let criteria = 0;
    let worst: OverClaim["worst"];
    let worstExcess: Decimal = ZERO;
    for (const n of u.nodes) {
      if (!leaves.has(n.position) || n.selfDiff === undefined || n.self === undefined || !n.selfDiff.gt(0)) continue;
      excess = excess.plus(n.selfDiff);
      criteria++;
      if (n.selfDiff.gt(worstExcess)) {
        worstExcess = n.selfDiff;
        worst = { id: n.id, self: n.self, points: n.points };
      }
    }
    if (criteria > 0) out.push({ unit: u.unit, name: u.name, excess, criteria, ...(worst && { worst }) });
  }
  return out.sort((a, b) => b.excess.cmp(a.excess) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}

export interface FieldLoss {
  readonly id: string;
  readonly title: string;
  /** Σ over units of (applicable max − points) for this field. */
  readonly lost: Decimal;
  /** lost ÷ number of units. */
  readonly perUnit: Decimal;
  /** This field's share of all points lost, in percent. */
  readonly share: Decimal;
}

/** Top-level fields by the points units lost in them, most first. */
export function lossByField(result: ScoreResult): FieldLoss[] {
  const fw = result.framework;
  const totals = fw.roots.map((index) => {
    let lost: Decimal = ZERO;
    for (const u of result.units) {
      const n = u.nodes[index];
      if (n) lost = lost.plus(n.max.minus(n.points));
    }
    return { index, lost };
  });
  const all = totals.reduce<Decimal>((s, t) => s.plus(t.lost), ZERO);
  const count = new Dec(Math.max(1, result.units.length));
  return totals
    .map(({ index, lost }) => {
      const node = fw.nodes[index]!;
      return {
        id: node.id,
        title: node.title,
        lost,
        perUnit: lost.div(count),
        share: all.isZero() ? ZERO : lost.div(all).times(100),
      };
    })
    .sort((a, b) => b.lost.cmp(a.lost));
}
