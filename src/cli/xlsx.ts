/** CLI helper for workbook output (`--format xlsx --out F.xlsx`). */
import { resolve } from "node:path";
import type { WorkbookData } from "../report/workbook.js";
import { writeWorkbook } from "../node/xlsx/write.js";
import type { CliIo } from "./io.js";

/** Writes a workbook to `--out` (relative to the working directory). */
export async function writeXlsxOut(io: CliIo, out: string, data: WorkbookData): Promise<void> {
  await writeWorkbook(resolve(io.cwd, out), data);
}
