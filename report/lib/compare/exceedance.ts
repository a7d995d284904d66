// An exact, distribution-free check for maxima, whose bootstrap is degenerate: how many of one
// run's values lie above the other run's maximum, and how likely that many would be if both runs
// came from one distribution (all orderings of the pooled values equally likely).

export interface Exceedance {
  /** Candidate values above the baseline's max, and the chance of at least that many under "no change". */
  candidateAbove: number;
  pRegression: number;
  /** Baseline values above the candidate's max, and its chance. */
  baselineAbove: number;
  pImprovement: number;
}

/** Both samples sorted ascending and non-empty. */
export function exceedance(baseline: Float64Array, candidate: Float64Array): Exceedance {
  const m = baseline.length;
  const n = candidate.length;
  const candidateAbove = countAbove(candidate, baseline[m - 1]!);
  const baselineAbove = countAbove(baseline, candidate[n - 1]!);
  return {
    candidateAbove,
    pRegression: allTopFrom(candidateAbove, n, m + n),
    baselineAbove,
    pImprovement: allTopFrom(baselineAbove, m, m + n),
  };
}

function countAbove(sorted: Float64Array, threshold: number): number {
  let count = 0;
  for (let i = sorted.length - 1; i >= 0 && sorted[i]! > threshold; i--) count++;
  return count;
}

/** P(the e largest of `total` pooled values all come from a side of `size`) = Π (size − i)/(total − i). */
function allTopFrom(e: number, size: number, total: number): number {
  let p = 1;
  for (let i = 0; i < e; i++) p *= (size - i) / (total - i);
  return p;
}
