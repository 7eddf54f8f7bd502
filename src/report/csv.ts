import { expectScoreResult } from "../core/args.js";
import type { ScoreResult } from "../engine/result.js";
import type { CompiledFramework } from "../framework/ir.js";
import type { Locale } from "../evidence/locale.js";
import { fieldIndex, fieldsOf, fixed, plain, stored } from "./columns.js";
import { csvField } from "./escape.js";

export { csvField } from "./escape.js";

export interface CsvOptions {
  /**
   * `en` (default): `,` between cells, decimal point. `vi`: as Excel in a Vietnamese
   * locale expects: `;` between cells, decimal comma, and a UTF-8 byte order mark.
   */
  readonly locale?: Locale;
}

/**
 * One row per unit: rank, unit, name, points, max, index, grade, complete, then each
 * field's index under the field's id. RFC 4180: CRLF line ends, quoted where needed.
 * The header keeps these English column names in every language (they are keys); text
 * that a spreadsheet would run as a formula is written as text (see {@link csvField}).
 */
export function toCsv(result: ScoreResult, frameworkArg?: CompiledFramework, options: CsvOptions = {}): string {
  expectScoreResult("toCsv(result)", "result", result);
  const framework = frameworkArg ?? result.framework;
  const locale = options.locale ?? "en";
  const sep = locale === "vi" ? ";" : ",";
  const fields = fieldsOf(framework);
  const header = ["rank", "unit", "name", "points", "max", "index", "grade", "complete", ...fields.map((f) => f.id)];
  const lines = [header.map((h) => csvField(h, sep)).join(sep)];
  for (const u of result.units) {
    // The stored integers, read once per unit (en); the Decimal path where they decline.
    const s = locale === "en" ? stored(u, framework) : undefined;
    const row = [
      String(u.rank),
      u.unit,
      u.name,
      locale === "en" ? (s?.points() ?? plain(u.points, framework)) : plain(u.points, framework, locale),
      locale === "en" ? (s?.max() ?? plain(u.max, framework)) : plain(u.max, framework, locale),
      locale === "en" ? (s?.index() ?? fixed(u.index, framework)) : fixed(u.index, framework, locale),
      u.grade ?? "",
      String(u.complete),
      ...fields.map((f) => s?.node(f.position) ?? fieldIndex(u, f, framework, locale)),
    ];
    lines.push(row.map((c) => csvField(c, sep)).join(sep));
  }
  return (locale === "vi" ? "\uFEFF" : "") + lines.join("\r\n") + "\r\n";
}
