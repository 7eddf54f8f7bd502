import { dec } from "../../core/decimal.js";
import { diag } from "../../diagnostics/index.js";
import type { CheckContext } from "./context.js";
import { numberText } from "./context.js";

export const FORMAT = "par-index/v1";
/** Input and derived names: `[a-z_][a-z0-9_]*`, optionally dotted. */
export const NAME_PATTERN = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/;

/** `format`, `rounding`, and the declarations of inputs and derived values. */
export function checkHeader(ctx: CheckContext): void {
  const { fw, source, report } = ctx;
  if (fw.format !== FORMAT) report(diag("format-version", { text: fw.format }, source.where(["format"])));

  const decimals = fw.rounding?.decimals;
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 10)) {
    const path = ["rounding", "decimals"];
    report(diag("rounding-decimals", { text: numberText(ctx, path, decimals) }, source.where(path)));
  }

  for (const [name, input] of Object.entries(fw.inputs ?? {})) {
    const path = ["inputs", name];
    if (!NAME_PATTERN.test(name)) report(diag("invalid-name", { name, kind: "input" }, source.whereKey(path)));
    if (input.min !== undefined && input.max !== undefined && dec(input.min).gt(dec(input.max))) {
      report(
        diag(
          "input-bounds",
          { name, min: numberText(ctx, [...path, "min"], input.min), max: numberText(ctx, [...path, "max"], input.max) },
          source.where([...path, "min"]),
        ),
      );
    }
    if (input.type === "enum") {
      if (!input.values || input.values.length === 0) {
        report(diag("enum-values", { name, problem: 'is an enum without values. Add "values: [a, b, ...]"' }, source.whereKey(path)));
      } else {
        const seen = new Set<string>();
        input.values.forEach((v, i) => {
          if (seen.has(v)) report(diag("enum-values", { name, problem: `lists "${v}" twice. Keep one` }, source.where([...path, "values", i])));
          seen.add(v);
        });
      }
    } else if (input.values !== undefined) {
      report(
        diag("enum-values", { name, problem: `has "values" but type ${input.type}. Use "type: enum", or remove "values"` }, source.whereKey([...path, "values"])),
      );
    }
  }

  for (const name of Object.keys(fw.derived ?? {})) {
    const path = ["derived", name];
    if (!NAME_PATTERN.test(name)) report(diag("invalid-name", { name, kind: "derived" }, source.whereKey(path)));
    if (fw.inputs && Object.hasOwn(fw.inputs, name)) report(diag("duplicate-name", { name }, source.whereKey(path)));
  }
}
