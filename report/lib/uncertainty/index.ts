// Uncertainty: bootstrap intervals for report statistics and Performance Indexes, two-level
// (trials, then invocations) where the data has several trials.
export { calibratedDraws, calibratedInterval, combinedDf, singleTrialDraws, type Calibration, type Draws } from "./calibrate.js";
export { concurrencyGainIntervals, gainInterval, type ConcurrencyGainInterval } from "./concurrency-gain.js";
export { normalQuantile, studentQuantile } from "./distributions.js";
export { drawReplicates } from "./draws.js";
export { hasTrials, singleTrial, TRIAL_COLUMN, trialCounts, trialGroups, trialSample, trialScope, type TrialSample, type TrialScope } from "./trials.js";
export { twoLevelReplicates, type TwoLevelReplicates } from "./two-level.js";
export {
  bootstrapInterval,
  bootstrapSummary,
  intervalOfSample,
  intervalOfSorted,
  lowerColumn,
  upperColumn,
  streamSeed,
  type IntervalOptions,
  type StreamKey,
} from "./bootstrap.js";
export { compareIntervals, intervalFromReplicates, overlaps, type Interval, type IntervalVerdict } from "./interval.js";
export { bootstrapMethod, type MethodContext } from "./method.js";
export { UncertaintyError } from "./messages.js";
export { bootstrapOptions, DEFAULT_BOOTSTRAP, type BootstrapOptions, type ResampleMethod } from "./options.js";
export {
  performanceIndexIntervals,
  piCellsOf,
  type PiCell,
  type PiCellOptions,
  type PiFunctionInterval,
  type PiIntervals,
  type PiOverallInterval,
} from "./performance-index.js";
export { deriveSeed, integerSample, pairSums, PAIR_SUMS_MAX_N, seededRandom, type IntegerSample, type PairSums, type Random } from "./random.js";
export { bootstrapReplicates } from "./replicates.js";
export { sortedSample } from "./sample.js";
export {
  ORDER_STATISTIC_MIN,
  orderStatisticGroups,
  orderStatisticInterval,
  orderStatisticRanks,
  usesOrderStatistic,
  type OrderStatisticRanks,
} from "./order-statistic.js";
export { percentileBySelection, selectKth } from "./select.js";
export { estimateOfSorted, isExtreme, type Statistic } from "./statistic.js";
