import { defineMessages } from "../define.js";

/** Messages of the cli phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const cliMessages = defineMessages({
});
