import { loadYaml } from "../../src/yaml/load.js";
import { buildIr } from "../../fixtures/engine/build-ir.js";
import { makeEvidence, type RawRegistryUnit, type RawUnit } from "../../fixtures/engine/evidence.js";
import { score } from "../../src/engine/index.js";
import { parseFramework } from "../../src/framework/index.js";
import { formatDiagnostic } from "../../src/diagnostics/index.js";
import type { CompiledFramework } from "../../src/framework/ir.js";
import type { ScoreResult, UnitResult } from "../../src/engine/index.js";

export { makeEvidence };

const HEADER = ["format: par-index/v1", "id: test", "year: 2024", 'source: "test"'];

/**
 * Compiles a framework written as YAML (the spec's own shape) with the real
 * `parseFramework`; `format`, `id`, `year` and `source` are added when absent.
 */
export function framework(yaml: string): CompiledFramework {
  const keys = new Set([...yaml.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]));
  const text = [...HEADER.filter((h) => !keys.has(h.split(":")[0])), yaml].join("\n");
  const parsed = parseFramework(text, { filename: "test.yaml" });
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
  return parsed.framework;
}

/** The same through the engine's own minimal IR builder (no validation), for what the compiler would reject. */
export function rawFramework(yaml: string): CompiledFramework {
  const loaded = loadYaml(yaml, "test.yaml");
  if (loaded.diagnostics.length > 0) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  return buildIr({ format: "par-index/v1", id: "test", year: 2024, source: "test", ...(loaded.value as Record<string, unknown>) });
}

/** Scores raw units (the JSON evidence shape) against a framework. */
export function run(fw: CompiledFramework, units: Record<string, RawUnit>, registry: RawRegistryUnit[] = []): ScoreResult {
  return score(fw, makeEvidence(fw, units, registry));
}

export function unitOf(result: ScoreResult, code: string): UnitResult {
  const u = result.units.find((x) => x.unit === code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
}

/** The node result of `id` as strings (points/max/index rounded to 2 places). */
export function nodeOf(result: ScoreResult, code: string, id: string) {
  const u = unitOf(result, code);
  const n = u.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

/** Points of a single-leaf framework's leaf `id` for one input value. */
export function leafPoints(fw: CompiledFramework, inputs: RawUnit["inputs"], id = "1", points?: RawUnit["points"]): string {
  const r = run(fw, { u: { ...(inputs !== undefined && { inputs }), ...(points !== undefined && { points }) } });
  return nodeOf(r, "u", id).points.toString();
}
