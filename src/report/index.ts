export { toTidyRows, type TidyRow } from "./tidy.js";
export { toTable } from "./table.js";
export { toMarkdown } from "./markdown.js";
export { toCsv } from "./csv.js";
