/**
 * The demo's second part: the 2025 framework for Hà Nội's communes and wards
 * (hanoi-commune-2025, Quyết định 5666/QĐ-UBND) on the real 126-unit registry, ranked
 * within blocks (`ranking.within: type`): wards and communes each ranked 1…n, as provinces
 * publish their 2025 results. Prints the head of each block.
 */
import { join, relative } from "node:path";
import { roundTo } from "../../core/decimal.js";
import { defineStrings, type Lang } from "../../diagnostics/define.js";
import { score, type UnitResult } from "../../engine/index.js";
import { localeNumber } from "../../report/format.js";
import type { CliIo } from "../io.js";
import { loadForScoring } from "../scoring.js";

export const BLOCKS_FRAMEWORK = "frameworks/hanoi-commune-2025.yaml";
const REGISTRY = "fixtures/registry/hanoi-communes-2025.csv";
const DATA = "fixtures/hanoi-2025/communes";
const SHOWN = 3;

const S = defineStrings({
  en: {
    heading: (title: string, n: number) => `${title}: ${n} units ranked within blocks (ranking.within: type; synthetic values on the real registry, see fixtures/hanoi-2025/README.md)`,
    block: (name: string, n: number) => `  ${name} (${n}):`,
    names: { phuong: "Wards (phường)", xa: "Communes (xã)", dac_khu: "Special zones (đặc khu)" } as Record<string, string>,
    incomplete: "incomplete",
  },
  vi: {
    heading: (title: string, n: number) => `${title}: ${n} đơn vị, xếp hạng theo khối (ranking.within: type; số liệu giả lập trên danh mục thật, xem fixtures/hanoi-2025/README.md)`,
    block: (name: string, n: number) => `  ${name} (${n}):`,
    names: { phuong: "Khối phường", xa: "Khối xã", dac_khu: "Khối đặc khu" } as Record<string, string>,
    incomplete: "chưa đủ số liệu",
  },
});

/** Lines for the blocks section, or undefined when the files cannot be loaded (the demo then skips it). */
export async function blocksSection(root: string, io: CliIo, lang: Lang): Promise<string[] | undefined> {
  const at = (p: string) => relative(io.cwd, join(root, p)) || ".";
  const quiet: CliIo = { ...io, stderr: () => {} };
  const loaded = await loadForScoring(
    {
      framework: at(BLOCKS_FRAMEWORK),
      units: at(REGISTRY),
      evidence: [at(`${DATA}/inputs.csv`), at(`${DATA}/survey.csv`)],
      points: [at(`${DATA}/points.csv`)],
      locale: "vi",
    },
    quiet,
  );
  if (!loaded.ok) return undefined;
  const fw = loaded.framework;
  const result = score(fw, loaded.evidence, { explain: false });
  const s = S[lang];
  const groups = new Map<string, UnitResult[]>();
  for (const u of result.units) {
    const key = u.rankGroup ?? "";
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  const out = ["", s.heading(fw.title, result.units.length)];
  for (const [key, units] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(s.block(s.names[key] ?? key, units.length));
    for (const u of units.slice(0, SHOWN)) {
      // As the language writes numbers: 82,50 in Vietnamese, 82.50 in English.
      const index = u.index === undefined ? "-" : localeNumber(roundTo(u.index, fw.rounding).toFixed(fw.rounding.decimals), lang);
      out.push(`    ${String(u.rank).padStart(3)}  ${u.name.padEnd(18)} ${index.padStart(6)}${u.grade ? `  ${u.grade}` : ""}${u.complete ? "" : `  ${s.incomplete}`}`);
    }
  }
  return out;
}
