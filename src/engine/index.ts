export { score } from "./score.js";
export { explainText, explanationLines } from "./explain.js";
export { scoreResultToJson, unitResultToJson, diagnosticToJson } from "./json.js";
export { scoreResultJsonPieces } from "./json-stream.js";
export { rescoreUnit, type UnitChanges } from "./rescore.js";
export type { ScoreResultJson, UnitJson, CriterionJson, DiagnosticJson } from "./json.js";
export { gradeOf } from "./grade.js";
export type {
  AdjustmentResult,
  Explanation,
  NodeResult,
  NodeStatus,
  PartResult,
  ScoreOptions,
  ScoreResult,
  UnitResult,
  ValueRead,
} from "./result.js";
export { compareResults, frameworkSha256, readManifest, INPUT_ROLES } from "./manifest.js";
export type { InputRole, ManifestFramework, ManifestInput, ResultDifference, RunManifest } from "./manifest.js";
