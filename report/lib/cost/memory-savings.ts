// "More memory can be cheaper": a larger memory size of the same runtime and function whose cost
// per million is lower than a smaller size's (more CPU finishing sooner than the price grows).
import type { CostRow } from "./cost.js";

export interface CheaperWithMoreMemory {
  /** The values of the `within` keys (e.g. dataset, architecture, runtime, function). */
  keys: Record<string, unknown>;
  smallerMB: number;
  largerMB: number;
  smallerUsdPerMillion: number;
  largerUsdPerMillion: number;
  /** (smaller − larger) / smaller, in %. */
  savingPct: number;
  /** True when both have intervals and they do not overlap (the larger is clearly cheaper). */
  clear: boolean;
}

export const MEMORY_COMPARISON_KEYS = ["dataset", "architecture", "runtime", "function"] as const;

/** Every (smaller, larger) memory pair within a group where the larger costs less, largest saving first per group. */
export function moreMemoryCheaper(rows: readonly CostRow[], within: readonly string[] = MEMORY_COMPARISON_KEYS): CheaperWithMoreMemory[] {
  const groups = new Map<string, CostRow[]>();
  for (const r of rows) {
    const k = JSON.stringify(within.map((w) => r[w] ?? null));
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  const found: CheaperWithMoreMemory[] = [];
  for (const list of groups.values()) {
    const bySize = [...list].sort((a, b) => a.memoryMB - b.memoryMB);
    const inGroup: CheaperWithMoreMemory[] = [];
    for (let i = 0; i < bySize.length; i++) {
      for (let j = i + 1; j < bySize.length; j++) {
        const small = bySize[i]!;
        const large = bySize[j]!;
        if (large.memoryMB === small.memoryMB || large.usdPerMillion >= small.usdPerMillion) continue;
        inGroup.push({
          keys: Object.fromEntries(within.map((w) => [w, small[w] ?? null])),
          smallerMB: small.memoryMB,
          largerMB: large.memoryMB,
          smallerUsdPerMillion: small.usdPerMillion,
          largerUsdPerMillion: large.usdPerMillion,
          savingPct: ((small.usdPerMillion - large.usdPerMillion) / small.usdPerMillion) * 100,
          clear: large.usdPerMillionUpper !== null && small.usdPerMillionLower !== null && large.usdPerMillionUpper < small.usdPerMillionLower,
        });
      }
    }
    found.push(...inGroup.sort((a, b) => b.savingPct - a.savingPct));
  }
  return found;
}
