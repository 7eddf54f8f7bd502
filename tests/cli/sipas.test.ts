import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

describe("par-index sipas", () => {
  it("prints the contract's JSON shape for the SIPAS 2023 definition", async () => {
    const r = await cli("sipas", "--survey", "frameworks/sipas-2023.yaml", "--responses", "fixtures/sipas/hanoi-wards-2023-synthetic.csv");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.survey.id).toBe("sipas-2023");
    expect(json.units.length).toBeGreaterThan(0);
    const unit = json.units[0];
    expect(Object.keys(unit)).toEqual(expect.arrayContaining(["unit", "respondents", "overall", "groups", "elements", "items"]));
    expect(Object.keys(unit.groups)).toEqual(["policy", "services"]);
    expect(Object.keys(unit.elements)).toHaveLength(9);
    expect(Object.keys(unit.items)).toHaveLength(33);
    const item = unit.items.q15;
    expect(Object.keys(item).sort()).toEqual(["high", "index", "low", "no_answer", "valid"]);
    expect(item.low).toBeLessThanOrEqual(item.index);
    expect(item.high).toBeGreaterThanOrEqual(item.index);
    expect(json.all.respondents).toBe(json.units.reduce((s: number, u: { respondents: number }) => s + u.respondents, 0));
  });

  it("renders csv and markdown with one line per unit plus the total", async () => {
    const csv = await cli("sipas", "--survey", "frameworks/sipas-2023.yaml", "--responses", "fixtures/sipas/hanoi-wards-2023-synthetic.csv", "--format", "csv");
    const json = JSON.parse((await cli("sipas", "--survey", "frameworks/sipas-2023.yaml", "--responses", "fixtures/sipas/hanoi-wards-2023-synthetic.csv")).stdout);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split("\n");
    expect(rows[0]).toMatch(/^unit,respondents,overall/);
    expect(rows.length).toBeGreaterThanOrEqual(json.units.length + 1);
    const md = await cli("sipas", "--survey", "frameworks/sipas-2023.yaml", "--responses", "fixtures/sipas/hanoi-wards-2023-synthetic.csv", "--format", "md");
    expect(md.stdout).toMatch(/^\|.*\|\n\|[-:| ]+\|/m);
  });

  it("exits 1 and lists the bad cell when a response is not a level of the scale", async () => {
    const r = await cli("sipas", "--survey", "fixtures/sipas/small-survey.yaml", "--responses", "fixtures/sipas/small-responses.csv");
    const json = JSON.parse(r.stdout);
    const invalid = json.diagnostics.filter((d: { code: string }) => d.code === "survey-invalid-answer");
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid[0]).toMatchObject({ file: "fixtures/sipas/small-responses.csv" });
    expect(typeof invalid[0].line).toBe("number");
    expect(r.code).toBe(1);
  });

  it("reports an unreadable responses file as survey-file-read, not a crash", async () => {
    const r = await cli("sipas", "--survey", "frameworks/sipas-2023.yaml", "--responses", "no/such/file.csv");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.diagnostics).toEqual([expect.objectContaining({ code: "survey-file-read", file: "no/such/file.csv" })]);
  });

  it("needs --survey and responses (exit 2)", async () => {
    expect((await cli("sipas", "--responses", "x.csv")).code).toBe(2);
    expect((await cli("sipas", "--survey", "frameworks/sipas-2023.yaml")).code).toBe(2);
    expect((await cli("sipas", "--survey", "frameworks/sipas-2023.yaml", "--responses", "x.csv", "--format", "xml")).code).toBe(2);
  });
});
