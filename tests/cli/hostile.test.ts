/** The CLI on hostile files: a device as evidence, formulas in unit names, escapes on stderr. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const D = "fixtures/hanoi/districts";
const FW = ["--framework", "frameworks/hanoi-district-2023.yaml"];
const dir = mkdtempSync(join(tmpdir(), "par-cli-hostile-"));

describe("score on hostile files", () => {
  it("--evidence /dev/zero is one clear problem, at once", async () => {
    const r = await cli("score", ...FW, "--units", `${D}/units.csv`, "--evidence", "/dev/zero", "--lang", "en", "--format", "csv");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\/dev\/zero: error evidence-not-a-file: this is a character device, not a regular file/m);
    const vi = await cli("score", ...FW, "--units", `${D}/units.csv`, "--evidence", "/dev/zero", "--format", "csv");
    expect(vi.stderr).toContain("thiết bị ký tự");
  });

  it("unit names that are formulas are written as text in CSV; escapes never reach stderr", async () => {
    const units = join(dir, "units.csv");
    writeFileSync(units, `code,name\n=1+1,"=HYPERLINK(""http://x"",""a"")"\n@x,+cmd|' /C calc'!A0\n`);
    const evidence = join(dir, "e.csv");
    writeFileSync(evidence, `unit,no_such_input\n"\u001b[2J=1+1",5\n`);
    const r = await cli("score", ...FW, "--units", units, "--evidence", evidence, "--lang", "en", "--format", "csv");
    const lines = r.stdout.trimEnd().split(/\r\n/);
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d+,(?:'=1\+1,"'=HYPERLINK|'@x,'\+cmd)/);
    expect(r.stderr).not.toContain("\u001b");
    expect(r.stderr).toContain("\\u001b[2J=1+1");
    for (const line of r.stderr.trimEnd().split("\n")) expect(line).toMatch(/^(\S.*: )?(error|warning|info) [a-z-]+: /);
  });
});
