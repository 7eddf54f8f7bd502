import { defineMessages } from "../define.js";

/** Messages of the evidence phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const evidenceMessages = defineMessages({
});
