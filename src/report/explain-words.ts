/**
 * An explanation (why a leaf got its points) in words, in Vietnamese or English:
 * the rule, the values read and the band or branch that applied. The engine writes
 * branches in a compact English notation (`above 0.9 → 2`); this module words them
 * for people and writes numbers and dates per the locale. Names of inputs, quoted
 * choices and ids stay as written.
 */
import type { Lang } from "../diagnostics/define.js";
import { isDecimal } from "../core/decimal.js";
import { formatValue, type Value } from "../core/value.js";
import type { Explanation } from "../engine/result.js";
import type { Locale } from "../evidence/locale.js";
import { localeDatesIn, localeNumbersIn } from "./format.js";

const RULES: Record<Lang, Record<string, string>> = {
  en: {
    boolean: "yes/no",
    bands: "bands",
    ratio: "proportional",
    deadline: "deadline",
    choice: "choice",
    deduct: "deduction",
    manual: "scored by the council",
    expr: "formula",
  },
  vi: {
    boolean: "có/không",
    bands: "theo khoảng",
    ratio: "tỷ lệ thuận",
    deadline: "theo thời hạn",
    choice: "theo lựa chọn",
    deduct: "trừ điểm",
    manual: "Hội đồng thẩm định chấm",
    expr: "theo công thức",
  },
};

/** The name of a rule kind in words. */
export function ruleName(kind: string, lang: Lang): string {
  return RULES[lang][kind] ?? kind;
}

/** Ordered replacements of the engine's branch notation by Vietnamese words (outside quoted text). */
const VI_BRANCH: ReadonlyArray<readonly [RegExp, string]> = [
  [/^manual: no points-table entry → 0$/, "chưa có điểm trong bảng điểm → 0"],
  [/^manual: self (\S+) \(no appraised\)( clamped)? → (\S+)$/, "tự chấm $1 (chưa có điểm thẩm định)$2 → $3"],
  [/^manual: appraised (\S+) \(self (\S+)\)( clamped)? → (\S+)$/, "thẩm định $1 (tự chấm $2)$3 → $4"],
  [/^manual: appraised (\S+)( clamped)? → (\S+)$/, "thẩm định $1$2 → $3"],
  [/^no band matched → 0$/, "không thuộc khoảng nào → 0"],
  [/^after late_until (\S+) → 0$/, "sau thời hạn cuối $1 → 0"],
  [/^after (\S+), on or before (\S+) → (\S+)$/, "chậm hạn $1, trước hoặc đúng $2 → $3"],
  [/^on or before (\S+) → (\S+)$/, "đúng hạn (đến $1) → $2"],
  [/^after (\S+) → (\S+)$/, "sau hạn $1 → $2"],
  [/^missing → (\S+)$/, "không có số liệu → $1"],
  [/^penalty (\S+) × (\S+)(.*) → deducts (\S+)$/, "trừ $1 × $2$3 → trừ $4"],
  [/^ratio \((.*)\) ÷ \((.*)\) → (.*)$/, "tỷ lệ ($1) ÷ ($2) → $3"],
  [/^(\S+) clamped → (\S+)$/, "$1 vượt giới hạn → $2"],
  [/^not applicable \((.*)\), policy full → (\S+)$/, "không áp dụng ($1), được tính đủ điểm → $2"],
  [/^not applicable \((.*)\), policy zero → 0$/, "không áp dụng ($1), tính 0 điểm → 0"],
  [/^not applicable \((.*)\) → excluded$/, "không áp dụng ($1) → không tính vào điểm tối đa"],
];

const VI_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bapplies_if is false\b/g, "điều kiện áp dụng không thỏa mãn"],
  [/\bapplies_if: /g, "điều kiện áp dụng: "],
  [/\bdivision by zero\b/g, "chia cho 0"],
  [/\b([a-z_][\w.]*) is missing\b/g, "thiếu $1"],
  [/\bat_least\b/g, "từ"],
  [/\bat_most\b/g, "đến"],
  [/\babove\b/g, "trên"],
  [/\bbelow\b/g, "dưới"],
  [/\bequals\b/g, "bằng"],
  [/\band\b/g, "và"],
  [/\botherwise\b/g, "các trường hợp còn lại"],
  [/\btrue\b/g, "có"],
  [/\bfalse\b/g, "không"],
  [/\(at most max − floor = /g, "(tối đa bằng điểm tối đa − mức sàn = "],
  [/\(not below 0\)/g, "(không dưới 0)"],
  [/\(floor /g, "(mức sàn "],
  [/\(at most max\)/g, "(không quá điểm tối đa)"],
];

/** Words outside double-quoted text replaced; quoted text (choices, input text) kept as written. */
function outsideQuotes(text: string, f: (s: string) => string): string {
  return text
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join("");
}

/** A branch (`above 0.9 → 2`) in words: Vietnamese wording, numbers and dates per `locale`. */
export function branchWords(branch: string, lang: Lang, locale: Locale): string {
  let text = branch;
  if (lang === "vi") {
    const whole = VI_BRANCH.find(([re]) => re.test(text));
    if (whole) text = text.replace(whole[0], whole[1]);
    text = outsideQuotes(text, (s) => VI_WORDS.reduce((acc, [re, to]) => acc.replace(re, to), s));
  }
  return outsideQuotes(text, (s) => localeDatesIn(localeNumbersIn(s, locale), locale));
}

/** A value read, for people: long quotients to 6 places with ≈; numbers and dates per `locale`. */
export function valueWords(value: Value, locale: Locale, lang: Lang = "en"): string {
  if (typeof value === "boolean" && lang === "vi") return `= ${value ? "có" : "không"}`;
  if (isDecimal(value) && value.decimalPlaces() > 6) return `≈ ${localeNumbersIn(value.toDecimalPlaces(6).toFixed(), locale)}`;
  const text = formatValue(value);
  return `= ${typeof value === "string" ? text : localeDatesIn(localeNumbersIn(text, locale), locale)}`;
}

/** An explanation as short lines: the rule (and its expression), each value read, then the branch. */
export function explanationWords(e: Explanation, lang: Lang, locale: Locale): { rule: string; values: string[]; branch: string } {
  const via = lang === "vi" ? "qua" : "via";
  return {
    rule: `${ruleName(e.rule, lang)}${e.source !== undefined ? `: ${e.source}` : ""}`,
    values: e.values.map((v) => `${v.name} ${valueWords(v.value, locale, lang)}${v.via !== undefined ? ` (${via} ${v.via})` : ""}`),
    branch: branchWords(e.branch, lang, locale),
  };
}
