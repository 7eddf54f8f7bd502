/**
 * The HTML report in a real browser (Debian's chromium through playwright-core, no
 * download): for every bundled framework's fixtures, the report opens offline with
 * no request and no console error, every chart is an SVG with marks, every unit's
 * section is reachable by its anchor, nothing is wider than an A4 page, and names
 * holding HTML are shown as text.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../cli/helpers.js";
import { hasChromium, launchChromium, type LaunchedChromium } from "../helpers/chromium.js";

// The page's globals, inside page.evaluate (the project's tsconfig has no DOM library, on purpose).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const location: any;
declare const scrollY: number;
declare const innerHeight: number;

interface Case {
  readonly name: string;
  readonly args: string[];
  readonly same_as?: string;
}
const corpus = JSON.parse(readFileSync("fixtures/corpus.json", "utf8")) as { cases: Case[] };
const CASES = corpus.cases.filter((c) => c.same_as === undefined);
const dir = mkdtempSync(join(tmpdir(), "par-report-"));
const D = "fixtures/hanoi/districts";

/** A4 at 96 px per inch: 210 mm wide, less the report's 12 mm side margins. */
const A4_CONTENT_PX = Math.floor(((210 - 24) / 25.4) * 96);

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

interface Opened {
  readonly page: Page;
  readonly requests: string[];
  readonly errors: string[];
  readonly dialogs: string[];
}

describe.skipIf(!hasChromium())("the HTML report in chromium", () => {
  let browser: LaunchedChromium;
  const files = new Map<string, string>();

  async function open(file: string, width = 1000): Promise<Opened> {
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    const dialogs: string[] = [];
    const url = pathToFileURL(file).href;
    page.on("request", (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setViewportSize({ width, height: 1123 });
    await page.goto(url, { waitUntil: "load" });
    return { page, requests, errors, dialogs };
  }

  beforeAll(async () => {
    await browser?.close();
    browser = await launchChromium();
    // Network off: any request that leaves the page is refused (and recorded by the page).
    await browser.context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
    for (const c of CASES) {
      const out = join(dir, `${c.name}.html`);
      const r = await cli("report", ...c.args, "--out", out);
      expect(r.stderr).not.toMatch(/internal error|Error:/);
      expect([0, 1]).toContain(r.code);
      files.set(c.name, out);
    }
    const en = join(dir, "hanoi-district-2023.en.html");
    expect((await cli("report", ...CASES[0]!.args, "--out", en, "--lang", "en")).code).toBe(0);
    files.set("en", en);

    // A base year (the same districts without the late evidence) for the year-over-year section.
    const base = join(dir, "base.json");
    const baseArgs = CASES[0]!.args.filter((a) => !a.endsWith("evidence-late.csv"));
    const cut = baseArgs.findIndex((a, i) => a === "--evidence" && baseArgs[i + 1] === "--evidence");
    if (cut >= 0) baseArgs.splice(cut, 1);
    writeFileSync(base, (await cli("score", ...baseArgs, "--format", "json")).stdout);
    const compared = join(dir, "compare.html");
    expect((await cli("report", ...CASES[0]!.args, "--compare", base, "--out", compared)).code).toBe(0);
    files.set("compare", compared);

    // Names holding HTML.
    const units = readFileSync(`${D}/units.csv`, "utf8")
      .replace(";Ba Đình;", ";<script>alert('x')</script>Ba Đình;")
      .replace(";Hoàn Kiếm;", ';"<img src=x onerror=""alert(1)"">Hoàn Kiếm";');
    writeFileSync(join(dir, "units.csv"), units);
    const evil = join(dir, "evil.html");
    const evilArgs = CASES[0]!.args.map((a) => (a === `${D}/units.csv` ? join(dir, "units.csv") : a));
    expect((await cli("report", ...evilArgs, "--out", evil)).code).toBe(0);
    files.set("evil", evil);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(CASES.map((c) => c.name))("%s: opens offline with no request and no console error, charts as SVG with marks, every unit reachable", async (name) => {
    const { page, requests, errors } = await open(files.get(name)!);
    try {
      const facts = await page.evaluate(() => {
        const figures = [...document.querySelectorAll("figure.chart")];
        return {
          scripts: document.scripts.length,
          external: [...document.querySelectorAll("[src], link[href]")].map((e) => e.outerHTML),
          charts: figures.map((f) => ({
            id: f.id,
            svg: f.querySelector(":scope > svg") !== null,
            marks: f.querySelectorAll("svg g[class*='role-mark'] > *").length,
          })),
          unitSections: [...document.querySelectorAll("section.unit")].map((s) => s.id),
          links: [...document.querySelectorAll("a[href^='#unit-']")].map((a) => a.getAttribute("href")!.slice(1)),
          rankingRows: document.querySelectorAll("table.ranking tbody tr").length,
          lang: document.documentElement.lang,
          h1: document.querySelector("h1")?.textContent ?? "",
        };
      });
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      expect(facts.scripts).toBe(0);
      expect(facts.external).toEqual([]);
      expect(facts.lang).toBe("vi");
      expect(facts.h1).toMatch(/^Báo cáo kết quả chấm điểm: /);
      expect(facts.charts.map((c) => c.id)).toEqual(expect.arrayContaining(["chart-ranking", "chart-heatmap", "chart-lost"]));
      for (const c of facts.charts) {
        expect(c.svg, c.id).toBe(true);
        expect(c.marks, c.id).toBeGreaterThan(0);
      }
      // Every unit has a section, every section is linked from the ranking, every link lands on a section.
      expect(facts.unitSections).toHaveLength(facts.rankingRows);
      expect(new Set(facts.links)).toEqual(new Set(facts.unitSections));
      // Following an anchor scrolls its section to the top of the window.
      for (const id of [facts.unitSections[0]!, facts.unitSections[facts.unitSections.length - 1]!]) {
        await page.click(`table.ranking a[href="#${id}"]`);
        await page.waitForFunction((target) => location.hash === `#${target}`, id);
        const at = await page.evaluate((target) => ({
          top: document.getElementById(target)!.getBoundingClientRect().top,
          bottom: Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1,
        }), id);
        // At the top of the window, or as near as the end of the page lets it come.
        expect(Math.abs(at.top) < 2 || (at.bottom && at.top >= 0 && at.top < 1123)).toBe(true);
      }
    } finally {
      await page.close();
    }
  });

  it.each(CASES.map((c) => c.name))("%s: fits an A4 page in print", async (name) => {
    const { page } = await open(files.get(name)!, A4_CONTENT_PX);
    try {
      await page.emulateMedia({ media: "print" });
      const overflow = await page.evaluate((limit) => {
        const wide = [...document.body.querySelectorAll("body > *, main > section > *, section.unit > *, figure.chart > svg, table, tr")]
          .filter((e) => e.getBoundingClientRect().right > limit + 1)
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${e.className}`);
        return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
      }, A4_CONTENT_PX);
      expect(overflow.wide).toEqual([]);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(A4_CONTENT_PX);
      if (name === "hanoi-department-2023") {
        // Printing itself works: an A4 PDF of several pages.
        const pdf = Buffer.from(await page.pdf({ format: "A4", preferCSSPageSize: true }));
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
      }
    } finally {
      await page.close();
    }
  });

  it("takes a screenshot of the first page the same size and shape as the one in the README", async () => {
    const { page } = await open(files.get("hanoi-district-2023")!, 794);
    try {
      const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 794, height: 1123 } });
      writeFileSync(join(dir, "screenshot.png"), shot);
      if (process.env["UPDATE_SCREENSHOT"] === "1") writeFileSync("fixtures/report/screenshot.png", shot);
      const kept = readFileSync("fixtures/report/screenshot.png");
      expect(pngSize(shot)).toEqual({ width: 794, height: 1123 });
      expect(pngSize(kept)).toEqual(pngSize(shot));
      // Same structure: a page of text, tables and one chart compresses to a similar size.
      expect(shot.length).toBeGreaterThan(kept.length * 0.5);
      expect(shot.length).toBeLessThan(kept.length * 2);
    } finally {
      await page.close();
    }
  });

  it("shows HTML in unit names as text: no script runs, no image loads", async () => {
    const { page, requests, errors, dialogs } = await open(files.get("evil")!);
    try {
      const facts = await page.evaluate(() => ({
        scripts: document.scripts.length,
        images: document.images.length,
        onerror: document.querySelectorAll("[onerror]").length,
        text: document.body.textContent ?? "",
        svgText: [...document.querySelectorAll("figure.chart svg text")].map((t) => t.textContent).join("\n"),
      }));
      expect(facts.scripts).toBe(0);
      expect(facts.images).toBe(0);
      expect(facts.onerror).toBe(0);
      expect(facts.text).toContain("<script>alert('x')</script>Ba Đình");
      expect(facts.text).toContain('<img src=x onerror="alert(1)">Hoàn Kiếm');
      expect(facts.svgText).toContain("<script>alert('x')<"); // chart labels are shortened with …
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("words the same report in English with --lang en", async () => {
    const vi = await open(files.get("hanoi-district-2023")!);
    const en = await open(files.get("en")!);
    try {
      const read = (p: Page) =>
        p.evaluate(() => ({
          lang: document.documentElement.lang,
          h2: [...document.querySelectorAll("h2")].map((h) => h.textContent),
          rows: [...document.querySelectorAll("table.ranking tbody tr")].map((tr) => [...tr.querySelectorAll("td")].slice(0, 2).map((td) => td.textContent)),
          index: [...document.querySelectorAll("table.ranking tbody tr")].map((tr) => tr.querySelectorAll("td")[4]!.textContent),
          sections: [...document.querySelectorAll("section.unit")].map((s) => s.id),
          charts: document.querySelectorAll("figure.chart svg").length,
        }));
      const [v, e] = [await read(vi.page), await read(en.page)];
      expect(e.lang).toBe("en");
      expect(e.h2).toEqual(["Summary", "Ranking", "Index by field", "Points lost by criterion", "Self-assessment against appraisal", "Problems in the data", "Units in detail", "How this report was made"]);
      expect(v.h2).toEqual(["Tổng quan", "Kết quả xếp hạng", "Chỉ số thành phần theo lĩnh vực", "Điểm chưa đạt theo tiêu chí", "Tự chấm so với kết quả thẩm định", "Các vấn đề về số liệu", "Chi tiết từng đơn vị", "Thông tin lập báo cáo"]);
      expect(e.rows).toEqual(v.rows);
      expect(e.sections).toEqual(v.sections);
      expect(e.charts).toBe(v.charts);
      expect(e.index.map((x) => x!.replace(".", ","))).toEqual(v.index);
      expect(v.index[0]).toMatch(/^\d+,\d\d$/);
    } finally {
      await vi.page.close();
      await en.page.close();
    }
  });

  it("adds the year-over-year section and chart with --compare", async () => {
    const { page, errors } = await open(files.get("compare")!);
    try {
      const facts = await page.evaluate(() => ({
        chart: document.querySelectorAll("#compare figure.chart svg g[class*='role-mark'] > *").length,
        rows: [...document.querySelectorAll("#compare tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)),
      }));
      expect(errors).toEqual([]);
      expect(facts.chart).toBeGreaterThan(0);
      expect(facts.rows).toHaveLength(30);
      // Mỹ Đức had an input missing in the base: its index rose and it climbed from last place.
      const myDuc = facts.rows.find((r) => r[0] === "Mỹ Đức")!;
      expect(myDuc[3]).toMatch(/^\+\d+,\d\d$/);
      expect(Number(myDuc[4])).toBeGreaterThan(Number(myDuc[5]));
    } finally {
      await page.close();
    }
  });
});
