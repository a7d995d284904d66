// The Performance Index (DESIGN.md "Metrics") with its intervals, in one computation: PI(r) =
// max_r'(v) / v(r) per function, and a runtime's overall index = mean of its per-function indexes.
// The point estimates are the point metric's own numbers (metrics/performance-index.ts); each
// runtime's sample is resampled independently, and replicate b of every PI is computed from
// replicate b of every v, so the worst runtime of a replicate is that replicate's own worst. With
// several trials each v's replicates are the calibrated two-level ones (calibrate.ts), and an
// index's interval uses the fewest degrees of freedom among the runtimes it is computed from.
import type { ColumnTable } from "arquero";
import { SETTING_KEYS } from "../metrics/grouping.js";
import { calibratedInterval } from "./calibrate.js";
import { drawReplicates } from "./draws.js";
import type { Interval } from "./interval.js";
import { bootstrapOptions, type BootstrapOptions } from "./options.js";
import { deriveSeed, seededRandom } from "./random.js";
import { sortedSample } from "./sample.js";
import { estimateOfSorted, isExtreme, type Statistic } from "./statistic.js";
import { singleTrial, trialGroups, trialSample, type TrialSample } from "./trials.js";

/** One runtime's sample of v's column for one function in one setting (possibly empty). */
export interface PiCell {
  setting: string;
  function: string;
  runtime: string;
  /** The values, or one array of values per trial. */
  values: ArrayLike<number> | TrialSample;
}

const isTrialSample = (v: PiCell["values"]): v is TrialSample => (v as TrialSample).trials !== undefined;
const isEmpty = (v: PiCell["values"]): boolean => (isTrialSample(v) ? v.pooled.length : v.length) === 0;

export interface PiFunctionInterval {
  setting: string;
  function: string;
  runtime: string;
  /** v itself (e.g. the max Total Duration): `estimate` with its interval; null when the cell has no values. */
  value: Interval | null;
  /** Null when v = 0 or absent (no finite index), as the point metric does. */
  pi: Interval | null;
}

export interface PiOverallInterval {
  setting: string;
  runtime: string;
  /** Mean of per-function PIs; null when the runtime has none. */
  pi: Interval | null;
  functions: number;
}

export interface PiIntervals {
  /** One entry per cell, in the cells' order. */
  perFunction: PiFunctionInterval[];
  /** One entry per (setting, runtime), in order of first appearance among the cells. */
  overall: PiOverallInterval[];
}

/** PI estimates and intervals for a lower-is-better `statistic` of each cell's values. */
export function performanceIndexIntervals(cells: readonly PiCell[], statistic: Statistic, options: Partial<BootstrapOptions> = {}): PiIntervals {
  const o = bootstrapOptions(options);
  const B = o.resamples;
  const degenerate = isExtreme(statistic);
  const perFunction: PiFunctionInterval[] = cells.map((c) => ({ setting: c.setting, function: c.function, runtime: c.runtime, value: null, pi: null }));
  // (setting, runtime) → per-replicate sums of PI over functions, the functions counted and their fewest df.
  const slotOf = (c: PiCell) => JSON.stringify([c.setting, c.runtime]);
  const overall = new Map<string, { setting: string; runtime: string; sums: Float64Array; functions: number; df: number }>();
  for (const c of cells)
    if (!overall.has(slotOf(c))) overall.set(slotOf(c), { setting: c.setting, runtime: c.runtime, sums: new Float64Array(B), functions: 0, df: Infinity });

  for (const group of groupBy(
    cells.map((cell, index) => ({ cell, index })).filter(({ cell }) => !isEmpty(cell.values)),
    ({ cell }) => JSON.stringify([cell.setting, cell.function]),
  )) {
    const drawn = group.map(({ cell: c, index }) => {
      const what = `${statistic.name} of ${c.runtime}/${c.function} (${c.setting})`;
      // A TrialSample (piCellsOf's) is used as it is, so its per-sample caches are shared; its trials are still checked.
      const sample = isTrialSample(c.values) ? checkedTrials(c.values, what) : singleTrial(sortedSample(c.values, what));
      const random = seededRandom(
        deriveSeed(o.seed, "performance-index", c.setting, c.function, c.runtime, statistic.kind, statistic.kind === "percentile" ? statistic.p : ""),
      );
      const { replicates, calibration } = drawReplicates(sample, statistic, o, random);
      return { cell: c, index, estimate: estimateOfSorted(sample.pooled, statistic), replicates, df: calibration.df };
    });
    const df = Math.min(...drawn.map((d) => d.df));
    const worstEstimate = Math.max(...drawn.map((d) => d.estimate));
    const worst = new Float64Array(B).fill(-Infinity);
    for (const d of drawn) for (let b = 0; b < B; b++) if (d.replicates[b]! > worst[b]!) worst[b] = d.replicates[b]!;

    for (const d of drawn) {
      const acc = overall.get(slotOf(d.cell))!;
      acc.df = Math.min(acc.df, df);
      let pi: Interval | null = null;
      if (d.estimate > 0) {
        // A replicate where v* = 0 has an unbounded index: it stays Infinity and can push the upper
        // end there. Where every runtime's v* is 0 they tie, and a tie scores 1.
        const ratios = new Float64Array(B);
        for (let b = 0; b < B; b++) ratios[b] = worst[b] === 0 ? 1 : worst[b]! / d.replicates[b]!;
        for (let b = 0; b < B; b++) acc.sums[b] += ratios[b]!;
        acc.functions++;
        pi = calibratedInterval(worstEstimate / d.estimate, ratios, o.confidence, degenerate, df);
      }
      perFunction[d.index] = {
        ...perFunction[d.index]!,
        value: calibratedInterval(d.estimate, Float64Array.from(d.replicates), o.confidence, degenerate, d.df),
        pi,
      };
    }
  }
  // The overall estimate sums the per-function indexes in the cells' order, as the point metric does.
  const estimates = new Map<string, number>();
  perFunction.forEach((r, i) => {
    if (r.pi !== null) estimates.set(slotOf(cells[i]!), (estimates.get(slotOf(cells[i]!)) ?? 0) + r.pi.estimate);
  });
  return {
    perFunction,
    overall: [...overall].map(([slot, acc]) => ({
      setting: acc.setting,
      runtime: acc.runtime,
      functions: acc.functions,
      pi:
        acc.functions === 0
          ? null
          : calibratedInterval(
              estimates.get(slot)! / acc.functions,
              acc.sums.map((s) => s / acc.functions),
              o.confidence,
              degenerate,
              acc.df,
            ),
    })),
  };
}

export interface PiCellOptions {
  /** Columns that make one setting (default: dataset, memoryMB, architecture). */
  settingKeys?: readonly string[];
  /** The setting's label (default: its key values joined with " · "). */
  label?: (keys: Record<string, unknown>) => string;
  /** Only these functions (default: every function present). */
  functions?: readonly string[];
  /** Keep the cells without values (default: left out). */
  withEmpty?: boolean;
}

/** PI cells from a report table (one per setting × runtime × function, in the point statistics' group order), with their key values. */
export function piCellsOf(table: ColumnTable, value: string, options: PiCellOptions = {}): (PiCell & { values: TrialSample; keys: Record<string, unknown> })[] {
  const settingKeys = options.settingKeys ?? SETTING_KEYS;
  const label = options.label ?? ((k) => settingKeys.map((s) => String(k[s])).join(" · "));
  // Grouped in the point statistics' key order, so the sorted groups are shared with them (cached per table).
  const { keys, samples } = trialGroups(table, [...settingKeys, "runtime", "function"], value);
  return keys
    .map((k, g) => ({ setting: label(k), function: k.function as string, runtime: k.runtime as string, values: samples[g]!, keys: k }))
    .filter((c) => (options.withEmpty || c.values.pooled.length > 0) && (!options.functions || options.functions.includes(c.function)));
}

function checkedTrials(sample: TrialSample, what: string): TrialSample {
  const trials = sample.trials.map((t) => sortedSample(t, what));
  return trials.every((t, i) => t === sample.trials[i]) ? sample : trialSample(trials);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}
