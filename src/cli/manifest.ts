/** The JSON result of a CLI run: the contract's Results, what backs them, and the run manifest. */
import pkg from "../../package.json" with { type: "json" };
import { trustOf, type TrustJson } from "../analysis/trust.js";
import type { ScoreResultJson } from "../engine/json.js";
import type { RunManifest } from "../engine/manifest.js";
import { buildManifest } from "../node/manifest.js";
import type { Loaded } from "./scoring.js";

/** `par-index X.Y.Z`, as recorded in manifests. */
export const ENGINE = `par-index ${pkg.version}`;

/** The manifest of a run loaded by `loadForScoring`. */
export function runManifest(loaded: Extract<Loaded, { ok: true }>, stamp: boolean, lang: "vi" | "en"): Promise<RunManifest> {
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

/** `score --format json`: the contract's Results, then what backs each unit (`trust`), then the manifest. */
export async function trustedResultJson(
  json: ScoreResultJson,
  loaded: Extract<Loaded, { ok: true }>,
  stamp: boolean,
  lang: "vi" | "en",
): Promise<ScoreResultJson & { trust: TrustJson; manifest: RunManifest }> {
  const t = loaded.trust;
  const trust = trustOf(json, loaded.framework, {
    ...(t.claims !== undefined && { claims: t.claims }),
    changes: t.changes,
    ...(t.respondents !== undefined && { respondents: t.respondents }),
  });
  return { ...json, trust, manifest: await runManifest(loaded, stamp, lang) };
}
