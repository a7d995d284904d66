// Concurrency gain of each concurrent variant over its base function (conc over search), per
// setting and runtime with its interval; the largest gain and those level with it; and, when no
// pair was measured, which of each pair's functions are present.
import { runtimeLabels, type Analysis } from "../analysis.js";
import { memo } from "../metrics/memo.js";
import type { VariantPair } from "../metrics/concurrency-gain.js";
import { concurrencyGainIntervals, DEFAULT_BOOTSTRAP, type BootstrapOptions, type ConcurrencyGainInterval } from "../uncertainty/index.js";
import { levelWithFirst } from "./leaders.js";

/** The metric's column (metrics/concurrency-gain.ts: Duration, so INIT counts for neither side). */
const GAIN_VALUE = "durationMs";

/** A gain row: `runtime` is the label, `runtimeId` the id. */
export type GainRow = ConcurrencyGainInterval & { setting: string; runtimeId: string };

/** A gain with its interval, as the sentences name it. */
export interface GainValue {
  runtime: string;
  value: number;
  lower: number | null;
  upper: number | null;
}

export const gainValue = (g: GainRow): GainValue => ({ runtime: g.runtime, value: g.gainPct!, lower: g.gainPctLower, upper: g.gainPctUpper });

export interface ConcurrencyGain {
  /** The first variant pair of the manifest, or null when it has none. */
  pair: VariantPair | null;
  gains: GainRow[];
  /** Settings with a gain, each with its runtimes' gains (report order). */
  bySetting: { setting: string; gains: GainValue[] }[];
  /** Each pair with its functions present in the data (why there is no gain, when there is none). */
  pairsPresent: (VariantPair & { present: string[] })[];
}

/** Concurrency gains per setting and runtime, each with a bootstrap interval (both medians resampled independently). */
export function concurrencyGains(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): GainRow[] {
  return memo(a, `concurrencyGain:${JSON.stringify(bootstrap)}`, () => {
    const labelOf = runtimeLabels(a.runtimes);
    return concurrencyGainIntervals(a.table, a.pairs, GAIN_VALUE, bootstrap).map((g) => ({
      ...g,
      setting: a.settings.find((s) => s.dataset === g.dataset && s.memoryMB === g.memoryMB && s.architecture === g.architecture)!.label,
      runtimeId: g.runtime,
      runtime: labelOf(g.runtime),
    }));
  });
}

export function concurrencyGain(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): ConcurrencyGain {
  const gains = concurrencyGains(a, bootstrap);
  return {
    pair: a.pairs[0] ?? null,
    gains,
    bySetting: a.settings
      .map((s) => ({ setting: s.label, gains: gains.filter((g) => g.setting === s.label && g.gainPct !== null).map(gainValue) }))
      .filter((s) => s.gains.length > 0),
    pairsPresent: a.pairs.map((p) => ({ ...p, present: [p.base, p.variant].filter((f) => a.functionsMeasured.includes(f)) })),
  };
}

/** The largest gain of one setting, and the runtimes level with it (intervals overlapping), for the summary. */
export function leadingGains(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): { setting: string; level: GainValue[]; all: number } | null {
  const gains = concurrencyGains(a, bootstrap).filter((g) => g.gainPct !== null);
  const best = [...gains].sort((x, y) => y.gainPct! - x.gainPct!)[0];
  if (!best) return null;
  const ranked = gains.filter((g) => g.setting === best.setting).sort((x, y) => y.gainPct! - x.gainPct!);
  const level = levelWithFirst(
    ranked,
    (g) => ({ lower: g.gainPctLower, upper: g.gainPctUpper }),
    (g) => g.gainPct!,
  );
  return { setting: best.setting, level: level.map(gainValue), all: ranked.length };
}
