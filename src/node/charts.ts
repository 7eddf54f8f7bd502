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

/** Every chart of a set, rendered to SVG; absent charts stay absent. */
export async function renderCharts<K extends string>(specs: Readonly<Partial<Record<K, VegaLiteSpec>>>): Promise<Partial<Record<K, string>>> {
  const out: Partial<Record<K, string>> = {};
  for (const [name, spec] of Object.entries(specs) as [K, VegaLiteSpec | undefined][]) {
    if (spec !== undefined) out[name] = await renderChartSvg(spec);
  }
  return out;
}
