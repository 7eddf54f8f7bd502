import { defineMessages } from "../define.js";
import { viHint } from "../vi.js";
import { arityWords, syntaxWords, typeWords, type SyntaxParams, type TypeParams } from "./expr-words.js";

/** A did-you-mean sentence, or nothing. */
const hint = (suggestion: string | undefined): string => (suggestion ? ` Did you mean "${suggestion}"?` : "");

/** Quotes expression text; text holding double quotes is quoted with single ones. */
const q = (text: string): string => (text.includes('"') ? `'${text}'` : `"${text}"`);

/**
 * Messages of the expr phase. Each code is stable; each message quotes the offending text and ends with a fix.
 * Every expr diagnostic carries `params.offset`: the 0-based offset in the expression text.
 */
export const exprMessages = defineMessages({
  "expr-empty": {
    severity: "error",
    message: (_p: { offset: number }) =>
      `the expression is empty. Write a value or a formula, e.g. "dossiers_on_time / dossiers_received".`,
    vi: (_p: { offset: number }) =>
      `biểu thức đang để trống. Viết một giá trị hoặc một công thức, ví dụ "dossiers_on_time / dossiers_received".`,
  },
  "expr-syntax": {
    severity: "error",
    message: (p: SyntaxParams) => {
      const w = syntaxWords(p, "en");
      return `cannot read ${q(p.source)} at ${w.found} (offset ${p.offset}): expected ${w.expected}. ${w.fix}`;
    },
    vi: (p: SyntaxParams) => {
      const w = syntaxWords(p, "vi");
      return `không đọc được ${q(p.source)} tại ${w.found} (vị trí ${p.offset}): cần ${w.expected}. ${w.fix}`;
    },
  },
  "expr-unterminated-string": {
    severity: "error",
    message: (p: { offset: number; fragment: string; quote: string }) =>
      `the string ${p.fragment} has no closing quote. Close it with ${p.quote}.`,
    vi: (p: { offset: number; fragment: string; quote: string }) =>
      `chuỗi ${p.fragment} thiếu dấu nháy đóng. Đóng chuỗi bằng ${p.quote}.`,
  },
  "expr-chained-comparison": {
    severity: "error",
    message: (p: { offset: number; fragment: string; rewrite: string }) =>
      `${q(p.fragment)} chains comparisons, which is ambiguous. Compare two values at a time: ${q(p.rewrite)}.`,
    vi: (p: { offset: number; fragment: string; rewrite: string }) =>
      `${q(p.fragment)} nối liền nhiều phép so sánh nên không rõ nghĩa. Mỗi lần chỉ so sánh hai giá trị: ${q(p.rewrite)}.`,
  },
  "expr-too-deep": {
    severity: "error",
    message: (p: { offset: number; limit: number }) =>
      `the expression nests deeper than ${p.limit} levels. Split it into derived values.`,
    vi: (p: { offset: number; limit: number }) =>
      `biểu thức lồng quá ${p.limit} cấp. Tách thành các giá trị dẫn xuất (derived).`,
  },
  "expr-unknown-name": {
    severity: "error",
    message: (p: { offset: number; name: string; suggestion?: string }) =>
      `unknown name "${p.name}".${hint(p.suggestion)} Declare it under inputs or derived, or fix the spelling.`,
    vi: (p: { offset: number; name: string; suggestion?: string }) =>
      `tên "${p.name}" chưa được khai báo.${viHint(p.suggestion)} Khai báo tại mục inputs hoặc derived, hoặc sửa chính tả.`,
  },
  "expr-unknown-function": {
    severity: "error",
    message: (p: { offset: number; name: string; suggestion?: string; known: string }) =>
      `unknown function "${p.name}(...)".${hint(p.suggestion)} Use one of: ${p.known}.`,
    vi: (p: { offset: number; name: string; suggestion?: string; known: string }) =>
      `không có hàm "${p.name}(...)".${viHint(p.suggestion)} Dùng một trong các hàm: ${p.known}.`,
  },
  "expr-arity": {
    severity: "error",
    message: (p: { offset: number; fragment: string; name: string; min: number; max: number | null; got: number; signature: string }) =>
      `${q(p.fragment)} passes ${p.got} argument${p.got === 1 ? "" : "s"} to ${p.name}, which takes ${arityWords(p.min, p.max, "en")}. Write it as ${p.signature}.`,
    vi: (p: { offset: number; fragment: string; name: string; min: number; max: number | null; got: number; signature: string }) =>
      `${q(p.fragment)} truyền ${p.got} đối số cho ${p.name}, trong khi hàm này nhận ${arityWords(p.min, p.max, "vi")} đối số. Viết theo dạng ${p.signature}.`,
  },
  "expr-type": {
    severity: "error",
    message: (p: TypeParams) => {
      const w = typeWords(p, "en");
      return `${q(p.fragment)} ${w.problem}. ${w.fix}`;
    },
    vi: (p: TypeParams) => {
      const w = typeWords(p, "vi");
      return `${q(p.fragment)} ${w.problem}. ${w.fix}`;
    },
  },
  "expr-bad-date": {
    severity: "error",
    message: (p: { offset: number; fragment: string }) =>
      `${q(p.fragment)} is not a date: date(...) takes one quoted ISO date that exists. Write it as date("2024-01-15").`,
    vi: (p: { offset: number; fragment: string }) =>
      `${q(p.fragment)} không phải là ngày: date(...) nhận một ngày ISO có thật đặt trong dấu nháy. Viết theo dạng date("2024-01-15").`,
  },
  "expr-bad-argument": {
    severity: "error",
    message: (p: TypeParams) => {
      const w = typeWords(p, "en");
      return `${q(p.fragment)} ${w.problem}. ${w.fix}`;
    },
    vi: (p: TypeParams) => {
      const w = typeWords(p, "vi");
      return `${q(p.fragment)} ${w.problem}. ${w.fix}`;
    },
  },
});
