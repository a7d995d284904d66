// Memory-size recommendations: power-tuning's strategies on its averages, the same strategies on
// p99 with intervals, and the cost/speed frontier.
export { averagePrice, DEFAULT_DISCARD_TOP_BOTTOM, trimmedMean, trimmedMeanOfSorted } from "./averages.js";
export { dominates, paretoFrontier, type CostSpeedPoint } from "./frontier.js";
export {
  balancedValue,
  clampWeight,
  DEFAULT_BALANCED_WEIGHT,
  DEFAULT_STRATEGY,
  findBalanced,
  findCheapest,
  findFastest,
  recommend,
  STRATEGIES,
  type SizeAverages,
  type Strategy,
} from "./strategies.js";
export { pickWithIntervals, type Pick, type SizeWithIntervals } from "./with-intervals.js";
export { stopsHelping, type SizeInterval, type StopsHelping } from "./stops-helping.js";
