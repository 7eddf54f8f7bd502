/**
 * The zod 4 schema of the YAML format `par-index/v1` (the raw, YAML-facing shape).
 * It checks structure and simple value constraints; everything that needs the
 * whole framework (ids, sums, bands, references) is a static check in ./checks.
 * Objects are strict: an unknown key is an error.
 */
import { z } from "zod";

/** An expression: usually a string; a bare number or boolean is read from its source text. */
export const ExprSchema = z.union([z.string(), z.number(), z.boolean()]);
const Num = z.number();
/** `evidence:` the documents required: one description, or a list of documents (each one required). */
const Evidence = z.union([z.string(), z.array(z.string()).min(1)]);

const Title = z.union([z.string(), z.strictObject({ vi: z.string(), en: z.string().optional() })]);

export const INPUT_TYPES = ["number", "integer", "ratio", "percent", "boolean", "date", "enum", "text"] as const;
export const LEVELS = ["province", "ministry", "district", "department", "ward", "commune", "other"] as const;

const InputSchema = z.strictObject({
  type: z.enum(INPUT_TYPES),
  min: Num.optional(),
  max: Num.optional(),
  values: z.array(z.string()).optional(),
  label: z.string().optional(),
  missing: z.enum(["error", "zero", "not_applicable"]).optional(),
});

/** A band of a `bands` rule: conditions and `points`, or `{ otherwise: P }`. Which combination is checked statically. */
const BandSchema = z.strictObject({
  at_least: Num.optional(),
  above: Num.optional(),
  at_most: Num.optional(),
  below: Num.optional(),
  equals: z.union([Num, z.string(), z.boolean()]).optional(),
  points: Num.optional(),
  otherwise: Num.optional(),
});

const RuleSchema = z.strictObject({
  boolean: z.strictObject({ value: ExprSchema, true: Num.optional(), false: Num.optional() }).optional(),
  bands: z.strictObject({ value: ExprSchema, bands: z.array(BandSchema).min(1) }).optional(),
  ratio: z.strictObject({ value: ExprSchema, lower: Num.optional(), upper: Num.optional() }).optional(),
  deadline: z
    .strictObject({ value: ExprSchema, due: z.string(), late: Num.optional(), late_until: z.string().optional(), missing: Num.optional() })
    .optional(),
  choice: z.strictObject({ value: ExprSchema, points: z.record(z.string(), Num) }).optional(),
  deduct: z.strictObject({ value: ExprSchema, per: Num, floor: Num.optional() }).optional(),
  // `manual:` with no value (null) is accepted as `manual: {}`.
  manual: z.strictObject({ step: Num.optional() }).nullable().optional(),
  expr: ExprSchema.optional(),
});

export const RULE_KINDS = ["boolean", "bands", "ratio", "deadline", "choice", "deduct", "manual", "expr"] as const;

export const CriterionSchema = z.strictObject({
  id: z.string(),
  title: Title.optional(),
  max: Num.optional(),
  part: z.string().optional(),
  applies_if: ExprSchema.optional(),
  not_applicable: z.enum(["exclude", "full", "zero"]).optional(),
  evidence: Evidence.optional(),
  notes: z.string().optional(),
  rule: RuleSchema.optional(),
  get children(): z.ZodOptional<z.ZodArray<typeof CriterionSchema>> {
    return z.array(CriterionSchema).optional();
  },
});

const AdjustmentSchema = z.strictObject({
  id: z.string(),
  title: Title.optional(),
  kind: z.enum(["bonus", "penalty"]),
  max: Num,
  rule: RuleSchema,
  evidence: Evidence.optional(),
  notes: z.string().optional(),
});

const GradeSchema = z.strictObject({
  at_least: Num.optional(),
  above: Num.optional(),
  at_most: Num.optional(),
  below: Num.optional(),
  equals: Num.optional(),
  label: z.string().optional(),
  otherwise: z.string().optional(),
});

const RankingSchema = z.strictObject({
  by: z.enum(["index", "points"]).optional(),
  on: z.enum(["published", "exact"]).optional(),
  ties: z.enum(["competition", "dense"]).optional(),
  tiebreak: z.array(z.string()).optional(),
  within: z.string().optional(),
});

const PartSchema = z.strictObject({ title: Title.optional(), optional: z.boolean().optional() }).nullable();

export const FrameworkSchema = z.strictObject({
  format: z.string(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "an id of lower-case letters, digits and '-' (e.g. hanoi-ward-2024)"),
  title: Title.optional(),
  level: z.enum(LEVELS).optional(),
  year: z.number().int(),
  source: z.string(),
  notes: z.string().optional(),
  rounding: z.strictObject({ decimals: Num.optional(), mode: z.enum(["half_up", "half_even", "down"]).optional() }).optional(),
  parts: z.record(z.string(), PartSchema).optional(),
  inputs: z.record(z.string(), InputSchema).optional(),
  derived: z.record(z.string(), ExprSchema).optional(),
  criteria: z.array(CriterionSchema).min(1),
  adjustments: z.array(AdjustmentSchema).optional(),
  cap: Num.min(0).optional(),
  grades: z.array(GradeSchema).min(1).optional(),
  ranking: RankingSchema.optional(),
});

export type RawFramework = z.infer<typeof FrameworkSchema>;
export type RawCriterion = z.infer<typeof CriterionSchema>;
export type RawRule = z.infer<typeof RuleSchema>;
export type RawBand = z.infer<typeof BandSchema>;
export type RawGrade = z.infer<typeof GradeSchema>;
export type RawInput = z.infer<typeof InputSchema>;
export type RawAdjustment = z.infer<typeof AdjustmentSchema>;
export type RawTitle = z.infer<typeof Title>;
export type RawExpr = z.infer<typeof ExprSchema>;

/** The overlay keys, checked on the overlay file before merging. */
export const OverlaySchema = z.looseObject({
  extends: z.string(),
  override: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  remove: z.array(z.string()).optional(),
  add: z.array(z.strictObject({ parent: z.string().optional(), criterion: z.record(z.string(), z.unknown()) })).optional(),
});
export type RawOverlay = z.infer<typeof OverlaySchema>;
export const OVERLAY_KEYS = ["extends", "override", "remove", "add"] as const;
