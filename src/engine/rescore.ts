/**
 * Re-scoring one unit after some of its inputs or points change, without scoring the
 * others: what a self-assessment form needs to recompute as the user types.
 */
import type { Value } from "../core/value.js";
import { isMissing } from "../core/value.js";
import type { InputEntry, PointsEntry, UnitEvidence } from "../evidence/model.js";
import type { ScoreOptions, ScoreResult, UnitResult } from "./result.js";
import { ChangedInputs } from "./changed-inputs.js";
import { scoreOneUnit } from "./score.js";
import { UnitScore } from "./unit.js";

/** Per result: its units by code (built on the first call, so later calls do not search). */
const unitIndex = new WeakMap<ScoreResult, ReadonlyMap<string, UnitResult>>();

/** What changed for one unit, relative to the evidence its result was scored from. */
export interface UnitChanges {
  /**
   * New input values by input name, typed as the framework declares them: a Decimal
   * (`dec("12.5")`) for numbers, `true`/`false`, a name for an enum, a `CalendarDate`;
   * `MISSING` removes the value.
   */
  readonly inputs?: Readonly<Record<string, Value>>;
  /** New points-table entries by criterion or adjustment id; `undefined` removes the entry. */
  readonly points?: Readonly<Record<string, PointsEntry | undefined>>;
}

/**
 * Re-scores unit `code` of `result` (from {@link score}) with `changes` applied to the evidence
 * it was scored from, and returns the unit's new result: the same numbers, statuses and
 * diagnostics as scoring the whole evidence again with those changes (property-tested), in
 * microseconds. The unit keeps its rank in `result` (ranks are not recomputed: call `score`
 * to rank again); `result` itself is not changed. Returns undefined when `result` has no unit
 * `code` or was not made by `score`. Throws a RangeError for an input or criterion name the
 * framework does not declare (a programming error, not an evidence problem).
 *
 * ```ts
 * const result = score(framework, evidence);
 * const unit = rescoreUnit(result, "phuc-dien", { inputs: { dossiers_on_time: dec(412) } });
 * unit?.points; // the unit's new total
 * ```
 */
export function rescoreUnit(result: ScoreResult, code: string, changes: UnitChanges, options: ScoreOptions = {}): UnitResult | undefined {
  let byCode = unitIndex.get(result);
  if (byCode === undefined) unitIndex.set(result, (byCode = new Map(result.units.map((u) => [u.unit, u]))));
  const old = byCode.get(code);
  if (!(old instanceof UnitScore) || old.core.released || old.core.plan.framework !== result.framework) return undefined;
  const framework = result.framework;
  const ev = old.core.ev;
  let inputs: ReadonlyMap<string, InputEntry> = ev?.inputs ?? new Map();
  let points: ReadonlyMap<string, PointsEntry> = ev?.points ?? new Map();
  if (changes.inputs !== undefined) {
    const changed = new Map<string, InputEntry | undefined>();
    for (const name of Object.keys(changes.inputs)) {
      if (!framework.inputByName.has(name)) {
        throw new RangeError(`rescoreUnit: the framework declares no input "${name}"; use one of the names in framework.inputs.`);
      }
      const value = changes.inputs[name]!;
      changed.set(name, isMissing(value) ? undefined : { value });
    }
    // Read through, not copied: the unchanged inputs stay where the evidence keeps them.
    inputs = new ChangedInputs(inputs, changed);
  }
  if (changes.points !== undefined) {
    const next = new Map(points);
    for (const id of Object.keys(changes.points)) {
      if (!framework.nodeById.has(id) && !framework.adjustments.some((a) => a.id === id)) {
        throw new RangeError(`rescoreUnit: the framework has no criterion or adjustment "${id}"; use an id from the framework.`);
      }
      const entry = changes.points[id];
      if (entry === undefined) next.delete(id);
      else next.set(id, entry);
    }
    points = next;
  }
  const evidence: UnitEvidence = { code, inputs, points };
  const core = scoreOneUnit(framework, old.info, evidence, options.explain !== false);
  return new UnitScore(core, old.rank, old.rankGroup);
}
