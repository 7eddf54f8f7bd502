import pkg from "../../package.json" with { type: "json" };
import { isLang, type Lang } from "../diagnostics/define.js";
import { didYouMean } from "../diagnostics/index.js";
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "./io.js";
import { outPathProblem } from "./output.js";
import { validateCommand, validateHelp } from "./commands/validate.js";
import { sipasCommand, sipasHelp } from "./commands/sipas.js";
import { scoreCommand, scoreHelp } from "./commands/score.js";
import { explainCommand, explainHelp } from "./commands/explain.js";
import { checkEvidenceCommand, checkEvidenceHelp } from "./commands/check-evidence.js";
import { demoCommand, demoHelp } from "./commands/demo.js";
import { verifyCommand, verifyHelp } from "./commands/verify.js";
import { appraiseCommand, appraiseHelp, historyCommand, historyHelp } from "./commands/appraisal.js";
import { templateCommand, templateHelp } from "./commands/template.js";
import { guideCommand, guideHelp } from "./commands/guide.js";
import { reportCommand, reportHelp } from "./commands/report.js";
import { gapsCommand, gapsHelp } from "./commands/gaps.js";
import { planCommand, planHelp } from "./commands/plan.js";
import { rollupCommand, rollupHelp } from "./commands/rollup.js";
import { compareCommand, compareHelp } from "./commands/compare.js";

interface Command {
  readonly help: string;
  readonly run: (argv: readonly string[], io: CliIo) => number | Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  validate: { help: validateHelp, run: validateCommand },
  score: { help: scoreHelp, run: scoreCommand },
  explain: { help: explainHelp, run: explainCommand },
  "check-evidence": { help: checkEvidenceHelp, run: checkEvidenceCommand },
  sipas: { help: sipasHelp, run: sipasCommand },
  gaps: { help: gapsHelp, run: gapsCommand },
  plan: { help: planHelp, run: planCommand },
  rollup: { help: rollupHelp, run: rollupCommand },
  compare: { help: compareHelp, run: compareCommand },
  demo: { help: demoHelp, run: demoCommand },
  verify: { help: verifyHelp, run: verifyCommand },
  appraise: { help: appraiseHelp, run: appraiseCommand },
  history: { help: historyHelp, run: historyCommand },
  template: { help: templateHelp, run: templateCommand },
  guide: { help: guideHelp, run: guideCommand },
  report: { help: reportHelp, run: reportCommand },
};

export const VERSION: string = pkg.version;

function usage(): string {
  return `par-index ${VERSION}: score Vietnam's administrative-reform indices (PAR INDEX, SIPAS)

Usage: par-index COMMAND [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => "  " + (c.help.split("\n")[0] ?? ""))
  .join("\n")}

Run "par-index COMMAND --help" for a command's options.`;
}

/**
 * Takes `--lang vi|en` (or `--lang=vi`) out of the arguments, wherever it is; the last one wins.
 * Throws a usage error for another value.
 */
export function takeLang(argv: readonly string[]): { lang: Lang | undefined; rest: string[] } {
  const rest: string[] = [];
  let lang: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (a === "--lang") {
      value = argv[i + 1];
      i++;
      if (value === undefined) throw new UsageError("missing value for --lang: give it as --lang vi or --lang en.");
    } else if (a.startsWith("--lang=")) value = a.slice("--lang=".length);
    else {
      rest.push(a);
      continue;
    }
    if (!isLang(value)) throw new UsageError(`--lang must be vi or en, not "${value}".`);
    lang = value;
  }
  return { lang, rest };
}

/** The value of `--out` (`--out FILE` or `--out=FILE`), to check its folder before any work. */
function outFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") return undefined;
    if (a === "--out") return argv[i + 1];
    if (a.startsWith("--out=")) return a.slice("--out=".length);
  }
  return undefined;
}

/** Runs the CLI on `argv` (without node and script); returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof takeLang>;
  try {
    parsed = takeLang(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`par-index: ${e.message}\n`);
    return EXIT_USAGE;
  }
  if (parsed.lang !== undefined) io = { ...io, lang: parsed.lang };
  const [name, ...rest] = parsed.rest;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage() + "\n");
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(VERSION + "\n");
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const near = didYouMean(name, Object.keys(COMMANDS));
    io.stderr(`par-index: unknown command "${name}".${near === undefined ? "" : ` Did you mean "${near}"?`} Commands: ${Object.keys(COMMANDS).join(", ")}; see par-index --help.\n`);
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.help + "\n");
    return EXIT_OK;
  }
  try {
    const out = outFlag(rest);
    const problem = out === undefined ? undefined : outPathProblem(io.cwd, out);
    if (problem !== undefined) throw new UsageError(problem);
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      // One line, then where the options are listed (not the whole help).
      io.stderr(`par-index ${name}: ${e.message}\nRun "par-index ${name} --help" for its options.\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
