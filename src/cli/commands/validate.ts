import { hasErrors } from "../../diagnostics/index.js";
import { loadFrameworkFile } from "../../node/framework.js";
import { parseCommandArgs } from "../args.js";
import { EXIT_ERRORS, EXIT_OK, UsageError, type CliIo } from "../io.js";
import { printDiagnostics } from "../output.js";

export const validateHelp = `par-index validate FILE...

Checks framework files. Exit 0 when all are valid; otherwise exit 1 with one line
per problem on stderr: FILE:LINE:COLUMN: error CODE: message.`;

export function validateCommand(argv: readonly string[], io: CliIo): number {
  const { positionals } = parseCommandArgs(argv, {}, true);
  if (positionals.length === 0) throw new UsageError("give at least one framework file: par-index validate FILE...");
  let failed = false;
  for (const file of positionals) {
    const result = loadFrameworkFile(file);
    printDiagnostics(io, result.diagnostics);
    if (!result.ok || hasErrors(result.diagnostics)) failed = true;
    else io.stdout(`${file}: valid (${result.framework.id}, ${result.framework.year}, ${result.framework.nodes.length} criteria)\n`);
  }
  return failed ? EXIT_ERRORS : EXIT_OK;
}
