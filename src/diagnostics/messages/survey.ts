import { defineMessages } from "../define.js";

/** Messages of the survey phase. Each code is stable; each message quotes the offending text and ends with a fix. */
export const surveyMessages = defineMessages({
});
