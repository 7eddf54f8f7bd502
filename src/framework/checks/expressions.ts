import { relativePosition, scalarOffsets } from "../../yaml/scalar-offsets.js";
import type { ValueType } from "../../core/value.js";
import { diag, type Diagnostic, type DocPath, type Location } from "../../diagnostics/index.js";
import { checkExpression, namesOf, parseExpression, type ExprLocator, type ExprScope, type ParsedExpr } from "../../expr/index.js";
import type { InputType } from "../ir.js";
import type { RawExpr, RawRule } from "../schema.js";
import type { SourceMap } from "../source.js";
import type { CheckContext } from "./context.js";
import { ruleOwners } from "./context.js";

/** A parsed expression of the framework and its static type. */
export interface CheckedExpr {
  readonly parsed: ParsedExpr;
  readonly type: ValueType;
}

/** Every expression of the framework, keyed by document path, plus the derived values' order and types. */
export interface ExprTable {
  readonly byPath: ReadonlyMap<string, CheckedExpr>;
  /** Derived names in evaluation order (those in a cycle are left out). */
  readonly derivedOrder: readonly string[];
  readonly typeOf: (name: string) => ValueType | undefined;
}

export const pathKey = (path: DocPath): string => path.join("\u0000");

export function inputValueType(type: InputType): ValueType {
  switch (type) {
    case "number":
    case "integer":
    case "ratio":
    case "percent":
      return "number";
    case "boolean":
      return "boolean";
    case "date":
      return "date";
    case "enum":
    case "text":
      return "string";
  }
}

/** The expression text: a string as is; a bare YAML number or boolean as written. */
export function exprText(raw: RawExpr, path: DocPath, source: SourceMap): string {
  return typeof raw === "string" ? raw : (source.sourceText(path) ?? String(raw));
}

/**
 * Maps an offset in the expression to a file position through the scalar's source text:
 * right inside double quotes with escapes, single quotes, multi-line and block scalars
 * (see yaml/scalar-offsets.ts).
 */
export function exprLocator(path: DocPath, source: SourceMap): ExprLocator {
  return (offset: number): Location => {
    // Computed only when a problem is reported.
    const base = source.where(path);
    const src = source.sourceText(path) ?? "";
    const map = scalarOffsets(src);
    const rel = map.length === 0 ? 0 : offset < map.length ? map[offset]! : map[map.length - 1]! + 1 + (offset - map.length);
    const at = relativePosition(src, rel);
    const line = (base.line ?? 1) + at.lines;
    const column = at.column ?? (base.column ?? 1) + rel;
    return { ...base, line, column };
  };
}

interface ExprSite {
  readonly path: DocPath;
  readonly raw: RawExpr;
  /** What the expression is, for messages; and the type it must have, if any. */
  readonly what: string;
  readonly expected?: ValueType;
}

const RULE_VALUE_TYPE: Record<string, ValueType | undefined> = {
  boolean: "boolean",
  bands: undefined, // depends on the bands' bounds, checked with the bands
  ratio: "number",
  deadline: "date",
  choice: "string",
  deduct: "number",
};

/**
 * Parses and type-checks every expression: derived values first, in dependency
 * order (a cycle is reported by name), then applies_if, rule values and expr rules.
 */
export function checkExpressions(ctx: CheckContext): ExprTable {
  const { fw, source } = ctx;
  const byPath = new Map<string, CheckedExpr>();
  const inputTypes = new Map<string, ValueType>();
  for (const [name, input] of Object.entries(fw.inputs ?? {})) inputTypes.set(name, inputValueType(input.type));

  // Parse derived values and order them.
  const derivedParsed = new Map<string, ParsedExpr | undefined>();
  for (const [name, raw] of Object.entries(fw.derived ?? {})) {
    if (inputTypes.has(name)) continue; // duplicate-name, reported by the header check
    const path = ["derived", name];
    const parsed = parse(exprText(raw, path, source), exprLocator(path, source), ctx);
    derivedParsed.set(name, parsed);
  }
  const { order, cycles } = orderDerived(derivedParsed);
  for (const cycle of cycles) {
    ctx.report(diag("derived-cycle", { cycle: cycle.join(" → ") }, source.whereKey(["derived", cycle[0]!])));
  }
  const derivedTypes = new Map<string, ValueType>();
  for (const c of cycles) for (const n of c) derivedTypes.set(n, "unknown");
  const scope: ExprScope = {
    typeOf: (name) => inputTypes.get(name) ?? derivedTypes.get(name) ?? (derivedParsed.has(name) ? "unknown" : undefined),
    names: () => [...inputTypes.keys(), ...derivedParsed.keys()],
  };
  for (const name of order) {
    const parsed = derivedParsed.get(name);
    const path = ["derived", name];
    if (!parsed) {
      derivedTypes.set(name, "unknown");
      continue;
    }
    const checked = checkExpression(parsed, scope, exprLocator(path, source));
    reportAll(ctx, checked.diagnostics);
    derivedTypes.set(name, checked.type);
    byPath.set(pathKey(path), { parsed, type: checked.type });
  }

  for (const site of expressionSites(ctx)) {
    const parsed = parse(exprText(site.raw, site.path, source), exprLocator(site.path, source), ctx);
    if (!parsed) continue;
    const checked = checkExpression(parsed, scope, exprLocator(site.path, source));
    reportAll(ctx, checked.diagnostics);
    byPath.set(pathKey(site.path), { parsed, type: checked.type });
    if (site.expected && checked.type !== "unknown" && checked.type !== site.expected) {
      ctx.report(diag("value-type", { what: site.what, source: parsed.source, actual: checked.type, expected: site.expected }, source.where(site.path)));
    }
  }

  return { byPath, derivedOrder: order, typeOf: scope.typeOf };
}

function parse(text: string, at: ExprLocator, ctx: CheckContext): ParsedExpr | undefined {
  const result = parseExpression(text, at);
  reportAll(ctx, result.diagnostics);
  return result.expr;
}

function reportAll(ctx: CheckContext, list: readonly Diagnostic[]): void {
  for (const d of list) ctx.report(d);
}

function expressionSites(ctx: CheckContext): ExprSite[] {
  const sites: ExprSite[] = [];
  for (const node of ctx.nodes) {
    if (node.raw.applies_if !== undefined) {
      sites.push({ path: [...node.path, "applies_if"], raw: node.raw.applies_if, what: `applies_if of "${node.raw.id}"`, expected: "boolean" });
    }
  }
  for (const owner of ruleOwners(ctx)) sites.push(...ruleSites(owner.id, owner.rule, owner.rulePath));
  return sites;
}

function ruleSites(id: string, rule: RawRule, rulePath: DocPath): ExprSite[] {
  const sites: ExprSite[] = [];
  for (const kind of ["boolean", "bands", "ratio", "deadline", "choice", "deduct"] as const) {
    const body = rule[kind];
    if (!body) continue;
    const expected = RULE_VALUE_TYPE[kind];
    sites.push({ path: [...rulePath, kind, "value"], raw: body.value, what: `the ${kind} value of "${id}"`, ...(expected && { expected }) });
  }
  if (rule.expr !== undefined) sites.push({ path: [...rulePath, "expr"], raw: rule.expr, what: `the expr rule of "${id}"`, expected: "number" });
  return sites;
}

/** Topological order of derived values (dependencies first) and the cycles among them. */
export function orderDerived(parsed: ReadonlyMap<string, ParsedExpr | undefined>): { order: string[]; cycles: string[][] } {
  const order: string[] = [];
  const cycles: string[][] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const inCycle = new Set<string>();
  const visit = (name: string): void => {
    const s = state.get(name);
    if (s === "done") return;
    if (s === "visiting") {
      const cycle = stack.slice(stack.indexOf(name));
      if (!cycle.some((n) => inCycle.has(n))) cycles.push([...cycle, name]);
      for (const n of cycle) inCycle.add(n);
      return;
    }
    state.set(name, "visiting");
    stack.push(name);
    const expr = parsed.get(name);
    for (const dep of expr ? namesOf(expr) : []) if (parsed.has(dep)) visit(dep);
    stack.pop();
    state.set(name, "done");
    if (!inCycle.has(name)) order.push(name);
  };
  for (const name of parsed.keys()) visit(name);
  return { order, cycles };
}
