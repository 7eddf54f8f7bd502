/** Evidence import: typed values, CSV and JSON readers, merging, and the missing-input check. */
export type { EvidenceSet, ImportStats, InputEntry, PointsEntry, UnitEvidence, UnitInfo } from "./model.js";
export { type EvidenceSchema, evidenceSchemaOf } from "./schema.js";
export { type Locale, LOCALES, isLocale } from "./locale.js";
export { type ValueProblem, type ValueResult, parseValue } from "./values.js";
export {
  type EvidenceFileKind,
  type EvidencePart,
  type PartInputEntry,
  type PartPointsEntry,
  type PartUnit,
} from "./part.js";
export {
  type EvidenceReader,
  type EvidenceReaderOptions,
  type ReadProgress,
  createEvidenceReader,
  kindLabel,
  readEvidenceCsv,
} from "./reader.js";
export { type JsonReadOptions, readEvidenceJson, readJsonText, readUnitsJson } from "./json.js";
export { mergeEvidence } from "./merge.js";
export { type UnitMissingInputs, checkEvidence } from "./check.js";
export type { Delimiter } from "./csv.js";
export { type RegisterEntry, type RegisterRead, type ReadRegisterOptions, readRegisterCsv } from "./register.js";
export { type ClaimCheck, type ClaimDocument, type DocumentsCheck, checkDocuments, namesTitle } from "./documents.js";
export {
  type AppraisalEvent,
  type AppraisalLogRead,
  type AppraisalChanges,
  type AppliedAppraisals,
  type LoggedEvent,
  GENESIS,
  appendAppraisal,
  applyAppraisals,
  logHead,
  readAppraisalLog,
} from "./appraisal-log.js";
