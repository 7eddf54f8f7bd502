import type { ScoreResult } from "../engine/result.js";
import type { CompiledFramework } from "../framework/ir.js";
import { fieldIndex, fieldsOf, indexText, maxText, pointsText } from "./columns.js";
import { csvField } from "./escape.js";

export { csvField } from "./escape.js";

/**
 * One row per unit: rank, unit, name, points, max, index, grade, complete, then each
 * field's index under the field's id. RFC 4180: CRLF line ends, quoted where needed;
 * text that a spreadsheet would run as a formula is written as text (see {@link csvField}).
 */
export function toCsv(result: ScoreResult, framework: CompiledFramework = result.framework): string {
  const fields = fieldsOf(framework);
  const header = ["rank", "unit", "name", "points", "max", "index", "grade", "complete", ...fields.map((f) => f.id)];
  const lines = [header.map(csvField).join(",")];
  for (const u of result.units) {
    const row = [
      String(u.rank),
      u.unit,
      u.name,
      pointsText(u, framework),
      maxText(u, framework),
      indexText(u, framework),
      u.grade ?? "",
      String(u.complete),
      ...fields.map((f) => fieldIndex(u, f, framework)),
    ];
    lines.push(row.map(csvField).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
