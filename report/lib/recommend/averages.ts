// Power-tuning's per-size averages computed from raw invocations (lambda/executor.js
// computeStatistics, lambda/utils.js computeAverageDuration and computePrice):
// - averageDuration: trimmed mean of Total Duration (Duration + Init Duration), discarding
//   ⌊n·discard⌋ values at each end (default 20 %);
// - averagePrice: ⌈trimmed mean of Billed Duration⌉ ms × the price of one ms at that size
//   (compute only: power-tuning leaves the per-request fee out).
import { gbSeconds } from "../metrics/billed.js";

/** power-tuning's `discardTopBottom` default (README-EXECUTE.md). */
export const DEFAULT_DISCARD_TOP_BOTTOM = 0.2;

/** utils.computeAverageDuration: the mean after dropping parseInt(n × discard) values at each end (0 for no values). */
export function trimmedMean(values: ArrayLike<number>, discard = DEFAULT_DISCARD_TOP_BOTTOM): number {
  return trimmedMeanOfSorted(Float64Array.from(values).sort(), discard);
}

/** trimmedMean of values already sorted ascending (the report's grouped values are, once per table): no copy, no sort. */
export function trimmedMeanOfSorted(sorted: ArrayLike<number>, discard = DEFAULT_DISCARD_TOP_BOTTOM): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const drop = Math.trunc(n * discard);
  let total = 0;
  for (let i = drop; i < n - drop; i++) total += sorted[i]!;
  return total / (n - 2 * drop);
}

/** utils.computePrice with power-tuning's base cost (price of 1 ms at 128 MB) written out: ⌈ms⌉ × GB-s price × MB/1024 / 1000. */
export function averagePrice(averageBilledMs: number, memoryMB: number, usdPerGbSecond: number): number {
  return gbSeconds(Math.ceil(averageBilledMs), memoryMB) * usdPerGbSecond;
}
