// What a comparison compares: each metric is a statistic of a per-invocation column, lower is
// better for all of them (durations, memory, billed time).
import { BILLED } from "../metrics/billed.js";
import { COLD_START } from "../metrics/cold-start.js";
import { MAX_MEMORY } from "../metrics/max-memory.js";
import { stat, type Statistic } from "../metrics/statistics.js";
import { TOTAL_DURATION } from "../metrics/total-duration.js";

export interface ComparisonMetric {
  id: string;
  label: string;
  column: string;
  statistic: Statistic;
  unit: "ms" | "MB";
}

export const COMPARISON_METRICS: readonly ComparisonMetric[] = [
  { id: "total-p50", label: "p50 Total Duration", column: TOTAL_DURATION, statistic: stat.percentile(0.5, "p50"), unit: "ms" },
  { id: "total-p90", label: "p90 Total Duration", column: TOTAL_DURATION, statistic: stat.percentile(0.9, "p90"), unit: "ms" },
  { id: "total-p99", label: "p99 Total Duration", column: TOTAL_DURATION, statistic: stat.percentile(0.99, "p99"), unit: "ms" },
  { id: "total-max", label: "max Total Duration", column: TOTAL_DURATION, statistic: stat.max(), unit: "ms" },
  { id: "cold-start-max", label: "max Cold Start Duration", column: COLD_START, statistic: stat.max(), unit: "ms" },
  { id: "memory-max", label: "max Max Memory Used", column: MAX_MEMORY, statistic: stat.max(), unit: "MB" },
  { id: "billed-mean", label: "mean Billed Duration", column: BILLED, statistic: stat.mean(), unit: "ms" },
];

/** A run is compared group by group: the same runtime and function at the same memory size and architecture. */
export const COMPARISON_KEYS = ["memoryMB", "architecture", "runtime", "function"] as const;
