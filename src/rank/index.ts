export { rank, type RankOutcome } from "./rank.js";
