#!/usr/bin/env node
import { runCli } from "./run.js";

// A closed pipe (`par-index score … | head`) ends the command quietly: nothing more can be read.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  // A file or a terminal is written at once; a full pipe keeps the bytes until the reader takes them.
  stdoutBytes: (b) => {
    let written!: () => void;
    const done = new Promise<void>((resolve) => (written = resolve));
    process.stdout.write(b, () => written());
    return process.stdout.writableLength === 0 ? true : done;
  },
  stderr: (t) => process.stderr.write(t),
  settle: (code) => {
    process.exitCode = code;
  },
  stderrIsTty: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    // The language asked for (runCli has not said it): the last --lang, Vietnamese by default.
    const en = process.argv.slice(2).reduce((l, a, i, all) => (a === "--lang" ? all[i + 1] === "en" : a.startsWith("--lang=") ? a === "--lang=en" : l), false);
    process.stderr.write(
      en
        ? `par-index: internal error: ${detail}\nPlease report this with the command you ran.\n`
        : `par-index: lỗi nội bộ của chương trình: ${detail}\nĐề nghị báo lỗi này kèm câu lệnh đã chạy.\n`,
    );
    process.exitCode = 70;
  },
);
