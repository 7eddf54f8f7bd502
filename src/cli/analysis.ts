/**
 * What the analysis commands share: read a saved result (`--results R.json`) or score
 * on the fly with `score`'s flags, find the framework (given, or the bundled one the
 * result names), and write json, csv, md, a terminal table or an xlsx workbook.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inferStructure, publish, readPublished, structureOf, type Published, type Structure } from "../analysis/index.js";
import { jsonErrorOffset } from "../analysis/json-offset.js";
import { tablesToMarkdown, tablesToText, tableToCsv, type AnalysisTable } from "../analysis/tables.js";
import { isLocale, type Locale } from "../evidence/locale.js";
import type { Lang } from "../diagnostics/define.js";
import { diag, hasErrors, type Diagnostic } from "../diagnostics/index.js";
import { score } from "../engine/index.js";
import type { EvidenceSet, UnitInfo } from "../evidence/model.js";
import type { CompiledFramework } from "../framework/ir.js";
import { loadFrameworkFile } from "../node/framework.js";
import { readUnitsFile } from "../node/evidence.js";
import type { OptionSpec } from "./args.js";
import { usageError, type CliIo, type Help } from "./io.js";
import { emit, printDiagnostics } from "./output.js";
import { writeXlsxOut } from "./xlsx.js";
import { analysisWorkbook } from "../report/analysis-workbook.js";
import { EVIDENCE_HELP, EVIDENCE_OPTIONS, loadForScoring, type EvidenceFlags } from "./scoring.js";

declare const __dirname: string | undefined;

export const ANALYSIS_OPTIONS = {
  ...EVIDENCE_OPTIONS,
  results: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
} as const satisfies OptionSpec;

export const ANALYSIS_HELP: Help = {
  en: `  --results R.json     a saved result (score --format json) instead of scoring;
                       with it, --framework F.yaml gives the titles and the tree (else the
                       bundled framework of the result's id is used when there is one)
${EVIDENCE_HELP.en}
  --format F           json (default), table (terminal), csv, md (Markdown),
                       xlsx (one sheet per table; needs --out F.xlsx)
  --lang vi|en         language of table and md output and of messages (default vi)
  --out FILE           write to FILE instead of stdout`,
  vi: `  --results R.json     kết quả đã lưu (score --format json) thay cho việc chấm lại;
                       khi đó --framework F.yaml cho tên và cây tiêu chí (nếu không, dùng
                       bộ tiêu chí có sẵn trong gói trùng mã với kết quả, nếu có)
${EVIDENCE_HELP.vi}
  --format F           json (mặc định), table (bảng trên màn hình), csv, md (Markdown),
                       xlsx (mỗi bảng một trang tính; cần --out F.xlsx)
  --lang vi|en         ngôn ngữ của bảng, md và các thông báo (mặc định vi)
  --out TỆP            ghi ra TỆP thay vì in ra màn hình`,
};

export const ANALYSIS_FORMATS = ["json", "table", "csv", "md", "xlsx"] as const;

/** `--format xlsx` writes a file: without `--out` it is a usage error (checked before any work). */
export function requireXlsxOut(format: string, out: string | undefined): void {
  if (format === "xlsx" && out === undefined) throw usageError("usage-xlsx-needs-out", { option: "--format" });
}

export interface AnalysisFlags extends EvidenceFlags {
  results?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
}

/** What an analysis command works on. */
export interface AnalysisInput {
  readonly published: Published;
  readonly structure: Structure;
  readonly framework?: CompiledFramework;
  /** The evidence, when scored on the fly. */
  readonly evidence?: EvidenceSet;
  /** The unit registry (from --units), by code. */
  readonly registry?: ReadonlyMap<string, UnitInfo>;
  readonly diagnostics: readonly Diagnostic[];
}

/** The repository (or package) folder holding `frameworks/`, searched from the working directory and this module. */
function bundledFramework(id: string, cwd: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return undefined;
  // __dirname in the CommonJS build: a path, safe with `#` or `%` in it (unlike a shimmed import.meta.url).
  const here = typeof __dirname === "string" ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (const root of [cwd, join(here, "..", ".."), join(here, "..")]) {
    const path = join(root, "frameworks", `${id}.yaml`);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** The framework of a given path, or the bundled framework `id` when one exists (next to `near` first). */
export function findFramework(id: string, cwd: string, near?: string): string | undefined {
  if (near !== undefined && /^[a-z0-9][a-z0-9-]*$/.test(id)) {
    const local = join(dirname(near), `${id}.yaml`);
    if (existsSync(local)) return local;
  }
  return bundledFramework(id, cwd);
}

/** Reads a text file of at most 64 MiB; an unreadable file is a diagnostic. */
export function readText(path: string, cwd: string): { text?: string; diagnostics: Diagnostic[] } {
  try {
    const full = resolve(cwd, path);
    const size = statSync(full).size;
    if (size > 64 * 1024 * 1024) return { diagnostics: [diag("file-too-large", { size, limit: 64 * 1024 * 1024 }, { file: path, line: 1, column: 1 })] };
    return { text: readFileSync(full, "utf8"), diagnostics: [] };
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    return { diagnostics: [diag("file-unreadable", { detail }, { file: path, line: 1, column: 1 })] };
  }
}

/** Reads a saved result: JSON syntax errors at their line and column, shape errors at their JSON path. */
export function readResultsFile(path: string, cwd: string): { published?: Published; diagnostics: Diagnostic[] } {
  const read = readText(path, cwd);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const text = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const offset = m ? Number(m[1]) : jsonErrorOffset(text);
    const before = text.slice(0, offset).split("\n");
    const where = { file: path, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
    const near = JSON.stringify(text.slice(offset, offset + 20));
    return { diagnostics: [diag("results-invalid", { detail: `the JSON cannot be read at ${near}` }, where)] };
  }
  return readPublished(json, path);
}

async function readRegistry(path: string): Promise<{ registry: Map<string, UnitInfo>; diagnostics: readonly Diagnostic[] }> {
  const part = await readUnitsFile(path);
  return { registry: new Map((part.registry ?? []).map((u) => [u.code, u])), diagnostics: part.diagnostics };
}

/**
 * Loads what an analysis command works on. Returns undefined (after printing the
 * diagnostics) when an input has errors that stop the analysis.
 */
export async function loadAnalysisInput(flags: AnalysisFlags, io: CliIo, needs: { framework?: boolean } = {}): Promise<AnalysisInput | undefined> {
  if (flags.results !== undefined) {
    if (flags.evidence !== undefined || flags.points !== undefined || flags.survey !== undefined) {
      throw usageError("usage-results-and-scoring", {});
    }
    const read = readResultsFile(flags.results, io.cwd);
    if (read.published === undefined) {
      printDiagnostics(io, read.diagnostics);
      return undefined;
    }
    let published = read.published;
    const diagnostics: Diagnostic[] = [...read.diagnostics];
    const frameworkPath = flags.framework ?? findFramework(published.framework.id, io.cwd);
    let framework: CompiledFramework | undefined;
    if (frameworkPath !== undefined) {
      const loaded = loadFrameworkFile(frameworkPath, { root: dirname(frameworkPath) });
      if (!loaded.ok) {
        printDiagnostics(io, loaded.diagnostics);
        return undefined;
      }
      framework = loaded.framework;
      if (framework.id !== published.framework.id) {
        throw usageError("usage-framework-mismatch", { results: flags.results, scored: published.framework.id, framework: framework.id });
      }
      published = { ...published, framework: { ...published.framework, rounding: framework.rounding } };
    } else if (needs.framework) {
      throw usageError("usage-framework-not-bundled", { framework: published.framework.id });
    }
    let registry: Map<string, UnitInfo> | undefined;
    if (flags.units !== undefined) {
      const r = await readRegistry(flags.units);
      diagnostics.push(...r.diagnostics);
      if (hasErrors(r.diagnostics)) {
        printDiagnostics(io, diagnostics);
        return undefined;
      }
      registry = r.registry;
    }
    const within = framework?.ranking.within;
    if (within !== undefined && (needs.framework || registry !== undefined)) {
      if (registry === undefined) throw usageError("usage-needs-registry", { within });
      published = {
        ...published,
        units: published.units.map((u) => {
          const info = registry.get(u.unit);
          const g = info === undefined ? undefined : within === "parent" ? info.parent : within === "type" ? info.type : info.attributes[within];
          return g === undefined ? u : { ...u, group: g };
        }),
      };
    }
    return {
      published,
      structure: framework ? structureOf(framework) : inferStructure(published),
      ...(framework !== undefined && { framework }),
      ...(registry !== undefined && { registry }),
      diagnostics,
    };
  }
  const loaded = await loadForScoring(flags, io);
  if (!loaded.ok) {
    printDiagnostics(io, loaded.diagnostics);
    return undefined;
  }
  const result = score(loaded.framework, loaded.evidence, { explain: false });
  const registry = loaded.evidence.units.length > 0 ? new Map(loaded.evidence.units.map((u) => [u.code, u])) : undefined;
  return {
    published: publish(result),
    structure: structureOf(loaded.framework),
    framework: loaded.framework,
    evidence: loaded.evidence,
    ...(registry !== undefined && { registry }),
    diagnostics: result.diagnostics,
  };
}

/** The language and number locale of an analysis's tables. */
export interface TableStyle {
  readonly lang: Lang;
  readonly locale: Locale;
}

/**
 * How an analysis writes its tables, as `score` does: `--locale` when given; otherwise a
 * table, Markdown or workbook writes numbers as its language does (`vi`: `90,07`) and a
 * CSV in locale `en` (`,` and `.`); `--locale vi` CSV is `;`-separated with a BOM.
 */
export function tableStyleOf(format: string, lang: Lang, locale: string | undefined): TableStyle {
  if (locale !== undefined && !isLocale(locale)) throw usageError("usage-bad-choice", { option: "--locale", value: locale, allowed: ["vi", "en"] });
  const given = isLocale(locale) ? locale : undefined;
  return { lang, locale: given ?? (format === "csv" ? "en" : lang) };
}

/** Writes an analysis: its JSON, or its tables as csv (the first table), md, a terminal table or an xlsx workbook (one sheet per table). */
export async function emitAnalysis(
  io: CliIo,
  format: (typeof ANALYSIS_FORMATS)[number],
  json: unknown,
  tables: (style: TableStyle) => AnalysisTable[],
  out: string | undefined,
  csvTable: string | undefined,
  style: { readonly lang: Lang; readonly locale?: string | undefined },
): Promise<void> {
  if (format === "json") return emit(io, JSON.stringify(json, null, 2), out);
  const t = tables(tableStyleOf(format, style.lang, style.locale));
  if (format === "xlsx") {
    requireXlsxOut(format, out);
    return writeXlsxOut(io, out!, analysisWorkbook(t));
  }
  if (format === "csv") return emit(io, tableToCsv(t.find((x) => x.id === csvTable) ?? t[0]!), out);
  emit(io, format === "md" ? tablesToMarkdown(t) : tablesToText(t), out);
}
