/**
 * How far a result can be trusted, per unit: which claims lack documents, who last
 * changed each score (the appraisal log), and completeness: the share of the maximum
 * backed by data, the share of claims with documents, survey sample sizes. Added to the
 * contract's Results JSON as extra keys (`documents`, `confidence` per unit, `changed`
 * per criterion); nothing in the contract's keys changes. Pure.
 */
import { Dec, HUNDRED, ZERO, roundTo, toJsonNumber, type Decimal } from "../core/decimal.js";
import type { ScoreResultJson, UnitJson, CriterionJson } from "../engine/json.js";
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

export type TrustedUnitJson = UnitJson & { documents?: UnitDocumentsJson; confidence: ConfidenceJson; criteria: (CriterionJson & { changed?: ChangeJson })[] };

export interface TrustInputs {
  /** Claims and their documents (`checkDocuments`); without it no `documents` key is added. */
  readonly claims?: readonly ClaimCheck[];
  /** The last change per unit and criterion (`applyAppraisals`). */
  readonly changes?: AppraisalChanges;
  /** Survey respondents per unit code. */
  readonly respondents?: ReadonlyMap<string, number>;
}

/**
 * Adds to each unit of a Results JSON its `documents` (when claims are given) and
 * `confidence`, and to each criterion with a logged change its `changed`. Returns a
 * new object; the input is not modified.
 */
export function withTrust(json: ScoreResultJson, framework: CompiledFramework, inputs: TrustInputs = {}): ScoreResultJson {
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
  const units = json.units.map((u): TrustedUnitJson => {
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
    const claimsIn = (f: number | undefined): ClaimCheck[] =>
      f === undefined ? claims : claims.filter((c) => {
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
    const changes = inputs.changes?.get(u.unit);
    const criteria = changes === undefined ? u.criteria : u.criteria.map((c) => {
      const e = changes.get(c.id);
      return e === undefined ? c : { ...c, changed: { at: e.at, by: e.by, field: e.field, from: e.from, to: e.to, why: e.why, line: e.line } };
    });
    const out: TrustedUnitJson = { ...u, criteria, confidence };
    if (inputs.claims !== undefined) {
      out.documents = {
        claims: claims.length,
        documented: claims.filter((c) => c.documents.length > 0).length,
        undocumented: claims.filter((c) => c.documents.length === 0).map((c) => c.criterion),
        missing: claims.filter((c) => c.missing.length > 0).map((c) => ({ criterion: c.criterion, documents: [...c.missing] })),
      };
    }
    return out;
  });
  return { ...json, units };
}
