/**
 * Overlay resolution: `extends` loads the base framework, then `override`,
 * `remove` and `add` (in that order) edit it, and the overlay's other top-level
 * keys replace the base's (`inputs`, `derived` and `parts` merge by name).
 * Runs before validation; every value remembers the file it came from.
 */
import { diag, didYouMean, type Diagnostic, type DocPath } from "../diagnostics/index.js";
import type { ExtendsRefusalReason } from "../diagnostics/messages/framework.js";
import { loadYaml } from "../yaml/load.js";
import { normaliseNumericIds } from "./numeric-ids.js";
import { checkSchema } from "./schema-check.js";
import { OVERLAY_KEYS, OverlaySchema } from "./schema.js";
import { SourceMap, type Origin } from "./source.js";

/** A framework text and the name it is reported under. */
export interface FrameworkSource {
  text: string;
  filename?: string;
}

/** Why a resolver would not read a base (outside the allowed folder, a device, too large). */
export interface ExtendsRefusal {
  /** Why: outside the allowed folder, too large, or unreadable (a device, a folder, no permission). */
  refused: ExtendsRefusalReason;
  /** The folder, the byte limit or the reader's detail ("a character device"); never the file's content. */
  detail: string;
}

export type ExtendsResolution = FrameworkSource | ExtendsRefusal;

/** Finds the framework named by `extends: ref` in the file `from`; undefined when there is no such file. */
export type ExtendsResolver = (ref: string, from: string | undefined) => ExtendsResolution | undefined;

/** A base must declare the format: anything else (a password file, an empty file) is not quoted back. */
const FORMAT_LINE = /^[ \t{]*["']?format["']?[ \t]*:[ \t]*["']?par-index\/v1\b/m;
/** An overlay may itself extend another framework. */
const EXTENDS_LINE = /^[ \t{]*["']?extends["']?[ \t]*:/m;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Top-level maps that an overlay merges entry by entry instead of replacing. */
const MERGED_MAPS = new Set(["inputs", "derived", "parts"]);
/** Guards against resolvers that give no filenames (so cycles cannot be recognised). */
export const MAX_EXTENDS_DEPTH = 32;
const INLINE_NAME = "<input>";

export interface LayerContext {
  readonly resolve: ExtendsResolver | undefined;
  readonly source: SourceMap;
  readonly diagnostics: Diagnostic[];
}

/**
 * Loads one framework text and, recursively, what it extends. Returns the merged
 * document (registered in `ctx.source`), or undefined when it could not be read.
 */
export function loadLayer(text: string, file: string | undefined, ctx: LayerContext, stack: readonly string[] = [], asBase = false): unknown {
  const loaded = loadYaml(text, file);
  ctx.diagnostics.push(...loaded.diagnostics);
  if (loaded.value === undefined) return undefined;
  const value = loaded.value;
  ctx.diagnostics.push(...normaliseNumericIds(value, loaded.positions, file));
  const origin: Origin = { ...(file !== undefined && { file }), positions: loaded.positions, path: [] };
  const local = new SourceMap(value, origin);

  if (!isObj(value) || !Object.hasOwn(value, "extends")) {
    if (isObj(value)) {
      for (const key of OVERLAY_KEYS) {
        if (!Object.hasOwn(value, key)) continue;
        ctx.diagnostics.push(diag("overlay-without-extends", { key }, local.whereKey([key])));
        delete value[key];
      }
    }
    if (asBase) return ctx.source.adopt(value, origin);
    ctx.source.setRoot(value, origin);
    return value;
  }

  const checked = checkSchema(OverlaySchema, value, local);
  ctx.diagnostics.push(...checked.diagnostics);
  const ref = value.extends;
  if (typeof ref !== "string") return undefined;
  const here = file ?? INLINE_NAME;
  if (stack.length + 1 > MAX_EXTENDS_DEPTH) {
    ctx.diagnostics.push(diag("extends-too-deep", { limit: MAX_EXTENDS_DEPTH }, local.where(["extends"])));
    return undefined;
  }
  const resolution = ctx.resolve?.(ref, file);
  if (!resolution) {
    ctx.diagnostics.push(diag("extends-not-found", { ref }, local.where(["extends"])));
    return undefined;
  }
  if ("refused" in resolution) {
    ctx.diagnostics.push(diag("extends-refused", { ref, reason: resolution.refused, detail: resolution.detail }, local.where(["extends"])));
    return undefined;
  }
  const baseSource = resolution;
  const baseName = baseSource.filename ?? ref;
  const chain = [...stack, here];
  const seen = chain.indexOf(baseName);
  if (seen >= 0) {
    ctx.diagnostics.push(diag("extends-cycle", { chain: [...chain.slice(seen), baseName].join(" → ") }, local.where(["extends"])));
    return undefined;
  }
  if (!FORMAT_LINE.test(baseSource.text) && !EXTENDS_LINE.test(baseSource.text)) {
    // Not a framework (nor an overlay): say so, and never report (so never quote) what the file holds.
    ctx.diagnostics.push(diag("extends-not-a-framework", { ref }, local.where(["extends"])));
    return undefined;
  }
  const before = ctx.diagnostics.length;
  const base = loadLayer(baseSource.text, baseSource.filename ?? ref, ctx, chain, true);
  if (!isObj(base)) {
    // A base that is a list or a scalar (its own problems, if any, are already reported).
    if (base !== undefined || ctx.diagnostics.length === before) ctx.diagnostics.push(diag("extends-not-a-framework", { ref }, local.where(["extends"])));
    return undefined;
  }

  applyOverlay(base, value, origin, local, ctx);
  if (!asBase) ctx.source.setRoot(base, origin);
  return base;
}

/** Edits `base` (an adopted copy) in place with the overlay document `overlay`. */
function applyOverlay(base: Obj, overlay: Obj, origin: Origin, local: SourceMap, ctx: LayerContext): void {
  const { source, diagnostics } = ctx;
  const at = (path: DocPath): Origin => ({ ...origin, path });
  const place = (container: Obj | unknown[], key: string | number, value: unknown, from: Origin): void => {
    (container as Record<string | number, unknown>)[key] = source.adopt(value, from);
    source.setKeyOrigin(container, key, from);
  };

  for (const [key, v] of Object.entries(overlay)) {
    if ((OVERLAY_KEYS as readonly string[]).includes(key)) continue;
    const target = base[key];
    if (MERGED_MAPS.has(key) && isObj(target) && isObj(v)) {
      for (const [name, entry] of Object.entries(v)) place(target, name, entry, at([key, name]));
    } else place(base, key, v, at([key]));
  }

  const override = overlay.override;
  if (isObj(override)) {
    for (const [id, patch] of Object.entries(override)) {
      const found = findById(base, id);
      if (!found) {
        diagnostics.push(unknownId(base, id, "override", local.whereKey(["override", id])));
        continue;
      }
      if (!isObj(patch)) continue;
      for (const [k, v] of Object.entries(patch)) {
        if (v === null) delete found.node[k];
        else place(found.node, k, v, at(["override", id, k]));
      }
    }
  }

  const remove = overlay.remove;
  if (Array.isArray(remove)) {
    remove.forEach((id, i) => {
      if (typeof id !== "string") return;
      const found = findById(base, id);
      if (!found) diagnostics.push(unknownId(base, id, "remove", local.where(["remove", i])));
      else found.list.splice(found.index, 1);
    });
  }

  const add = overlay.add;
  if (Array.isArray(add)) {
    add.forEach((entry, i) => {
      if (!isObj(entry) || !isObj(entry.criterion)) return;
      const criterion = source.adopt(entry.criterion, at(["add", i, "criterion"]));
      if (entry.parent === undefined) {
        if (Array.isArray(base.criteria)) base.criteria.push(criterion);
        return;
      }
      if (typeof entry.parent !== "string") return;
      const parent = findById(base, entry.parent, false);
      if (!parent) {
        const suggestion = didYouMean(entry.parent, allIds(base, false));
        diagnostics.push(
          diag("overlay-unknown-parent", { parent: entry.parent, ...(suggestion !== undefined && { suggestion }) }, local.where(["add", i, "parent"])),
        );
        return;
      }
      if (!Array.isArray(parent.node.children)) place(parent.node, "children", [], at(["add", i]));
      (parent.node.children as unknown[]).push(criterion);
    });
  }
}

interface Found {
  readonly node: Obj;
  readonly list: unknown[];
  readonly index: number;
}

/** Finds a criterion (anywhere in the tree) or, with `withAdjustments`, an adjustment by id. */
function findById(doc: Obj, id: string, withAdjustments = true): Found | undefined {
  const search = (list: unknown): Found | undefined => {
    if (!Array.isArray(list)) return undefined;
    for (let index = 0; index < list.length; index++) {
      const node = list[index];
      if (!isObj(node)) continue;
      if (node.id === id) return { node, list, index };
      const inner = search(node.children);
      if (inner) return inner;
    }
    return undefined;
  };
  return search(doc.criteria) ?? (withAdjustments ? search(doc.adjustments) : undefined);
}

function allIds(doc: Obj, withAdjustments = true): string[] {
  const out: string[] = [];
  const walk = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const node of list) {
      if (!isObj(node)) continue;
      if (typeof node.id === "string") out.push(node.id);
      walk(node.children);
    }
  };
  walk(doc.criteria);
  if (withAdjustments) walk(doc.adjustments);
  return out;
}

function unknownId(doc: Obj, id: string, op: string, where: ReturnType<SourceMap["where"]>): Diagnostic {
  const suggestion = didYouMean(id, allIds(doc));
  return diag("overlay-unknown-id", { id, op, ...(suggestion !== undefined && { suggestion }) }, where);
}
