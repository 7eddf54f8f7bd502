/**
 * A read-only map whose entries are made on demand (evidence kept by column, inputs read through
 * with changes): a subclass gives `get`, `has`, `size` and `entries` in order; keys, values,
 * iteration and `forEach` follow from them.
 */
export abstract class MapView<V> implements ReadonlyMap<string, V> {
  abstract get(key: string): V | undefined;
  abstract has(key: string): boolean;
  abstract get size(): number;
  abstract entries(): MapIterator<[string, V]>;

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) callback.call(thisArg, v, k, this);
  }

  get [Symbol.toStringTag](): string {
    return this.constructor.name;
  }
}
