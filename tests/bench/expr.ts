/**
 * Expression benchmark: parse+check+compile time of a typical rule expression, and evaluations per
 * second over 10,000 units × 100 expressions (the engine's workload). Run: npx tsx tests/bench/expr.ts
 */
import { dec } from "../../src/core/decimal.js";
import { CalendarDate, MISSING, type Value, type ValueType } from "../../src/core/value.js";
import { checkExpression, compileExpression, parseExpression } from "../../src/expr/index.js";

const SOURCES = [
  "dossiers_on_time / dossiers_received",
  "if(dossiers_received > 0, clamp(dossiers_on_time / dossiers_received, 0, 1), 0) * 100 >= 95",
  'days(plan_issued_on, date("2024-01-15")) >= 0 and not is_missing(plan_issued_on)',
  "round(coalesce(sipas.access, 0) * 0.3 + min(satisfaction, 100) * 0.7, 2)",
];
const NAMES = ["dossiers_received", "dossiers_on_time", "plan_issued_on", "sipas.access", "satisfaction"];
const TYPES: Record<string, ValueType> = {
  dossiers_received: "number",
  dossiers_on_time: "number",
  plan_issued_on: "date",
  "sipas.access": "number",
  satisfaction: "number",
};

const UNITS = 10_000;
const EXPRESSIONS_PER_UNIT = 100;

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

function timeCompile(iterations: number): number {
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    for (const source of SOURCES) {
      const { expr } = parseExpression(source);
      checkExpression(expr!, { typeOf: (n) => TYPES[n] });
      compileExpression(expr!, (n) => NAMES.indexOf(n));
    }
  }
  return (performance.now() - t0) / (iterations * SOURCES.length);
}

const compiled = SOURCES.map((s) => compileExpression(parseExpression(s).expr!, (n) => NAMES.indexOf(n)));
const units: Value[][] = Array.from({ length: UNITS }, (_, i) => [
  dec(100 + (i % 400)),
  dec(90 + (i % 300)),
  i % 17 === 0 ? MISSING : CalendarDate.of(2024, 1, 1 + (i % 28))!,
  i % 5 === 0 ? MISSING : dec(i % 100).div(100),
  dec(50 + (i % 50)),
]);

function timeEvaluate(): number {
  const t0 = performance.now();
  let sink = 0;
  for (let u = 0; u < UNITS; u++) {
    const slots = units[u]!;
    for (let e = 0; e < EXPRESSIONS_PER_UNIT; e++) {
      if (compiled[e % compiled.length]!.evaluate(slots) === MISSING) sink++;
    }
    if (u % 1000 === 0) sample();
  }
  if (sink < 0) console.log(sink);
  return performance.now() - t0;
}

timeCompile(200); // warm-up
timeEvaluate();
const perExpr = timeCompile(1000);
const runs = [timeEvaluate(), timeEvaluate(), timeEvaluate()].sort((a, b) => a - b);
const ms = runs[1]!;
const evaluations = UNITS * EXPRESSIONS_PER_UNIT;
sample();
console.log(`parse + check + compile: ${(perExpr * 1000).toFixed(1)} µs per expression (mean of ${SOURCES.length} typical ones)`);
console.log(`evaluate: ${evaluations.toLocaleString("en")} evaluations (${UNITS} units × ${EXPRESSIONS_PER_UNIT}) in ${ms.toFixed(0)} ms (median of 3) = ${Math.round(evaluations / (ms / 1000)).toLocaleString("en")} evaluations/s`);
console.log(`peak rss: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
