/**
 * The self-assessment workbook a Sở Nội vụ sends its units (`par-index template`):
 * `Hướng dẫn` (the scoring guidance), `Tự chấm` (a points table: unit, criterion,
 * title, max, scoring, self, appraised, documents, note — self and appraised
 * validated 0..max on the rule's step) and `Số liệu` (long-form inputs: unit,
 * input, label, type, value, note — dropdowns for enums and booleans, date
 * validation for dates). Filled in and given back as it is, it scores: the header
 * rows are the ones the readers detect, the title and caption rows above them are
 * skipped, blank cells are missing values.
 */
import type { UnitInfo } from "../evidence/model.js";
import type { CompiledFramework, InputPlan, InputType } from "../framework/ir.js";
import { guideSheet, ruleText } from "./guide.js";
import type { Lang } from "./lang.js";
import { defineStrings } from "../diagnostics/define.js";
import type { CellData, SheetData, Validation, WorkbookData } from "./workbook.js";

export interface TemplateOptions {
  /** The units to prepare rows for; without them, one block of rows whose unit cell the unit fills in. */
  readonly units?: readonly UnitInfo[];
  readonly lang?: Lang;
}

const W = defineStrings({
  vi: {
    pointsSheet: "Tự chấm",
    inputsSheet: "Số liệu",
    pointsHeading: "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
    inputsHeading: "SỐ LIỆU LÀM CĂN CỨ CHẤM ĐIỂM",
    pointsHelp:
      "Đơn vị điền cột \"self\" (điểm tự chấm), cột \"documents\" (số, tên tài liệu kiểm chứng, cách nhau bằng dấu ;) và ghi chú; Hội đồng thẩm định điền cột \"appraised\". Không sửa dòng tiêu đề (unit, criterion, ...) và không chèn, xoá cột.",
    inputsHelp:
      "Điền cột \"value\": số (tỷ lệ ghi dạng 99,33%), ngày dạng dd/mm/yyyy, có/không, hoặc chọn trong danh sách. Ô để trống là chưa có số liệu.",
    pointsCaptions: ["Mã đơn vị", "Tiêu chí", "Nội dung", "Điểm tối đa", "Cách chấm", "Điểm tự chấm", "Điểm thẩm định", "Tài liệu kiểm chứng", "Ghi chú"],
    inputsCaptions: ["Mã đơn vị", "Chỉ tiêu", "Nội dung", "Kiểu", "Giá trị", "Ghi chú"],
    intro: [
      "Cách dùng: đơn vị điền sheet \"Tự chấm\" và \"Số liệu\", gửi lại tệp này; không đổi tên sheet, không sửa dòng tiêu đề (unit, criterion, ...).",
    ],
    bonus: "Điểm thưởng",
    penalty: "Điểm trừ",
    required: "Tài liệu kiểm chứng",
    stepMessage: (max: string, step: string) => `Nhập điểm từ 0 đến ${max}, theo bước ${step}.`,
    rangeMessage: (max: string) => `Nhập điểm từ 0 đến ${max}.`,
    listMessage: "Chọn một giá trị trong danh sách.",
    dateMessage: "Nhập ngày dạng dd/mm/yyyy.",
    numberMessage: "Nhập một số.",
    yes: "có",
    no: "không",
    types: {
      number: "số",
      integer: "số nguyên",
      ratio: "tỷ lệ (0–1, hoặc %)",
      percent: "phần trăm (0–100)",
      boolean: "có / không",
      date: "ngày (dd/mm/yyyy)",
      enum: "chọn trong danh sách",
      text: "văn bản",
    } as Record<InputType, string>,
  },
  en: {
    pointsSheet: "Tự chấm",
    inputsSheet: "Số liệu",
    pointsHeading: "SELF-ASSESSMENT",
    inputsHeading: "FIGURES FOR SCORING",
    pointsHelp: "Units fill in \"self\", the documents and notes; the appraisal council fills in \"appraised\". Do not change the header row (unit, criterion, ...) or insert or delete columns.",
    inputsHelp: "Fill in \"value\": numbers (ratios as 99.33%), dates as dd/mm/yyyy, yes/no, or pick from the list. A blank cell is a missing value.",
    pointsCaptions: ["Unit code", "Criterion", "Title", "Maximum", "How it is scored", "Self-assessed", "Appraised", "Evidence documents", "Note"],
    inputsCaptions: ["Unit code", "Input", "Label", "Type", "Value", "Note"],
    intro: ["How to use: units fill in the \"Tự chấm\" and \"Số liệu\" sheets and send this file back; do not rename sheets or change the header rows."],
    bonus: "Bonus",
    penalty: "Penalty",
    required: "Evidence documents",
    stepMessage: (max: string, step: string) => `Enter points from 0 to ${max}, in steps of ${step}.`,
    rangeMessage: (max: string) => `Enter points from 0 to ${max}.`,
    listMessage: "Pick a value from the list.",
    dateMessage: "Enter a date as dd/mm/yyyy.",
    numberMessage: "Enter a number.",
    yes: "yes",
    no: "no",
    types: {
      number: "number",
      integer: "whole number",
      ratio: "ratio (0–1, or %)",
      percent: "percentage (0–100)",
      boolean: "yes / no",
      date: "date (dd/mm/yyyy)",
      enum: "pick from the list",
      text: "text",
    } as Record<InputType, string>,
  },
});

function num(d: { toString(): string }): number {
  return Number(d.toString());
}

/** One row per criterion to score: every leaf, then the adjustments. */
function scoredItems(fw: CompiledFramework, lang: Lang): { id: string; title: string; max: number; scoring: string; step?: number; documents: string }[] {
  const w = W[lang];
  const items: { id: string; title: string; max: number; scoring: string; step?: number; documents: string }[] = [];
  for (const n of fw.nodes) {
    if (n.kind !== "leaf") continue;
    const item: { id: string; title: string; max: number; scoring: string; step?: number; documents: string } = {
      id: n.id,
      title: n.title,
      max: num(n.max),
      scoring: ruleText(n.rule, n.max, fw, lang),
      documents: n.evidence ?? "",
    };
    if (n.rule.kind === "manual" && n.rule.step !== undefined) item.step = num(n.rule.step);
    items.push(item);
  }
  for (const a of fw.adjustments) {
    const item: { id: string; title: string; max: number; scoring: string; step?: number; documents: string } = {
      id: a.id,
      title: `${a.kind === "bonus" ? w.bonus : w.penalty}: ${a.title}`,
      max: num(a.max),
      scoring: ruleText(a.rule, a.max, fw, lang),
      documents: "",
    };
    if (a.rule.kind === "manual" && a.rule.step !== undefined) item.step = num(a.rule.step);
    items.push(item);
  }
  return items;
}

function inputValidation(input: InputPlan, lang: Lang): Validation | undefined {
  const w = W[lang];
  switch (input.type) {
    case "enum":
      return { kind: "list", values: input.values ?? [], message: w.listMessage };
    case "boolean":
      return { kind: "list", values: [w.yes, w.no], message: w.listMessage };
    case "date":
      return { kind: "date", message: w.dateMessage };
    case "integer":
      return { kind: "whole", ...(input.min === undefined ? {} : { min: num(input.min) }), ...(input.max === undefined ? {} : { max: num(input.max) }), message: w.numberMessage };
    case "ratio":
      return { kind: "decimal", min: 0, max: 1, message: w.numberMessage };
    case "percent":
      return { kind: "decimal", min: 0, max: 100, message: w.numberMessage };
    case "number":
      return input.min === undefined && input.max === undefined
        ? undefined
        : { kind: "decimal", min: input.min === undefined ? -1e15 : num(input.min), max: input.max === undefined ? 1e15 : num(input.max), message: w.numberMessage };
    default:
      return undefined;
  }
}

/** The number format a value cell of this input type shows typed values in. */
function inputFormat(type: InputType): string | undefined {
  if (type === "date") return "dd/mm/yyyy";
  if (type === "ratio") return "0.00%";
  return undefined;
}

/** The self-assessment workbook of a framework for a set of units. */
export function templateWorkbook(fw: CompiledFramework, options: TemplateOptions = {}): WorkbookData {
  const lang = options.lang ?? "vi";
  const w = W[lang];
  const units = options.units !== undefined && options.units.length > 0 ? options.units.map((u) => u.code) : [""];
  const items = scoredItems(fw, lang);
  const title = lang === "en" && fw.titleEn !== undefined ? fw.titleEn : fw.title;

  const pointsRows: CellData[][] = [];
  const pointsValidations: { row: number; column: number; rule: Validation }[] = [];
  for (const unit of units) {
    for (const item of items) {
      const row = pointsRows.length;
      // "documents" is for the documents the unit provides (read back into the evidence-document check);
      // the documents the framework requires are told in the scoring column.
      const scoring = item.documents === "" ? item.scoring : `${item.scoring}. ${w.required}: ${item.documents}.`;
      pointsRows.push([unit, item.id, item.title, item.max, scoring, null, null, null, null]);
      const maxText = String(item.max);
      const rule: Validation =
        item.step === undefined
          ? { kind: "decimal", min: 0, max: item.max, message: w.rangeMessage(maxText) }
          : { kind: "decimal", min: 0, max: item.max, step: item.step, message: w.stepMessage(maxText, String(item.step)) };
      pointsValidations.push({ row, column: 5, rule }, { row, column: 6, rule });
    }
  }
  const points: SheetData = {
    name: w.pointsSheet,
    title: [w.pointsHeading, title, w.pointsHelp],
    groups: w.pointsCaptions.map((c, i) => [c, i, i] as const),
    columns: [
      { header: "unit" },
      { header: "criterion" },
      { header: "title", width: 45, wrap: true },
      { header: "max", type: "number", decimals: Math.min(fw.rounding.decimals, 2) },
      { header: "scoring", width: 50, wrap: true },
      { header: "self", type: "number", decimals: Math.min(fw.rounding.decimals, 2), width: 12 },
      { header: "appraised", type: "number", decimals: Math.min(fw.rounding.decimals, 2), width: 12 },
      { header: "documents", width: 40, wrap: true },
      { header: "note", width: 30, wrap: true },
    ],
    rows: pointsRows,
    validations: pointsValidations,
  };

  const inputsRows: CellData[][] = [];
  const inputValidations: { row: number; column: number; rule: Validation }[] = [];
  const formats: { row: number; column: number; format: string }[] = [];
  for (const unit of units) {
    for (const input of fw.inputs) {
      const row = inputsRows.length;
      inputsRows.push([unit, input.name, input.label ?? "", w.types[input.type] + (input.type === "enum" ? `: ${(input.values ?? []).join(", ")}` : ""), null, null]);
      const rule = inputValidation(input, lang);
      if (rule !== undefined) inputValidations.push({ row, column: 4, rule });
      const format = inputFormat(input.type);
      if (format !== undefined) formats.push({ row, column: 4, format });
    }
  }
  const sheets: SheetData[] = [guideSheet(fw, lang, w.intro), points];
  if (fw.inputs.length > 0) {
    sheets.push({
      name: w.inputsSheet,
      title: [w.inputsHeading, title, w.inputsHelp],
      groups: w.inputsCaptions.map((c, i) => [c, i, i] as const),
      columns: [
        { header: "unit" },
        { header: "input", width: 28 },
        { header: "label", width: 45, wrap: true },
        { header: "type", width: 22 },
        { header: "value", width: 16 },
        { header: "note", width: 30, wrap: true },
      ],
      rows: inputsRows,
      validations: inputValidations,
      formats,
    });
  }
  return { sheets };
}
