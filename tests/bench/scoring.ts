/**
 * In-process scoring time on the synthetic 100-leaf framework (the whole-process bench's), and on
 * a variant whose rules read inline expressions: bands and `ratio` on `a / b` quotients of two
 * inputs, and `expr` rules of the form `min(x / 100 * m, max)`. Each workload is timed with the
 * integer fast paths and with them switched off (every rule value through the exact decimal
 * evaluation), interleaved round by round so that machine load hits both alike; prints the
 * medians and the median of the per-round ratios. Both runs must give the same JSON.
 *
 *   node --expose-gc --import tsx tests/bench/scoring.ts [units] [--rounds=N] [--root=DIR]
 *
 * `--root=DIR` imports the engine from another checkout of the sources (a before/after comparison;
 * the switch is absent there, so only the default path is timed).
 */
import { performance } from "node:perf_hooks";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const rounds = Number(args.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 5);
const roots = args.filter((a) => a.startsWith("--root=")).map((a) => resolve(a.slice(7)));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface Engine {
  label: string;
  score: (fw: unknown, ev: unknown, o?: unknown) => { units: readonly unknown[]; toJSON(): unknown };
  parseFramework: (text: string, o: unknown) => { ok: boolean; framework?: unknown; diagnostics: { message: string }[] };
  makeEvidence: (fw: unknown, units: unknown) => unknown;
  setExactOnly?: ((on: boolean) => void) | undefined;
  synthetic: typeof import("../../fixtures/engine/synthetic.js");
}

async function load(root: string, label: string): Promise<Engine> {
  const at = (p: string) => pathToFileURL(`${root}/${p}`).href;
  const engine = await import(at("src/engine/index.ts"));
  const fw = await import(at("src/framework/index.ts"));
  const ev = await import(at("fixtures/engine/evidence.ts"));
  const synthetic = await import(at("fixtures/engine/synthetic.ts"));
  let setExactOnly: ((on: boolean) => void) | undefined;
  try {
    setExactOnly = (await import(at("src/engine/paths.ts"))).setExactOnly;
  } catch {
    setExactOnly = undefined;
  }
  return { label, score: engine.score, parseFramework: fw.parseFramework, makeEvidence: ev.makeEvidence, setExactOnly, synthetic };
}

const here = resolve(import.meta.dirname, "..", "..");
const engines: Engine[] = [await load(here, "this tree"), ...(await Promise.all(roots.map((r) => load(r, r))))];

/** The inline variant: rules read `a / b` and `x / 100 * m` directly, no derived values. */
function inlineVariant(yaml: string): string {
  return yaml
    .replace(/bands: \{ value: (\w+)_rate,/g, 'bands: { value: "$1 / $1_total",')
    .replace(/ratio: \{ value: (\w+), lower: 50, upper: 100 \}/g, 'ratio: { value: "$1 / $1_of", lower: 0.5, upper: 1 }')
    .replace(/expr: "min\((\w+) \/ 10, ([\d.]+)\)"/g, 'expr: "min($1 / 100 * 5, $2)"')
    .replace(/^derived:\n(  .*\n)*/m, "")
    .replace(/^( {2}(x\w+): \{ type: percent(, missing: not_applicable)? \})$/gm, "$1\n  $2_of: { type: number, min: 0 }");
}

function inlineEvidence(units: Record<string, { inputs: Record<string, unknown> }>): typeof units {
  let i = 0;
  for (const u of Object.values(units)) {
    // The ratio leaves' percents become quotients of two numbers (a zero divisor now and then).
    for (const [name, v] of Object.entries(u.inputs)) {
      if (typeof v === "number" && ratioInputs.has(name)) u.inputs[`${name}_of`] = i++ % 997 === 0 ? 0 : 100 + (i % 7) * 3;
    }
  }
  return units;
}
let ratioInputs = new Set<string>();

interface Workload {
  name: string;
  framework: unknown;
  evidence: unknown;
}

function workloads(e: Engine): Workload[] {
  const base = e.synthetic.syntheticFrameworkYaml({ leaves: 100 });
  const inline = inlineVariant(base);
  ratioInputs = new Set([...base.matchAll(/ratio: \{ value: (\w+),/g)].map((m) => m[1]!));
  const out: Workload[] = [];
  for (const [name, yaml, evidence] of [
    ["synthetic (bench)", base, e.synthetic.syntheticEvidence(count, { leaves: 100, seed: 42 })],
    ["inline a / b and x / 100 * m", inline, inlineEvidence(e.synthetic.syntheticEvidence(count, { leaves: 100, seed: 42 }) as never)],
  ] as const) {
    const parsed = e.parseFramework(yaml, { filename: "synthetic.yaml" });
    if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
    out.push({ name, framework: parsed.framework, evidence: e.makeEvidence(parsed.framework, evidence) });
  }
  return out;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Contender {
  label: string;
  run: () => void;
  json: () => string;
}

const perEngine = engines.map((e) => ({ e, w: workloads(e) }));
for (let wi = 0; wi < perEngine[0]!.w.length; wi++) {
  const contenders: Contender[] = [];
  for (const { e, w } of perEngine) {
    const { framework, evidence } = w[wi]!;
    const mk = (label: string, exact: boolean): Contender => ({
      label,
      run: () => {
        e.setExactOnly?.(exact);
        void e.score(framework, evidence, { explain: false });
        e.setExactOnly?.(false);
      },
      json: () => {
        e.setExactOnly?.(exact);
        const s = JSON.stringify(e.score(framework, evidence, { explain: false }).toJSON());
        e.setExactOnly?.(false);
        return s;
      },
    });
    contenders.push(mk(`${e.label}`, false));
    if (e.setExactOnly) contenders.push(mk(`${e.label}, exact path only`, true));
  }
  const reference = contenders[0]!.json();
  for (const c of contenders.slice(1)) if (c.json() !== reference) console.log(`!! ${c.label} gives different JSON`);
  const times = contenders.map(() => [] as number[]);
  for (const c of contenders) c.run(); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < contenders.length; j++) {
      const i = (r + j) % contenders.length;
      gc();
      const t = performance.now();
      contenders[i]!.run();
      times[i]!.push(performance.now() - t);
    }
  }
  console.log(`\n## ${w0name(wi)}: ${count.toLocaleString("en")} units × 100 leaves, score(…, { explain: false }), ${rounds} interleaved rounds`);
  contenders.forEach((c, i) => {
    const ratios = times[i]!.map((t, r) => t / times[0]![r]!);
    console.log(`${c.label.padEnd(40)} median ${median(times[i]!).toFixed(0).padStart(5)} ms  × first ${median(ratios).toFixed(2)}`);
  });
}

function w0name(i: number): string {
  return perEngine[0]!.w[i]!.name;
}
