/** How bad a problem is: errors make a file invalid or a unit incomplete; warnings inform. */
export type Severity = "error" | "warning" | "info";

/** A JSON-style path into a parsed document: object keys and array indices. */
export type DocPath = readonly (string | number)[];

/** Where a problem is: a file position, a document path, and the unit/input/criterion concerned. */
export interface Location {
  readonly file?: string;
  /** The worksheet, for a workbook (`line` is then the row, `column` the column number). */
  readonly sheet?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: DocPath;
  readonly unit?: string;
  readonly input?: string;
  readonly criterion?: string;
}

/**
 * A problem, as data first: a stable `code`, its `params`, and where it is.
 * `message` is rendered from the catalogue and quotes the offending text and a fix.
 */
export interface Diagnostic extends Location {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly params: Readonly<Record<string, unknown>>;
}
