// The statistics a bootstrap can be asked for (the report's own Statistic descriptors), their
// point estimates on a sorted sample, and which of them the order-statistics resampler handles.
import type { Statistic } from "../metrics/statistics.js";
import { percentileOfSorted } from "../metrics/percentile.js";
import { UncertaintyError, uncertaintyMessages } from "./messages.js";

export type { Statistic };

/** Order statistics a statistic needs: 0-based rank `rank`, plus `rank + 1` weighted by `frac`. */
export interface OrderStatisticNeed {
  rank: number;
  frac: number;
}

/** The ranks a percentile-like statistic reads on a sorted sample of n, or null for sums/means. */
export function orderStatisticNeed(s: Statistic, n: number): OrderStatisticNeed | null {
  switch (s.kind) {
    case "max":
      return { rank: n - 1, frac: 0 };
    case "min":
      return { rank: 0, frac: 0 };
    case "median":
    case "percentile": {
      const p = s.kind === "percentile" ? s.p : 0.5;
      if (!(p >= 0 && p <= 1)) throw new UncertaintyError(uncertaintyMessages.percentileOutOfRange(p));
      // Same positions as percentileOfSorted: (n − 1)·p, linear between neighbours.
      const h = (n - 1) * p;
      const rank = Math.floor(h);
      return { rank, frac: rank + 1 < n ? h - rank : 0 };
    }
    case "mean":
    case "sum":
      return null;
    default:
      throw new UncertaintyError(uncertaintyMessages.unsupportedStatistic(s.kind));
  }
}

/** The statistic of a non-empty sample sorted ascending, by the report's definitions. */
export function estimateOfSorted(sorted: Float64Array, s: Statistic): number {
  const n = sorted.length;
  switch (s.kind) {
    case "max":
      return sorted[n - 1]!;
    case "min":
      return sorted[0]!;
    case "median":
      return percentileOfSorted(sorted, 0.5)!;
    case "percentile":
      return percentileOfSorted(sorted, s.p)!;
    case "mean":
    case "sum": {
      let total = 0;
      for (let i = 0; i < n; i++) total += sorted[i]!;
      return s.kind === "sum" ? total : total / n;
    }
    default:
      throw new UncertaintyError(uncertaintyMessages.unsupportedStatistic(s.kind));
  }
}

/** The bootstrap of a max (or min) cannot reach beyond the sample's extreme: flagged in intervals. */
export const isExtreme = (s: Statistic): boolean => s.kind === "max" || s.kind === "min";
