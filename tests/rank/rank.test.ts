import { describe, expect, it } from "vitest";
import { rank } from "../../src/rank/index.js";
import { framework, run } from "../engine/helpers.js";

const yaml = (ranking: string) => `
criteria:
  - { id: "1", max: 50, rule: { manual: {} } }
  - { id: "2", max: 50, rule: { manual: {} } }
${ranking}
`;

const points = (a: number, b = 50) => ({ points: { "1": { appraised: a }, "2": { appraised: b } } });
const ranks = (r: ReturnType<typeof run>) => r.units.map((u) => [u.unit, u.rank]);

describe("ranking", () => {
  // Hà Nội 2023 districts: Đống Đa 96.3 1st; Nam Từ Liêm and Hoàn Kiếm 95.7; Cầu Giấy 95.22.
  const units = { "dong-da": points(46.3), "nam-tu-liem": points(45.7), "hoan-kiem": points(45.7), "cau-giay": points(45.22) };

  it("competition: two units at 95.70 share rank 2 and the next is 4th", () => {
    const r = run(framework(yaml("")), units);
    expect(ranks(r)).toEqual([
      ["dong-da", 1],
      ["hoan-kiem", 2],
      ["nam-tu-liem", 2],
      ["cau-giay", 4],
    ]);
  });

  it("dense: the next is 3rd", () => {
    const r = run(framework(yaml("ranking: { ties: dense }")), units);
    expect(ranks(r).map((x) => x[1])).toEqual([1, 2, 2, 3]);
  });

  it("ranks on the published index by default, on the exact one when asked", () => {
    // a: 2 of an applicable 3 = 66.666…% (published 66.67); b: 66.67 of 100 = 66.67%.
    const body = `
inputs:
  big: { type: boolean }
criteria:
  - { id: "1", max: 3, rule: { manual: {} } }
  - { id: "2", max: 97, applies_if: "big", rule: { manual: {} } }
`;
    const units = {
      a: { inputs: { big: false }, points: { "1": { appraised: 2 } } },
      b: { inputs: { big: true }, points: { "1": { appraised: 3 }, "2": { appraised: 63.67 } } },
    };
    expect(ranks(run(framework(body), units))).toEqual([
      ["a", 1],
      ["b", 1],
    ]);
    expect(ranks(run(framework(`${body}ranking: { on: exact }`), units))).toEqual([
      ["b", 1],
      ["a", 2],
    ]);
  });

  it("ranks by points when asked", () => {
    const body = `
inputs:
  big: { type: boolean }
criteria:
  - { id: "1", max: 10, rule: { manual: {} } }
  - { id: "2", max: 90, applies_if: "big", rule: { manual: {} } }
`;
    const units = {
      small: { inputs: { big: false }, points: { "1": { appraised: 10 } } },
      large: { inputs: { big: true }, points: { "1": { appraised: 5 }, "2": { appraised: 45 } } },
    };
    expect(ranks(run(framework(body), units))).toEqual([
      ["small", 1],
      ["large", 2],
    ]);
    expect(ranks(run(framework(`${body}ranking: { by: points }`), units))).toEqual([
      ["large", 1],
      ["small", 2],
    ]);
  });

  it("ranks incomplete units after every complete one, among themselves", () => {
    const r = run(framework(yaml("")), {
      a: points(10),
      b: { points: { "1": { appraised: 50 } } },
      c: points(20),
      d: { points: { "1": { appraised: 40 } } },
    });
    expect(r.units.map((u) => [u.unit, u.rank, u.complete])).toEqual([
      ["c", 1, true],
      ["a", 2, true],
      ["b", 3, false],
      ["d", 4, false],
    ]);
  });

  it("breaks ties by criterion indices in order", () => {
    const r = run(framework(yaml(`ranking: { tiebreak: ["2"] }`)), { a: points(45, 40), b: points(40, 45), c: points(50, 50) });
    expect(ranks(r)).toEqual([
      ["c", 1],
      ["b", 2],
      ["a", 3],
    ]);
  });

  it("ranks within a unit attribute separately", () => {
    const r = run(
      framework(yaml("ranking: { within: type }")),
      { a: points(40), b: points(45), c: points(30), d: points(35) },
      [
        { code: "a", type: "ward" },
        { code: "b", type: "commune" },
        { code: "c", type: "ward" },
        { code: "d", type: "commune" },
      ],
    );
    expect(r.units.map((u) => [u.unit, u.rank, u.rankGroup])).toEqual([
      ["a", 1, "ward"],
      ["b", 1, "commune"],
      ["c", 2, "ward"],
      ["d", 2, "commune"],
    ]);
  });

  it("ranks within any registry column and warns about units without it", () => {
    const r = run(framework(yaml("ranking: { within: region }")), { a: points(40), b: points(45), c: points(30) }, [
      { code: "a", region: "north" },
      { code: "b", region: "north" },
      { code: "c" },
    ]);
    expect(r.units.map((u) => [u.unit, u.rank])).toEqual([
      ["b", 1],
      ["c", 1],
      ["a", 2],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.unit])).toEqual([["ranking-attribute-missing", "c"]]);
  });

  it("re-ranks an existing result with another plan", () => {
    const fw = framework(yaml(""));
    const r = run(fw, units);
    const dense = rank(r.units, { ...fw.ranking, ties: "dense" }, fw.rounding, fw);
    expect(dense.units.map((u) => u.rank)).toEqual([1, 2, 2, 3]);
  });
});
