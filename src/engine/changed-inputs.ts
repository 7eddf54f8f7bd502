/**
 * A unit's inputs with some changed (`rescoreUnit`): the unit's own map, read through, with a few
 * names replaced or removed, instead of a copy of every entry. The engine reads the unchanged
 * inputs straight from the evidence's columns when the unit's map is a column store's.
 */
import { MapView } from "../core/map-view.js";
import type { InputEntry } from "../evidence/model.js";

export class ChangedInputs extends MapView<InputEntry> {
  private merged: Map<string, InputEntry> | undefined;

  constructor(
    readonly base: ReadonlyMap<string, InputEntry>,
    /** The changed names: their new entry, or undefined when the input is removed. */
    readonly changes: ReadonlyMap<string, InputEntry | undefined>,
  ) {
    super();
  }

  get(name: string): InputEntry | undefined {
    return this.changes.has(name) ? this.changes.get(name) : this.base.get(name);
  }

  has(name: string): boolean {
    return this.changes.has(name) ? this.changes.get(name) !== undefined : this.base.has(name);
  }

  /** As a copy of the unit's map with the changes made (a replaced name keeps its place, a new one comes last). */
  private all(): Map<string, InputEntry> {
    if (this.merged === undefined) {
      const m = new Map(this.base);
      for (const [name, entry] of this.changes) {
        if (entry === undefined) m.delete(name);
        else m.set(name, entry);
      }
      this.merged = m;
    }
    return this.merged;
  }

  get size(): number {
    return this.all().size;
  }

  entries(): MapIterator<[string, InputEntry]> {
    return this.all().entries();
  }
}
