/**
 * Trust benchmark: the pure SHA-256 against node:crypto on the same bytes (ratio in the same
 * loop), and an appraisal log of 10,000 events written with appendAppraisal and read back with
 * its hash chain checked. Run: npx tsx tests/bench/trust.ts
 */
import { createHash } from "node:crypto";
import { sha256 } from "../../src/core/sha256.js";
import { appendAppraisal, readAppraisalLog } from "../../src/evidence/appraisal-log.js";

const MIB = 1024 * 1024;
const bytes = new Uint8Array(32 * MIB);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;

let pure = Infinity;
let native = Infinity;
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  const a = sha256(bytes);
  pure = Math.min(pure, performance.now() - t);
  t = performance.now();
  const b = createHash("sha256").update(bytes).digest("hex");
  native = Math.min(native, performance.now() - t);
  if (a !== b) throw new Error("pure and node:crypto digests differ");
}
console.log(`sha256 32 MiB: pure ${pure.toFixed(0)} ms (${((32 / pure) * 1000).toFixed(0)} MiB/s), node:crypto ${native.toFixed(0)} ms; ratio ${(pure / native).toFixed(1)}×`);

const EVENTS = 10_000;
let t = performance.now();
const lines: string[] = [];
for (let i = 0; i < EVENTS; i++) {
  const last = lines.length === 0 ? "" : lines[lines.length - 1]!;
  lines.push(
    appendAppraisal(last, { at: "2025-11-20T09:00:00+07:00", by: "Hội đồng thẩm định", unit: `phuong-${i % 300}`, criterion: `${1 + (i % 7)}.1`, field: "appraised", from: null, to: 1, why: "Đối chiếu tài liệu kiểm chứng" }),
  );
}
const write = performance.now() - t;
const text = lines.join("\n") + "\n";
t = performance.now();
const log = readAppraisalLog(text);
const read = performance.now() - t;
if (!log.intact || log.events.length !== EVENTS) throw new Error("the log did not read back whole");
console.log(
  `appraisal log ${EVENTS.toLocaleString("en")} events (${(text.length / MIB).toFixed(1)} MiB): write ${write.toFixed(0)} ms (${((write * 1000) / EVENTS).toFixed(0)} µs/event), ` +
    `read + chain check ${read.toFixed(0)} ms (${((read * 1000) / EVENTS).toFixed(0)} µs/line); peak RSS ${(process.memoryUsage().rss / MIB).toFixed(0)} MiB`,
);
