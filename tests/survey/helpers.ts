import { readFileSync } from "node:fs";
import { parseSurvey, type CompiledSurvey } from "../../src/survey/index.js";

export const fixture = (name: string) => readFileSync(new URL(`../../fixtures/sipas/${name}`, import.meta.url), "utf8");

export function compiled(text: string, filename = "s.yaml"): CompiledSurvey {
  const r = parseSurvey(text, { filename });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join("\n"));
  return r.survey;
}

/** A minimal valid survey text; `extra` replaces parts by simple string substitution. */
export const BASE = `format: par-index/survey-v1
id: t
title: T
year: 2024
scale:
  levels: [1, 2, 3, 4, 5]
  labels: { 4: "Hài lòng", 5: "Rất hài lòng" }
  satisfied: [4, 5]
groups:
  - { id: g1 }
  - { id: g2 }
elements:
  - { id: e1, group: g1 }
  - { id: e2, group: g2 }
items:
  - { id: i1, element: e1 }
  - { id: i2, element: e1 }
  - { id: i3, element: e2 }
`;
