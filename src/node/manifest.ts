/**
 * Run manifests from files on disk: SHA-256 of each file's bytes (streamed with
 * node:crypto, the same digest as the core's pure `sha256`).
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { InputRole, ManifestFramework, ManifestInput, RunManifest } from "../engine/manifest.js";

/** SHA-256 of a file's bytes, as 64 lowercase hex digits; undefined when it cannot be read. */
export async function sha256File(path: string): Promise<string | undefined> {
  const h = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return h.digest("hex");
}

/** SHA-256 of several files' bytes one after the other (a framework and what it extends). */
async function sha256Files(paths: readonly string[]): Promise<string | undefined> {
  const h = createHash("sha256");
  try {
    for (const path of paths) for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return h.digest("hex");
}

/** A file read for a run: its name as given, what it was given as, and the data rows read from it. */
export interface RecordedFile {
  readonly file: string;
  readonly role: InputRole;
  readonly rows: number;
}

export interface ManifestSources {
  /** `par-index X.Y.Z`. */
  readonly engine: string;
  readonly frameworkId: string;
  /** The framework file as given, then each file it extends, in order. */
  readonly frameworkFiles: readonly string[];
  readonly inputs: readonly RecordedFile[];
  readonly locale: "vi" | "en";
  /** The language the result's messages are worded in. */
  readonly lang: "vi" | "en";
  readonly appraisedOn?: string;
  /** The time stamp (ISO 8601) when one was asked for. */
  readonly stamp?: string;
  /**
   * The file that holds what was read from standard input, when an input was given as `-`: it is
   * hashed like the others but recorded as `-` ({@link STDIN_FILE}), since its path is temporary.
   */
  readonly standardInput?: string;
}

/** The `file` a manifest records for an input read from standard input. */
export const STDIN_FILE = "-";

/** Hashes every file named in `sources` and builds the manifest. A file that cannot be read any more gets an empty hash. */
export async function buildManifest(sources: ManifestSources): Promise<RunManifest> {
  const nameOf = (file: string): string => (file === sources.standardInput ? STDIN_FILE : file);
  const layers: { file: string; sha256: string }[] = [];
  for (const file of sources.frameworkFiles) layers.push({ file: nameOf(file), sha256: (await sha256File(file)) ?? "" });
  const framework: ManifestFramework = {
    id: sources.frameworkId,
    sha256: (await sha256Files(sources.frameworkFiles)) ?? "",
    files: layers,
  };
  const inputs: ManifestInput[] = [];
  for (const f of sources.inputs) inputs.push({ file: nameOf(f.file), sha256: (await sha256File(f.file)) ?? "", rows: f.rows, role: f.role });
  return {
    engine: sources.engine,
    framework,
    inputs,
    options: { locale: sources.locale, lang: sources.lang, ...(sources.appraisedOn !== undefined && { appraised_on: sources.appraisedOn }) },
    ...(sources.stamp !== undefined && { stamp: sources.stamp }),
  };
}
