import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../src/core/sha256.js";
import { appendAppraisal, applyAppraisals, GENESIS, logHead, readAppraisalLog, type AppraisalEvent } from "../../src/evidence/appraisal-log.js";
import { readEvidenceCsv } from "../../src/evidence/reader.js";
import { evidenceSchemaOf } from "../../src/evidence/schema.js";
import { mergeEvidence } from "../../src/evidence/merge.js";
import { loadFrameworkFile } from "../../src/node/framework.js";
import type { CompiledFramework } from "../../src/framework/ir.js";

const LOG = readFileSync("fixtures/trust/appraisals.jsonl", "utf8");
const LINES = LOG.trimEnd().split("\n");

function framework(): CompiledFramework {
  const r = loadFrameworkFile("fixtures/trust/xa-2025.yaml");
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.framework;
}

function evidence(fw: CompiledFramework) {
  const schema = evidenceSchemaOf(fw);
  const units = readEvidenceCsv(readFileSync("fixtures/trust/units.csv"), schema, { file: "units.csv", locale: "vi" });
  const points = readEvidenceCsv(readFileSync("fixtures/trust/points.csv"), schema, { file: "points.csv", locale: "vi", registry: units.registry! });
  return mergeEvidence([units, points], units.registry);
}

const codes = (text: string) => readAppraisalLog(text, { file: "log.jsonl" }).diagnostics.map((d) => [d.code, d.line]);

describe("appraisal log: the hash chain", () => {
  it("reads the fixture log whole: 5 events, each line chained to the one before", () => {
    const log = readAppraisalLog(LOG);
    expect(log.intact).toBe(true);
    expect(log.diagnostics).toEqual([]);
    expect(log.events.map((e) => [e.line, e.unit, e.criterion, e.field, e.from, e.to])).toEqual([
      [1, "ngoc-ha", "2.1", "appraised", null, 1.5],
      [2, "giang-vo", "1.1", "self", 1, 0.5],
      [3, "ba-dinh", "1.2", "appraised", 1.5, 1.75],
      [4, "ba-dinh", "1.2", "appraised", 1.75, 2],
      [5, "cua-nam", "1.3", "appraised", 0.5, 1],
    ]);
    expect(log.events[0]!.prev).toBe(GENESIS);
    expect(log.events[1]!.prev).toBe(sha256(LINES[0]!));
    expect(log.head).toBe(sha256(LINES[4]!));
    expect(logHead(LOG)).toBe(log.head);
  });

  it("appendAppraisal is pure: it returns the next line, chained to the last one", () => {
    const event: AppraisalEvent = { at: "2025-11-25", by: "Hội đồng thẩm định", unit: "ngoc-ha", criterion: "1.1", field: "appraised", from: 0.5, to: 1, why: "Bổ sung kế hoạch" };
    const line = appendAppraisal(LOG, event);
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toMatchObject({ ...event, prev: sha256(LINES[4]!) });
    expect(readAppraisalLog(LOG + line + "\n").intact).toBe(true);
    expect(appendAppraisal(LOG, event)).toBe(line);
    expect(JSON.parse(appendAppraisal("", event)).prev).toBe(GENESIS);
  });

  it("refuses to write an event by nobody, or with a field other than self/appraised", () => {
    const event: AppraisalEvent = { at: "2025-11-25", by: "  ", unit: "ngoc-ha", criterion: "1.1", field: "appraised", from: 0.5, to: 1, why: "x" };
    expect(() => appendAppraisal("", event)).toThrow(/by is empty/);
    expect(() => appendAppraisal("", { ...event, by: "A", field: "points" as never })).toThrow(/field/);
  });

  it("names an edited line at its line (a score changed by hand)", () => {
    const edited = [...LINES];
    edited[2] = edited[2]!.replace('"to":1.75', '"to":2');
    expect(codes(edited.join("\n"))).toEqual([["appraisal-log-edited", 3]]);
  });

  it("names a removed line at the line that follows the gap", () => {
    const removed = LINES.filter((_, i) => i !== 2);
    expect(codes(removed.join("\n"))).toEqual([["appraisal-log-removed", 3]]);
    // The first line removed: the new first line does not start the chain.
    expect(codes(LINES.slice(1).join("\n"))).toEqual([["appraisal-log-removed", 1]]);
  });

  it("names reordered lines, first at the line moved up", () => {
    const swapped = [LINES[0], LINES[1], LINES[3], LINES[2], LINES[4]];
    const found = codes(swapped.join("\n"));
    expect(found[0]).toEqual(["appraisal-log-reordered", 3]);
    expect(found.every(([code]) => code === "appraisal-log-reordered")).toBe(true);
    const d = readAppraisalLog(swapped.join("\n")).diagnostics[0]!;
    expect(d.message).toContain("line 3 was written after line 4");
  });

  it("a line that is not JSON is an error at its line, and nothing of the log is applied", () => {
    const broken = [...LINES];
    broken[1] = broken[1]!.slice(0, 40);
    const log = readAppraisalLog(broken.join("\n"), { file: "log.jsonl" });
    expect(log.diagnostics.map((d) => [d.code, d.line, d.file])).toEqual([["appraisal-log-json", 2, "log.jsonl"]]);
    expect(log.intact).toBe(false);
    const fw = framework();
    const applied = applyAppraisals(evidence(fw), fw, log);
    expect(applied.applied).toEqual([]);
  });

  it("blank lines and CRLF line ends are accepted; line numbers count every line", () => {
    const text = LINES[0] + "\r\n\r\n" + LINES[1] + "\r\n";
    const log = readAppraisalLog(text);
    expect(log.intact).toBe(true);
    expect(log.events.map((e) => e.line)).toEqual([1, 3]);
  });

  it("any single line removed, swapped with the next or edited is detected at its line", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LINES.length - 1 }), fc.constantFrom("remove", "swap", "edit"), (i, how) => {
        const lines = [...LINES];
        let expected: [string, number];
        if (how === "remove") {
          if (i === lines.length - 1) return true; // cutting the tail is what the manifest's hash catches
          lines.splice(i, 1);
          expected = ["appraisal-log-removed", i + 1];
        } else if (how === "swap") {
          if (i === lines.length - 1) return true;
          [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
          expected = ["appraisal-log-reordered", i + 1];
        } else {
          lines[i] = lines[i]!.replace('"why":"', '"why":"(sửa) ');
          expected = ["appraisal-log-edited", i + 1];
        }
        const found = codes(lines.join("\n"));
        return found.length > 0 && found[0]![0] === expected[0] && found[0]![1] === expected[1];
      }),
    );
  });
});

describe("appraisal log: events onto the points table", () => {
  it("applies the events in order and remembers the last change of each score", () => {
    const fw = framework();
    const ev = evidence(fw);
    const applied = applyAppraisals(ev, fw, readAppraisalLog(LOG, { file: "log.jsonl" }), { file: "log.jsonl" });
    expect(applied.diagnostics).toEqual([]);
    expect(applied.applied).toHaveLength(5);
    expect(applied.evidence.byUnit.get("ba-dinh")!.points.get("1.2")!.appraised!.toString()).toBe("2");
    expect(applied.evidence.byUnit.get("giang-vo")!.points.get("1.1")!.self!.toString()).toBe("0.5");
    expect(applied.evidence.byUnit.get("ngoc-ha")!.points.get("2.1")!.appraised!.toString()).toBe("1.5");
    expect(applied.changes.get("ba-dinh")!.get("1.2")).toMatchObject({ line: 4, by: "Hội đồng thẩm định Chỉ số CCHC", from: 1.75, to: 2 });
    // The input set is not changed.
    expect(ev.byUnit.get("ba-dinh")!.points.get("1.2")!.appraised!.toString()).toBe("1.5");
  });

  it("an event whose from is not the current value is a lost update, at its line, and is not applied", () => {
    const fw = framework();
    const lost = appendAppraisal(LOG, { at: "2025-11-25", by: "Chuyên viên A", unit: "ba-dinh", criterion: "1.2", field: "appraised", from: 1.5, to: 1, why: "Sửa theo bản cũ" });
    const applied = applyAppraisals(evidence(fw), fw, readAppraisalLog(LOG + lost + "\n", { file: "log.jsonl" }), { file: "log.jsonl" });
    expect(applied.diagnostics.map((d) => [d.code, d.line, d.unit, d.criterion])).toEqual([["appraisal-lost-update", 6, "ba-dinh", "1.2"]]);
    expect(applied.diagnostics[0]!.message).toContain("set by Hội đồng thẩm định Chỉ số CCHC at line 4");
    expect(applied.evidence.byUnit.get("ba-dinh")!.points.get("1.2")!.appraised!.toString()).toBe("2");
  });

  it("an event for a criterion that is not manual, or for an unknown unit or criterion, is an error at its line", () => {
    const fw = framework();
    let log = "";
    const base = { at: "2025-11-25", by: "Hội đồng", field: "appraised" as const, from: null, to: 1, why: "thử" };
    log += appendAppraisal(log, { ...base, unit: "ba-dinh", criterion: "2.2" }) + "\n";
    log += appendAppraisal(log, { ...base, unit: "ba-dinh-cu", criterion: "1.1" }) + "\n";
    log += appendAppraisal(log, { ...base, unit: "ba-dinh", criterion: "9.9" }) + "\n";
    const applied = applyAppraisals(evidence(fw), fw, readAppraisalLog(log, { file: "log.jsonl" }), { file: "log.jsonl" });
    expect(applied.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["appraisal-not-manual", 1],
      ["evidence-unknown-unit", 2],
      ["evidence-unknown-criterion", 3],
    ]);
    expect(applied.applied).toEqual([]);
  });

  it("an event by an empty `by`, or with an unknown key, is an error at its line and not applied", () => {
    const good = appendAppraisal("", { at: "2025-11-25", by: "Hội đồng", unit: "ba-dinh", criterion: "1.1", field: "appraised", from: 1, to: 0.5, why: "thử" });
    // Written by hand with a valid chain but an empty "by" and an extra key.
    const body = JSON.stringify({ at: "2025-11-25", by: "", unit: "ba-dinh", criterion: "1.1", field: "appraised", from: 1, to: 0.5, why: "thử", prev: GENESIS });
    const bad = `${body.slice(0, -1)},"sha256":"${sha256(body)}"}`;
    const withKey = JSON.stringify({ at: "2025-11-25", by: "A", unit: "ba-dinh", criterion: "1.1", field: "appraised", from: 1, to: 0.5, why: "x", score: 3, prev: sha256(bad) });
    const extra = `${withKey.slice(0, -1)},"sha256":"${sha256(withKey)}"}`;
    const log = readAppraisalLog(`${bad}\n${extra}\n`);
    expect(log.intact).toBe(true);
    expect(log.diagnostics.map((d) => [d.code, d.line, d.params["field"]])).toEqual([
      ["appraisal-log-field", 1, "by"],
      ["appraisal-log-field", 2, "score"],
    ]);
    expect(log.events).toEqual([]);
    expect(readAppraisalLog(good).events).toHaveLength(1);
  });
});
