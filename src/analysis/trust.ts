/**
 * How far a result can be trusted, per unit: which claims lack documents, who last
 * changed each score (the appraisal log), and completeness: the share of the maximum
 * backed by data, the share of claims with documents, survey sample sizes. Added to the
 * contract's Results JSON as one more top-level object (`trust`); the contract's keys and
 * unit objects do not change. Pure.
 */
import { Dec, HUNDRED, ZERO, roundTo, toJsonNumber, type Decimal } from "../core/decimal.js";
import type { ScoreResultJson } from "../engine/json.js";
import type { AppraisalChanges } from "../evidence/appraisal-log.js";
import type { ClaimCheck } from "../evidence/documents.js";
import type { CompiledFramework } from "../framework/ir.js";

/** Per unit: its claims and their documents. */
export interface UnitDocumentsJson {
  /** Claims: criteria with a self-assessed score above 0. */
  claims: number;
  /** Claims with at least one document. */
  documented: number;
  /** Claims without any document (explained or not), in framework order. */
  undocumented: string[];
  /** Claims whose criterion lists documents (`evidence:` as a list) that none of its documents names. */
  missing: { criterion: string; documents: string[] }[];
}

/** Completeness and confidence of one unit's score (percentages, rounded like the index). */
export interface ConfidenceJson {
  /** Share of the applicable maximum (leaves) scored from data rather than missing, in %. */
  data: number | null;
  /** Share of claims with documents, in % (null without claims). */
  documented: number | null;
  /** Survey respondents of the unit, when a survey was scored. */
  respondents?: number;
  fields: Record<string, { data: number | null; documented: number | null }>;
}

/** The last change of a score, from the appraisal log. */
export interface ChangeJson {
  at: string;
  by: string;
  field: "self" | "appraised";
  from: number | null;
  to: number | null;
  why: string;
  /** Its line in the log. */
  line: number;
}

/** What backs one unit's score. */
export interface UnitTrustJson {
  unit: string;
  /** Present when documents were checked (a register, or a points table with documents). */
  documents?: UnitDocumentsJson;
  confidence: ConfidenceJson;
  /** The last logged change of each criterion that has one, in framework order. */
  changes: (ChangeJson & { criterion: string })[];
}

/** The `trust` object of a JSON result: per unit, in the order of `units`. */
export interface TrustJson {
  units: UnitTrustJson[];
}

export interface TrustInputs {
  /** Claims and their documents (`checkDocuments`); without it no `documents` key is added. */
  readonly claims?: readonly ClaimCheck[];
  /** The last change per unit and criterion (`applyAppraisals`). */
  readonly changes?: AppraisalChanges;
  /** Survey respondents per unit code. */
  readonly respondents?: ReadonlyMap<string, number>;
}

/**
 * What backs each unit of a Results JSON: its `documents` (when claims are given), its
 * `confidence`, and the last logged change of each criterion. The contract's unit objects
 * are left exactly as they are; this is a separate object (`trust` in the CLI's JSON).
 */
export function trustOf(json: ScoreResultJson, framework: CompiledFramework, inputs: TrustInputs = {}): TrustJson {
  const rounding = framework.rounding;
  const pct = (part: Decimal, whole: Decimal): number | null => (whole.isZero() ? null : toJsonNumber(roundTo(part.div(whole).times(HUNDRED), rounding)));
  const claimsByUnit = new Map<string, ClaimCheck[]>();
  for (const c of inputs.claims ?? []) {
    const list = claimsByUnit.get(c.unit);
    if (list === undefined) claimsByUnit.set(c.unit, [c]);
    else list.push(c);
  }
  // The top-level field of each node.
  const fieldOf: number[] = [];
  framework.nodes.forEach((n) => fieldOf.push(n.parent < 0 ? n.index : fieldOf[n.parent]!));
  const order = new Map<string, number>();
  framework.nodes.forEach((n) => order.set(n.id, n.index));
  framework.adjustments.forEach((a, i) => order.set(a.id, framework.nodes.length + i));
  const units = json.units.map((u): UnitTrustJson => {
    const claims = claimsByUnit.get(u.unit) ?? [];
    const backed = new Map<number, Decimal>();
    const applicable = new Map<number, Decimal>();
    u.criteria.forEach((c, i) => {
      const node = framework.nodes[i];
      if (node === undefined || node.kind !== "leaf" || node.id !== c.id) return;
      if (c.status === "not_applicable" || c.max === 0) return;
      const f = fieldOf[i]!;
      applicable.set(f, (applicable.get(f) ?? ZERO).plus(node.max));
      if (c.status === "scored") backed.set(f, (backed.get(f) ?? ZERO).plus(node.max));
    });
    const sum = (m: Map<number, Decimal>): Decimal => [...m.values()].reduce((a, b) => a.plus(b), ZERO);
    const claimsIn = (f: number): ClaimCheck[] =>
      claims.filter((c) => {
        const n = framework.nodeById.get(c.criterion);
        return n !== undefined && fieldOf[n.index] === f;
      });
    const documentedShare = (list: ClaimCheck[]): number | null =>
      inputs.claims === undefined ? null : pct(new Dec(list.filter((c) => c.documents.length > 0).length), new Dec(list.length));
    const fields: ConfidenceJson["fields"] = {};
    for (const n of framework.nodes) {
      if (n.parent >= 0) continue;
      fields[n.id] = { data: pct(backed.get(n.index) ?? ZERO, applicable.get(n.index) ?? ZERO), documented: documentedShare(claimsIn(n.index)) };
    }
    const respondents = inputs.respondents?.get(u.unit);
    const confidence: ConfidenceJson = {
      data: pct(sum(backed), sum(applicable)),
      documented: documentedShare(claims),
      ...(inputs.respondents !== undefined && { respondents: respondents ?? 0 }),
      fields,
    };
    const changed = inputs.changes?.get(u.unit);
    const changes = [...(changed?.values() ?? [])]
      .sort((a, b) => (order.get(a.criterion) ?? 0) - (order.get(b.criterion) ?? 0))
      .map((e) => ({ criterion: e.criterion, at: e.at, by: e.by, field: e.field, from: e.from, to: e.to, why: e.why, line: e.line }));
    if (inputs.claims === undefined) return { unit: u.unit, confidence, changes };
    const documents: UnitDocumentsJson = {
      claims: claims.length,
      documented: claims.filter((c) => c.documents.length > 0).length,
      undocumented: claims.filter((c) => c.documents.length === 0).map((c) => c.criterion),
      missing: claims.filter((c) => c.missing.length > 0).map((c) => ({ criterion: c.criterion, documents: [...c.missing] })),
    };
    return { unit: u.unit, documents, confidence, changes };
  });
  return { units };
}
