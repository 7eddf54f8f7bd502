/**
 * par-index/node: the file-system loaders (the only part of the library that
 * touches `node:fs`). Everything else is re-exported from the pure core, so one
 * import serves a Node script.
 */
export * from "../index.js";
export { loadFrameworkFile, MAX_FRAMEWORK_BYTES, type LoadFrameworkOptions } from "./framework.js";
export * from "./evidence.js";
export * from "./survey.js";
export { buildManifest, sha256File, type ManifestSources, type RecordedFile } from "./manifest.js";
export { writeWorkbook, workbookBytes } from "./xlsx/write.js";
export { readEvidenceWorkbook, isWorkbookName, type ReadWorkbookOptions } from "./xlsx/evidence.js";
export { readResponsesWorkbook } from "./xlsx/survey.js";
export { openWorkbook, type CellValue, type OpenWorkbookResult, type RowCells, type SheetInfo, type XlsxWorkbook } from "./xlsx/workbook.js";
export { renderChartSvg, renderCharts } from "./charts.js";
export { listFrameworks, loadBundledFramework, type BundledFrameworkFile } from "./bundled.js";
