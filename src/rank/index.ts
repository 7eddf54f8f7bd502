export { rank, rankKeys, unitAttribute, type RankOutcome } from "./rank.js";
