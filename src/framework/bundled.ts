/**
 * `par-index/frameworks`: the text of every bundled framework, for hosts without a file system (a
 * browser, a worker, Deno without read permission). The build inlines each YAML file as a string;
 * nothing here reads a file. In Node, `listFrameworks()` / `loadBundledFramework(id)` from
 * `par-index/node` read the same files from the installed package.
 *
 * @example
 * import { parseFramework } from "par-index";
 * import { bundledFrameworkText, resolveBundled } from "par-index/frameworks";
 * const fw = parseFramework(bundledFrameworkText("hanoi-ward-2024")!, { filename: "hanoi-ward-2024.yaml", resolve: resolveBundled });
 *
 * @packageDocumentation
 */
import type { ExtendsResolver, FrameworkSource } from "./overlay.js";
import t_hanoi_commune_2025 from "../../frameworks/hanoi-commune-2025.yaml";
import t_hanoi_department_2023 from "../../frameworks/hanoi-department-2023.yaml";
import t_hanoi_department_2025 from "../../frameworks/hanoi-department-2025.yaml";
import t_hanoi_district_2023 from "../../frameworks/hanoi-district-2023.yaml";
import t_hanoi_ward_2024_bac_tu_liem from "../../frameworks/hanoi-ward-2024-bac-tu-liem.yaml";
import t_hanoi_ward_2024 from "../../frameworks/hanoi-ward-2024.yaml";
import t_national_province_2017 from "../../frameworks/national-province-2017.yaml";
import t_national_province_2024 from "../../frameworks/national-province-2024.yaml";
import t_service_index_766_2022 from "../../frameworks/service-index-766-2022.yaml";
import t_sipas_2023 from "../../frameworks/sipas-2023.yaml";

/** A bundled framework (or SIPAS survey definition) file. */
export interface BundledFramework {
  /** The `id:` of the file (its name without `.yaml`). */
  readonly id: string;
  /** Its file name in the package's `frameworks/` folder. */
  readonly file: string;
  /** `par-index/v1` (a framework) or `par-index/survey-v1` (a SIPAS survey definition). */
  readonly format: string;
  /** The YAML text, exactly as shipped. */
  readonly text: string;
}

function entry(file: string, text: string): BundledFramework {
  const format = /^format:\s*(\S+)/m.exec(text)?.[1] ?? "";
  return Object.freeze({ id: file.replace(/\.yaml$/, ""), file, format, text });
}

/** Every bundled file, by file name. */
export const BUNDLED_FRAMEWORKS: readonly BundledFramework[] = Object.freeze([
  entry("hanoi-commune-2025.yaml", t_hanoi_commune_2025),
  entry("hanoi-department-2023.yaml", t_hanoi_department_2023),
  entry("hanoi-department-2025.yaml", t_hanoi_department_2025),
  entry("hanoi-district-2023.yaml", t_hanoi_district_2023),
  entry("hanoi-ward-2024-bac-tu-liem.yaml", t_hanoi_ward_2024_bac_tu_liem),
  entry("hanoi-ward-2024.yaml", t_hanoi_ward_2024),
  entry("national-province-2017.yaml", t_national_province_2017),
  entry("national-province-2024.yaml", t_national_province_2024),
  entry("service-index-766-2022.yaml", t_service_index_766_2022),
  entry("sipas-2023.yaml", t_sipas_2023),
]);

/** The YAML text of a bundled framework by id (`hanoi-ward-2024`) or file name; undefined when there is none. */
export function bundledFrameworkText(idOrFile: string): string | undefined {
  return BUNDLED_FRAMEWORKS.find((f) => f.id === idOrFile || f.file === idOrFile)?.text;
}

/**
 * An `extends` resolver for `parseFramework` that finds bundled files by name (an overlay such as
 * `hanoi-ward-2024-bac-tu-liem.yaml` extends `hanoi-ward-2024.yaml`).
 */
export const resolveBundled: ExtendsResolver = (ref: string): FrameworkSource | undefined => {
  const name = ref.replace(/^(\.\/)+/, "");
  const found = BUNDLED_FRAMEWORKS.find((f) => f.file === name);
  return found === undefined ? undefined : { text: found.text, filename: found.file };
};
