import { defineMessages } from "../define.js";

/** Messages of the YAML reading phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const yamlMessages = defineMessages({
  "yaml-too-large": {
    severity: "error",
    message: (p: { size: number; limit: number }) =>
      `the file has ${p.size} characters, more than the limit of ${p.limit}. Split it, or raise the limit in the loader options.`,
    vi: (p: { size: number; limit: number }) =>
      `tệp có ${p.size} ký tự, vượt giới hạn ${p.limit}. Tách tệp, hoặc nâng giới hạn trong tùy chọn của hàm đọc.`,
  },
  "yaml-syntax": {
    severity: "error",
    message: (p: { detail: string }) => `YAML syntax: ${p.detail}. Check indentation and quoting at this position.`,
    vi: (p: { detail: string }) => `lỗi cú pháp YAML: ${p.detail}. Kiểm tra thụt lề và dấu nháy tại vị trí này.`,
  },
  "yaml-duplicate-key": {
    severity: "error",
    message: (p: { detail: string }) => `${p.detail}. Keep one entry per key.`,
    vi: (p: { detail: string }) => `${p.detail}. Mỗi khóa chỉ khai báo một lần.`,
  },
  "yaml-too-many-aliases": {
    severity: "error",
    message: (p: { limit: number; alias: string }) =>
      `more than ${p.limit} alias expansions (at *${p.alias}). Write the values out instead of chaining aliases.`,
    vi: (p: { limit: number; alias: string }) =>
      `quá ${p.limit} lần mở rộng bí danh (tại *${p.alias}). Viết trực tiếp các giá trị thay vì lồng bí danh.`,
  },
  "yaml-too-many-nodes": {
    severity: "error",
    message: (p: { limit: number }) =>
      `the expanded document has more than ${p.limit} values. Remove nested aliases that multiply the document.`,
    vi: (p: { limit: number }) =>
      `tài liệu sau khi mở rộng có quá ${p.limit} giá trị. Bỏ các bí danh lồng nhau làm tài liệu phình to.`,
  },
  "yaml-too-many-values": {
    severity: "error",
    message: (p: { limit: number }) =>
      `the file holds more than ${p.limit} values (list items, keys and entries); it was refused before parsing. A scoring framework holds a few thousand: check that this is the file you meant, or split it.`,
    vi: (p: { limit: number }) =>
      `tệp chứa hơn ${p.limit} giá trị (mục danh sách, khóa và phần tử) nên bị từ chối trước khi phân tích. Một bộ tiêu chí chỉ có vài nghìn giá trị: hãy kiểm tra đúng tệp cần dùng, hoặc tách tệp.`,
  },
  "yaml-too-deep": {
    severity: "error",
    message: (p: { limit: number }) =>
      `the values are nested more than ${p.limit} levels deep; the file was refused before parsing. Flatten the structure (a framework nests criteria a few levels deep).`,
    vi: (p: { limit: number }) =>
      `các giá trị lồng nhau sâu hơn ${p.limit} cấp nên tệp bị từ chối trước khi phân tích. Hãy làm phẳng cấu trúc (một bộ tiêu chí chỉ lồng vài cấp tiêu chí).`,
  },
  "yaml-alias-cycle": {
    severity: "error",
    message: (p: { alias: string }) => `alias *${p.alias} refers to a value that contains it. Remove the self-reference.`,
    vi: (p: { alias: string }) => `bí danh *${p.alias} trỏ tới một giá trị chứa chính nó. Bỏ tham chiếu vòng.`,
  },
  "forbidden-key": {
    severity: "error",
    message: (p: { key: string }) => `the key "${p.key}" is not allowed (it could reach JavaScript object internals). Rename it.`,
    vi: (p: { key: string }) => `không được dùng khóa "${p.key}" (có thể can thiệp vào cấu trúc nội bộ của đối tượng JavaScript). Đổi tên khóa.`,
  },
});
