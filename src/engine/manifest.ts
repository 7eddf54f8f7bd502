/**
 * The run manifest (analysis-format.md, "Run manifest"): what a result was computed
 * from, so that anyone can re-score it and check that it is the same. Pure: the
 * hashes are computed by the caller (see `par-index/node`'s `hashFiles`) or with
 * {@link sha256} from bytes already in memory.
 */
import { Sha256 } from "../core/sha256.js";

/** What an input file was given as, so `verify` can pass it again the same way. */
export type InputRole = "units" | "evidence" | "points" | "survey" | "responses" | "ratings" | "register" | "appraisals";

export const INPUT_ROLES: readonly InputRole[] = ["units", "evidence", "points", "survey", "responses", "ratings", "register", "appraisals"];

/** One file read: its name as given, the SHA-256 of its bytes and the data rows read from it. */
export interface ManifestInput {
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
  readonly role: InputRole;
}

export interface ManifestFramework {
  readonly id: string;
  /**
   * SHA-256 of the framework's text followed by the text of every file it extends, in
   * order (the file given first, then its base, then the base's base): for a framework
   * without `extends`, the plain SHA-256 of its file (`sha256sum` gives the same).
   */
  readonly sha256: string;
  /** Each layer with its own hash, in the same order. */
  readonly files: readonly { readonly file: string; readonly sha256: string }[];
}

/** The `manifest` object of a JSON result. */
export interface RunManifest {
  /** `par-index 0.2.0`. */
  readonly engine: string;
  readonly framework: ManifestFramework;
  readonly inputs: readonly ManifestInput[];
  /** Options that change the result (how the files were read). */
  readonly options: { readonly locale: "vi" | "en"; readonly lang?: "vi" | "en"; readonly appraised_on?: string };
  /** When the run happened (ISO 8601), only when asked for (`--stamp`): otherwise the same inputs give byte-identical results. */
  readonly stamp?: string;
}

/** The combined framework hash from its layers' bytes, in order (see {@link ManifestFramework.sha256}). */
export function frameworkSha256(layers: readonly Uint8Array[]): string {
  const h = new Sha256();
  for (const bytes of layers) h.update(bytes);
  return h.hex();
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Reads a manifest back from a parsed JSON result; a list of problems (JSON paths) when it is not one. */
export function readManifest(json: unknown): { ok: true; manifest: RunManifest } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const m = isObject(json) ? json["manifest"] : undefined;
  if (!isObject(m)) return { ok: false, problems: ["manifest: the result has no manifest object (it was written by a version without one, or edited)"] };
  if (typeof m["engine"] !== "string") problems.push("manifest.engine: expected text");
  const fw = m["framework"];
  if (!isObject(fw)) problems.push("manifest.framework: expected an object");
  else {
    if (typeof fw["id"] !== "string") problems.push("manifest.framework.id: expected text");
    if (typeof fw["sha256"] !== "string" || !HEX64.test(fw["sha256"])) problems.push("manifest.framework.sha256: expected 64 hex digits");
    const files = fw["files"];
    if (!Array.isArray(files) || files.length === 0) problems.push("manifest.framework.files: expected a non-empty list");
    else
      files.forEach((f: unknown, i) => {
        if (!isObject(f) || typeof f["file"] !== "string" || typeof f["sha256"] !== "string" || !HEX64.test(f["sha256"]))
          problems.push(`manifest.framework.files[${i}]: expected { "file": ..., "sha256": ... }`);
      });
  }
  const inputs = m["inputs"];
  if (!Array.isArray(inputs)) problems.push("manifest.inputs: expected a list");
  else
    inputs.forEach((f: unknown, i) => {
      if (
        !isObject(f) ||
        typeof f["file"] !== "string" ||
        typeof f["sha256"] !== "string" ||
        !HEX64.test(f["sha256"]) ||
        typeof f["rows"] !== "number" ||
        !(INPUT_ROLES as readonly unknown[]).includes(f["role"])
      )
        problems.push(`manifest.inputs[${i}]: expected { "file", "sha256", "rows", "role": ${INPUT_ROLES.join("|")} }`);
    });
  const options = m["options"];
  if (!isObject(options) || (options["locale"] !== "vi" && options["locale"] !== "en")) problems.push('manifest.options.locale: expected "vi" or "en"');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, manifest: m as unknown as RunManifest };
}

/** One place where two results differ: a JSON path and the two values (as JSON text; undefined when absent). */
export interface ResultDifference {
  readonly path: string;
  readonly recorded: string | undefined;
  readonly now: string | undefined;
}

/**
 * Compares two JSON results value by value (the `manifest` aside: file hashes are checked
 * on their own) and lists where they differ, at most `limit` places. Key order does not
 * matter; array order does.
 */
export function compareResults(recorded: unknown, now: unknown, limit = 20): ResultDifference[] {
  const out: ResultDifference[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) walk(a[i], b[i], `${path}[${i}]`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of keys) {
        if (path === "" && k === "manifest") continue;
        walk(a[k], b[k], path === "" ? k : `${path}.${k}`);
      }
      return;
    }
    if (a === b) return;
    out.push({ path, recorded: a === undefined ? undefined : JSON.stringify(a), now: b === undefined ? undefined : JSON.stringify(b) });
  };
  walk(recorded, now, "");
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
