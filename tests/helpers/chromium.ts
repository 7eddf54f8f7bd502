/**
 * Test helper: launch Debian's system Chromium (`/usr/bin/chromium`) through playwright-core.
 * No browser is downloaded; the machines reach only package registries.
 *
 * Use in a test file:
 *
 * ```ts
 * import { describe } from "vitest";
 * import { hasChromium, launchChromium, chromiumSkipReason } from "../helpers/chromium.js";
 * describe.skipIf(!hasChromium())("in a browser", () => { ... });
 * ```
 *
 * When chromium is missing, `hasChromium()` prints a clear message once and returns false, so the
 * browser tests alone are skipped. Under `CI=true` it never skips: it throws instead, so CI fails
 * (`.ci/run` installs the `chromium` package when it is missing).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";

/** Where Debian's `chromium` package puts the browser; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

/** The flags every launch uses (besides a fresh `--user-data-dir`). */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Why browser tests are skipped, or undefined when chromium is there. */
export const chromiumSkipReason = (): string | undefined =>
  existsSync(CHROMIUM_PATH)
    ? undefined
    : `${CHROMIUM_PATH} is missing: browser tests skipped (install it with \`apt-get install -y chromium\`; .ci/run does)`;

let warned = false;

/**
 * True when chromium can be launched. When it is missing: under `CI=true` this throws (CI must
 * fail rather than skip); otherwise it warns once on stderr and returns false.
 */
export function hasChromium(): boolean {
  const reason = chromiumSkipReason();
  if (reason === undefined) return true;
  if (process.env["CI"] === "true" || process.env["CI"] === "1") throw new Error(`CI: ${reason}`);
  if (!warned) {
    warned = true;
    process.stderr.write(`\n[skip] ${reason}\n`);
  }
  return false;
}

/** A launched browser: one persistent context on a fresh profile; `close()` also removes the profile. */
export interface LaunchedChromium {
  readonly context: BrowserContext;
  /** A new tab. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launch headless Debian chromium with the project's flags and a fresh `--user-data-dir` (a
 * temporary folder, given through playwright's persistent context, which refuses the flag in
 * `args`; removed by `close()`).
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "par-index-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    timeout: 60_000,
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
