/**
 * Whether the evidence readers take their fast paths (on by default). Internal: the
 * property tests turn them off to check that both ways read exactly the same evidence.
 */
let enabled = true;

export function setEvidenceFastPaths(on: boolean): void {
  enabled = on;
}

export function evidenceFastPaths(): boolean {
  return enabled;
}
