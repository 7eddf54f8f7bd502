/** The JSON result of a CLI run: the contract's Results, what backs them, and the run manifest. */
import pkg from "../../package.json" with { type: "json" };
import { leafDataOf, trustPlan, unitTrustOf } from "../analysis/trust.js";
import { StreamedJson, streamedArray, streamedObject } from "../engine/json-stream.js";
import type { ScoreResult } from "../engine/result.js";
import type { RunManifest } from "../engine/manifest.js";
import { buildManifest } from "../node/manifest.js";
import type { ScoredRun } from "./scoring.js";

/** `par-index X.Y.Z`, as recorded in manifests. */
export const ENGINE = `par-index ${pkg.version}`;

/** The manifest of a run loaded by `loadForScoring`. */
export function runManifest(loaded: ScoredRun, stamp: boolean, lang: "vi" | "en"): Promise<RunManifest> {
  return buildManifest({
    engine: ENGINE,
    frameworkId: loaded.framework.id,
    frameworkFiles: loaded.frameworkFiles,
    inputs: loaded.files,
    locale: loaded.locale,
    lang,
    ...(loaded.stdinPath !== undefined && { standardInput: loaded.stdinPath }),
    ...(loaded.trust.appraisedOn !== undefined && { appraisedOn: loaded.trust.appraisedOn }),
    ...(stamp && { stamp: new Date().toISOString() }),
  });
}

/**
 * `score --format json`: the members written after the contract's Results: what backs each unit
 * (`trust`, computed one unit at a time from the stored scores while it is written, never held
 * whole), then the run manifest.
 */
export async function trustMembers(
  result: ScoreResult,
  loaded: ScoredRun,
  stamp: boolean,
  lang: "vi" | "en",
): Promise<{ trust: StreamedJson; manifest: RunManifest }> {
  const t = loaded.trust;
  const plan = trustPlan(loaded.framework, {
    ...(t.claims !== undefined && { claims: t.claims }),
    changes: t.changes,
    ...(t.respondents !== undefined && { respondents: t.respondents }),
  });
  const units = streamedArray(result.units, (u) => unitTrustOf(plan, u.unit, leafDataOf(plan, u)));
  return { trust: streamedObject({ units }), manifest: await runManifest(loaded, stamp, lang) };
}
