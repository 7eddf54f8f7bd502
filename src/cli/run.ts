import pkg from "../../package.json" with { type: "json" };
import { defineStrings, isLang, LANGS, type Lang } from "../diagnostics/define.js";
import { didYouMean } from "../diagnostics/index.js";
import { EXIT_OK, EXIT_USAGE, langOf, UsageError, usageError, usageMessage, type CliIo, type Help } from "./io.js";
import { outPathProblem } from "./output.js";

interface Command {
  readonly help: Help;
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

const WORDS = defineStrings({
  en: {
    title: (version: string) => `par-index ${version}: scores Vietnam's administrative-reform indices (PAR INDEX, SIPAS)`,
    usage: "Usage: par-index COMMAND [options]",
    commands: "Commands:",
    more: 'Run "par-index COMMAND --help" for a command\'s options. Every command takes --lang vi|en (language of its output; default vi).',
    /** The line after a usage error: where the options are listed. */
    seeHelp: (command: string) => (command === "" ? 'Run "par-index --help" for the commands.' : `Run "par-index ${command} --help" for its options.`),
  },
  vi: {
    title: (version: string) => `par-index ${version}: chấm điểm các chỉ số cải cách hành chính của Việt Nam (Chỉ số CCHC – PAR INDEX, Chỉ số SIPAS)`,
    usage: "Cách dùng: par-index LỆNH [tùy chọn]",
    commands: "Các lệnh:",
    more: "Xem các tùy chọn của từng lệnh: par-index LỆNH --help. Mọi lệnh đều nhận --lang vi|en (ngôn ngữ của kết quả; mặc định vi).",
    seeHelp: (command: string) => `Xem \`${command === "" ? "par-index" : `par-index ${command}`} --help\`.`,
  },
});

async function usage(lang: Lang): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const w = WORDS[lang];
  return `${w.title(VERSION)}

${w.usage}

${w.commands}
${commands
  .map((c) => "  " + (c.help[lang].split("\n")[0] ?? ""))
  .join("\n")}

${w.more}`;
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
      if (value === undefined) throw usageError("usage-missing-option", { option: "--lang", placeholder: "vi" });
    } else if (a.startsWith("--lang=")) value = a.slice("--lang=".length);
    else {
      rest.push(a);
      continue;
    }
    if (!isLang(value)) throw usageError("usage-bad-choice", { option: "--lang", value, allowed: LANGS });
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
    // A bad --lang: worded in the language asked for elsewhere on the line, if any.
    const asked: Lang = argv.some((x, i) => x === "--lang=en" || (x === "--lang" && argv[i + 1] === "en")) ? "en" : langOf(io);
    io.stderr(`par-index: ${usageMessage(e, asked)}\n${WORDS[asked].seeHelp("")}\n`);
    return EXIT_USAGE;
  }
  if (parsed.lang !== undefined) io = { ...io, lang: parsed.lang };
  const lang = langOf(io);
  const [name, ...rest] = parsed.rest;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout((await usage(lang)) + "\n");
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(VERSION + "\n");
    return EXIT_OK;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    const near = didYouMean(name, Object.keys(COMMANDS));
    const e = usageError("usage-unknown-command", { command: name, ...(near !== undefined && { suggestion: near }), values: Object.keys(COMMANDS) });
    io.stderr(`par-index: ${usageMessage(e, lang)}\n${WORDS[lang].seeHelp("")}\n`);
    return EXIT_USAGE;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.help[lang] + "\n");
    return EXIT_OK;
  }
  try {
    // `demo --out DIR` names a folder it creates; every other command's --out is a file.
    const out = name === "demo" ? undefined : outFlag(rest);
    const problem = out === undefined ? undefined : outPathProblem(io.cwd, out);
    if (problem !== undefined) throw problem;
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      // One line, then where the options are listed (not the whole help).
      io.stderr(`par-index ${name}: ${usageMessage(e, lang)}\n${WORDS[lang].seeHelp(name)}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
