import { analysisMessages } from "./messages/analysis.js";
import { cliMessages } from "./messages/cli.js";
import { engineMessages } from "./messages/engine.js";
import { evidenceMessages } from "./messages/evidence.js";
import { exprMessages } from "./messages/expr.js";
import { frameworkMessages } from "./messages/framework.js";
import { packageMessages } from "./messages/package.js";
import { surveyMessages } from "./messages/survey.js";
import { trustMessages } from "./messages/trust.js";
import { yamlMessages } from "./messages/yaml.js";
import { xlsxMessages } from "./messages/xlsx.js";

/**
 * Every user-facing message of the library, by stable code. One catalogue,
 * assembled from one file per pipeline phase.
 */
export const CATALOGUE = {
  ...yamlMessages,
  ...frameworkMessages,
  ...exprMessages,
  ...evidenceMessages,
  ...engineMessages,
  ...surveyMessages,
  ...cliMessages,
  ...trustMessages,
  ...xlsxMessages,
  ...analysisMessages,
  ...packageMessages,
};

export type Catalogue = typeof CATALOGUE;
export type DiagnosticCode = keyof Catalogue;
export type ParamsOf<C extends DiagnosticCode> = Parameters<Catalogue[C]["message"]>[0];
