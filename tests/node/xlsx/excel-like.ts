/**
 * Builds .xlsx packages part by part, laid out the way Excel saves them: worksheets
 * before styles and shared strings in the zip, strings shared, a merged title block,
 * built-in and custom number formats (0.00%, dates, dd/mm/yyyy), shared formulas
 * with cached values and error results, and optionally the 1904 date system.
 */
import JSZip from "jszip";

/** A cell: text (shared string), a number, or a typed/styled/formula cell. */
export type Cell =
  | string
  | number
  | null
  | undefined
  | { readonly n: number; readonly fmt?: "pct" | "pct0" | "date" | "dmy"; readonly f?: string }
  | { readonly b: boolean; readonly f?: string }
  | { readonly e: string; readonly f?: string }
  | { readonly str: string; readonly f: string }
  | { readonly inline: string };

export interface SheetSpec {
  readonly name: string;
  /** Rows from row 1 (or `firstRow`); a null row is left out (an empty row). */
  readonly rows: readonly (readonly Cell[] | null)[];
  readonly firstRow?: number;
  readonly firstColumn?: number;
  readonly merges?: readonly string[];
}

const STYLE = { pct: 1, date: 2, dmy: 3, pct0: 4 } as const;

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function col(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export async function excelLike(sheets: readonly SheetSpec[], options: { date1904?: boolean } = {}): Promise<Uint8Array> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const zip = new JSZip();
  const sheetXml = sheets.map((sheet) => {
    const rows: string[] = [];
    sheet.rows.forEach((row, ri) => {
      if (row === null) return;
      const r = (sheet.firstRow ?? 1) + ri;
      const cells = row
        .map((c, ci) => {
          const ref = `${col((sheet.firstColumn ?? 1) + ci)}${r}`;
          if (c === null || c === undefined) return "";
          if (typeof c === "string") return `<c r="${ref}" t="s"><v>${shared(c)}</v></c>`;
          if (typeof c === "number") return `<c r="${ref}"><v>${c}</v></c>`;
          const f = "f" in c && c.f !== undefined ? `<f>${esc(c.f)}</f>` : "";
          if ("n" in c) return `<c r="${ref}"${c.fmt ? ` s="${STYLE[c.fmt]}"` : ""}>${f}<v>${c.n}</v></c>`;
          if ("b" in c) return `<c r="${ref}" t="b">${f}<v>${c.b ? 1 : 0}</v></c>`;
          if ("e" in c) return `<c r="${ref}" t="e">${f}<v>${esc(c.e)}</v></c>`;
          if ("inline" in c) return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.inline)}</t></is></c>`;
          return `<c r="${ref}" t="str">${f}<v>${esc(c.str)}</v></c>`;
        })
        .join("");
      rows.push(`<row r="${r}">${cells}</row>`);
    });
    const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>${rows.join("")}</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  });
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${options.date1904 ? ' date1904="1"' : ""} defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets><calcPr calcId="191029"/></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  sheetXml.forEach((xml, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, xml));
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
