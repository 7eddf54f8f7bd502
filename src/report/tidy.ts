/**
 * Tidy rows: one plain row per unit × criterion node, numbers as JS numbers rounded
 * per the framework, for notebooks and dataframes.
 */
import { expectScoreResult } from "../core/args.js";
import type { ScoreResult } from "../engine/result.js";
import { unitResultToJson } from "../engine/json.js";
import type { NodeStatus } from "../engine/result.js";

export interface TidyRow {
  unit: string;
  name: string;
  rank: number;
  criterion: string;
  title: string;
  depth: number;
  kind: "leaf" | "group";
  part: string;
  points: number;
  max: number;
  /** null for a not-applicable node (no index). */
  index: number | null;
  status: NodeStatus;
  self: number | null;
  self_diff: number | null;
}

/** One row per unit × node, units in result order (rank, then code), nodes in framework order. */
export function toTidyRows(result: ScoreResult): TidyRow[] {
  expectScoreResult("toTidyRows(result)", "result", result);
  const fw = result.framework;
  const rows: TidyRow[] = [];
  for (const u of result.units) {
    const json = unitResultToJson(u, fw);
    json.criteria.forEach((c, i) => {
      const node = fw.nodes[i]!;
      rows.push({
        unit: u.unit,
        name: u.name,
        rank: u.rank,
        criterion: c.id,
        title: node.title,
        depth: node.depth,
        kind: node.kind,
        part: node.part,
        points: c.points,
        max: c.max,
        index: c.index ?? null,
        status: c.status,
        self: c.self ?? null,
        self_diff: c.self_diff ?? null,
      });
    });
  }
  return rows;
}
