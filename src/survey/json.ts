/** The JSON of survey results (the survey format's Results section), numbers rounded per the survey. */
import { Dec, roundTo, toJsonNumber, type Decimal, type Rounding } from "../core/decimal.js";
import type { Diagnostic } from "../diagnostics/index.js";
import type { SurveyResult, UnitIndices } from "./indices.js";

export interface ItemJson {
  readonly index: number | null;
  readonly valid: number;
  readonly no_answer: number;
  readonly low: number | null;
  readonly high: number | null;
}

export interface RatingsJson {
  readonly total: number;
  readonly satisfied: number;
  readonly index: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Count per level, keyed by the level as written in the scale. */
  readonly by_level: Readonly<Record<string, number>>;
}

export interface UnitJson {
  readonly unit: string;
  readonly respondents: number;
  readonly overall: number | null;
  readonly groups: Readonly<Record<string, number | null>>;
  readonly elements: Readonly<Record<string, number | null>>;
  readonly items: Readonly<Record<string, ItemJson>>;
  readonly ratings?: RatingsJson;
}

export interface SurveyResultJson {
  readonly survey: {
    readonly id: string;
    readonly title: string;
    readonly year: number;
    readonly source?: string;
    readonly weighted: boolean;
    readonly rounding: Rounding;
  };
  readonly units: readonly UnitJson[];
  readonly all: UnitJson;
  readonly diagnostics: readonly Diagnostic[];
}

/** Rounds a Decimal index for output; null when there is none. */
export function roundIndex(value: Decimal | undefined, rounding: Rounding): number | null {
  return value === undefined ? null : toJsonNumber(roundTo(value, rounding));
}

/** Rounds a floating-point interval bound (percent) for output. */
export function roundBound(value: number | undefined, rounding: Rounding): number | null {
  return value === undefined || Number.isNaN(value) ? null : toJsonNumber(roundTo(new Dec(value), rounding));
}

/** Results as JSON-ready data: `{ survey, units, all, diagnostics }`. */
export function surveyResultToJson(result: SurveyResult): SurveyResultJson {
  const s = result.survey;
  const r = s.rounding;
  return {
    survey: {
      id: s.id,
      title: s.title,
      year: s.year,
      ...(s.source !== undefined && { source: s.source }),
      weighted: s.weightColumn !== undefined,
      rounding: { decimals: r.decimals, mode: r.mode },
    },
    units: result.units.map((u) => unitToJson(u, result)),
    all: unitToJson(result.all, result),
    diagnostics: result.diagnostics,
  };
}

function unitToJson(u: UnitIndices, result: SurveyResult): UnitJson {
  const r = result.survey.rounding;
  const mapOf = (m: ReadonlyMap<string, Decimal | undefined>) => {
    const out: Record<string, number | null> = {};
    for (const [k, v] of m) out[k] = roundIndex(v, r);
    return out;
  };
  const items: Record<string, ItemJson> = {};
  for (const [id, it] of u.items) {
    items[id] = { index: roundIndex(it.index, r), valid: it.valid, no_answer: it.noAnswer, low: roundBound(it.low, r), high: roundBound(it.high, r) };
  }
  const out: UnitJson = {
    unit: u.unit,
    respondents: u.respondents,
    overall: roundIndex(u.overall, r),
    groups: mapOf(u.groups),
    elements: mapOf(u.elements),
    items,
  };
  if (u.ratings) {
    const by: Record<string, number> = {};
    result.survey.scale.levels.forEach((l, i) => (by[String(l)] = u.ratings!.byLevel[i] ?? 0));
    return {
      ...out,
      ratings: {
        total: u.ratings.total,
        satisfied: u.ratings.satisfied,
        index: roundIndex(u.ratings.index, r),
        low: roundBound(u.ratings.low, r),
        high: roundBound(u.ratings.high, r),
        by_level: by,
      },
    };
  }
  return out;
}
