import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Sha256, sha256 } from "../../src/core/sha256.js";

describe("sha256 (pure)", () => {
  it("matches the FIPS 180-4 test vectors", () => {
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("hashes Vietnamese text as UTF-8", () => {
    const text = "Chỉ số cải cách hành chính";
    expect(sha256(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it("agrees with node:crypto on any bytes, however they are split into chunks", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 5 }), (bytes, cuts) => {
        const expected = createHash("sha256").update(bytes).digest("hex");
        const h = new Sha256();
        let at = 0;
        for (const c of [...cuts].sort((a, b) => a - b)) {
          const end = Math.min(c, bytes.length);
          if (end < at) continue;
          h.update(bytes.subarray(at, end));
          at = end;
        }
        h.update(bytes.subarray(at));
        return h.hex() === expected && sha256(bytes) === expected;
      }),
    );
  });
});
