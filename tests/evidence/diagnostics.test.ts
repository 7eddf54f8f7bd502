import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/diagnostics/index.js";
import { readJsonText } from "../../src/evidence/json.js";
import { mergeEvidence } from "../../src/evidence/merge.js";
import type { EvidencePart } from "../../src/evidence/part.js";
import { readEvidenceCsv } from "../../src/evidence/reader.js";
import { WARD_SCHEMA, fixtureBytes } from "./helpers.js";

const registry = readEvidenceCsv(fixtureBytes("units.csv"), WARD_SCHEMA, { file: "units.csv" }).registry ?? [];

function readBroken(name: string, locale: "en" | "vi" = "en", withRegistry = false): EvidencePart {
  const file = `broken/${name}`;
  if (name.endsWith(".json")) return readJsonText(new TextDecoder().decode(fixtureBytes(file)), WARD_SCHEMA, { file });
  return readEvidenceCsv(fixtureBytes(file), WARD_SCHEMA, withRegistry ? { file, locale, registry } : { file, locale });
}

/** [file, locale, registry?, code, line, column, unit?, input?, rows read/used/rejected] */
const CASES: [string, "en" | "vi", boolean, string, number, number, Record<string, string>, [number, number, number]][] = [
  ["empty-file.csv", "en", false, "evidence-empty-file", 1, 1, {}, [0, 0, 0]],
  ["unknown-file-kind.csv", "en", false, "evidence-unknown-file-kind", 1, 1, {}, [1, 0, 1]],
  ["unknown-header.csv", "vi", false, "evidence-unknown-header", 1, 3, {}, [1, 1, 0]],
  ["missing-header.csv", "en", false, "evidence-missing-header", 1, 1, {}, [1, 0, 1]],
  ["duplicate-header.csv", "en", false, "evidence-duplicate-header", 1, 3, {}, [1, 1, 0]],
  ["csv-syntax.csv", "en", false, "evidence-csv-syntax", 3, 3, {}, [3, 2, 1]],
  ["too-many-cells.csv", "en", false, "evidence-too-many-cells", 2, 4, { unit: "phuc-dien" }, [1, 0, 1]],
  ["too-few-cells.csv", "en", false, "evidence-too-few-cells", 2, 3, { unit: "phuc-dien" }, [1, 0, 1]],
  ["empty-cell.csv", "en", false, "evidence-empty-cell", 3, 1, {}, [2, 1, 1]],
  ["unknown-unit.csv", "en", true, "evidence-unknown-unit", 3, 1, { unit: "phuc-dien-x" }, [2, 1, 1]],
  ["unknown-input.csv", "en", false, "evidence-unknown-input", 2, 2, { unit: "phuc-dien", input: "dossiers_recieved" }, [1, 0, 1]],
  ["unknown-criterion.csv", "en", false, "evidence-unknown-criterion", 3, 2, { unit: "phuc-dien", criterion: "1.3" }, [2, 1, 1]],
  ["duplicate-input.csv", "en", false, "evidence-duplicate-input", 4, 3, { unit: "phuc-dien", input: "dossiers_received" }, [3, 2, 1]],
  ["duplicate-points.csv", "en", false, "evidence-duplicate-points", 3, 2, { unit: "phuc-dien", criterion: "1.1" }, [2, 1, 1]],
  ["duplicate-unit.csv", "en", false, "evidence-duplicate-unit", 4, 1, { unit: "phuc-dien" }, [3, 2, 1]],
  ["missing-name.csv", "en", false, "evidence-missing-name", 2, 2, { unit: "phuc-dien" }, [1, 1, 0]],
  ["wrong-type.csv", "en", false, "evidence-wrong-type", 2, 3, { unit: "phuc-dien", input: "has_inspection" }, [1, 0, 1]],
  ["wrong-locale.csv", "en", false, "evidence-wrong-locale", 2, 3, { unit: "phuc-dien", input: "budget_spent" }, [1, 0, 1]],
  ["out-of-bounds.csv", "vi", false, "evidence-out-of-bounds", 2, 3, { unit: "phuc-dien", input: "sipas_overall" }, [1, 0, 1]],
  ["enum-value.csv", "en", false, "evidence-enum-value", 2, 3, { unit: "phuc-dien", input: "report_status" }, [1, 0, 1]],
  ["invalid-date.csv", "en", false, "evidence-wrong-type", 2, 3, { unit: "phuc-dien", input: "plan_issued_on" }, [1, 0, 1]],
  ["json-syntax.json", "en", false, "evidence-json-syntax", 3, 57, {}, [0, 0, 0]],
  ["json-shape.json", "en", false, "evidence-json-shape", 3, 20, { unit: "phuc-dien" }, [1, 0, 1]],
  ["json-unknown-key.json", "en", false, "evidence-json-unknown-key", 4, 7, { unit: "phuc-dien" }, [0, 0, 0]],
  ["json-duplicate-key.json", "en", false, "evidence-json-duplicate-key", 4, 5, { unit: "phuc-dien" }, [3, 2, 1]],
  ["json-too-deep.json", "en", false, "evidence-json-too-deep", 1, 74, {}, [0, 0, 0]],
];

describe("one broken file per diagnostic", () => {
  for (const [name, locale, withRegistry, code, line, column, subject, [read, used, rejected]] of CASES) {
    it(`${name}: ${code} at ${line}:${column}`, () => {
      const part = readBroken(name, locale, withRegistry);
      expect(part.diagnostics.map((d) => d.code)).toEqual([code]);
      const d = part.diagnostics[0];
      expect(d).toMatchObject({ code, line, column, file: `broken/${name}`, ...subject });
      expect(d?.message.length).toBeGreaterThan(20);
      expect(part.stats).toEqual({ rowsRead: read, rowsUsed: used, rowsRejected: rejected });
      expect(part.stats.rowsRead).toBe(part.stats.rowsUsed + part.stats.rowsRejected);
    });
  }

  it("messages quote the text and say how to fix it", () => {
    const locale = readBroken("wrong-locale.csv").diagnostics[0];
    expect(locale?.message).toContain(`"1,5"`);
    expect(locale?.message).toContain("--locale vi");
    expect(readBroken("unknown-input.csv").diagnostics[0]?.message).toContain(`Did you mean "dossiers_received"?`);
    expect(readBroken("unknown-unit.csv", "en", true).diagnostics[0]?.message).toContain(`Did you mean "phuc-dien"?`);
    expect(readBroken("invalid-date.csv").diagnostics[0]?.message).toContain("31/02/2024 does not exist");
    expect(readBroken("duplicate-input.csv").diagnostics[0]?.message).toContain("first on line 2");
    expect(readBroken("unknown-header.csv", "vi").diagnostics[0]?.message).toContain(`Did you mean "online_rate"?`);
  });

  it("a file that is not UTF-8 is reported once and still read", () => {
    const part = readBroken("encoding.csv");
    expect(part.diagnostics.map((d) => d.code)).toEqual(["evidence-encoding"]);
    expect(part.diagnostics[0]?.file).toBe("broken/encoding.csv");
    expect(part.stats).toEqual({ rowsRead: 1, rowsUsed: 1, rowsRejected: 0 });
  });

  it("a conflict between two files names both places; the later row is rejected", () => {
    const a = readBroken("conflict-a.csv");
    const b = readBroken("conflict-b.csv");
    const set = mergeEvidence([a, b]);
    const codes = set.diagnostics.map((d) => [d.code, d.file, d.line, d.column, d.input]);
    expect(codes).toEqual([
      ["evidence-repeated", "broken/conflict-b.csv", 2, 3, "online_rate"],
      ["evidence-conflict", "broken/conflict-b.csv", 3, 3, "dossiers_received"],
    ]);
    const conflict = set.diagnostics[1];
    expect(conflict?.message).toContain("broken/conflict-a.csv:2");
    expect(conflict?.message).toContain("broken/conflict-b.csv:3");
    expect(conflict?.severity).toBe("error");
    expect(set.diagnostics[0]?.severity).toBe("warning");
    expect(set.byUnit.get("phuc-dien")?.inputs.get("dossiers_received")?.value.toString()).toBe("10");
    expect(set.stats).toEqual({ rowsRead: 4, rowsUsed: 3, rowsRejected: 1 });
  });

  it("every evidence code in the catalogue is exercised by a broken file or a test", () => {
    const covered = new Set([
      ...CASES.map((c) => c[3]),
      "evidence-encoding",
      "evidence-conflict",
      "evidence-repeated",
      "evidence-unreadable",
      "evidence-wrong-file-kind",
      // tests/node/evidence-files.test.ts
      "evidence-not-a-file",
      "evidence-file-too-large",
      // tests/evidence/hostile.test.ts
      "evidence-too-many-diagnostics",
      "evidence-line-too-long",
      "evidence-cell-too-long",
    ]);
    const codes = Object.keys(CATALOGUE).filter((c) => c.startsWith("evidence-"));
    expect(codes.filter((c) => !covered.has(c))).toEqual([]);
  });
});
