/** SIPAS: survey definitions, responses and ratings, mergeable accumulators, indices, bridge to PAR INDEX. */
export { parseSurvey, type ParseSurveyOptions, type ParseSurveyResult } from "./parse.js";
export type {
  CompiledSurvey,
  ScalePlan,
  GroupPlan as SurveyGroupPlan,
  ElementPlan,
  ItemPlan,
  AggregatePlan,
  ElementAggregation,
  GroupAggregation,
  OverallAggregation,
} from "./plan.js";
export {
  createSurveyAccumulator,
  mergeAccumulators,
  UnitAccumulator,
  type SurveyAccumulator,
  type ItemTotals,
  type ScaledWeight,
} from "./accumulator.js";
export {
  createResponsesReader,
  readResponses,
  type ReadOptions as ResponsesReadOptions,
  type ResponsesReader,
  type ResponsesReadResult,
  type ResponsesStats,
} from "./responses.js";
export { readRatings, type RatingsReadResult } from "./ratings.js";
export {
  computeSurveyResult,
  unitIndices,
  type SurveyResult,
  type UnitIndices,
  type ItemIndex,
  type RatingsIndex,
} from "./indices.js";
export { surveyResultToJson, type SurveyResultJson, type UnitJson as SurveyUnitJson, type ItemJson as SurveyItemJson, type RatingsJson } from "./json.js";
export { surveyInputs, surveyEvidence, withSurveyEvidence, SURVEY_INPUT_PREFIX, type SurveyInput } from "./bridge.js";
export { surveyToTable, surveyToCsv, surveyToMarkdown } from "./report.js";
