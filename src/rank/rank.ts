/**
 * Ranking on exact decimals: by index or points, on the published (rounded) or
 * exact value, competition (1,2,2,4) or dense (1,2,2,3) ties, criterion-index
 * tiebreaks, separate sequences within a unit attribute, and incomplete units
 * after the complete ones. Never compares floats.
 */
import { argumentError, expectFramework } from "../core/args.js";
import { type Decimal, type Rounding, roundTo } from "../core/decimal.js";
import { diag, type Diagnostic } from "../diagnostics/index.js";
import type { UnitInfo } from "../evidence/model.js";
import type { CompiledFramework, RankingPlan } from "../framework/ir.js";
import type { UnitResult } from "../engine/result.js";
import { compareNumbers } from "../expr/compile.js";

export interface RankOutcome {
  /** The units with `rank` (and `rankGroup` when ranking within an attribute) set, sorted by rank, then code. */
  readonly units: UnitResult[];
  /** `ranking-attribute-missing` warnings. */
  readonly diagnostics: Diagnostic[];
}

/** A sort key: higher is better; undefined (nothing applicable) is below every value. */
type Key = Decimal | undefined;

function compareKey(a: Key, b: Key): number {
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  return compareNumbers(a, b);
}

function compareKeys(a: readonly Key[], b: readonly Key[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareKey(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value of a unit attribute for `ranking.within`: `type`, `parent`, `name`, `code`, or any registry column. */
export function unitAttribute(info: UnitInfo, attribute: string): string | undefined {
  switch (attribute) {
    case "type":
      return info.type ?? info.attributes["type"];
    case "parent":
      return info.parent ?? info.attributes["parent"];
    case "code":
      return info.code;
    case "name":
      return info.name;
    default:
      return Object.prototype.hasOwnProperty.call(info.attributes, attribute) ? info.attributes[attribute] : undefined;
  }
}

function publish(v: Key, ranking: RankingPlan, rounding: Rounding): Key {
  return v === undefined || ranking.on === "exact" ? v : roundTo(v, rounding);
}

/** The keys a unit is ranked on, primary first, then the tiebreak criteria's indices. */
export function rankKeys(unit: UnitResult, ranking: RankingPlan, rounding: Rounding, framework: CompiledFramework): Key[] {
  // The published index is the index rounded to the framework's decimals: use it when the unit has it.
  const primary =
    ranking.by === "points"
      ? publish(unit.points, ranking, rounding)
      : ranking.on === "exact"
        ? unit.index
        : (unit.publishedIndex ?? publish(unit.index, ranking, rounding));
  const keys: Key[] = [primary];
  for (const id of ranking.tiebreak) {
    const node = framework.nodeById.get(id);
    keys.push(node === undefined ? undefined : publish(unit.nodes[node.index]?.index, ranking, rounding));
  }
  return keys;
}

/** A unit that can give a copy of itself with another rank, sharing its scores (the engine's units). */
interface Rerankable extends UnitResult {
  withRank(rank: number, rankGroup: string | undefined): UnitResult;
}

function isRerankable(unit: UnitResult): unit is Rerankable {
  return typeof (unit as Partial<Rerankable>).withRank === "function";
}

/** The unit with a new rank (and group); the input is never changed. */
function withRank(unit: UnitResult, rank: number, group: string | undefined): UnitResult {
  if (isRerankable(unit)) return unit.withRank(rank, group);
  const { rankGroup: _previousGroup, ...rest } = unit;
  return group !== undefined ? { ...rest, rank, rankGroup: group } : { ...rest, rank };
}

/**
 * Ranks units. Units with equal keys share a rank; the order among them (and the
 * output order) is by rank, then by unit code.
 */
export function rank(units: readonly UnitResult[], ranking: RankingPlan, rounding: Rounding, framework: CompiledFramework): RankOutcome {
  if (!Array.isArray(units)) throw argumentError("rank(units, ranking, rounding, framework)", "units", "an array of units (score(…).units)", units);
  expectFramework("rank(units, ranking, rounding, framework)", "framework", framework);
  const diagnostics: Diagnostic[] = [];
  const groups = new Map<string, { unit: UnitResult; keys: Key[] }[]>();
  for (const unit of units) {
    let group = "";
    if (ranking.within !== undefined) {
      const value = unitAttribute(unit.info, ranking.within);
      if (value === undefined || value === "") {
        diagnostics.push(diag("ranking-attribute-missing", { unit: unit.unit, attribute: ranking.within }, { unit: unit.unit }));
      } else group = value;
    }
    let list = groups.get(group);
    if (!list) groups.set(group, (list = []));
    list.push({ unit, keys: rankKeys(unit, ranking, rounding, framework) });
  }

  const out: UnitResult[] = [];
  for (const [group, list] of groups) {
    const byKey = (a: { unit: UnitResult; keys: Key[] }, b: { unit: UnitResult; keys: Key[] }) =>
      compareKeys(b.keys, a.keys) || compareCodes(a.unit.unit, b.unit.unit);
    const complete = list.filter((e) => e.unit.complete).sort(byKey);
    const incomplete = list.filter((e) => !e.unit.complete).sort(byKey);
    let position = 0;
    let rankNow = 0;
    for (const sequence of [complete, incomplete]) {
      let previous: Key[] | undefined;
      for (const entry of sequence) {
        position++;
        if (previous === undefined || compareKeys(previous, entry.keys) !== 0) {
          rankNow = ranking.ties === "dense" ? rankNow + 1 : position;
        }
        previous = entry.keys;
        out.push(withRank(entry.unit, rankNow, ranking.within !== undefined ? group : undefined));
      }
    }
  }
  out.sort((a, b) => a.rank - b.rank || compareCodes(a.unit, b.unit));
  return { units: out, diagnostics };
}
