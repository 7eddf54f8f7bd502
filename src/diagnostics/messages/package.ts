import { defineMessages } from "../define.js";

const hint = (suggestion: string | undefined): string => (suggestion ? ` Did you mean "${suggestion}"?` : "");
const hintVi = (suggestion: string | undefined): string => (suggestion ? ` Có phải là "${suggestion}"?` : "");

/** Messages of the package-level API (bundled frameworks, in-memory entry points). */
export const packageMessages = defineMessages({
  "framework-not-bundled": {
    severity: "error",
    message: (p: { id: string; ids: string; hint?: string | undefined }) =>
      `no bundled framework has the id "${p.id}".${hint(p.hint)} Use one of: ${p.ids} (listFrameworks() lists them), or load your own file with loadFrameworkFile(path).`,
    vi: (p: { id: string; ids: string; hint?: string | undefined }) =>
      `không có bộ chỉ số kèm theo nào có mã "${p.id}".${hintVi(p.hint)} Hãy dùng một trong các mã: ${p.ids} (listFrameworks() liệt kê các mã này), hoặc đọc tệp của mình bằng loadFrameworkFile(path).`,
  },
});
