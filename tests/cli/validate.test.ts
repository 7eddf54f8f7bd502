import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const LINE = /^(.+):(\d+):(\d+): error ([a-z0-9-]+): .+$/;

describe("par-index validate", () => {
  it("exits 0 on every bundled framework", async () => {
    const r = await cli(
      "validate",
      "frameworks/hanoi-district-2023.yaml",
      "frameworks/hanoi-ward-2024.yaml",
      "frameworks/hanoi-ward-2024-bac-tu-liem.yaml",
      "frameworks/national-province-2024.yaml",
      "frameworks/service-index-766-2022.yaml",
      "frameworks/hanoi-department-2023.yaml",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("frameworks/hanoi-ward-2024.yaml: bộ tiêu chí hợp lệ (hanoi-ward-2024, năm 2024, 61 tiêu chí)");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("6 trên 6 tệp hợp lệ.");
    expect(r.stdout).not.toMatch(/valid|criteria/);
    const en = await cli("validate", "frameworks/hanoi-ward-2024.yaml", "does/not/exist.yaml", "--lang", "en");
    expect(en.stdout).toBe("frameworks/hanoi-ward-2024.yaml: valid (hanoi-ward-2024, 2024, 61 criteria)\n1 of 2 files valid.\n");
  });

  it("exits 1 with one FILE:LINE:COLUMN: error CODE: message line per problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-validate-"));
    const file = join(dir, "broken.yaml");
    writeFileSync(
      file,
      [
        "format: par-index/v1",
        "id: broken",
        "year: 2024",
        'source: "illustrative"',
        "criteria:",
        '  - id: "1"',
        "    max: 5",
        "    children:",
        '      - { id: "1.1", max: 2, rule: { boolean: { value: has_plan } } }',
        '      - { id: "1.1", max: 2, rule: { manual: {} }, titel: "x" }',
        "",
      ].join("\n"),
    );
    const r = await cli("validate", file, "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    for (const line of lines) expect(line).toMatch(LINE);
    const codes = lines.map((l) => LINE.exec(l)![4]);
    expect(codes).toEqual(expect.arrayContaining(["unknown-key", "duplicate-id", "max-mismatch", "expr-unknown-name"]));
    const unknownKey = lines.find((l) => l.includes("unknown-key"))!;
    expect(unknownKey.startsWith(`${file}:10:`)).toBe(true);
    expect(unknownKey).toContain('Did you mean "title"?');

    // Vietnamese by default: same lines, same codes and positions, other wording.
    const vi = await cli("validate", file);
    const viLines = vi.stderr.trim().split("\n");
    expect(viLines.map((l) => LINE.exec(l)![4])).toEqual(codes);
    const viUnknownKey = viLines.find((l) => l.includes("unknown-key"))!;
    expect(viUnknownKey.startsWith(`${file}:10:`)).toBe(true);
    expect(viUnknownKey).toContain('khóa "titel" không hợp lệ');
    expect(viUnknownKey).toContain('Có phải là "title"?');
  });

  it("validates survey definitions too, so `validate frameworks/*.yaml` (the README's example) passes", async () => {
    const files = readdirSync("frameworks").filter((f) => f.endsWith(".yaml")).map((f) => `frameworks/${f}`);
    const r = await cli("validate", ...files);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("frameworks/sipas-2023.yaml: phiếu khảo sát hợp lệ (sipas-2023, năm 2023, 33 câu hỏi)");
    expect((await cli("validate", "frameworks/sipas-2023.yaml", "--lang", "en")).stdout).toBe("frameworks/sipas-2023.yaml: valid survey (sipas-2023, 2023, 33 items)\n");
  });

  it("reports a broken survey definition with its positions", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-validate-survey-"));
    const file = join(dir, "survey.yaml");
    writeFileSync(
      file,
      [
        "format: par-index/survey-v1",
        "id: s",
        "title: t",
        "year: 2023",
        "scale: { levels: [1, 2, 3, 4, 5], satisfied: [4, 6] }",
        "groups: [{ id: services, title: x }]",
        "elements: [{ id: access, group: services, title: y }]",
        "items: [{ id: q1, element: acess, text: z }]",
        "",
      ].join("\n"),
    );
    const r = await cli("validate", file, "--lang", "en");
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    for (const line of lines) expect(line).toMatch(LINE);
    const codes = lines.map((l) => LINE.exec(l)![4]);
    expect(codes).toEqual(expect.arrayContaining(["survey-satisfied-not-in-scale", "survey-unknown-element"]));
    expect(lines.find((l) => l.includes("survey-unknown-element"))!.startsWith(`${file}:8:`)).toBe(true);
  });

  it("prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8"));
    expect((await cli("--version")).stdout).toBe(`${version}\n`);
  });

  it("exits 2 on usage errors", async () => {
    expect((await cli("validate")).code).toBe(2);
    expect((await cli("validate", "--nope", "x.yaml")).code).toBe(2);
    expect((await cli("frobnicate")).code).toBe(2);
  });

  it("reports an unreadable file as a problem, not a crash", async () => {
    const r = await cli("validate", "does/not/exist.yaml");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^does\/not\/exist\.yaml(:\d+:\d+)?: error [a-z-]+: /);
  });
});
