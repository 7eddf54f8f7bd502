/**
 * Renders Vega-Lite specifications to SVG in Node, without a canvas or a browser
 * (vega's headless renderer; text widths are estimated). vega and vega-lite are
 * loaded on first use only, so neither the core nor a script that never draws a
 * chart pays for them.
 */
import type { VegaLiteSpec } from "../report/charts.js";

type Vega = typeof import("vega");
type VegaLite = typeof import("vega-lite");

let libraries: Promise<[Vega, VegaLite]> | undefined;

function load(): Promise<[Vega, VegaLite]> {
  libraries ??= Promise.all([import("vega"), import("vega-lite")]);
  return libraries;
}

/** One chart as an SVG document (`<svg …>…</svg>`). */
export async function renderChartSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vl] = await load();
  const compiled = vl.compile(spec as unknown as Parameters<VegaLite["compile"]>[0], { logger: vega.logger(vega.Error) }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.Error });
  try {
    const svg = await view.toSVG();
    // vega escapes every text it draws; refuse anything that could run in a page all the same.
    // (Attribute values are checked for javascript: URLs; once they are set aside, no tag may hold an on… handler.)
    const tags = svg.replace(/"[^"]*"/g, (v) => (/^"\s*javascript:/i.test(v) ? "javascript:" : '""'));
    if (/<script|<foreignObject|<[^>]*\son[a-z]+\s*=|javascript:/i.test(tags)) throw new Error("a chart rendered active content");
    return svg;
  } finally {
    view.finalize();
  }
}

/**
 * Gives the ids vega numbers process-wide (`gradient_7`, `clip3`, …) names local to one chart
 * (`NAME-1`, `NAME-2`, …), so that charts in one page never clash and the same inputs give
 * the same text.
 */
export function localIds(svg: string, name: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `${name}-${ids.size + 1}`);
  if (ids.size === 0) return svg;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (all, head: string, id: string) => (ids.has(id) ? `${head}${ids.get(id)!}` : all));
}

/**
 * vega words the ARIA label of a chart's title in English (`Title text '…'`) whatever the
 * spec says: keep only the title, which is in the report's language.
 */
export function titleLabels(svg: string): string {
  return svg.replace(/aria-label="Title text '([^"]*)'"/g, 'aria-label="$1"');
}

/** Every chart of a set, rendered to SVG (ids local to each chart); absent charts stay absent. */
export async function renderCharts<K extends string>(specs: Readonly<Partial<Record<K, VegaLiteSpec>>>): Promise<Partial<Record<K, string>>> {
  const out: Partial<Record<K, string>> = {};
  for (const [name, spec] of Object.entries(specs) as [K, VegaLiteSpec | undefined][]) {
    if (spec !== undefined) out[name] = localIds(titleLabels(await renderChartSvg(spec)), `chart-${name}`);
  }
  return out;
}
