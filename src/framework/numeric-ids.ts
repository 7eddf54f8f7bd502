import { diag, type Diagnostic, type DocPath } from "../diagnostics/index.js";
import type { PositionIndex } from "../yaml/positions.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * YAML reads `id: 1.10` as the number 1.1. Ids are text, so every id (and every
 * reference to an id) written as a number is replaced, in place, by its source
 * text, with a warning suggesting quotes.
 */
export function normaliseNumericIds(doc: unknown, positions: PositionIndex, file: string | undefined): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const fix = (container: Obj | unknown[], key: string | number, path: DocPath): void => {
    const v = (container as Record<string | number, unknown>)[key];
    if (typeof v !== "number") return;
    const text = positions.sourceText(path) ?? String(v);
    (container as Record<string | number, unknown>)[key] = text;
    warnings.push(diag("numeric-id", { text }, { ...(file !== undefined && { file }), ...positions.locate(path), path }));
  };
  const criteria = (list: unknown, path: DocPath): void => {
    if (!Array.isArray(list)) return;
    list.forEach((node, i) => {
      if (!isObj(node)) return;
      fix(node, "id", [...path, i, "id"]);
      criteria(node.children, [...path, i, "children"]);
    });
  };
  const idList = (list: unknown, path: DocPath): void => {
    if (Array.isArray(list)) list.forEach((_, i) => fix(list, i, [...path, i]));
  };
  if (!isObj(doc)) return warnings;
  criteria(doc.criteria, ["criteria"]);
  if (Array.isArray(doc.adjustments)) doc.adjustments.forEach((a, i) => isObj(a) && fix(a, "id", ["adjustments", i, "id"]));
  if (isObj(doc.ranking)) idList(doc.ranking.tiebreak, ["ranking", "tiebreak"]);
  idList(doc.remove, ["remove"]);
  if (Array.isArray(doc.add)) {
    doc.add.forEach((entry, i) => {
      if (!isObj(entry)) return;
      fix(entry, "parent", ["add", i, "parent"]);
      if (isObj(entry.criterion)) {
        fix(entry.criterion, "id", ["add", i, "criterion", "id"]);
        criteria(entry.criterion.children, ["add", i, "criterion", "children"]);
      }
    });
  }
  return warnings;
}
