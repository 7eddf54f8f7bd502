import type { DocPath, Location } from "../diagnostics/index.js";
import type { PositionIndex } from "../yaml/positions.js";

/** Where a value came from: a file's position index and the value's path in that file. */
export interface Origin {
  readonly file?: string;
  readonly positions: PositionIndex;
  readonly path: DocPath;
}

type Key = string | number;
const isContainer = (v: unknown): v is Record<Key, unknown> => typeof v === "object" && v !== null;

/**
 * Locates paths of a (possibly merged) document in the files its parts came from.
 * Every container may carry its origin; a path is resolved by walking the document
 * to the deepest container (or key) with a known origin, then appending the rest.
 * Without overlays the root's origin alone answers everything.
 */
export class SourceMap {
  private readonly objectOrigins = new WeakMap<object, Origin>();
  private readonly keyOrigins = new WeakMap<object, Map<Key, Origin>>();

  constructor(public root: unknown, rootOrigin?: Origin) {
    if (rootOrigin && isContainer(root)) this.objectOrigins.set(root, rootOrigin);
    this.rootOrigin = rootOrigin;
  }

  private rootOrigin: Origin | undefined;

  /** Sets the document to locate in; a root adopted earlier keeps the origin it had. */
  setRoot(root: unknown, origin: Origin): void {
    this.root = root;
    const known = isContainer(root) ? this.objectOrigins.get(root) : undefined;
    this.rootOrigin = known ?? origin;
    if (!known && isContainer(root)) this.objectOrigins.set(root, origin);
  }

  /** Deep-copies `value`, recording each container's origin (`origin` plus its relative path). */
  adopt(value: unknown, origin: Origin): unknown {
    if (!isContainer(value)) return value;
    const out: Record<Key, unknown> | unknown[] = Array.isArray(value) ? [] : {};
    this.objectOrigins.set(out, origin);
    for (const [k, v] of Object.entries(value)) {
      const key: Key = Array.isArray(value) ? Number(k) : k;
      const child = this.adopt(v, { ...origin, path: [...origin.path, key] });
      Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** Records that `container[key]` came from `origin` (for scalars placed by an overlay). */
  setKeyOrigin(container: object, key: Key, origin: Origin): void {
    let m = this.keyOrigins.get(container);
    if (!m) this.keyOrigins.set(container, (m = new Map()));
    m.set(key, origin);
  }

  /** The origin of the value at `path`, and that value's path inside its own file. */
  resolve(path: DocPath): { origin: Origin | undefined; inFile: DocPath } {
    let origin = this.rootOrigin;
    let rel: Key[] = [];
    let cur: unknown = this.root;
    for (const seg of path) {
      const next = isContainer(cur) ? cur[seg] : undefined;
      const byKey = isContainer(cur) ? this.keyOrigins.get(cur)?.get(seg) : undefined;
      const byObject = isContainer(next) ? this.objectOrigins.get(next) : undefined;
      if (byKey ?? byObject) {
        origin = byKey ?? byObject;
        rel = [];
      } else rel.push(seg);
      cur = next;
    }
    return { origin, inFile: [...(origin?.path ?? []), ...rel] };
  }

  /** The file location of the value at `path` (or of its nearest located ancestor). */
  where(path: DocPath): Location {
    const { origin, inFile } = this.resolve(path);
    if (!origin) return { path };
    return { ...(origin.file !== undefined && { file: origin.file }), ...origin.positions.locate(inFile), path };
  }

  /** The file location of the key of the entry at `path` (for unknown keys and names). */
  whereKey(path: DocPath): Location {
    const { origin, inFile } = this.resolve(path);
    if (!origin) return { path };
    return { ...(origin.file !== undefined && { file: origin.file }), ...origin.positions.locateKey(inFile), path };
  }

  /** The scalar's source text at `path`, e.g. `1.10` for a YAML number read as 1.1. */
  sourceText(path: DocPath): string | undefined {
    const { origin, inFile } = this.resolve(path);
    return origin?.positions.sourceText(inFile);
  }
}
