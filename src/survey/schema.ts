/** The zod schema of `par-index/survey-v1` files (the YAML-facing shape, before compilation). */
import { z } from "zod";

export const SEGMENT_ID = /^[a-z_][a-z0-9_]*$/;
export const ITEM_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
export const SURVEY_ID = /^[a-z0-9][a-z0-9-]*$/;

const level = z.number().int().min(0).max(1_000_000);

const scale = z.strictObject({
  levels: z.array(level).min(2),
  labels: z.record(z.string(), z.string().min(1)).optional(),
  satisfied: z.array(level).min(1),
});

const group = z.strictObject({ id: z.string().regex(SEGMENT_ID), title: z.string().optional() });
const element = z.strictObject({
  id: z.string().regex(SEGMENT_ID),
  group: z.string(),
  title: z.string().optional(),
});
const item = z.strictObject({
  id: z.string().regex(ITEM_ID),
  // Optional here so that a missing element gets its own code (survey-item-without-element).
  element: z.string().optional(),
  text: z.string().optional(),
});

const aggregate = z.strictObject({
  element: z.enum(["mean_of_items", "pooled"]).optional(),
  group: z.enum(["mean_of_elements", "pooled"]).optional(),
  // Checked by hand (string or { weights }), for precise positions and exact decimals.
  overall: z.unknown().optional(),
});

export const surveySchema = z.strictObject({
  format: z.literal("par-index/survey-v1"),
  id: z.string().regex(SURVEY_ID),
  title: z.string(),
  year: z.number().int().min(1900).max(2200),
  source: z.string().optional(),
  notes: z.string().optional(),
  scale,
  weight: z.string().min(1).optional(),
  min_respondents: z.number().int().min(1).optional(),
  rounding: z
    .strictObject({
      decimals: z.number().int().min(0).max(10),
      mode: z.enum(["half_up", "half_even", "down"]).optional(),
    })
    .optional(),
  groups: z.array(group).min(1),
  elements: z.array(element).min(1),
  items: z.array(item).min(1),
  aggregate: aggregate.optional(),
});

export type SurveyDoc = z.infer<typeof surveySchema>;

/** Allowed keys by kind of mapping, for did-you-mean hints. */
export const KEYS = {
  top: Object.keys(surveySchema.shape),
  scale: Object.keys(scale.shape),
  group: Object.keys(group.shape),
  element: Object.keys(element.shape),
  item: Object.keys(item.shape),
  aggregate: Object.keys(aggregate.shape),
  rounding: ["decimals", "mode"],
  overall: ["weights"],
} as const;

/** The allowed keys of the mapping at `path` in a survey document. */
export function allowedKeysAt(path: readonly (string | number)[]): readonly string[] {
  if (path.length === 0) return KEYS.top;
  const [head] = path;
  if (head === "scale") return KEYS.scale;
  if (head === "rounding") return KEYS.rounding;
  if (head === "aggregate") return path.length >= 2 && path[1] === "overall" ? KEYS.overall : KEYS.aggregate;
  if (head === "groups") return KEYS.group;
  if (head === "elements") return KEYS.element;
  if (head === "items") return KEYS.item;
  return [];
}
