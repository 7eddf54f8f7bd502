import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseCrosswalk, type CrosswalkIds } from "../analysis/index.js";
import { hasErrors } from "../diagnostics/index.js";
import { loadFrameworkFile } from "../node/framework.js";
import { findFramework, readText } from "./analysis.js";
import { defineStrings } from "../diagnostics/define.js";
import { langOf, type CliIo } from "./io.js";

const S = defineStrings({
  en: {
    valid: (file: string, base: string, current: string, pairs: number, against: string) => `${file}: valid crosswalk (${base} → ${current}, ${pairs} pairs; ${against})`,
    checked: (sides: string[]) => `ids checked against ${sides.join(" and ")}`,
    unchecked: "ids not checked: neither framework found",
    base: "base",
    current: "current",
  },
  vi: {
    valid: (file: string, base: string, current: string, pairs: number, against: string) => `${file}: tệp đối chiếu hợp lệ (${base} → ${current}, ${pairs} cặp; ${against})`,
    checked: (sides: string[]) => `đã kiểm tra mã tiêu chí theo ${sides.join(" và ")}`,
    unchecked: "chưa kiểm tra mã tiêu chí: không tìm thấy bộ chỉ số nào",
    base: "năm gốc",
    current: "năm hiện tại",
  },
});
import { printDiagnostics } from "./output.js";

const CROSSWALK = /^format:\s*["']?par-index\/crosswalk-v1["']?\s*(#.*)?$/m;

/** Whether a file declares the crosswalk format (read cheaply). */
export function isCrosswalk(file: string): boolean {
  try {
    return CROSSWALK.test(readFileSync(file, "utf8").slice(0, 64 * 1024));
  } catch {
    return false;
  }
}

/**
 * Validates a crosswalk for `par-index validate`: its form, and its ids against the
 * frameworks it names when they are found (next to it, or bundled). Returns whether it is valid.
 */
export function validateCrosswalkFile(file: string, io: CliIo): boolean {
  const read = readText(file, io.cwd);
  if (read.text === undefined) {
    printDiagnostics(io, read.diagnostics);
    return false;
  }
  const first = parseCrosswalk(read.text, file);
  if (first.crosswalk === undefined) {
    printDiagnostics(io, first.diagnostics);
    return false;
  }
  const ids: { -readonly [K in keyof CrosswalkIds]: CrosswalkIds[K] } = {};
  const checked: string[] = [];
  for (const side of ["base", "current"] as const) {
    const id = first.crosswalk[side];
    const path = findFramework(id, io.cwd, file);
    if (path === undefined) continue;
    const loaded = loadFrameworkFile(path, { root: dirname(path) });
    if (!loaded.ok || loaded.framework.id !== id) continue;
    ids[side] = { framework: id, ids: new Set(loaded.framework.nodes.map((n) => n.id)) };
    checked.push(`${S[langOf(io)][side]} ${id}`);
  }
  const full = parseCrosswalk(read.text, file, ids);
  printDiagnostics(io, full.diagnostics);
  if (full.crosswalk === undefined || hasErrors(full.diagnostics)) return false;
  const w = S[langOf(io)];
  const against = checked.length > 0 ? w.checked(checked) : w.unchecked;
  io.stdout(w.valid(file, full.crosswalk.base, full.crosswalk.current, full.crosswalk.pairs.length, against) + "\n");
  return true;
}
