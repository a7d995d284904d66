// Two-level bootstrap replicates of a statistic of a sample split into trials: each replicate
// draws T trials with replacement from the T measured, then invocations from the drawn trials,
// and computes the statistic on everything drawn (as the point estimate pools every trial).
//
// Alongside, the variance of the within-trial replicates (every trial kept once, invocations
// resampled) that calibrate.ts needs to separate the between-trial part of the variance from the
// within-trial part. For a mean or a sum that variance is known exactly (Σ_t of each trial's
// squared deviations, over N² for a mean), so it is computed, not drawn: half the draws saved,
// and no Monte Carlo error in it. For the other statistics it is the variance of drawn replicates.
//
// Two ways, as for one trial (replicates.ts). "resample" draws every invocation: each drawn copy
// of trial t contributes n_t invocations drawn from trial t. "auto" draws the pooled resample's
// order statistics directly, treating it as n' = Σ n_t draws from the drawn trials' invocations
// (each copy weighted by its size): for a percentile the k-th smallest is the value at weighted
// position ⌊n'·U₍ₖ₎⌋, U₍ₖ₎ ~ Beta(k, n' − k + 1), found by a binary search over the pooled sorted
// values with per-trial running counts. The per-trial counts are then random around n_t instead of
// fixed, which adds a variance of order (spread of the trials' CDFs at the quantile)² next to
// p(1 − p); it enters both replicate sets, so calibrate.ts's difference mostly cancels it, and the
// tests bound what is left against the full resampler. Maxima and minima are drawn exactly (one
// order statistic per drawn trial); means exactly by their moments (normal expansion from
// MEAN_EXPANSION_MIN values on) or by drawing every value (two at a time for integer trials).
import type { ResampleMethod } from "./options.js";
import { integerSample, pairSums, PAIR_SUMS_MAX_N, type IntegerSample, type PairSums, type Random } from "./random.js";
import { bootstrapReplicates, MEAN_EXPANSION_MIN, uniformOrderStatistic } from "./replicates.js";
import { percentileBySelection } from "./select.js";
import { orderStatisticNeed, type Statistic } from "./statistic.js";
import type { TrialSample } from "./trials.js";
import { replicateVariance } from "./variance.js";

export interface TwoLevelReplicates {
  /** Trials resampled, then invocations within the drawn trials. */
  twoLevel: Float64Array;
  /** Variance of the statistic with the trials kept as measured and invocations resampled within each. */
  withinVariance: number;
}

export function twoLevelReplicates(sample: TrialSample, statistic: Statistic, resamples: number, random: Random, method: ResampleMethod): TwoLevelReplicates {
  const T = sample.trials.length;
  // Replicate b's multiplicities (copies of each trial drawn) are m[b·T … b·T + T − 1].
  const m = new Uint32Array(resamples * T);
  for (let b = 0; b < resamples; b++) for (let i = 0; i < T; i++) m[b * T + random.index(T)]!++;
  if (statistic.kind === "mean" || statistic.kind === "sum") {
    const sum = statistic.kind === "sum";
    const twoLevel =
      method === "auto" ? meanReplicates(sample.trials, m, resamples, sum, random) : replicates(drawOf(sample, statistic, method, random), m, T, resamples);
    return { twoLevel, withinVariance: withinMeanVariance(sample.trials, sum) };
  }
  const draw = drawOf(sample, statistic, method, random);
  const twoLevel = replicates(draw, m, T, resamples);
  // Every trial once, as the fast percentile draw treats it, is the ordinary bootstrap of the
  // pooled values: drawn directly, without the weighted search.
  const pooledPercentile = method === "auto" && statistic.kind !== "max" && statistic.kind !== "min" && orderStatisticNeed(statistic, 1) !== null;
  if (pooledPercentile) return { twoLevel, withinVariance: replicateVariance(bootstrapReplicates(sample.pooled, statistic, resamples, random, "auto")) };
  return { twoLevel, withinVariance: replicateVariance(replicates(draw, new Uint32Array(T).fill(1), 0, resamples)) };
}

/** A replicate for multiplicities m[at … at + T − 1] (how many copies of each trial were drawn). */
type Draw = (m: Uint32Array, at: number) => number;

/** The b-th of `count` replicates drawn for the multiplicities at m[b·stride …] (stride 0: the same ones each time). */
function replicates(draw: Draw, m: Uint32Array, stride: number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let b = 0; b < count; b++) out[b] = draw(m, b * stride);
  return out;
}

/** The draw of one replicate of a percentile, extreme, or (full resampler only) mean or sum. */
function drawOf(sample: TrialSample, statistic: Statistic, method: ResampleMethod, random: Random): Draw {
  if (method === "resample") return (m, at) => stratifiedReplicate(sample.trials, m, at, statistic, random);
  if (statistic.kind === "max" || statistic.kind === "min") return (m, at) => extremeReplicate(sample.trials, m, at, statistic.kind === "max", random);
  const mixture = mixtureOf(sample);
  return (m, at) => mixture.orderStatisticReplicate(m, at, statistic, random);
}

/**
 * The within-trial replicates' variance of a sum or mean, exactly: each trial's n_t draws add a
 * variance of n_t times its plug-in variance, i.e. its sum of squared deviations m₂; over N² for a mean.
 */
function withinMeanVariance(trials: readonly Float64Array[], sum: boolean): number {
  let n = 0;
  let total = 0;
  for (const values of trials) {
    n += values.length;
    total += trialMoments(values).m2;
  }
  return sum ? total : total / (n * n);
}

/** One replicate drawn invocation by invocation: m[t] copies of trial t, each of n_t draws from trial t. */
function stratifiedReplicate(trials: readonly Float64Array[], m: Uint32Array, at0: number, statistic: Statistic, random: Random): number {
  let size = 0;
  for (let t = 0; t < trials.length; t++) size += m[at0 + t]! * trials[t]!.length;
  const buffer = new Float64Array(size);
  let at = 0;
  for (let t = 0; t < trials.length; t++) {
    const values = trials[t]!;
    const n = values.length;
    for (let copy = 0; copy < m[at0 + t]!; copy++) for (let i = 0; i < n; i++) buffer[at++] = values[random.index(n)]!;
  }
  switch (statistic.kind) {
    case "max":
      return buffer.reduce((x, y) => (y > x ? y : x), -Infinity);
    case "min":
      return buffer.reduce((x, y) => (y < x ? y : x), Infinity);
    case "mean":
    case "sum": {
      let total = 0;
      for (let i = 0; i < size; i++) total += buffer[i]!;
      return statistic.kind === "sum" ? total : total / size;
    }
    default:
      return percentileBySelection(buffer, statistic.kind === "median" ? 0.5 : (statistic as { p: number }).p)!;
  }
}

/**
 * Exact for a max (min): the largest of m_t·n_t draws from trial t is its sorted value at
 * ⌊n_t·U^(1/(m_t·n_t))⌋, and the replicate is the largest over the drawn trials.
 */
function extremeReplicate(trials: readonly Float64Array[], m: Uint32Array, at: number, max: boolean, random: Random): number {
  let best = max ? -Infinity : Infinity;
  for (let t = 0; t < trials.length; t++) {
    const copies = m[at + t]!;
    if (copies === 0) continue;
    const values = trials[t]!;
    const n = values.length;
    const uniform = random.uniform();
    // A trial whose own extreme cannot beat the best so far changes nothing: its power is skipped (its uniform is still drawn).
    if (max ? values[n - 1]! <= best : values[0]! >= best) continue;
    const u = Math.pow(uniform, 1 / (copies * n));
    const v = values[Math.min(n - 1, Math.floor((max ? u : 1 - u) * n))]!;
    if (max ? v > best : v < best) best = v;
  }
  return best;
}

interface Mixture {
  orderStatisticReplicate(m: Uint32Array, at: number, statistic: Statistic, random: Random): number;
}

/** One mixture per sample, shared by every statistic of it (the sample's arrays never change). */
const mixtures = new WeakMap<TrialSample, Mixture>();
function mixtureOf(sample: TrialSample): Mixture {
  let m = mixtures.get(sample);
  if (!m) mixtures.set(sample, (m = weightedMixture(sample)));
  return m;
}

/**
 * The pooled sorted values with, for each trial, how many of its values lie at or before each
 * position (counts[i·T + t]): the weighted rank of position i for multiplicities m is
 * Σ_t m_t·count_t[i].
 */
function weightedMixture(sample: TrialSample): Mixture {
  const { pooled, trials } = sample;
  const N = pooled.length;
  const T = trials.length;
  const counts = new Uint32Array(N * T);
  // k-way merge of the sorted trials (each is a sub-multiset of the pooled values).
  const next = new Uint32Array(T);
  for (let i = 0; i < N; i++) {
    let best = -1;
    for (let t = 0; t < T; t++) if (next[t]! < trials[t]!.length && (best < 0 || trials[t]![next[t]!]! < trials[best]![next[best]!]!)) best = t;
    next[best]!++;
    for (let t = 0; t < T; t++) counts[i * T + t] = next[t]!;
  }
  const sizes = trials.map((t) => t.length);
  /** The value at 0-based position `target` of the pooled values with trial t repeated m[from + t] times. */
  const rankAt = (m: Uint32Array, from: number, i: number): number => {
    let rank = 0;
    const row = i * T;
    for (let t = 0; t < T; t++) rank += m[from + t]! * counts[row + t]!;
    return rank;
  };
  /**
   * The index of the value at 0-based position `target` of the pooled values with trial t
   * repeated m[from + t] times: the smallest i whose weighted rank exceeds `target` (one answer,
   * wherever the search starts). The search starts at `guess` and gallops outwards, so it costs
   * the log of how far the answer is from it, not the log of N.
   */
  const indexAt = (m: Uint32Array, from: number, target: number, guess: number): number => {
    let lo: number;
    let hi: number;
    if (rankAt(m, from, guess) > target) {
      hi = guess;
      let step = 1;
      lo = guess - step;
      while (lo > 0 && rankAt(m, from, lo) > target) {
        hi = lo;
        step *= 2;
        lo = hi - step;
      }
      lo = Math.max(0, lo);
    } else {
      lo = guess + 1;
      let step = 1;
      hi = Math.min(N - 1, guess + step);
      while (hi < N - 1 && rankAt(m, from, hi) <= target) {
        lo = hi + 1;
        step *= 2;
        hi = Math.min(N - 1, hi + step);
      }
    }
    // Now the answer lies in [lo, hi]: binary search as before.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rankAt(m, from, mid) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return {
    orderStatisticReplicate(m, from, statistic, random) {
      let n = 0;
      for (let t = 0; t < T; t++) n += m[from + t]! * sizes[t]!;
      // orderStatisticNeed's ranks, without its object: this runs once per replicate.
      const p = statistic.kind === "max" ? 1 : statistic.kind === "min" ? 0 : statistic.kind === "median" ? 0.5 : (statistic as { p: number }).p;
      const h = (n - 1) * p;
      const rank = Math.floor(h);
      const frac = rank + 1 < n ? h - rank : 0;
      const k = rank + 1;
      const u = uniformOrderStatistic(k, n, random);
      // The first search starts where the position would be with every trial once (scaled by n'/N).
      const target = Math.min(n - 1, Math.floor(u * n));
      const at = indexAt(m, from, target, Math.min(N - 1, Math.floor((target * N) / n)));
      const v0 = pooled[at]!;
      if (frac === 0) return v0;
      // The next order statistic is at or after the first: its search starts there.
      const following = u + (1 - u) * (1 - Math.pow(random.uniform(), 1 / (n - k)));
      return v0 + (pooled[indexAt(m, from, Math.min(n - 1, Math.floor(following * n)), at)]! - v0) * frac;
    },
  };
}

interface Moments {
  n: number;
  sum: number;
  /** Σ (x − mean)², Σ (x − mean)³ about the trial's own mean. */
  m2: number;
  m3: number;
}

function trialMoments(values: Float64Array): Moments {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  return { n, sum, m2, m3 };
}

/**
 * A mean's (sum's) replicates: copies of trial t each add the sum of n_t draws from trial t, whose
 * mean is the trial's sum and whose variance and third central moment are n_t times the trial's.
 * Replicates of MEAN_EXPANSION_MIN values or more draw the total from its Cornish–Fisher
 * expansion; the others draw every value, trial by trial (all of trial 1's copies for every
 * replicate, then trial 2's…), so that a trial of integers (billed milliseconds) is drawn two
 * values at a time from its pair sums, which then stay in cache.
 */
function meanReplicates(trials: readonly Float64Array[], m: Uint32Array, resamples: number, sum: boolean, random: Random): Float64Array {
  const T = trials.length;
  const moments = trials.map(trialMoments);
  const out = new Float64Array(resamples);
  const sizes = new Float64Array(resamples);
  const drawn: number[] = [];
  for (let b = 0; b < resamples; b++) {
    let n = 0;
    let total = 0;
    let variance = 0;
    let third = 0;
    for (let t = 0; t < T; t++) {
      const c = moments[t]!;
      const copies = m[b * T + t]!;
      n += copies * c.n;
      total += copies * c.sum;
      variance += copies * c.m2;
      third += copies * c.m3;
    }
    sizes[b] = n;
    if (n >= MEAN_EXPANSION_MIN) {
      const skew = variance > 0 ? third / Math.pow(variance, 1.5) : 0;
      const z = random.normal();
      out[b] = total + Math.sqrt(variance) * (z + (skew * (z * z - 1)) / 6);
    } else drawn.push(b);
  }
  for (let t = 0; t < T && drawn.length > 0; t++) {
    const values = trials[t]!;
    const integers = integerSample(values);
    // The table (n² sums) pays for itself when it saves more draws than it has entries; the
    // 32-bit sums cannot overflow with at most T copies of the trial in a replicate.
    const pairs =
      integers && values.length <= PAIR_SUMS_MAX_N && values.length <= resamples / 2 && T * values.length * integers.maxAbs < 2 ** 31
        ? pairSums(integers)
        : null;
    if (pairs) addTrialPairs(out, drawn, m, T, t, values, pairs, random);
    else addTrial(out, drawn, m, T, t, values, integers, random);
  }
  if (!sum) for (let b = 0; b < resamples; b++) out[b]! /= sizes[b]!;
  return out;
}

/**
 * Each drawn replicate's m_t·n_t draws from trial t, two at a time (a running total that is not
 * an integer, after a trial that was not, draws one at a time). Its own function, like addTrial:
 * the loop then compiles on its own, faster than inside meanReplicates.
 */
function addTrialPairs(
  out: Float64Array,
  drawn: readonly number[],
  m: Uint32Array,
  T: number,
  t: number,
  values: Float64Array,
  pairs: PairSums,
  random: Random,
): void {
  const n = values.length;
  for (let i = 0; i < drawn.length; i++) {
    const b = drawn[i]!;
    const count = m[b * T + t]! * n;
    if (count === 0) continue;
    const start = out[b]!;
    out[b] = Number.isInteger(start) ? random.addPairDraws(start, pairs, count) : random.addDraws(start, values, count);
  }
}

/** Each drawn replicate's m_t·n_t draws from trial t, one at a time. */
function addTrial(
  out: Float64Array,
  drawn: readonly number[],
  m: Uint32Array,
  T: number,
  t: number,
  values: Float64Array,
  integers: IntegerSample | null,
  random: Random,
): void {
  const n = values.length;
  for (let i = 0; i < drawn.length; i++) {
    const b = drawn[i]!;
    const count = m[b * T + t]! * n;
    if (count > 0) out[b] = random.addDraws(out[b]!, values, count, integers);
  }
}
