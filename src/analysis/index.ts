/**
 * Analysis over published results: lost points, the planner, roll-ups and
 * comparison across years (with crosswalks and the 2025 merger's lineage). Pure
 * functions with typed JSON outputs, and the same outputs as tables.
 */
export { readPublished, publish, structureOf, inferStructure } from "./results.js";
export type { Published, PublishedUnit, PublishedNode, Structure, StructureNode } from "./results.js";
export { gaps, gapsTables, type GapsJson, type GapsCriterion, type GapsOptions } from "./gaps.js";
export { planUnit, planRules, planTables, type PlanJson, type PlanOption, type PlanTarget, type PlanRules, type PlanOutcome } from "./plan.js";
export { rollup, rollupEvidence, rollupTables, attributeOf, type RollupJson, type RollupGroup, type RollupOptions } from "./rollup.js";
export { compare, compareTables, type CompareJson, type CompareUnit, type CompareCriterion, type ComparePairSummary, type CompareOptions } from "./compare.js";
export { parseLineage, type Lineage, type LineageRow } from "./lineage.js";
export { parseCrosswalk, CROSSWALK_FORMAT, type Crosswalk, type CrosswalkPair, type CrosswalkIds } from "./crosswalk.js";
export { tablesToMarkdown, tablesToText, tableToCsv, type AnalysisTable, type TableColumn, type Cell } from "./tables.js";
