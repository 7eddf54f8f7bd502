import { publish, structureOf } from "../../src/analysis/index.js";
import type { Published, Structure } from "../../src/analysis/index.js";
import type { CompiledFramework } from "../../src/framework/ir.js";
import { framework, run } from "../engine/helpers.js";
import type { RawRegistryUnit } from "../../fixtures/engine/evidence.js";

/**
 * A small commune framework: field 1 (1.1 max 4, 1.2 max 6), field 2 (2.1 max 10); all
 * appraised (manual) leaves; grades A ≥ 90, B ≥ 80, C below.
 */
export const TINY_2024 = framework(`
id: tiny-2024
title: "Bộ chỉ số thử nghiệm cấp xã"
criteria:
  - id: "1"
    title: "Công tác chỉ đạo, điều hành CCHC"
    children:
      - { id: "1.1", title: "Kế hoạch CCHC năm", max: 4, rule: { manual: {} } }
      - { id: "1.2", title: "Báo cáo CCHC định kỳ", max: 6, rule: { manual: {} } }
  - id: "2"
    title: "Cải cách TTHC"
    children:
      - { id: "2.1", title: "Bộ phận Một cửa", max: 10, rule: { manual: {} } }
grades:
  - { at_least: 90, label: "A" }
  - { at_least: 80, label: "B" }
  - { otherwise: "C" }
`);

/** 2025: 2.1 split into 2.1 and 2.2 (max 5 each). */
export const TINY_2025 = framework(`
id: tiny-2025
year: 2025
title: "Bộ chỉ số thử nghiệm cấp xã 2025"
criteria:
  - id: "1"
    title: "Công tác chỉ đạo, điều hành CCHC"
    children:
      - { id: "1.1", title: "Kế hoạch CCHC năm", max: 4, rule: { manual: {} } }
      - { id: "1.2", title: "Báo cáo CCHC định kỳ", max: 6, rule: { manual: {} } }
  - id: "2"
    title: "Cải cách TTHC"
    children:
      - { id: "2.1", title: "Tiếp nhận hồ sơ", max: 5, rule: { manual: {} } }
      - { id: "2.2", title: "Trả kết quả", max: 5, rule: { manual: {} } }
`);

/** Appraised points per unit and criterion. */
export function scored(fw: CompiledFramework, points: Record<string, Record<string, number>>, registry: RawRegistryUnit[] = []): { published: Published; structure: Structure } {
  const units = Object.fromEntries(
    Object.entries(points).map(([code, p]) => [code, { points: Object.fromEntries(Object.entries(p).map(([id, v]) => [id, { appraised: v }])) }]),
  );
  return { published: publish(run(fw, units, registry)), structure: structureOf(fw) };
}

/**
 * 2024: four communes.
 *   cat-que   1.1=4 1.2=6 2.1=10  → 20/20 = 100
 *   an-khanh  1.1=3 1.2=6 2.1=8   → 17/20 = 85
 *   tay-tuu   1.1=2 1.2=3 2.1=9   → 14/20 = 70
 *   duc-giang 1.1=4 1.2=5 2.1=6.5 → 15.5/20 = 77.5
 * Ranks: cat-que 1, an-khanh 2, duc-giang 3, tay-tuu 4.
 */
export const POINTS_2024 = {
  "cat-que": { "1.1": 4, "1.2": 6, "2.1": 10 },
  "an-khanh": { "1.1": 3, "1.2": 6, "2.1": 8 },
  "tay-tuu": { "1.1": 2, "1.2": 3, "2.1": 9 },
  "duc-giang": { "1.1": 4, "1.2": 5, "2.1": 6.5 },
};

export const REGISTRY_2024: RawRegistryUnit[] = [
  { code: "cat-que", name: "Cát Quế", type: "xa", parent: "hoai-duc", dan_so: "1000" },
  { code: "an-khanh", name: "An Khánh", type: "xa", parent: "hoai-duc", dan_so: "3000" },
  { code: "tay-tuu", name: "Tây Tựu", type: "phuong", parent: "dan-phuong", dan_so: "2000" },
  { code: "duc-giang", name: "Đức Giang", type: "xa", parent: "dan-phuong", dan_so: "2000" },
];
