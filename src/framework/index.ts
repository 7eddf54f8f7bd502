/**
 * The framework pipeline: YAML text → positions → overlays → schema → static
 * checks → compiled, frozen plan. Pure: `extends` is resolved through a callback.
 */
import { expectOptions, expectString } from "../core/args.js";
import { diag, hasErrors, sortDiagnostics, type Diagnostic, type DocPath } from "../diagnostics/index.js";
import { checkGrades } from "./checks/bands.js";
import { flattenCriteria, type CheckContext } from "./checks/context.js";
import { checkExpressions } from "./checks/expressions.js";
import { checkHeader } from "./checks/header.js";
import { checkRules } from "./checks/rules.js";
import { checkReferences, checkTree } from "./checks/tree.js";
import { compileFramework } from "./compile.js";
import type { CompiledFramework } from "./ir.js";
import { loadLayer, type ExtendsResolver, type FrameworkSource } from "./overlay.js";
import { checkSchema } from "./schema-check.js";
import { FrameworkSchema } from "./schema.js";
import { SourceMap } from "./source.js";

export type { FrameworkSource, ExtendsResolver, ExtendsResolution, ExtendsRefusal } from "./overlay.js";
export type * from "./ir.js";
export { IMPLICIT_PART } from "./ir.js";

export interface ParseFrameworkOptions {
  /** The name problems are reported under (and `extends` is resolved from). */
  filename?: string;
  /** Supplies the framework named by `extends`; without it, an overlay fails with `extends-not-found`. The node loader passes one that reads files. */
  resolve?: ExtendsResolver;
}

export type FrameworkResult =
  | { ok: true; framework: CompiledFramework; /** Warnings only. */ diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses, validates and compiles a framework. Never throws: every problem found,
 * in one pass, comes back as a diagnostic with file, line and column.
 *
 * @example
 * const result = parseFramework(yamlText, { filename: "ward-2024.yaml" });
 * if (result.ok) console.log(result.framework.nodes.length);
 * else for (const d of result.diagnostics) console.error(formatDiagnostic(d));
 */
export function parseFramework(text: string, options: ParseFrameworkOptions = {}): FrameworkResult {
  expectString("parseFramework(text, options)", "text", text);
  expectOptions("parseFramework(text, options)", "options", options);
  try {
    return runPipeline(text, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, diagnostics: [diag("framework-internal-error", { detail }, options.filename !== undefined ? { file: options.filename } : {})] };
  }
}

function runPipeline(text: string, options: ParseFrameworkOptions): FrameworkResult {
  const diagnostics: Diagnostic[] = [];
  const source = new SourceMap(undefined);
  const value = loadLayer(text, options.filename, { resolve: options.resolve, source, diagnostics });
  if (value === undefined) return fail(diagnostics);

  const schema = checkSchema(FrameworkSchema, value, source);
  diagnostics.push(...schema.diagnostics);
  const fw = schema.data;
  if (!fw) return fail(diagnostics);

  const damaged = schema.damaged;
  const ctx: CheckContext = {
    fw,
    source,
    nodes: flattenCriteria(fw),
    report(d: Diagnostic, subject: DocPath = d.path ?? []) {
      // After a repair, problems about cut-out values (or sums over them) would be noise.
      if (damaged.some((p) => startsWith(p, subject))) return;
      diagnostics.push(d);
    },
  };
  checkHeader(ctx);
  checkTree(ctx);
  checkReferences(ctx);
  const exprs = checkExpressions(ctx);
  checkRules(ctx, exprs);
  checkGrades(ctx);

  if (schema.repaired || hasErrors(diagnostics)) return fail(diagnostics);
  const framework = compileFramework({
    fw,
    nodes: ctx.nodes,
    exprs,
    sourceText: (path) => source.sourceText(path),
    ...(options.filename !== undefined && { file: options.filename }),
  });
  return { ok: true, framework, diagnostics: sortDiagnostics(diagnostics) };
}

function fail(diagnostics: Diagnostic[]): FrameworkResult {
  return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
}

function startsWith(path: DocPath, prefix: DocPath): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}
