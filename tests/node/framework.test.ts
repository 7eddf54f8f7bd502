/**
 * loadFrameworkFile and `extends`: overlays confined to a root folder, bases that are
 * not frameworks named (never quoted), devices and oversized files refused.
 */
import { mkdirSync, mkdtempSync, writeFileSync, symlinkSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFrameworkFile } from "../../src/node/framework.js";
import { formatDiagnostic } from "../../src/diagnostics/index.js";
import { cli } from "../cli/helpers.js";

const dir = mkdtempSync(join(tmpdir(), "par-extends-"));
afterAll(() => void 0);

const BASE = `format: par-index/v1
id: base
year: 2024
source: "test"
criteria:
  - { id: "1", max: 1, rule: { manual: {} } }
`;
const overlay = (ref: string) => `format: par-index/v1\nextends: ${JSON.stringify(ref)}\nid: child\n`;
const SECRET = "db_password: hunter2-secret-value\napi_key: sk-top-secret\n";

mkdirSync(join(dir, "sub"));
writeFileSync(join(dir, "base.yaml"), BASE);
writeFileSync(join(dir, "secret.yaml"), SECRET);
writeFileSync(join(dir, "empty.yaml"), "");
writeFileSync(join(dir, "scalar.yaml"), "just some text\n");
writeFileSync(join(dir, "list.yaml"), "- format: par-index/v1\n- b\n");
writeFileSync(join(dir, "sub", "base.yaml"), BASE);
writeFileSync(join(dir, "sub", "up.yaml"), overlay("../base.yaml"));
writeFileSync(join(dir, "sub", "local.yaml"), overlay("./base.yaml"));
writeFileSync(join(dir, "sub", "secret.yaml"), overlay("../secret.yaml"));
writeFileSync(join(dir, "sub", "passwd.yaml"), overlay("/etc/passwd"));
writeFileSync(join(dir, "sub", "zero.yaml"), overlay("/dev/zero"));
for (const name of ["empty", "scalar", "list"]) writeFileSync(join(dir, `to-${name}.yaml`), overlay(`./${name}.yaml`));
writeFileSync(join(dir, "to-secret.yaml"), overlay("./secret.yaml"));
const link = join(dir, "sub", "link.yaml");
if (!existsSync(link)) symlinkSync(join(dir, "base.yaml"), link);
writeFileSync(join(dir, "sub", "via-link.yaml"), overlay("./link.yaml"));

const codes = (r: { diagnostics: readonly { code: string }[] }) => r.diagnostics.map((d) => d.code);
const text = (r: { diagnostics: readonly Parameters<typeof formatDiagnostic>[0][] }) => r.diagnostics.map((d) => formatDiagnostic(d)).join("\n");

describe("extends confined to a root folder", () => {
  const root = join(dir, "sub");
  it("a base inside the root is followed", () => {
    const r = loadFrameworkFile(join(root, "local.yaml"), { root });
    expect(r.ok).toBe(true);
  });
  it("a base above the root, an absolute path and a link leading out are refused at the extends line", () => {
    for (const f of ["up.yaml", "passwd.yaml", "via-link.yaml", "secret.yaml"]) {
      const r = loadFrameworkFile(join(root, f), { root });
      expect(codes(r)).toEqual(["extends-refused"]);
      expect(r.diagnostics[0]).toMatchObject({ file: join(root, f), line: 2, column: 10 });
      expect(text(r)).not.toMatch(/hunter2|root:x:0/);
    }
  });
  it("without a root, the library follows any readable path (documented)", () => {
    expect(loadFrameworkFile(join(root, "up.yaml")).ok).toBe(true);
  });
  it("the CLI confines extends to the framework's own folder", async () => {
    const r = await cli("validate", join(root, "up.yaml"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("extends-refused");
    expect((await cli("validate", join(root, "local.yaml"))).code).toBe(0);
  });
});

describe("a base that is not a framework", () => {
  it("/etc/passwd, a secrets file, an empty file, a scalar and a list: extends-not-a-framework, nothing quoted", () => {
    const files = [join(dir, "sub", "passwd.yaml"), join(dir, "to-secret.yaml"), join(dir, "to-empty.yaml"), join(dir, "to-scalar.yaml"), join(dir, "to-list.yaml")];
    for (const f of files) {
      const r = loadFrameworkFile(f);
      expect(r.ok).toBe(false);
      expect(codes(r)).toEqual(["extends-not-a-framework"]);
      expect(text(r)).not.toMatch(/hunter2|sk-top-secret|db_password|root:x:0|just some text/);
    }
  });
});

describe("non-regular files", () => {
  it("extends: /dev/zero is refused without reading it", () => {
    const r = loadFrameworkFile(join(dir, "sub", "zero.yaml"));
    expect(codes(r)).toEqual(["extends-refused"]);
    expect(r.diagnostics[0]!.message).toContain("character device");
  });
  it("--framework /dev/zero and a folder are refused (file-unreadable)", () => {
    expect(codes(loadFrameworkFile("/dev/zero"))).toEqual(["file-unreadable"]);
    expect(codes(loadFrameworkFile(dir))).toEqual(["file-unreadable"]);
  });
  it("a framework over 1 MiB is refused while reading (file-too-large)", () => {
    const big = join(dir, "big.yaml");
    writeFileSync(big, BASE + `notes: "${"x".repeat(1024 * 1024)}"\n`);
    expect(codes(loadFrameworkFile(big))).toEqual(["file-too-large"]);
  });
});
