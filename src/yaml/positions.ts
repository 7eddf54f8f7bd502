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

/** What the loader records per value: offsets only; lines and columns are computed when asked for. */
interface RawEntry {
  readonly start: number;
  readonly keyStart: number;
  /** Scalar source range end (exclusive), or -1 for collections. */
  readonly end: number;
}

const SEP = "\u0000";

/** The lookup key of a path; {@link PositionIndex.childKey} builds the same key incrementally. */
export const pathKey = (path: DocPath): string => path.map(String).join(SEP);

/**
 * Maps document paths to source positions, so later phases can report `file:line:column`.
 * The loader records offsets; line and column are computed only for the positions a
 * diagnostic actually needs.
 */
export class PositionIndex {
  private readonly entries = new Map<string, RawEntry>();

  constructor(
    readonly file?: string,
    private readonly text: string = "",
    private readonly linePos: (offset: number) => { line: number; col: number } = () => ({ line: 1, col: 1 }),
  ) {}

  static childKey(parentKey: string, isRoot: boolean, key: string | number): string {
    return isRoot ? String(key) : parentKey + SEP + String(key);
  }

  /** Records a value's offsets (used by the loader). `end` is -1 for a collection. */
  record(key: string, start: number, keyStart: number, end: number): void {
    this.entries.set(key, { start, keyStart, end });
  }

  get(path: DocPath): PositionEntry | undefined {
    const raw = this.entries.get(pathKey(path));
    return raw && this.expand(raw);
  }

  /**
   * The position of the value at `path`, or of its nearest ancestor that has one
   * (a missing key is reported where its parent mapping starts).
   */
  locate(path: DocPath): { line: number; column: number } {
    for (let n = path.length; n >= 0; n--) {
      const raw = this.entries.get(pathKey(path.slice(0, n)));
      if (raw) return this.at(raw.start);
    }
    return { line: 1, column: 1 };
  }

  /** The position of the key of the entry at `path` (for unknown-key errors), else of its value. */
  locateKey(path: DocPath): { line: number; column: number } {
    const raw = this.entries.get(pathKey(path));
    if (raw && raw.keyStart >= 0) return this.at(raw.keyStart);
    return this.locate(path);
  }

  /** The scalar source text at `path`, when it was a scalar. */
  sourceText(path: DocPath): string | undefined {
    const raw = this.entries.get(pathKey(path));
    return raw && raw.end >= 0 ? this.text.slice(raw.start, raw.end).trim() : undefined;
  }

  private at(offset: number): { line: number; column: number } {
    const p = this.linePos(offset);
    return { line: p.line, column: p.col };
  }

  private expand(raw: RawEntry): PositionEntry {
    const value = this.at(raw.start);
    const key = raw.keyStart >= 0 ? this.at(raw.keyStart) : undefined;
    return {
      ...value,
      ...(key && { keyLine: key.line, keyColumn: key.column }),
      ...(raw.end >= 0 && { source: this.text.slice(raw.start, raw.end).trim() }),
    };
  }
}
