// The replicates of one statistic of one sample, whatever its number of trials: the ordinary
// bootstrap for one trial (replicates.ts), the calibrated two-level bootstrap for several
// (two-level.ts, calibrate.ts).
import { calibratedDraws, singleTrialDraws, type Draws } from "./calibrate.js";
import type { BootstrapOptions } from "./options.js";
import type { Random } from "./random.js";
import { bootstrapReplicates } from "./replicates.js";
import { estimateOfSorted, type Statistic } from "./statistic.js";
import type { TrialSample } from "./trials.js";
import { twoLevelReplicates } from "./two-level.js";

export function drawReplicates(sample: TrialSample, statistic: Statistic, o: BootstrapOptions, random: Random): Draws {
  if (sample.trials.length < 2) return singleTrialDraws(bootstrapReplicates(sample.pooled, statistic, o.resamples, random, o.method));
  const estimate = estimateOfSorted(sample.pooled, statistic);
  return calibratedDraws(estimate, twoLevelReplicates(sample, statistic, o.resamples, random, o.method), sample.trials.length);
}
