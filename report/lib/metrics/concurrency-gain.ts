// Concurrency gain = median(base) / median(variant) − 1, in %, for every function the manifest
// marks as `concurrentVariantOf` another (conc of search). Median of Duration, the handler's own
// time, so a cold start's INIT does not count for either side.
import type { ColumnTable } from "arquero";
import type { Manifest } from "../../../functions/manifest.js";
import { SETTING_KEYS } from "./grouping.js";
import { stat, summarise, tableFromRows } from "./statistics.js";

export interface VariantPair {
  base: string;
  variant: string;
}

export function variantPairs(manifest: Manifest): VariantPair[] {
  return manifest.functions.filter((f) => f.concurrentVariantOf).map((f) => ({ base: f.concurrentVariantOf!, variant: f.id }));
}

export const CONCURRENCY_GAIN_COLUMNS = [...SETTING_KEYS, "runtime", "base", "variant", "baseMedianMs", "variantMedianMs", "gainPct"];

/** One row per setting × runtime × pair where both functions have data; empty table otherwise. */
export function concurrencyGain(table: ColumnTable, pairs: readonly VariantPair[], value = "durationMs"): ColumnTable {
  const medians = summarise(table, [...SETTING_KEYS, "runtime", "function"], value, [stat.median()]).objects() as Record<string, unknown>[];
  const find = new Map(medians.map((m) => [JSON.stringify([...SETTING_KEYS, "runtime", "function"].map((k) => m[k])), m.median as number | null]));
  const rows: Record<string, unknown>[] = [];
  for (const m of medians) {
    for (const pair of pairs) {
      if (m.function !== pair.base) continue;
      const key = [...SETTING_KEYS, "runtime"].map((k) => m[k]);
      const variantMedian = find.get(JSON.stringify([...key, pair.variant]));
      const baseMedian = m.median as number | null;
      if (variantMedian === undefined || variantMedian === null || baseMedian === null) continue;
      rows.push({
        ...Object.fromEntries([...SETTING_KEYS, "runtime"].map((k, i) => [k, key[i]])),
        base: pair.base,
        variant: pair.variant,
        baseMedianMs: baseMedian,
        variantMedianMs: variantMedian,
        gainPct: variantMedian > 0 ? (baseMedian / variantMedian - 1) * 100 : null,
      });
    }
  }
  return tableFromRows(rows, CONCURRENCY_GAIN_COLUMNS);
}
