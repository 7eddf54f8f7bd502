/**
 * Survey responses from an .xlsx workbook: each sheet with a header row (the first
 * row whose first filled cell is `respondent` or `unit`) is read by the same
 * streaming responses reader as CSV, one line per sheet row (so line numbers are
 * row numbers); diagnostics then name the sheet and the cell.
 */
import { diag, type Diagnostic } from "../../diagnostics/index.js";
import type { CompiledSurvey } from "../../survey/plan.js";
import { createResponsesReader, type ReadOptions, type ResponsesReadResult, type ResponsesStats } from "../../survey/responses.js";
import { createSurveyAccumulator } from "../../survey/accumulator.js";
import { cellText } from "./evidence.js";
import { openWorkbook } from "./workbook.js";

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The 1-based cell number of a character column in a CSV line (quotes respected). */
function cellNumber(line: string, charColumn: number): number {
  let cell = 1;
  let quoted = false;
  for (let i = 0; i < Math.min(line.length, charColumn - 1); i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) cell++;
  }
  return cell;
}

/** Reads every sheet of a responses workbook into one accumulator. Never throws. */
export async function readResponsesWorkbook(path: string, survey: CompiledSurvey, options: ReadOptions = {}): Promise<ResponsesReadResult> {
  const file = options.filename ?? path;
  const acc = options.into ?? createSurveyAccumulator(survey);
  const diagnostics: Diagnostic[] = [];
  const stats = { rows: 0, rowsUsed: 0, rowsRejected: 0, invalidAnswers: 0 };
  const opened = await openWorkbook(path);
  if (!opened.ok) {
    diagnostics.push(
      opened.reason === "unreadable" ? diag("xlsx-unreadable", { detail: opened.detail }, { file }) : diag("xlsx-not-workbook", { reason: opened.reason }, { file }),
    );
    return { accumulator: acc, diagnostics, stats };
  }
  for (const sheet of opened.workbook.sheets) {
    const reader = createResponsesReader(survey, { ...options, filename: file, into: acc });
    let offset = -1;
    let width = 0;
    // The sheet row of each CSV line pushed (line numbers are mapped back to rows).
    const rowOfLine: number[] = [];
    // The text of the lines that raised a diagnostic, to turn its character column into a cell column.
    const lineText = new Map<number, string>();
    try {
      await opened.workbook.readSheet(sheet, (row, cells) => {
        if (offset < 0) {
          const first = cells.findIndex((c) => c !== undefined && cellText(c).trim() !== "");
          const word = first < 0 ? "" : cellText(cells[first]).trim().toLowerCase();
          if (word !== "respondent" && word !== "unit") return;
          offset = first;
          const header = cells.slice(first).map(cellText);
          while (header.length > 1 && header[header.length - 1]?.trim() === "") header.pop();
          width = header.length;
        }
        // One CSV line per non-empty sheet row.
        const texts: string[] = [];
        for (let i = 0; i < Math.max(width, cells.length - offset); i++) texts.push(csvCell(cellText(cells[offset + i])));
        while (texts.length > width && texts[texts.length - 1] === "") texts.pop();
        const text = texts.join(",");
        const before = reader.diagnosticCount;
        reader.push(text + "\n");
        rowOfLine.push(row);
        if (reader.diagnosticCount !== before) lineText.set(rowOfLine.length, text);
      });
    } catch (error) {
      diagnostics.push(diag("xlsx-unreadable", { detail: `sheet "${sheet.name}": ${error instanceof Error ? error.message : String(error)}` }, { file, sheet: sheet.name }));
      continue;
    }
    if (offset < 0) {
      diagnostics.push(diag("xlsx-no-header", { sheet: sheet.name }, { file, sheet: sheet.name }));
      continue;
    }
    const r = reader.end();
    const s: ResponsesStats = r.stats;
    stats.rows += s.rows;
    stats.rowsUsed += s.rowsUsed;
    stats.rowsRejected += s.rowsRejected;
    stats.invalidAnswers += s.invalidAnswers;
    for (const d of r.diagnostics) {
      if (d.file !== file) diagnostics.push(d);
      else {
        const row = d.line === undefined ? undefined : rowOfLine[d.line - 1];
        const text = d.line === undefined ? undefined : lineText.get(d.line);
        const column = d.column === undefined ? undefined : (text === undefined ? 1 : cellNumber(text, d.column)) + offset;
        diagnostics.push(Object.freeze({ ...d, sheet: sheet.name, ...(row === undefined ? {} : { line: row }), ...(column === undefined ? {} : { column }) }));
      }
    }
  }
  return { accumulator: acc, diagnostics, stats };
}
