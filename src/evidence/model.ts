/**
 * The evidence model shared by the readers (src/evidence), the survey bridge
 * (src/survey) and the engine (src/engine): typed values per unit, a points
 * table, and a unit registry, each value remembering where it was read.
 */
import type { Decimal } from "../core/decimal.js";
import type { Value } from "../core/value.js";
import type { Diagnostic, Location } from "../diagnostics/types.js";

export interface UnitInfo {
  readonly code: string;
  readonly name: string;
  readonly type?: string;
  readonly parent?: string;
  /** Every other registry column, by header name (usable by `ranking.within`). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly where?: Location;
}

export interface PointsEntry {
  /** What the unit claimed. */
  readonly self?: Decimal;
  /** What the appraisal council set. */
  readonly appraised?: Decimal;
  readonly note?: string;
  /** Evidence documents named for the claim (the `documents` column: numbers or titles). */
  readonly documents?: readonly string[];
  readonly where?: Location;
}

export interface InputEntry {
  readonly value: Value;
  readonly where?: Location;
  readonly note?: string | undefined;
  /**
   * When present, the value is a number equal to exactly `scaled × 10^-scale` (`scaled` a safe
   * integer of at most 15 digits, `scale` 0 to 15): the same number as `value`, for integer
   * arithmetic without building a Decimal. Absent for other values and other numbers.
   */
  readonly scaled?: number | undefined;
  readonly scale?: number | undefined;
}

export interface UnitEvidence {
  readonly code: string;
  /** Typed input values by input name (absent names are missing). */
  readonly inputs: ReadonlyMap<string, InputEntry>;
  /** Points table rows by criterion (or adjustment) id. */
  readonly points: ReadonlyMap<string, PointsEntry>;
}

export interface ImportStats {
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsRejected: number;
}

/**
 * Everything imported for one scoring run. `units` is the registry when one was
 * given; without a registry, the units are those that appear in `byUnit`.
 */
export interface EvidenceSet {
  readonly units: readonly UnitInfo[];
  readonly byUnit: ReadonlyMap<string, UnitEvidence>;
  /** Problems found while reading (file, line, column, unit, input). */
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: ImportStats;
}
