export { toTidyRows, type TidyRow } from "./tidy.js";
export { toTable } from "./table.js";
export { toMarkdown } from "./markdown.js";
export { toCsv } from "./csv.js";
export {
  type CellData,
  type ColumnSpec,
  type DateCell,
  type SheetData,
  type Validation,
  type WorkbookData,
  sheetName,
} from "./workbook.js";
export { scoreWorkbook, diagnosticsSheet, type ScoreWorkbookOptions } from "./score-workbook.js";
export { templateWorkbook, type TemplateOptions } from "./template.js";
export { guideRows, guideMarkdown, guideHtml, guideSheet, ruleText, type GuideRow } from "./guide.js";
export { chartSpecs, chartSpecsOf, gradeColours, type ChartSpecs, type ChartOptions, type VegaLiteSpec } from "./charts.js";
export { reportHtml, type ReportInput, type ReportManifest } from "./html.js";
export { localeNumber, localeDate, type TextOptions } from "./format.js";
export type { CsvOptions } from "./csv.js";
