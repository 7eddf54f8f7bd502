/**
 * The JSON Schema (draft-07) of the framework file format, generated from the zod schema that
 * validates frameworks, so editors (the YAML language server) complete and check a framework as it
 * is typed. Shipped as `par-index/schema.json` (the file `frameworks/schema.json`); every bundled
 * framework names it on its first line: `# yaml-language-server: $schema=./schema.json`.
 *
 * The schema checks structure only; the static checks (ids, sums, bands, references) need the whole
 * framework and stay in `par-index validate`.
 */
import { z } from "zod";
import { FrameworkSchema, OverlaySchema } from "./schema.js";

/** The format name a framework file declares in `format:`. */
export const FRAMEWORK_FORMAT = "par-index/v1";

type JsonObject = { [key: string]: unknown };

/** The JSON Schema of a framework file: a full framework, or an overlay (`extends:`) on one. */
export function frameworkJsonSchema(): JsonObject {
  const framework = z.toJSONSchema(FrameworkSchema, { target: "draft-7", io: "input", unrepresentable: "any" }) as JsonObject;
  const overlay = z.toJSONSchema(OverlaySchema, { target: "draft-7", io: "input", unrepresentable: "any" }) as JsonObject;
  const { $schema: _a, definitions, ...frameworkBody } = framework as JsonObject & { definitions?: JsonObject };
  const { $schema: _b, ...overlayBody } = overlay;
  const props = frameworkBody["properties"] as JsonObject;
  props["format"] = { const: FRAMEWORK_FORMAT, description: "The file format: always par-index/v1." };
  props["$schema"] = { type: "string" };
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://par-index.dev/schema/par-index-v1.json",
    title: "par-index framework (par-index/v1)",
    description:
      "A PAR INDEX (CCHC) scoring framework for par-index, or an overlay that extends one. Generated from the library's zod schema; `par-index validate FILE` runs the full checks.",
    if: { type: "object", required: ["extends"] },
    then: overlayBody,
    else: frameworkBody,
    ...(definitions !== undefined && { definitions }),
  };
}
