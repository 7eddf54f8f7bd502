/**
 * The Results JSON written piece by piece: the concatenated pieces are exactly the bytes of
 * `stringifyJson({ ...scoreResultToJson(result, { exactNumbers }), ...extra }, indent)` (with
 * plain numbers, the bytes of `JSON.stringify(…, null, indent)`; indent 0: compact, the bytes
 * of `JSON.stringify(…)`), but no piece holds more than one unit, so a national run never
 * builds one giant string (V8 refuses strings over ~512 MB; 10,000 units of 100 leaves are
 * ~90 MB of JSON) nor the whole Results object. Members after `diagnostics` (the CLI's `trust`)
 * may be {@link StreamedJson} too: computed one item at a time while they are written.
 */
import { stringifyJsonAt } from "../core/json-text.js";
import type { ScoreResult, UnitResult } from "./result.js";
import { diagnosticToJson, type ScoreJsonOptions, scoreResultToJson, unitJsonText } from "./json.js";

/**
 * A JSON value given as a writer of its pieces, for values too large to build whole: written
 * where it stands as {@link stringifyJson} would write the value it stands for, at `depth`
 * levels of nesting with `indent` spaces per level.
 */
export class StreamedJson {
  constructor(readonly pieces: (depth: number, indent: number) => Iterable<string>) {}

  /** Only streamed containers ({@link streamedObject}, {@link streamedArray}) and the top level write it: never silently `{}`. */
  toJSON(): never {
    throw new TypeError("a StreamedJson stands inside a plain object or array: build that container with streamedObject or streamedArray");
  }
}

/** JSON text already written for where it stands (its depth and indent): written as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** stringifyJson(value, indent) as it reads nested `depth` levels deep. */
function nested(value: unknown, depth: number, indent: number): string {
  return stringifyJsonAt(value, indent, depth);
}

/** Whether stringifyJson leaves an object member with this value out. */
function leftOut(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function* valuePieces(value: unknown, depth: number, indent: number): Generator<string> {
  if (value instanceof StreamedJson) yield* value.pieces(depth, indent);
  else yield nested(value, depth, indent);
}

/**
 * An array written one item at a time: `toJson(item, depth, indent)` is built when its turn comes
 * and dropped once written; it may give the item's {@link JsonText} for that depth and indent.
 */
export function streamedArray<T>(items: Iterable<T>, toJson: (item: T, depth: number, indent: number) => unknown): StreamedJson {
  return new StreamedJson(function* (depth, indent) {
    const inner = indent > 0 ? "\n" + " ".repeat(indent * (depth + 1)) : "";
    let first = true;
    for (const item of items) {
      const v = toJson(item, depth + 1, indent);
      // As stringifyJson: an item it leaves out of an object is `null` in an array.
      const head = (first ? "[" : ",") + inner;
      first = false;
      if (leftOut(v)) yield head + "null";
      else if (v instanceof JsonText) {
        // Two pieces: joining them would copy the item's text once more.
        yield head;
        yield v.text;
      }
      else if (v instanceof StreamedJson) {
        yield head;
        yield* v.pieces(depth + 1, indent);
      } else yield head + nested(v, depth + 1, indent);
    }
    yield first ? "[]" : (indent > 0 ? "\n" + " ".repeat(indent * depth) : "") + "]";
  });
}

/** An object whose members may be {@link StreamedJson}; members left out by stringifyJson are left out here too. */
export function streamedObject(members: Readonly<Record<string, unknown>>): StreamedJson {
  return new StreamedJson(function* (depth, indent) {
    const inner = indent > 0 ? "\n" + " ".repeat(indent * (depth + 1)) : "";
    const colon = indent > 0 ? ": " : ":";
    let first = true;
    for (const [key, value] of Object.entries(members)) {
      if (leftOut(value)) continue;
      yield (first ? "{" : ",") + inner + JSON.stringify(key) + colon;
      first = false;
      yield* valuePieces(value, depth + 1, indent);
    }
    yield first ? "{}" : (indent > 0 ? "\n" + " ".repeat(indent * depth) : "") + "}";
  });
}

export interface JsonPiecesOptions extends ScoreJsonOptions {
  /**
   * More top-level members, written after `diagnostics` in their order (undefined ones are left
   * out); a {@link StreamedJson} member is written as its pieces come.
   */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Spaces per level: 2 (default); 0 writes compact JSON, without any whitespace. */
  readonly indent?: number;
}

/**
 * The contract's Results JSON (as {@link scoreResultToJson}, indented by `options.indent`,
 * default 2) in pieces: the head, then one piece per unit and per diagnostic, then the extra
 * members. Joined, they are the same bytes as
 * `stringifyJson({ ...scoreResultToJson(result, options), ...options.extra }, indent)`
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
  const unitJson = (u: UnitResult, depth: number, indent: number) => {
    const text = unitJsonText(u, fw, depth, indent, jsonOptions);
    if (text !== undefined) return new JsonText(text);
    one.units[0] = u;
    return scoreResultToJson(one, jsonOptions).units[0];
  };
  const head = scoreResultToJson({ ...one, units: [] }, jsonOptions);
  const extra = options.extra ?? {};
  const members: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(head)) members[key] = value;
  members["units"] = streamedArray(result.units, unitJson);
  members["diagnostics"] = streamedArray(result.diagnostics, (d) => diagnosticToJson(d));
  for (const [key, value] of Object.entries(extra)) {
    if (key === "framework" || key === "units" || key === "diagnostics") continue;
    members[key] = value;
  }
  yield* streamedObject(members).pieces(0, options.indent ?? 2);
}
