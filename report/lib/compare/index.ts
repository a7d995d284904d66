// Comparison of two runs: change, interval and verdict per group and metric.
export { compareRuns, DEFAULT_MIN_EFFECT, largestChanges, type Change, type CompareOptions, type Comparison } from "./compare.js";
export { CompareError } from "./messages.js";
export { COMPARISON_KEYS, COMPARISON_METRICS, type ComparisonMetric } from "./metrics.js";
export { verdictOf, type ChangeVerdict, type VerdictInput } from "./verdict.js";
export { exceedance, type Exceedance } from "./exceedance.js";
