/**
 * A synthetic framework and evidence generator for benchmarks and property tests:
 * a tree of fields → criteria → leaves mixing every rule kind, with derived values,
 * applies_if, an optional survey part, an adjustment and grades. Deterministic
 * (seeded); pure. The criteria and points are illustrative, not from any decision.
 */

export interface SyntheticOptions {
  /** Number of leaves (rounded up to a multiple of `fields × perCriterion`); default 100. */
  readonly leaves?: number;
  /** Fields (top-level nodes); default 10. */
  readonly fields?: number;
  /** Leaves per criterion; default 5. */
  readonly perCriterion?: number;
}

export interface SyntheticUnit {
  readonly inputs: Record<string, number | string | boolean | null>;
  readonly points: Record<string, { self?: number; appraised?: number }>;
}

const KINDS = ["bands", "boolean", "ratio", "deadline", "choice", "deduct", "manual", "expr"] as const;
type Kind = (typeof KINDS)[number];

interface LeafSpec {
  readonly id: string;
  readonly kind: Kind;
  readonly max: number;
  readonly survey: boolean;
}

function layout(options: SyntheticOptions) {
  const fields = options.fields ?? 10;
  const per = options.perCriterion ?? 5;
  const total = options.leaves ?? 100;
  const criteriaPerField = Math.max(1, Math.ceil(total / (fields * per)));
  const leaves: LeafSpec[] = [];
  for (let f = 1; f <= fields; f++) {
    for (let c = 1; c <= criteriaPerField; c++) {
      for (let l = 1; l <= per; l++) {
        const n = leaves.length;
        leaves.push({ id: `${f}.${c}.${l}`, kind: KINDS[n % KINDS.length]!, max: l % 2 === 0 ? 1 : 0.5, survey: f === fields });
      }
    }
  }
  return { fields, criteriaPerField, per, leaves };
}

const q = (s: string) => JSON.stringify(s);

function ruleYaml(leaf: LeafSpec, v: string): string {
  switch (leaf.kind) {
    case "bands":
      return `{ bands: { value: ${v}_rate, bands: [ { above: 0.9, points: ${leaf.max} }, { at_least: 0.7, points: ${leaf.max / 2} }, { otherwise: 0 } ] } }`;
    case "boolean":
      return `{ boolean: { value: ${v} } }`;
    case "ratio":
      return `{ ratio: { value: ${v}, lower: 50, upper: 100 } }`;
    case "deadline":
      return `{ deadline: { value: ${v}, due: 2024-01-15, late: ${leaf.max / 2}, late_until: 2024-02-15 } }`;
    case "choice":
      return `{ choice: { value: ${v}, points: { on_time: ${leaf.max}, late: ${leaf.max / 2}, none: 0 } } }`;
    case "deduct":
      return `{ deduct: { value: ${v}, per: 0.25 } }`;
    case "manual":
      return `{ manual: { step: 0.25 } }`;
    case "expr":
      return `{ expr: ${q(`min(${v} / 10, ${leaf.max})`)} }`;
  }
}

function inputName(leaf: LeafSpec): string {
  return `x${leaf.id.replaceAll(".", "_")}`;
}

/** A `par-index/v1` framework as YAML text. */
export function syntheticFrameworkYaml(options: SyntheticOptions = {}): string {
  const { fields, criteriaPerField, per, leaves } = layout(options);
  const out: string[] = [];
  out.push("format: par-index/v1", "id: synthetic", 'title: "Bộ chỉ số tổng hợp (minh họa)"', "level: ward", "year: 2024");
  out.push('source: "Synthetic benchmark framework (illustrative)"');
  out.push("parts:", '  appraisal: { title: "Điểm thẩm định" }', '  survey: { title: "Điểm điều tra xã hội học", optional: true }');
  out.push("inputs:", "  large_unit: { type: boolean, missing: zero }", "  violations: { type: integer, min: 0, missing: zero }");
  for (const leaf of leaves) {
    const v = inputName(leaf);
    switch (leaf.kind) {
      case "bands":
        out.push(`  ${v}: { type: integer, min: 0 }`, `  ${v}_total: { type: integer, min: 0 }`);
        break;
      case "boolean":
        out.push(`  ${v}: { type: boolean }`);
        break;
      case "ratio":
        out.push(`  ${v}: { type: percent${leaf.survey ? ", missing: not_applicable" : ""} }`);
        break;
      case "deadline":
        out.push(`  ${v}: { type: date }`);
        break;
      case "choice":
        out.push(`  ${v}: { type: enum, values: [on_time, late, none] }`);
        break;
      case "deduct":
        out.push(`  ${v}: { type: integer, min: 0, missing: zero }`);
        break;
      case "expr":
        out.push(`  ${v}: { type: number, min: 0 }`);
        break;
      case "manual":
        break;
    }
  }
  out.push("derived:");
  for (const leaf of leaves) {
    if (leaf.kind === "bands") out.push(`  ${inputName(leaf)}_rate: ${q(`${inputName(leaf)} / ${inputName(leaf)}_total`)}`);
  }
  out.push("criteria:");
  let i = 0;
  for (let f = 1; f <= fields; f++) {
    out.push(`  - id: "${f}"`, `    title: "Lĩnh vực ${f}: Công tác cải cách hành chính"`);
    if (f === fields) out.push("    part: survey");
    out.push("    children:");
    for (let c = 1; c <= criteriaPerField; c++) {
      out.push(`      - id: "${f}.${c}"`, `        title: "Tiêu chí ${f}.${c}"`);
      if (c === 2 && f % 3 === 0) out.push(`        applies_if: "large_unit"`);
      out.push("        children:");
      for (let l = 0; l < per; l++) {
        const leaf = leaves[i++]!;
        out.push(`          - { id: "${leaf.id}", title: "Tiêu chí thành phần ${leaf.id}", max: ${leaf.max}, rule: ${ruleYaml(leaf, inputName(leaf))} }`);
      }
    }
  }
  out.push(
    "adjustments:",
    '  - { id: "T1", title: "Sáng kiến CCHC", kind: bonus, max: 1, rule: { manual: { step: 0.5 } } }',
    '  - { id: "P1", title: "Vi phạm kỷ luật hành chính", kind: penalty, max: 1, rule: { expr: "min(violations * 0.5, 1)" } }',
    `cap: ${leaves.reduce((s, l) => s + l.max, 0)}`,
  );
  out.push("grades:", '  - { at_least: 90, label: "A" }', '  - { at_least: 80, label: "B" }', '  - { otherwise: "C" }');
  out.push("ranking: { by: index, on: published, ties: competition }");
  return out.join("\n") + "\n";
}

/** A small deterministic PRNG (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Evidence for `count` units in the spec's JSON shape (`units.<code>.inputs/points`). */
export function syntheticEvidence(count: number, options: SyntheticOptions & { seed?: number; missingRate?: number } = {}): Record<string, SyntheticUnit> {
  const { leaves } = layout(options);
  const rand = prng(options.seed ?? 1);
  const missingRate = options.missingRate ?? 0.001;
  const units: Record<string, SyntheticUnit> = {};
  const pad = String(count).length;
  for (let u = 0; u < count; u++) {
    const code = `u${String(u).padStart(pad, "0")}`;
    const inputs: SyntheticUnit["inputs"] = { large_unit: rand() < 0.5, violations: rand() < 0.8 ? 0 : Math.floor(rand() * 3) };
    const points: SyntheticUnit["points"] = {};
    const noSurvey = rand() < 0.1;
    for (const leaf of leaves) {
      const v = inputName(leaf);
      const absent = rand() < missingRate || (leaf.survey && noSurvey);
      if (absent && leaf.kind !== "manual") continue;
      switch (leaf.kind) {
        case "bands": {
          const total = 50 + Math.floor(rand() * 500);
          inputs[`${v}_total`] = total;
          inputs[v] = Math.floor(total * (0.6 + rand() * 0.4));
          break;
        }
        case "boolean":
          inputs[v] = rand() < 0.8;
          break;
        case "ratio":
          inputs[v] = Math.round((40 + rand() * 60) * 100) / 100;
          break;
        case "deadline": {
          const day = 1 + Math.floor(rand() * 45);
          inputs[v] = day <= 31 ? `2024-01-${String(day).padStart(2, "0")}` : `2024-02-${String(day - 31).padStart(2, "0")}`;
          break;
        }
        case "choice":
          inputs[v] = (["on_time", "on_time", "late", "none"] as const)[Math.floor(rand() * 4)]!;
          break;
        case "deduct":
          inputs[v] = Math.floor(rand() * 3);
          break;
        case "expr":
          inputs[v] = Math.round(rand() * 120) / 10;
          break;
        case "manual": {
          if (leaf.survey && noSurvey) break;
          const steps = leaf.max / 0.25;
          const appraised = (Math.floor(rand() * (steps + 1)) * 0.25);
          points[leaf.id] = rand() < 0.3 ? { self: leaf.max, appraised } : { appraised };
          break;
        }
      }
    }
    if (rand() < 0.2) points["T1"] = { appraised: 0.5 };
    units[code] = { inputs, points };
  }
  return units;
}
