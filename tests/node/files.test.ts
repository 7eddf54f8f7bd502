/**
 * The file loaders never read a device, a pipe or a folder, and count the bytes they
 * read: `--evidence /dev/zero` used to read until memory ran out.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvidence, readEvidenceFile, readUnitsFile } from "../../src/node/evidence.js";
import { loadSurveyFile, readRatingsFile, readResponsesFile } from "../../src/node/survey.js";
import { input, schemaOf } from "../evidence/helpers.js";
import { BASE, compiled } from "../survey/helpers.js";

const dir = mkdtempSync(join(tmpdir(), "par-files-"));
const SCHEMA = schemaOf([input("budget_spent", "number", {}, 0)]);
const fifo = join(dir, "pipe");
execFileSync("mkfifo", [fifo]);

describe("evidence files", () => {
  for (const path of ["/dev/zero", "/dev/urandom", fifo, dir]) {
    it(`${path} is refused before reading (evidence-not-a-file)`, async () => {
      const part = await readEvidenceFile(path, SCHEMA);
      expect(part.diagnostics.map((d) => [d.code, d.file])).toEqual([["evidence-not-a-file", path]]);
      expect(part.stats.rowsRead).toBe(0);
    });
  }

  it("a units file that is a device is refused too, and loading goes on", async () => {
    const evidence = join(dir, "e.csv");
    writeFileSync(evidence, "unit,budget_spent\nu1,5\n");
    const set = await loadEvidence({ units: "/dev/zero", evidence: [evidence] }, SCHEMA);
    expect(set.diagnostics.map((d) => d.code)).toEqual(["evidence-not-a-file"]);
    expect(set.units.map((u) => u.code)).toEqual(["u1"]);
    const units = await readUnitsFile("/dev/zero");
    expect(units.diagnostics[0]?.message).toContain("character device");
  });

  it("a JSON file read in small chunks gives the text a whole decode gives: byte-order mark dropped, characters split across chunks, a bad byte as U+FFFD", async () => {
    const path = join(dir, "chia-nho.json");
    const text = '{"units": {"phường-phúc-diễn": {"inputs": {"budget_spent": 99.33}}, "xã-\u0111an-phượng": {"inputs": {"budget_spent": 397857}}}}';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    writeFileSync(path, bytes);
    for (const chunkSize of [1, 2, 3, 5, 7, 1 << 20]) {
      const part = await readEvidenceFile(path, SCHEMA, { chunkSize });
      expect(part.diagnostics).toEqual([]);
      expect([...part.byUnit.keys()]).toEqual(["phường-phúc-diễn", "xã-đan-phượng"]);
      expect(part.byUnit.get("phường-phúc-diễn")!.inputs.get("budget_spent")!.value.toString()).toBe("99.33");
    }
    const bad = join(dir, "byte-hong.json");
    writeFileSync(bad, Buffer.concat([Buffer.from('{"units": {"u'), Buffer.from([0xff]), Buffer.from('": {"inputs": {"budget_spent": 1}}}}')]));
    const part = await readEvidenceFile(bad, SCHEMA, { chunkSize: 3 });
    expect([...part.byUnit.keys()]).toEqual(["u\uFFFD"]);
  });

  it("the byte limit is counted while reading: CSV and JSON each have their own", async () => {
    const csv = join(dir, "big.csv");
    writeFileSync(csv, "unit,budget_spent\n" + "u1,5\n".repeat(1000));
    const json = join(dir, "big.json");
    writeFileSync(json, JSON.stringify({ units: { u1: { inputs: { budget_spent: "x".repeat(5000) } } } }));
    expect((await readEvidenceFile(csv, SCHEMA, { maxCsvBytes: 1000, chunkSize: 256 })).diagnostics.map((d) => d.code)).toEqual([
      "evidence-file-too-large",
    ]);
    expect((await readEvidenceFile(csv, SCHEMA, { maxCsvBytes: 10_000 })).stats.rowsRead).toBe(1000);
    const tooBig = await readEvidenceFile(json, SCHEMA, { maxJsonBytes: 1000 });
    expect(tooBig.diagnostics.map((d) => [d.code, d.params["limit"]])).toEqual([["evidence-file-too-large", 1000]]);
  });

  it("a missing file is still evidence-unreadable", async () => {
    const part = await readEvidenceFile(join(dir, "none.csv"), SCHEMA);
    expect(part.diagnostics.map((d) => d.code)).toEqual(["evidence-unreadable"]);
  });
});

describe("survey files", () => {
  const survey = compiled(BASE);

  it("a survey definition, responses or ratings file that is a device is one clear problem", async () => {
    const def = await loadSurveyFile("/dev/zero");
    expect(def.ok).toBe(false);
    expect(def.diagnostics.map((d) => d.code)).toEqual(["survey-file-read"]);
    expect(def.diagnostics[0]?.message).toContain("not a regular file");
    const responses = await readResponsesFile("/dev/zero", survey);
    expect(responses.diagnostics.map((d) => d.code)).toEqual(["survey-file-read"]);
    const fromPipe = await readResponsesFile(fifo, survey);
    expect(fromPipe.diagnostics[0]?.message).toContain("pipe");
    const ratings = await readRatingsFile("/dev/urandom", survey);
    expect(ratings.diagnostics.map((d) => d.code)).toEqual(["survey-file-read"]);
  });

  it("a responses file over its byte limit is refused while reading", async () => {
    const path = join(dir, "r.csv");
    writeFileSync(path, "respondent,unit,i1,i2,i3\n" + "1,u1,5,5,5\n".repeat(500));
    const r = await readResponsesFile(path, survey, { maxBytes: 1000 });
    expect(r.diagnostics.map((d) => d.code)).toContain("survey-file-read");
    expect(r.diagnostics.at(-1)?.message).toContain("larger than 1000 bytes");
  });

  it("a responses line over the limit is reported and skipped; the rows after it are read", async () => {
    const path = join(dir, "long.csv");
    writeFileSync(path, `respondent,unit,i1,i2,i3\n1,u1,5,5,5\n2,u1,"${"x".repeat(3_000_000)}\n3,u1,4,4,4\n`);
    const r = await readResponsesFile(path, survey);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([["survey-line-too-long", 3]]);
    expect(r.stats).toMatchObject({ rows: 3, rowsUsed: 2, rowsRejected: 1 });
  });
});
