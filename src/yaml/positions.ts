import type { DocPath } from "../diagnostics/types.js";

/** Where a value (and, for mapping entries, its key) starts in the source. 1-based. */
export interface PositionEntry {
  readonly line: number;
  readonly column: number;
  readonly keyLine?: number;
  readonly keyColumn?: number;
  /** The scalar's source text, e.g. `1.10` for a number that YAML reads as 1.1. */
  readonly source?: string;
}

const SEP = "\u0000";
const keyOf = (path: DocPath) => path.map(String).join(SEP);

/** Maps document paths to source positions, so later phases can report `file:line:column`. */
export class PositionIndex {
  private readonly entries = new Map<string, PositionEntry>();

  constructor(readonly file?: string) {}

  set(path: DocPath, entry: PositionEntry): void {
    this.entries.set(keyOf(path), entry);
  }

  get(path: DocPath): PositionEntry | undefined {
    return this.entries.get(keyOf(path));
  }

  /**
   * The position of the value at `path`, or of its nearest ancestor that has one
   * (a missing key is reported where its parent mapping starts).
   */
  locate(path: DocPath): { line: number; column: number } {
    for (let n = path.length; n >= 0; n--) {
      const e = this.entries.get(keyOf(path.slice(0, n)));
      if (e) return { line: e.line, column: e.column };
    }
    return { line: 1, column: 1 };
  }

  /** The position of the key of the entry at `path` (for unknown-key errors), else of its value. */
  locateKey(path: DocPath): { line: number; column: number } {
    const e = this.entries.get(keyOf(path));
    if (e?.keyLine !== undefined) return { line: e.keyLine, column: e.keyColumn ?? 1 };
    return this.locate(path);
  }

  /** The scalar source text at `path`, when it was a scalar. */
  sourceText(path: DocPath): string | undefined {
    return this.entries.get(keyOf(path))?.source;
  }

  /** A copy of this index with every path prefixed (used when one document is embedded in another). */
  withPrefix(prefix: DocPath, file?: string): PositionIndex {
    const out = new PositionIndex(file ?? this.file);
    const p = prefix.length ? keyOf(prefix) + SEP : "";
    for (const [k, v] of this.entries) out.entries.set(p + k, v);
    return out;
  }
}
