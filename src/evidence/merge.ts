/**
 * Merging the parts read from several files into one {@link EvidenceSet}.
 *
 * - Inputs and points merge by unit. The same (unit, input) or (unit, criterion) in
 *   two files is an error (`evidence-conflict`) naming both places when the values
 *   differ (the first file's value is kept; the later row is rejected), and a warning
 *   (`evidence-repeated`) when they are equal (the row still counts as used).
 * - The registry is the one given, else the registry files among the parts; units
 *   not in it are errors. Without any registry, the units are those seen, in order.
 */
import { argumentError } from "../core/args.js";
import { isDecimal } from "../core/decimal.js";
import { isMissing, type Value } from "../core/value.js";
import { type Diagnostic, type DocPath, type Location, diag } from "../diagnostics/index.js";
import type { EvidenceSet, InputEntry, PointsEntry, UnitEvidence, UnitInfo } from "./model.js";
import { CappedDiagnostics, describePlace, describeValue, type EvidencePart, Suggester } from "./part.js";

interface Target {
  readonly code: string;
  inputs: ReadonlyMap<string, InputEntry>;
  points: ReadonlyMap<string, PointsEntry>;
  /** False while the maps are still the part's own (copied before the first write). */
  ownInputs: boolean;
  ownPoints: boolean;
}

export function mergeEvidence(parts: readonly EvidencePart[], registry?: readonly UnitInfo[] | EvidencePart): EvidenceSet {
  if (!Array.isArray(parts)) throw argumentError("mergeEvidence(parts, registry)", "parts", "an array of parts from readEvidenceCsv / readEvidenceJson / readUnitsJson", parts);
  if (registry !== undefined && !Array.isArray(registry)) {
    const part = registry as { registry?: unknown };
    // A units part (readUnitsJson / a registry CSV) given as the registry: use its units.
    if (typeof part === "object" && part !== null && Array.isArray(part.registry)) return mergeEvidence([registry as EvidencePart, ...parts]);
    throw argumentError("mergeEvidence(parts, registry)", "registry", "an array of units ({ code, name }) or the part from readUnitsJson", registry);
  }
  const diagnostics: Diagnostic[] = [];
  // One at a time: spreading a huge list into push() overflows the stack.
  for (const p of parts) for (const d of p.diagnostics) diagnostics.push(d);
  let rowsRead = 0;
  let rowsUsed = 0;
  for (const p of parts) {
    rowsRead += p.stats.rowsRead;
    rowsUsed += p.stats.rowsUsed;
  }

  const units = registry ?? registryFromParts(parts, diagnostics);
  const known = units === undefined ? undefined : new Set(units.map((u) => u.code));
  const targets = new Map<string, Target>();
  if (units !== undefined) for (const u of units) targets.set(u.code, emptyTarget(u.code));

  const hints = new Suggester();
  parts.forEach((part) => {
    // Problems found while merging are capped per file, like the readers' own.
    const found = new CappedDiagnostics();
    const demoted = new Set<number>();
    const demote = (row: number): void => {
      if (part.rejectedRows.has(row) || demoted.has(row)) return;
      demoted.add(row);
      rowsUsed--;
    };
    for (const [code, unit] of part.byUnit) {
      if (known !== undefined && !known.has(code)) {
        if (!part.checkedUnits) {
          const suggestion = hints.hint(code, () => known);
          const where = { ...firstPlace(unit), unit: code };
          found.push(diag("evidence-unknown-unit", suggestion === undefined ? { unit: code } : { unit: code, suggestion }, where));
          rowsUsed -= unit.usedRows;
        }
        continue;
      }
      let target = targets.get(code);
      if (target === undefined) {
        targets.set(code, {
          code,
          inputs: unit.inputs,
          points: unit.points,
          ownInputs: false,
          ownPoints: false,
        });
        continue;
      }
      // A unit's first values (of each kind) are taken as the part keeps them, without a copy.
      if (target.inputs.size === 0) {
        target.inputs = unit.inputs;
        target.ownInputs = false;
      }
      if (target.inputs !== unit.inputs) for (const [name, entry] of unit.inputs) {
        const first = target.inputs.get(name);
        if (first === undefined) {
          if (!target.ownInputs) {
            target.inputs = new Map(target.inputs);
            target.ownInputs = true;
          }
          (target.inputs as Map<string, InputEntry>).set(name, entry);
        } else if (sameValue(first.value, entry.value)) {
          found.push(diag("evidence-repeated", { unit: code, name, first: describePlace(first.where) }, { ...entry.where, unit: code, input: name }));
        } else {
          found.push(conflict(code, name, first.where, entry.where, describeValue(first.value), describeValue(entry.value), { input: name }));
          demote(entry.row);
        }
      }
      if (target.points.size === 0) {
        target.points = unit.points;
        target.ownPoints = false;
      }
      if (target.points !== unit.points) for (const [criterion, entry] of unit.points) {
        const first = target.points.get(criterion);
        if (first === undefined) {
          if (!target.ownPoints) {
            target.points = new Map(target.points);
            target.ownPoints = true;
          }
          (target.points as Map<string, PointsEntry>).set(criterion, entry);
        } else if (samePoints(first, entry)) {
          found.push(
            diag("evidence-repeated", { unit: code, name: criterion, first: describePlace(first.where) }, { ...entry.where, unit: code, criterion }),
          );
        } else {
          found.push(conflict(code, criterion, first.where, entry.where, describePoints(first), describePoints(entry), { criterion }));
          demote(entry.row);
        }
      }
    }
    for (const d of found.list) diagnostics.push(d);
    const summary = found.summary(part.file === undefined ? {} : { file: part.file });
    if (summary !== undefined) diagnostics.push(summary);
  });

  const byUnit = new Map<string, UnitEvidence>();
  for (const t of targets.values()) byUnit.set(t.code, { code: t.code, inputs: t.inputs, points: t.points });
  return {
    units: units ?? [...targets.keys()].map((code) => Object.freeze({ code, name: code, attributes: Object.freeze({}) })),
    byUnit,
    diagnostics,
    stats: { rowsRead, rowsUsed, rowsRejected: rowsRead - rowsUsed },
  };
}

function emptyTarget(code: string): Target {
  return { code, inputs: new Map(), points: new Map(), ownInputs: true, ownPoints: true };
}

/** The registry files among the parts, concatenated; a code in two registries keeps the first. */
function registryFromParts(parts: readonly EvidencePart[], diagnostics: Diagnostic[]): UnitInfo[] | undefined {
  let out: UnitInfo[] | undefined;
  const seen = new Map<string, UnitInfo>();
  for (const p of parts) {
    if (p.registry === undefined) continue;
    out ??= [];
    for (const u of p.registry) {
      const first = seen.get(u.code);
      if (first !== undefined) {
        diagnostics.push(diag("evidence-duplicate-unit", { code: u.code, first: describePlace(first.where) }, { ...u.where, unit: u.code }));
        continue;
      }
      seen.set(u.code, u);
      out.push(u);
    }
  }
  return out;
}

function firstPlace(unit: UnitEvidence): Location {
  for (const e of unit.inputs.values()) return placeOnly(e.where);
  for (const e of unit.points.values()) return placeOnly(e.where);
  return {};
}

function placeOnly(where: Location | undefined): Location {
  if (where === undefined) return {};
  const out: { file?: string; line?: number; column?: number; path?: DocPath } = {};
  if (where.file !== undefined) out.file = where.file;
  if (where.line !== undefined) out.line = where.line;
  if (where.column !== undefined) out.column = where.column;
  if (where.path !== undefined) out.path = where.path;
  return out;
}

function conflict(
  unit: string,
  name: string,
  first: Location | undefined,
  second: Location | undefined,
  firstValue: string,
  secondValue: string,
  subject: { input: string } | { criterion: string },
): Diagnostic {
  return diag(
    "evidence-conflict",
    { unit, name, first: describePlace(first), second: describePlace(second), firstValue, secondValue },
    { ...placeOnly(second), unit, ...subject },
  );
}

/** Equal values: decimals by value (1.50 = 1.5), dates by day, others strictly. */
export function sameValue(a: Value, b: Value): boolean {
  if (isDecimal(a) || isDecimal(b)) return isDecimal(a) && isDecimal(b) && a.eq(b);
  if (isMissing(a) || isMissing(b)) return isMissing(a) && isMissing(b);
  if (typeof a === "object" && typeof b === "object") return a.compare(b) === 0;
  return a === b;
}

function samePoints(a: PointsEntry, b: PointsEntry): boolean {
  const eq = (x: PointsEntry["self"], y: PointsEntry["self"]): boolean => (x === undefined ? y === undefined : y !== undefined && x.eq(y));
  return eq(a.self, b.self) && eq(a.appraised, b.appraised);
}

function describePoints(e: PointsEntry): string {
  return `self ${e.self?.toString() ?? "empty"}, appraised ${e.appraised?.toString() ?? "empty"}`;
}
