import pkg from "../../package.json" with { type: "json" };
import { isLang, type Lang } from "../diagnostics/define.js";
import { didYouMean } from "../diagnostics/index.js";
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "./io.js";
import { outPathProblem } from "./output.js";

interface Command {
  readonly help: string;
  readonly run: (argv: readonly string[], io: CliIo) => number | Promise<number>;
}

/**
 * The commands, each loaded only when it runs (or for help): `--version` and a command's
 * start do not pay for the modules (zod, yaml, csv-parse, the report writers) it never uses.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => import("./commands/validate.js").then((m) => ({ help: m.validateHelp, run: m.validateCommand })),
  score: async () => import("./commands/score.js").then((m) => ({ help: m.scoreHelp, run: m.scoreCommand })),
  explain: async () => import("./commands/explain.js").then((m) => ({ help: m.explainHelp, run: m.explainCommand })),
  "check-evidence": async () => import("./commands/check-evidence.js").then((m) => ({ help: m.checkEvidenceHelp, run: m.checkEvidenceCommand })),
  sipas: async () => import("./commands/sipas.js").then((m) => ({ help: m.sipasHelp, run: m.sipasCommand })),
  demo: async () => import("./commands/demo.js").then((m) => ({ help: m.demoHelp, run: m.demoCommand })),
  verify: async () => import("./commands/verify.js").then((m) => ({ help: m.verifyHelp, run: m.verifyCommand })),
  appraise: async () => import("./commands/appraisal.js").then((m) => ({ help: m.appraiseHelp, run: m.appraiseCommand })),
  history: async () => import("./commands/appraisal.js").then((m) => ({ help: m.historyHelp, run: m.historyCommand })),
  template: async () => import("./commands/template.js").then((m) => ({ help: m.templateHelp, run: m.templateCommand })),
  guide: async () => import("./commands/guide.js").then((m) => ({ help: m.guideHelp, run: m.guideCommand })),
  report: async () => import("./commands/report.js").then((m) => ({ help: m.reportHelp, run: m.reportCommand })),
  gaps: async () => import("./commands/gaps.js").then((m) => ({ help: m.gapsHelp, run: m.gapsCommand })),
  plan: async () => import("./commands/plan.js").then((m) => ({ help: m.planHelp, run: m.planCommand })),
  rollup: async () => import("./commands/rollup.js").then((m) => ({ help: m.rollupHelp, run: m.rollupCommand })),
  compare: async () => import("./commands/compare.js").then((m) => ({ help: m.compareHelp, run: m.compareCommand })),
};

export const VERSION: string = pkg.version;

async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return `par-index ${VERSION}: score Vietnam's administrative-reform indices (PAR INDEX, SIPAS)

Usage: par-index COMMAND [options]

Commands:
${commands
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
    io.stdout((await usage()) + "\n");
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(VERSION + "\n");
    return EXIT_OK;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    const near = didYouMean(name, Object.keys(COMMANDS));
    io.stderr(`par-index: unknown command "${name}".${near === undefined ? "" : ` Did you mean "${near}"?`} Commands: ${Object.keys(COMMANDS).join(", ")}; see par-index --help.\n`);
    return EXIT_USAGE;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.help + "\n");
    return EXIT_OK;
  }
  try {
    // `demo --out DIR` names a folder it creates; every other command's --out is a file.
    const out = name === "demo" ? undefined : outFlag(rest);
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
