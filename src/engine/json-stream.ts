/**
 * The Results JSON written piece by piece: the concatenated pieces are exactly the bytes of
 * `stringifyJson({ ...scoreResultToJson(result, { exactNumbers }), ...extra }, 2)` (with plain
 * numbers, the bytes of `JSON.stringify(…, null, 2)`), but no piece holds more than one unit,
 * so a national run never builds one giant string (V8 refuses strings over ~512 MB; 10,000
 * units of 100 leaves are ~90 MB of JSON).
 */
import { stringifyJson } from "../core/json-text.js";
import type { ScoreResult, UnitResult } from "./result.js";
import { diagnosticToJson, type ScoreJsonOptions, scoreResultToJson } from "./json.js";

/** stringifyJson(value, 2) as it reads nested `depth` levels deep (JSON text has no raw newline inside a string). */
function nested(value: unknown, depth: number): string {
  const text = stringifyJson(value, 2);
  return depth === 0 ? text : text.replace(/\n/g, "\n" + "  ".repeat(depth));
}

function* array<T>(items: readonly T[], toJson: (item: T) => unknown): Generator<string> {
  if (items.length === 0) {
    yield "[]";
    return;
  }
  yield "[\n    ";
  for (let i = 0; i < items.length; i++) yield (i === 0 ? "" : ",\n    ") + nested(toJson(items[i]!), 2);
  yield "\n  ]";
}

export interface JsonPiecesOptions extends ScoreJsonOptions {
  /** More top-level members, written after `diagnostics` in their order (undefined ones are left out). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * The contract's Results JSON (as {@link scoreResultToJson}, indented by 2) in pieces: the
 * head, then one piece per unit and per diagnostic, then the tail. Joined, they are the same
 * bytes as `stringifyJson({ ...scoreResultToJson(result, options), ...options.extra }, 2)`
 * (no final newline).
 */
export function* scoreResultJsonPieces(result: ScoreResult, options: JsonPiecesOptions = {}): Generator<string> {
  const fw = result.framework;
  const jsonOptions: ScoreJsonOptions = options.exactNumbers === undefined ? {} : { exactNumbers: options.exactNumbers };
  // One unit through the whole-result conversion, so that every option applies exactly as there.
  const one: { framework: typeof fw; units: UnitResult[]; diagnostics: []; toJSON: () => never } = {
    framework: fw,
    units: [],
    diagnostics: [],
    toJSON: () => {
      throw new Error("not used");
    },
  };
  const unitJson = (u: UnitResult) => {
    one.units[0] = u;
    return scoreResultToJson(one, jsonOptions).units[0];
  };
  yield `{\n  "framework": ${nested({ id: fw.id, year: fw.year }, 1)},\n  "units": `;
  yield* array(result.units, unitJson);
  yield `,\n  "diagnostics": `;
  yield* array(result.diagnostics, diagnosticToJson);
  for (const [key, value] of Object.entries(options.extra ?? {})) {
    if (key === "framework" || key === "units" || key === "diagnostics") continue;
    if (value === undefined || typeof value === "function" || typeof value === "symbol") continue; // left out, as stringifyJson does
    yield `,\n  ${JSON.stringify(key)}: ${nested(value, 1)}`;
  }
  yield "\n}";
}
