/**
 * Lineage files (`from,to[,weight]`): old units carried into new ones, e.g. the wards
 * merged on 1 July 2025. Pure: parses text; checks against results in compare.
 */
import { parseCsvRecords } from "../core/csv-records.js";
import { dec, type Decimal } from "../core/decimal.js";
import { diag, type Diagnostic } from "../diagnostics/index.js";
import { FORBIDDEN_KEYS } from "../yaml/load.js";

export interface LineageRow {
  readonly from: string;
  readonly to: string;
  readonly weight: Decimal;
  /** 1-based line in the file. */
  readonly line: number;
}

export interface Lineage {
  readonly file?: string;
  /** In file order. */
  readonly rows: readonly LineageRow[];
}

/** Parses a lineage CSV (`,` or `;`; BOM allowed). Every bad line is reported; a file with problems gives no lineage. */
export function parseLineage(text: string, file?: string): { lineage?: Lineage; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number, column = 1) => ({ ...(file !== undefined && { file }), line, column });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const parsed = parseCsvRecords(text, delimiter);
  if (!parsed.ok) {
    const { problem, line, column } = parsed.error;
    diagnostics.push(diag("lineage-row", { detail: `the CSV cannot be read (${problem.replace("-", " ")})` }, at(line, column)));
    return { diagnostics };
  }
  const records = parsed.records.map((r) => ({ record: r.cells, info: { lines: r.line } }));
  const header = records[0]?.record.map((h) => h.trim().toLowerCase()) ?? [];
  if (header[0] !== "from" || header[1] !== "to" || (header.length > 2 && header[2] !== "weight") || header.length > 3) {
    diagnostics.push(diag("lineage-header", { header: (records[0]?.record ?? []).join(delimiter) }, at(1)));
    return { diagnostics };
  }
  const rows: LineageRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.every((c) => c.trim() === "")) continue;
    const [from = "", to = "", weightText = "", ...rest] = record.map((c) => c.trim().normalize("NFC"));
    if (rest.some((c) => c !== "") || record.length > header.length) {
      diagnostics.push(diag("lineage-row", { detail: `the line has ${record.length} cells but the header ${header.length}` }, at(line, header.length + 1)));
      continue;
    }
    if (from === "" || to === "") {
      diagnostics.push(diag("lineage-row", { detail: `the ${from === "" ? "old" : "new"} unit code is empty` }, at(line, from === "" ? 1 : 2)));
      continue;
    }
    const forbidden = [from, to].find((c) => FORBIDDEN_KEYS.has(c));
    if (forbidden !== undefined) {
      diagnostics.push(diag("lineage-row", { detail: `"${forbidden}" cannot be a unit code` }, at(line, forbidden === from ? 1 : 2)));
      continue;
    }
    let weight = dec(1);
    if (weightText !== "") {
      const ok = /^\d+([.,]\d+)?$/.test(weightText);
      const w = ok ? dec(weightText.replace(",", ".")) : undefined;
      if (w === undefined || w.lte(0)) {
        diagnostics.push(diag("lineage-bad-weight", { text: weightText }, at(line, 3)));
        continue;
      }
      weight = w;
    }
    const key = `${from}\u0000${to}`;
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push(diag("lineage-duplicate", { from, to, first }, at(line)));
      continue;
    }
    seen.set(key, line);
    rows.push({ from, to, weight, line });
  }
  // A code that is a new unit formed from others and also an old unit merged elsewhere
  // (without continuing as itself) is a chain or a cycle: the file mixes two steps.
  const selfRows = new Set(rows.filter((r) => r.from === r.to).map((r) => r.from));
  const formedFrom = new Map<string, string>();
  for (const r of rows) if (r.from !== r.to && !formedFrom.has(r.to)) formedFrom.set(r.to, r.from);
  for (const r of rows) {
    if (r.from === r.to || selfRows.has(r.from)) continue;
    const source = formedFrom.get(r.from);
    if (source !== undefined) diagnostics.push(diag("lineage-chain", { code: r.from, to: r.to, source }, at(r.line)));
  }
  if (diagnostics.length > 0) return { diagnostics };
  return { lineage: { ...(file !== undefined && { file }), rows }, diagnostics };
}
