// Uncertainty: percentile-bootstrap intervals for report statistics and Performance Indexes.
export { bootstrapInterval, bootstrapSummary, intervalOfSorted, lowerColumn, upperColumn, streamSeed, type IntervalOptions, type StreamKey } from "./bootstrap.js";
export { compareIntervals, intervalFromReplicates, overlaps, type Interval, type IntervalVerdict } from "./interval.js";
export { bootstrapMethod, type MethodContext } from "./method.js";
export { UncertaintyError } from "./messages.js";
export { bootstrapOptions, DEFAULT_BOOTSTRAP, type BootstrapOptions, type ResampleMethod } from "./options.js";
export { performanceIndexIntervals, piCellsOf, type PiCell, type PiCellOptions, type PiFunctionInterval, type PiIntervals, type PiOverallInterval } from "./performance-index.js";
export { deriveSeed, seededRandom, type Random } from "./random.js";
export { bootstrapReplicates } from "./replicates.js";
export { sortedSample } from "./sample.js";
export { percentileBySelection, selectKth } from "./select.js";
export { estimateOfSorted, isExtreme, type Statistic } from "./statistic.js";
