import { describe, expect, it } from "vitest";
import {
  CATALOGUE,
  diag,
  formatDiagnostic,
  isLang,
  localizeDiagnostic,
  localizeDiagnostics,
  messageOf,
  suggestion,
} from "../../src/diagnostics/index.js";
import { viPhrase } from "../../src/diagnostics/vi.js";
import { uiStrings, UI } from "../../src/report/strings.js";

/** Params for any message: every key reads as a marker text, list-valued keys as lists. */
function anyParams(): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get: (_t, key) => (key === "values" || key === "allowed" ? ["a", "b"] : key === "locale" ? "vi" : `«${String(key)}»`),
    },
  );
}

const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const ENGLISH_WORDS = /\b(the|is|are|has|with|which|must|Add|Use|Write|Check|Remove|Correct)\b/;

describe("the two-language catalogue", () => {
  const codes = Object.keys(CATALOGUE) as (keyof typeof CATALOGUE)[];

  it("words every code in Vietnamese and in English, with the same params", () => {
    for (const code of codes) {
      const en = messageOf(code, anyParams(), "en")!;
      const vi = messageOf(code, anyParams(), "vi")!;
      expect(en, code).toBeTruthy();
      // expr-type and expr-bad-argument are worded wholly by the expression checker (their params).
      if (!/[a-z]/i.test(en.replace(/«[a-zA-Z]+»/g, ""))) continue;
      expect(vi, code).not.toBe(en);
      expect(vi, `${code}: ${vi}`).toMatch(VIETNAMESE);
      expect(vi, `${code}: ${vi}`).not.toMatch(ENGLISH_WORDS);
      expect(vi, code).not.toContain("undefined");
      // Whatever an English message quotes from its params, the Vietnamese one quotes too.
      const quoted = (t: string) => new Set(t.match(/«[a-zA-Z]+»/g) ?? []);
      for (const marker of quoted(en)) {
        if (["«what»", "«kind»", "«expected»", "«type»", "«actual»", "«found»", "«reason»", "«hint»", "«first»"].includes(marker)) continue;
        expect(quoted(vi), `${code} quotes ${marker}`).toContain(marker);
      }
    }
  });

  it("keeps code, params and position when a diagnostic is worded in another language", () => {
    const d = diag("evidence-unknown-unit", { unit: "dong-daa", suggestion: "dong-da" }, { file: "e.csv", line: 3, column: 1, unit: "dong-daa" });
    expect(d.message).toContain('Did you mean "dong-da"?');
    const vi = localizeDiagnostic(d, "vi");
    expect(vi).toMatchObject({ code: d.code, params: d.params, file: "e.csv", line: 3, column: 1, unit: "dong-daa", severity: "error" });
    expect(vi.message).toBe('đơn vị "dong-daa" không có trong danh mục đơn vị. Có phải là "dong-da"? Sửa mã đơn vị hoặc bổ sung đơn vị vào danh mục.');
    expect(localizeDiagnostic(vi, "en").message).toBe(d.message);
    expect(Object.isFrozen(vi)).toBe(true);
    expect(localizeDiagnostics([d, d], "vi").map((x) => x.message)).toEqual([vi.message, vi.message]);
  });

  it("formats a line with the message and its subject in the language asked, severity and code unchanged", () => {
    const d = diag("self-used", { unit: "ba-dinh", criterion: "2.1", self: "1.5" }, { unit: "ba-dinh", criterion: "2.1" });
    expect(formatDiagnostic(d)).toMatch(/^warning self-used: criterion "2.1" of unit "ba-dinh" has no appraised score/);
    expect(formatDiagnostic(d, "vi")).toBe(
      'warning self-used: tiêu chí "2.1" của đơn vị "ba-dinh" chưa có điểm thẩm định; tạm dùng điểm tự chấm 1.5. ' +
        'Bổ sung điểm của Hội đồng thẩm định vào cột "appraised" của bảng điểm. [đơn vị ba-dinh, tiêu chí 2.1]',
    );
    const bare = diag("missing-points", { unit: "x", criterion: "1.1" }, { file: "p.csv", line: 4, column: 2, input: "ty_le" });
    expect(formatDiagnostic(bare, "vi")).toContain("[số liệu ty_le]");
    expect(formatDiagnostic(bare, "en")).toContain("[input ty_le]");
  });

  it("leaves a code it does not know as it is", () => {
    const foreign = Object.freeze({ severity: "warning" as const, code: "from-a-newer-version", message: "kept", params: {} });
    expect(messageOf("from-a-newer-version", {}, "vi")).toBeUndefined();
    expect(localizeDiagnostic(foreign, "vi")).toBe(foreign);
  });

  it("words did-you-mean hints and the phrases built by the checks", () => {
    expect(suggestion("titl", ["title", "max"])).toBe(' Did you mean "title"?');
    expect(suggestion("titl", ["title", "max"], "vi")).toBe(' Có phải là "title"?');
    expect(viPhrase(' Did you mean "group_a"?')).toBe(' Có phải là "group_a"?');
    expect(viPhrase("a whole number")).toBe("một số nguyên");
    expect(viPhrase("unit registry or points table")).toBe("danh mục đơn vị hoặc bảng điểm");
    expect(viPhrase("a decimal number such as 1234,5 or 1.234,5")).toBe("một số thập phân như 1234,5 hoặc 1.234,5");
    expect(viPhrase("something new")).toBe("something new");
    expect(viPhrase(undefined)).toBe("");
  });

  it("recognises the two languages only", () => {
    expect(["vi", "en", "fr", "VI", undefined].map(isLang)).toEqual([true, true, false, false, false]);
  });
});

describe("the interface strings", () => {
  it("have the same keys in both languages and differ where a word differs", () => {
    expect(Object.keys(UI.vi).sort()).toEqual(Object.keys(UI.en).sort());
    expect(uiStrings("vi").rank).toBe("Xếp hạng");
    expect(uiStrings("en").rank).toBe("Rank");
    expect(uiStrings("vi").unitsCount(30)).toBe("30 đơn vị");
    expect(uiStrings("en").unitsCount(1)).toBe("1 unit");
  });
});
