/**
 * par-index: scores Vietnam's administrative-reform indices (PAR INDEX / CCHC,
 * SIPAS) from declarative YAML frameworks, with exact decimals.
 *
 * The pipeline, phase by phase (each phase is a folder of src/):
 *
 * 1. `yaml/`      read YAML keeping the source position of every value;
 * 2. `framework/` resolve overlays, validate (zod schema, then static checks), compile
 *                 to a frozen, kind-tagged plan of closures;
 * 3. `expr/`      the expression language those plans evaluate: parse, check, compile;
 * 4. `evidence/`  read the evidence units send (CSV/JSON, `vi`/`en` locales) into typed
 *                 values, with every row used or reported;
 * 5. `survey/`    SIPAS: survey definitions, mergeable accumulators, indices, and their
 *                 bridge into evidence (`sipas.*` inputs);
 * 6. `engine/`    evaluate the plan per unit into a score tree with explanations;
 * 7. `rank/`      ranks, ties, tiebreaks, groups;
 * 8. `report/`    JSON, CSV, Markdown, terminal tables, tidy rows.
 *
 * Problems are data (`Diagnostic`: code, params, position) with wording from one
 * catalogue (`diagnostics/`). Everything exported here is pure: no file system, no
 * process, no globals. File loaders live in `par-index/node`.
 *
 * @packageDocumentation
 */
export { Dec, dec, roundTo, indexOf, DEFAULT_ROUNDING, type Decimal, type Rounding, type RoundingMode } from "./core/decimal.js";
export { CalendarDate, MISSING, DIVISION_BY_ZERO, isMissing, formatValue, type Value, type ValueType, type Missing } from "./core/value.js";
export {
  CATALOGUE,
  diag,
  formatDiagnostic,
  hasErrors,
  isLang,
  localizeDiagnostic,
  localizeDiagnostics,
  messageOf,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticCode,
  type DocPath,
  type Location,
  type Severity,
  type Lang,
} from "./diagnostics/index.js";
export { loadYaml, type LoadedYaml, type YamlLimits } from "./yaml/load.js";
export { PositionIndex } from "./yaml/positions.js";

export * from "./framework/index.js";
export {
  parseExpression,
  checkExpression,
  compileExpression,
  evaluateExpression,
  formatExpression,
  namesOf,
  EXPR_FUNCTIONS,
  type ExprNode,
  type ExprScope,
  type ExprLocator,
  type ParsedExpr,
} from "./expr/index.js";
export * from "./evidence/index.js";
export * from "./engine/index.js";
export * from "./rank/index.js";
export * from "./report/index.js";
export * from "./survey/index.js";
export { sha256 } from "./core/sha256.js";
export { trustOf, type TrustJson, type TrustInputs, type UnitTrustJson, type UnitDocumentsJson, type ConfidenceJson, type ChangeJson } from "./analysis/trust.js";
export * from "./analysis/index.js";
