/**
 * Hostile and unusual evidence: each case here once lost data silently, crashed or
 * hung (issue: nothing lost, nothing altered, nothing hangs).
 */
import { describe, expect, it } from "vitest";
import { readEvidenceJson, readJsonText } from "../../src/evidence/json.js";
import { mergeEvidence } from "../../src/evidence/merge.js";
import { createEvidenceReader, readEvidenceCsv } from "../../src/evidence/reader.js";
import { valueFromJson } from "../../src/evidence/values.js";
import { input, schemaOf, WARD_SCHEMA } from "./helpers.js";

const NUM = schemaOf([input("budget_spent", "number", {}, 0), input("dossiers_received", "integer", {}, 1)], ["1.1"]);

describe("JSON evidence: repeated keys", () => {
  it("a repeated unit is an error at the repeated key's line and column; its rows are rejected, the first kept", () => {
    const text = `{"units": {\n  "phuc-dien": {"inputs": {"dossiers_received": 1}},\n  "phuc-dien": {"inputs": {"dossiers_received": 2, "budget_spent": 3}}\n}}`;
    const part = readJsonText(text, NUM, { file: "e.json" });
    expect(part.diagnostics.map((d) => [d.code, d.line, d.column, d.unit])).toEqual([["evidence-json-duplicate-key", 3, 3, "phuc-dien"]]);
    expect(part.diagnostics[0]?.message).toContain("first on line 2");
    expect(part.byUnit.get("phuc-dien")?.inputs.get("dossiers_received")?.value.toString()).toBe("1");
    expect(part.stats).toEqual({ rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
  });

  it("a repeated input, criterion, points field and top-level key are each reported", () => {
    const text = [
      `{"units": {"u1": {`,
      `  "inputs": {"budget_spent": 1, "budget_spent": 2},`,
      `  "points": {"1.1": {"self": 1, "self": 2}}`,
      `}},`,
      `"units": {"u2": {"inputs": {"budget_spent": 5}}}}`,
    ].join("\n");
    const part = readJsonText(text, NUM, { file: "e.json" });
    expect(part.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["evidence-json-duplicate-key", 5, 1],
      ["evidence-json-duplicate-key", 2, 33],
      ["evidence-json-duplicate-key", 3, 33],
    ]);
    expect(part.byUnit.has("u2")).toBe(false);
    // u2's input (1), the second budget_spent (1) and the points row (1) are rejected; the first budget_spent is used.
    expect(part.stats).toEqual({ rowsRead: 4, rowsUsed: 1, rowsRejected: 3 });
  });

  it("a repeated key inside a registry entry rejects that entry", () => {
    const part = readJsonText(`[{"code": "a", "name": "A", "code": "b"}, {"code": "c", "name": "C"}]`, NUM, { file: "u.json" });
    expect(part.diagnostics.map((d) => d.code)).toEqual(["evidence-json-duplicate-key"]);
    expect(part.registry?.map((u) => u.code)).toEqual(["c"]);
    expect(part.stats).toEqual({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
  });
});

describe("JSON evidence: numbers a double cannot hold", () => {
  it("keeps the digits as written in the file", () => {
    const text = `{"units": {"u1": {"inputs": {"budget_spent": 0.1000000000000000055511151231257827, "dossiers_received": 9007199254740993}}}}`;
    const part = readJsonText(text, NUM);
    expect(part.diagnostics).toEqual([]);
    const inputs = part.byUnit.get("u1")?.inputs;
    expect(inputs?.get("budget_spent")?.value.toString()).toBe("0.1000000000000000055511151231257827");
    expect(inputs?.get("dossiers_received")?.value.toString()).toBe("9007199254740993");
  });

  it("exponents are expanded exactly; an absurd exponent is refused, never expanded", () => {
    const part = readJsonText(`{"units": {"u1": {"inputs": {"budget_spent": 1.5E+3, "dossiers_received": 1e999999999}}}}`, NUM);
    expect(part.byUnit.get("u1")?.inputs.get("budget_spent")?.value.toString()).toBe("1500");
    expect(part.diagnostics.map((d) => [d.code, d.input])).toEqual([["evidence-wrong-type", "dossiers_received"]]);
    expect(part.diagnostics[0]?.message).toContain("1e999999999");
  });

  it("points keep their digits too", () => {
    const part = readJsonText(`{"units": {"u1": {"points": {"1.1": {"self": 0.33333333333333333333, "appraised": 12345678901234567890}}}}}`, NUM);
    const p = part.byUnit.get("u1")?.points.get("1.1");
    expect(p?.self?.toString()).toBe("0.33333333333333333333");
    expect(p?.appraised?.toFixed()).toBe("12345678901234567890");
  });
});

describe("JSON evidence: depth", () => {
  it("a value nested 5,000 levels deep is a clear error, not a stack overflow", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const part = readJsonText(`{"units": {"u1": {"inputs": {"budget_spent": ${deep}}}}}`, NUM, { file: "deep.json" });
    expect(part.diagnostics.map((d) => [d.code, d.line])).toEqual([["evidence-json-too-deep", 1]]);
    expect(part.diagnostics[0]?.message).toContain("64 levels");
  });

  it("an already parsed deep value is refused by kind without walking it", () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(valueFromJson(deep, input("x", "text"))).toMatchObject({ ok: false, code: "evidence-wrong-type" });
    const part = readEvidenceJson({ units: { u1: { inputs: { budget_spent: deep } } } }, NUM);
    expect(part.diagnostics.map((d) => d.code)).toEqual(["evidence-wrong-type"]);
    expect(part.diagnostics[0]?.message).toContain(`"a list"`);
  });
});

describe("JSON evidence: syntax", () => {
  it("reports a syntax error at its line and column", () => {
    const part = readJsonText(`{\n  "units": {"u1": {"inputs": {"budget_spent": 1,}}}\n}`, WARD_SCHEMA, { file: "s.json" });
    expect(part.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["evidence-json-syntax", 2, 49]]);
  });
});

describe("many problems in one file", () => {
  it("125,000 bad rows: the first 200 are listed, the rest counted, and merging does not overflow the stack", () => {
    const rows = ["unit,input,value"];
    for (let i = 0; i < 125_000; i++) rows.push(`u${i},budget_spent,n/a`);
    const part = readEvidenceCsv(rows.join("\n"), NUM, { file: "big.csv" });
    expect(part.diagnostics).toHaveLength(201);
    const summary = part.diagnostics[200]!;
    expect(summary).toMatchObject({ code: "evidence-too-many-diagnostics", severity: "error", file: "big.csv" });
    expect(summary.params).toEqual({ limit: 200, omitted: 124_800, errors: 124_800 });
    expect(part.stats).toEqual({ rowsRead: 125_000, rowsUsed: 0, rowsRejected: 125_000 });
    // Several such parts merge without spreading their lists into push().
    const set = mergeEvidence([part, part, part]);
    expect(set.diagnostics).toHaveLength(603);
    expect(set.stats.rowsRead).toBe(375_000);
  });

  it("the cap can be lowered; only warnings beyond it give a warning summary", () => {
    const rows = ["code,name"];
    for (let i = 0; i < 10; i++) rows.push(`u${i},`);
    const part = readEvidenceCsv(rows.join("\n"), NUM, { file: "units.csv", maxDiagnostics: 3 });
    expect(part.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["evidence-missing-name", "warning"],
      ["evidence-missing-name", "warning"],
      ["evidence-missing-name", "warning"],
      ["evidence-too-many-diagnostics", "warning"],
    ]);
  });

  it("merging caps its own problems per file (conflicts between two big files)", () => {
    const a = ["unit,input,value"];
    const b = ["unit,input,value"];
    for (let i = 0; i < 1000; i++) {
      a.push(`u${i},budget_spent,1`);
      b.push(`u${i},budget_spent,2`);
    }
    const set = mergeEvidence([readEvidenceCsv(a.join("\n"), NUM, { file: "a.csv" }), readEvidenceCsv(b.join("\n"), NUM, { file: "b.csv" })]);
    expect(set.diagnostics).toHaveLength(201);
    expect(set.diagnostics[200]).toMatchObject({ code: "evidence-too-many-diagnostics", file: "b.csv", params: { omitted: 800 } });
    expect(set.stats).toEqual({ rowsRead: 2000, rowsUsed: 1000, rowsRejected: 1000 });
  });
});

describe("did you mean stays bounded", () => {
  it("10,000 unknown units against a 5,000-unit registry: hints for the first few, every unit still reported", () => {
    const registry = new Set(Array.from({ length: 5000 }, (_, i) => `phuong-${i}`));
    const rows = ["unit,input,value"];
    for (let i = 0; i < 10_000; i++) rows.push(`phuong-${i}x,budget_spent,1`);
    const part = readEvidenceCsv(rows.join("\n"), NUM, { file: "e.csv", registry, maxDiagnostics: 20_000 });
    const unknown = part.diagnostics.filter((d) => d.code === "evidence-unknown-unit");
    expect(unknown).toHaveLength(10_000);
    expect(unknown[0]?.message).toContain(`Did you mean "phuong-0"?`);
    // The work is bounded by the number of hints computed (20 × 5,000 distances, not 10,000 × 5,000).
    expect(unknown.filter((d) => d.params["suggestion"] !== undefined)).toHaveLength(20);
  });
});

describe("long lines and cells", () => {
  const push = (text: string, chunk: number, options: Parameters<typeof createEvidenceReader>[1] = {}) => {
    const reader = createEvidenceReader(NUM, { file: "long.csv", ...options });
    for (let i = 0; i < text.length; i += chunk) reader.push(text.slice(i, i + chunk));
    return reader.end();
  };

  it("a 3 MB line streamed in chunks is reported at its line and skipped; the next rows are read", () => {
    const text = `unit,input,value\nu1,budget_spent,1\nu2,budget_spent,${"9".repeat(3_000_000)}\nu3,budget_spent,3\n`;
    const part = push(text, 65_536);
    expect(part.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["evidence-line-too-long", 3, 1]]);
    expect(part.diagnostics[0]?.params).toMatchObject({ limit: 1 << 20 });
    expect([...part.byUnit.keys()]).toEqual(["u1", "u3"]);
    expect(part.stats).toEqual({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
  });

  it("a quote never closed cannot swallow the file: the line is cut at the limit", () => {
    const body = Array.from({ length: 2000 }, (_, i) => `u${i},budget_spent,${i}`).join("\n");
    const text = `unit,input,value\nu0,budget_spent,"never closed\n${body}\n`;
    const part = push(text, 100, { maxLineLength: 1000 });
    const codes = part.diagnostics.map((d) => [d.code, d.line]);
    expect(codes[0]).toEqual(["evidence-line-too-long", 2]);
    // Reading resumes after the skipped text; every row read is used or rejected.
    expect(part.byUnit.size).toBeGreaterThan(1900);
    expect(part.stats.rowsRead).toBe(part.stats.rowsUsed + part.stats.rowsRejected);
  });

  it("the same text read at once or in chunks of any size gives the same result", () => {
    const text = `unit,input,value\nu1,budget_spent,${"1".repeat(5000)}\nu2,budget_spent,2\n`;
    const whole = readEvidenceCsv(text, NUM, { file: "long.csv", maxLineLength: 1000 });
    for (const chunk of [1, 7, 999, 4096]) {
      const part = push(text, chunk, { maxLineLength: 1000 });
      expect(part.diagnostics.map((d) => [d.code, d.line])).toEqual(whole.diagnostics.map((d) => [d.code, d.line]));
      expect(part.stats).toEqual(whole.stats);
    }
    expect(whole.diagnostics.map((d) => [d.code, d.line])).toEqual([["evidence-line-too-long", 2]]);
  });

  it("an endless header line is reported, not buffered", () => {
    const part = push("unit," + "x".repeat(3_000_000), 65_536);
    expect(part.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["evidence-line-too-long", 1, 1]]);
  });

  it("a cell longer than 64 KiB rejects its row, with the column", () => {
    const text = `unit,input,value\nu1,budget_spent,1\nu2,budget_spent,"${"x".repeat(70_000)}"\n`;
    const part = readEvidenceCsv(text, NUM, { file: "cell.csv" });
    expect(part.diagnostics.map((d) => [d.code, d.line, d.column, d.unit])).toEqual([["evidence-cell-too-long", 3, 3, "u2"]]);
    expect(part.stats).toEqual({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
  });
});
