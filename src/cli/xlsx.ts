/** CLI helper for workbook output (`--format xlsx --out F.xlsx`). */
import { resolve } from "node:path";
import type { WorkbookData } from "../report/workbook.js";
import { writeWorkbook } from "../node/xlsx/write.js";
import type { CliIo } from "./io.js";
import { unwritable } from "./output.js";

/** Writes a workbook to `--out` (relative to the working directory). */
export async function writeXlsxOut(io: CliIo, out: string, data: WorkbookData): Promise<void> {
  try {
    await writeWorkbook(resolve(io.cwd, out), data);
  } catch (e) {
    // A file system refusal is the user's to fix (another --out); anything else is ours.
    if (typeof (e as NodeJS.ErrnoException).code === "string") throw unwritable(out, e);
    throw e;
  }
}
