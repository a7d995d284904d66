// The comparison of two runs: none when their protocols differ (a change could come from the
// protocol); otherwise every change of every metric with its interval and verdict (compare/), the
// regressions and improvements largest first, and how many groups both runs measured.
import { analysisOf, runtimeLabels } from "../analysis.js";
import { protocolGroups, type ProtocolGroup } from "../comparability.js";
import { compareRuns, type Change, type Comparison } from "../compare/index.js";
import type { Datasets } from "../load/datasets.js";
import type { FindingOptions } from "./options.js";

export interface RunComparisonOptions extends Pick<FindingOptions, "billingRule"> {
  seed?: number;
  resamples?: number;
  /** Smallest relative change that counts (fraction of the baseline, e.g. 0.05). */
  minEffect?: number;
}

export type RunComparison =
  | { comparable: false; protocols: ProtocolGroup[] }
  | {
      comparable: true;
      comparison: Comparison;
      /** Largest relative size first (a change with no relative size last). */
      regressions: Change[];
      improvements: Change[];
      /** Groups (runtime × function × setting) both runs measured. */
      groups: number;
      /** Runtime name → label, from both runs. */
      labelOf: (name: string) => string;
      severalArchitectures: boolean;
    };

export function runComparison(baseline: Datasets, candidate: Datasets, options: RunComparisonOptions = {}): RunComparison {
  const protocols = protocolGroups([...baseline.datasets, ...candidate.datasets]);
  if (protocols.length > 1) return { comparable: false, protocols };
  const before = analysisOf(baseline);
  const after = analysisOf(candidate);
  const comparison = compareRuns(before.table, after.table, {
    ...(options.minEffect === undefined ? {} : { minEffect: options.minEffect }),
    rule: options.billingRule ?? "as-reported",
    uncertainty: { seed: options.seed, resamples: options.resamples },
  });
  return {
    comparable: true,
    comparison,
    regressions: comparison.changes.filter((x) => x.verdict === "regression").sort(bySize),
    improvements: comparison.changes.filter((x) => x.verdict === "improvement").sort(bySize),
    groups: new Set(comparison.changes.map((x) => JSON.stringify(x.group))).size,
    labelOf: runtimeLabels([...after.runtimes, ...before.runtimes]),
    severalArchitectures: new Set([...before.settings, ...after.settings].map((s) => s.architecture)).size > 1,
  };
}

const bySize = (a: Change, b: Change) => Math.abs(b.relative ?? 0) - Math.abs(a.relative ?? 0);
