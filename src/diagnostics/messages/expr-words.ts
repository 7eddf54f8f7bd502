/**
 * The words of the expression diagnostics, per language. The parser and checker pass
 * data (what was expected, which problem, which fix, as codes, and the tokens and
 * types involved); the catalogue words them here, so a Vietnamese message holds no
 * English phrase and an English one no Vietnamese.
 */
import type { Lang } from "../define.js";

/** A static type of the expression language. */
export type ExprTypeName = "number" | "string" | "boolean" | "date" | "unknown";

/** What was found where the parser stopped: text (quoted), the end, an invisible character, a lone backslash. */
export type FoundKind = "text" | "end" | "control" | "backslash";

/** What the parser expected. */
export type ExpectedCode =
  | "digit-after-point"
  | "operator-value-or-name"
  | "escape"
  | "operator-or-end"
  | "value"
  | "close-paren"
  | "comma-or-close"
  | "lowercase-name";

/** The fix of a syntax problem; `token` carries its variable part. */
export type SyntaxFix =
  | "use-double-equals"
  | "use-not"
  | "use-and"
  | "use-or"
  | "unsupported-operator"
  | "decimal-point"
  | "name-characters"
  | "complete-number"
  | "escape-backslash"
  | "extra-close-paren"
  | "paren-after-value"
  | "missing-operator"
  | "parenthesize-not"
  | "value-before-keyword"
  | "close-paren"
  | "ends-early"
  | "value-before-operator"
  | "missing-value"
  | "lowercase"
  | "separate-arguments";

/** A type problem found by the checker. */
export type TypeProblem =
  | "negate-non-number"
  | "not-non-boolean"
  | "date-arithmetic"
  | "arithmetic-non-number"
  | "order-unordered"
  | "compare-kinds"
  | "never-equal"
  | "join-non-boolean"
  | "function-needs-numbers"
  | "days-needs-dates"
  | "if-condition"
  | "if-branches"
  | "function-kinds"
  | "mixed-kinds"
  | "decimal-places"
  | "above-upper-bound";

/** The fix of a type problem or a bad argument. */
export type TypeFix =
  | "date-arithmetic"
  | "negate-number"
  | "compare-before-not"
  | "count-condition"
  | "numbers-here"
  | "equality-for-text"
  | "use-days"
  | "same-kind"
  | "compare-first"
  | "pass-numbers"
  | "write-date"
  | "compare-in-if"
  | "same-branches"
  | "pass-kinds"
  | "one-kind"
  | "one-kind-days"
  | "round-digits"
  | "clamp-order";

export interface SyntaxParams {
  offset: number;
  source: string;
  found: string;
  found_kind: FoundKind;
  expected: ExpectedCode;
  fix: SyntaxFix;
  token?: string;
}

export interface TypeParams {
  offset: number;
  fragment: string;
  problem: TypeProblem;
  fix: TypeFix;
  type?: ExprTypeName;
  other?: ExprTypeName;
  op?: string;
  fn?: string;
  kinds?: ExprTypeName[];
  bound?: string;
  max?: number;
}

interface Words {
  type: Record<ExprTypeName, string>;
  plural: Record<ExprTypeName, string>;
  or: string;
  found: (p: SyntaxParams) => string;
  expected: Record<ExpectedCode, string>;
  syntaxFix: Record<SyntaxFix, (token: string) => string>;
  problem: Record<TypeProblem, (p: Required<Pick<TypeParams, "op" | "fn">> & { type: string; other: string; kinds: string; bound: string }) => string>;
  typeFix: Record<TypeFix, (p: { kinds: string; max: string }) => string>;
}

const EN: Words = {
  type: { number: "a number", string: "a string", boolean: "a true/false value", date: "a date", unknown: "a value of unknown type" },
  plural: { number: "numbers", string: "strings", boolean: "true/false values", date: "dates", unknown: "values" },
  or: " or ",
  found: (p) =>
    p.found_kind === "end" ? "the end" : p.found_kind === "control" ? `character ${p.found}` : p.found_kind === "backslash" ? "a lone backslash" : `"${p.found}"`,
  expected: {
    "digit-after-point": "a digit after the decimal point",
    "operator-value-or-name": "an operator, a value or a name",
    escape: 'an escape: \\\\ \\" \\\' \\n \\t',
    "operator-or-end": "an operator or the end of the expression",
    value: "a value (a number, a quoted string, a name, true, false, a function call or a parenthesis)",
    "close-paren": '")"',
    "comma-or-close": '"," or ")"',
    "lowercase-name": "a lowercase name",
  },
  syntaxFix: {
    "use-double-equals": () => 'Use "==" to compare (there is no assignment).',
    "use-not": () => 'Use "not" to negate, or "!=" for "is not equal".',
    "use-and": () => 'Use "and".',
    "use-or": () => 'Use "or".',
    "unsupported-operator": () => "This operator is not supported: use + - * / and the functions min, max, abs, round, clamp.",
    "decimal-point": () => 'Write decimals with a digit on both sides of the point ("0.5"), and dotted names as "part.name".',
    "name-characters": () => "Names use the letters a-z, digits and _; strings go between double quotes.",
    "complete-number": (t) => `Write "${t}" or "${t}.0".`,
    "escape-backslash": () => "Write a backslash as \\\\.",
    "extra-close-paren": () => "Remove the extra closing parenthesis, or open one before it.",
    "paren-after-value": () => "Only function names can be followed by a parenthesis; put an operator before it.",
    "missing-operator": () => "Put an operator (+ - * / < <= > >= == != and or) between the two values.",
    "parenthesize-not": () => `Put "not ..." in parentheses here, e.g. "a == (not b)".`,
    "value-before-keyword": (t) => `"${t}" joins two conditions; write a value before it.`,
    "close-paren": (t) => `Close the parenthesis opened at offset ${t}.`,
    "ends-early": () => "The expression ends too early: complete it.",
    "value-before-operator": (t) => `Write a value before "${t}".`,
    "missing-value": () => "Check for a missing value or an extra comma or parenthesis.",
    lowercase: (t) => `Names and functions are lowercase: write "${t}".`,
    "separate-arguments": (t) => `Separate the arguments of ${t}(...) with commas and close it with ")".`,
  },
  problem: {
    "negate-non-number": (p) => `is ${p.type}, and "-" negates numbers only`,
    "not-non-boolean": (p) => `is ${p.type}, and "not" needs a condition (true or false)`,
    "date-arithmetic": (p) => `does arithmetic ("${p.op}") on a date`,
    "arithmetic-non-number": (p) => `is ${p.type}, and "${p.op}" needs numbers`,
    "order-unordered": (p) => `is ${p.type}, and "${p.op}" orders numbers or dates only`,
    "compare-kinds": (p) => `compares ${p.type} with ${p.other}`,
    "never-equal": (p) => `compares ${p.type} with ${p.other}, which are never equal`,
    "join-non-boolean": (p) => `is ${p.type}, and "${p.op}" joins conditions (true or false)`,
    "function-needs-numbers": (p) => `is ${p.type}, and ${p.fn} needs numbers`,
    "days-needs-dates": (p) => `is ${p.type}, and days(d1, d2) needs two dates`,
    "if-condition": (p) => `is ${p.type}, and the condition of if(...) must be true or false`,
    "if-branches": (p) => `has branches of different kinds: ${p.type} and ${p.other}`,
    "function-kinds": (p) => `is ${p.type}, and ${p.fn}(...) takes ${p.kinds}`,
    "mixed-kinds": (p) => `is ${p.type} while an earlier argument of ${p.fn}(...) is ${p.other}`,
    "decimal-places": () => "is not a number of decimal places",
    "above-upper-bound": (p) => `is above the upper bound ${p.bound}`,
  },
  typeFix: {
    "date-arithmetic": () => "Date arithmetic is not supported: use days(d1, d2) for the number of days from d1 to d2.",
    "negate-number": () => 'Apply "-" to a number.',
    "compare-before-not": () => "Compare it first, e.g. not (x > 0).",
    "count-condition": () => "Count a condition with if(cond, 1, 0).",
    "numbers-here": () => "Use numbers here; strings can only be compared with == or !=.",
    "equality-for-text": () => "Use == or != to compare strings and true/false values.",
    "use-days": () => "Use days(a, b) to compare a date with a number of days.",
    "same-kind": () => 'Compare values of the same kind, e.g. report_status == "on_time".',
    "compare-first": () => "Compare it first, e.g. x > 0.",
    "pass-numbers": () => "Pass numbers.",
    "write-date": () => 'Write a date as date("2024-01-15") or use a date input.',
    "compare-in-if": () => "Compare it, e.g. if(x > 0, a, b).",
    "same-branches": () => "Make both branches the same kind, e.g. if(cond, 1, 0).",
    "pass-kinds": (p) => `Pass ${p.kinds}.`,
    "one-kind": () => "Pass arguments of one kind.",
    "one-kind-days": () => "Pass arguments of one kind. Use days(a, b) to compare a date with a number of days.",
    "round-digits": (p) => `Write a whole number from 0 to ${p.max}, e.g. round(x, 2).`,
    "clamp-order": () => "Write clamp(x, lo, hi) with lo ≤ hi.",
  },
};

const VI: Words = {
  type: { number: "một số", string: "một chuỗi văn bản", boolean: "một giá trị đúng/sai", date: "một ngày", unknown: "một giá trị chưa rõ kiểu" },
  plural: { number: "số", string: "chuỗi văn bản", boolean: "giá trị đúng/sai", date: "ngày", unknown: "giá trị" },
  or: " hoặc ",
  found: (p) =>
    p.found_kind === "end" ? "cuối biểu thức" : p.found_kind === "control" ? `ký tự ${p.found}` : p.found_kind === "backslash" ? "một dấu \\ đứng riêng" : `"${p.found}"`,
  expected: {
    "digit-after-point": "một chữ số sau dấu thập phân",
    "operator-value-or-name": "một phép toán, một giá trị hoặc một tên",
    escape: 'một ký tự thoát: \\\\ \\" \\\' \\n \\t',
    "operator-or-end": "một phép toán hoặc kết thúc biểu thức",
    value: "một giá trị (một số, một chuỗi trong dấu nháy, một tên, true, false, một lời gọi hàm hoặc một cặp ngoặc)",
    "close-paren": '")"',
    "comma-or-close": '"," hoặc ")"',
    "lowercase-name": "một tên viết thường",
  },
  syntaxFix: {
    "use-double-equals": () => 'Dùng "==" để so sánh (không có phép gán).',
    "use-not": () => 'Dùng "not" để phủ định, hoặc "!=" cho "khác".',
    "use-and": () => 'Dùng "and".',
    "use-or": () => 'Dùng "or".',
    "unsupported-operator": () => "Phép toán này không được hỗ trợ: dùng + - * / và các hàm min, max, abs, round, clamp.",
    "decimal-point": () => 'Viết số thập phân có chữ số ở cả hai bên dấu chấm ("0.5"), và tên có dấu chấm theo dạng "part.name".',
    "name-characters": () => "Tên chỉ gồm chữ cái a-z, chữ số và dấu _; chuỗi văn bản đặt trong dấu nháy kép.",
    "complete-number": (t) => `Viết "${t}" hoặc "${t}.0".`,
    "escape-backslash": () => "Viết dấu \\ là \\\\.",
    "extra-close-paren": () => "Bỏ dấu ngoặc đóng thừa, hoặc mở ngoặc trước nó.",
    "paren-after-value": () => "Chỉ tên hàm mới được theo sau bởi dấu ngoặc; đặt một phép toán trước dấu ngoặc.",
    "missing-operator": () => "Đặt một phép toán (+ - * / < <= > >= == != and or) giữa hai giá trị.",
    "parenthesize-not": () => `Đặt "not ..." trong ngoặc ở vị trí này, ví dụ "a == (not b)".`,
    "value-before-keyword": (t) => `"${t}" nối hai điều kiện; viết một giá trị trước nó.`,
    "close-paren": (t) => `Đóng dấu ngoặc đã mở tại vị trí ${t}.`,
    "ends-early": () => "Biểu thức kết thúc quá sớm: viết cho đầy đủ.",
    "value-before-operator": (t) => `Viết một giá trị trước "${t}".`,
    "missing-value": () => "Kiểm tra xem có thiếu giá trị hoặc thừa dấu phẩy, dấu ngoặc không.",
    lowercase: (t) => `Tên biến và tên hàm viết thường: viết "${t}".`,
    "separate-arguments": (t) => `Ngăn cách các đối số của ${t}(...) bằng dấu phẩy và đóng bằng ")".`,
  },
  problem: {
    "negate-non-number": (p) => `là ${p.type}, mà "-" chỉ đổi dấu được số`,
    "not-non-boolean": (p) => `là ${p.type}, mà "not" cần một điều kiện (đúng hoặc sai)`,
    "date-arithmetic": (p) => `thực hiện phép tính ("${p.op}") trên một ngày`,
    "arithmetic-non-number": (p) => `là ${p.type}, mà "${p.op}" cần các số`,
    "order-unordered": (p) => `là ${p.type}, mà "${p.op}" chỉ so sánh thứ tự các số hoặc các ngày`,
    "compare-kinds": (p) => `so sánh ${p.type} với ${p.other}`,
    "never-equal": (p) => `so sánh ${p.type} với ${p.other}, hai giá trị này không bao giờ bằng nhau`,
    "join-non-boolean": (p) => `là ${p.type}, mà "${p.op}" nối các điều kiện (đúng hoặc sai)`,
    "function-needs-numbers": (p) => `là ${p.type}, mà hàm ${p.fn} cần các số`,
    "days-needs-dates": (p) => `là ${p.type}, mà days(d1, d2) cần hai ngày`,
    "if-condition": (p) => `là ${p.type}, mà điều kiện của if(...) phải là đúng hoặc sai`,
    "if-branches": (p) => `có hai nhánh khác kiểu: ${p.type} và ${p.other}`,
    "function-kinds": (p) => `là ${p.type}, mà ${p.fn}(...) nhận ${p.kinds}`,
    "mixed-kinds": (p) => `là ${p.type} trong khi một đối số trước đó của ${p.fn}(...) là ${p.other}`,
    "decimal-places": () => "không phải là số chữ số thập phân",
    "above-upper-bound": (p) => `lớn hơn cận trên ${p.bound}`,
  },
  typeFix: {
    "date-arithmetic": () => "Không hỗ trợ phép tính trên ngày: dùng days(d1, d2) để có số ngày từ d1 đến d2.",
    "negate-number": () => 'Chỉ đặt "-" trước một số.',
    "compare-before-not": () => "Hãy so sánh trước, ví dụ not (x > 0).",
    "count-condition": () => "Đếm một điều kiện bằng if(cond, 1, 0).",
    "numbers-here": () => "Dùng số ở đây; chuỗi văn bản chỉ so sánh được bằng == hoặc !=.",
    "equality-for-text": () => "Dùng == hoặc != để so sánh chuỗi văn bản và giá trị đúng/sai.",
    "use-days": () => "Dùng days(a, b) để so sánh một ngày với một số ngày.",
    "same-kind": () => 'So sánh các giá trị cùng kiểu, ví dụ report_status == "on_time".',
    "compare-first": () => "Hãy so sánh trước, ví dụ x > 0.",
    "pass-numbers": () => "Truyền vào các số.",
    "write-date": () => 'Viết ngày theo dạng date("2024-01-15") hoặc dùng một số liệu kiểu ngày.',
    "compare-in-if": () => "Hãy so sánh, ví dụ if(x > 0, a, b).",
    "same-branches": () => "Cho hai nhánh cùng kiểu, ví dụ if(cond, 1, 0).",
    "pass-kinds": (p) => `Truyền vào ${p.kinds}.`,
    "one-kind": () => "Truyền các đối số cùng một kiểu.",
    "one-kind-days": () => "Truyền các đối số cùng một kiểu. Dùng days(a, b) để so sánh một ngày với một số ngày.",
    "round-digits": (p) => `Viết một số nguyên từ 0 đến ${p.max}, ví dụ round(x, 2).`,
    "clamp-order": () => "Viết clamp(x, lo, hi) với lo ≤ hi.",
  },
};

const WORDS: Record<Lang, Words> = { en: EN, vi: VI };

/** A table lookup that keeps an unknown code (from a newer version) as it is. */
function pick<K extends string, V>(table: Record<K, V>, key: unknown): V | undefined {
  return typeof key === "string" && Object.prototype.hasOwnProperty.call(table, key) ? table[key as K] : undefined;
}

const typeWord = (w: Words, t: unknown): string => pick(w.type, t) ?? String(t ?? "");

/** The expr-syntax message parts: what was found, what was expected, the fix. */
export function syntaxWords(p: SyntaxParams, lang: Lang): { found: string; expected: string; fix: string } {
  const w = WORDS[lang];
  return {
    found: ["text", "end", "control", "backslash"].includes(p.found_kind) ? w.found(p) : String(p.found),
    expected: pick(w.expected, p.expected) ?? String(p.expected),
    fix: pick(w.syntaxFix, p.fix)?.(p.token ?? "") ?? String(p.fix),
  };
}

/** The expr-type and expr-bad-argument message parts: the problem and the fix. */
export function typeWords(p: TypeParams, lang: Lang): { problem: string; fix: string } {
  const w = WORDS[lang];
  const kinds = Array.isArray(p.kinds) ? p.kinds.map((k) => pick(w.plural, k) ?? String(k)).join(w.or) : "";
  const parts = { type: typeWord(w, p.type), other: typeWord(w, p.other), op: p.op ?? "", fn: p.fn ?? "", kinds, bound: p.bound ?? "" };
  return {
    problem: pick(w.problem, p.problem)?.(parts) ?? String(p.problem),
    fix: pick(w.typeFix, p.fix)?.({ kinds, max: String(p.max ?? "") }) ?? String(p.fix),
  };
}

/** How many arguments a function takes: `2`, `1 to 3`, `at least 2` (Vietnamese `từ 1 đến 3`, `ít nhất 2`). */
export function arityWords(min: number, max: number | null, lang: Lang): string {
  if (max === null) return lang === "vi" ? `ít nhất ${min}` : `at least ${min}`;
  if (min === max) return String(min);
  return lang === "vi" ? `từ ${min} đến ${max}` : `${min} to ${max}`;
}
