// Per swept line (runtime, function and architecture over two memory sizes or more): the smallest
// size, the cheapest one and whether their cost intervals separate, and for the median and the
// p99 the size past which more memory stops helping (recommend/stops-helping.ts).
import { stopsHelping, type StopsHelping } from "../recommend/index.js";
import { lowerColumn, overlaps, upperColumn } from "../uncertainty/index.js";
import type { SweepLine, SweepPoint } from "./memory-sweep.js";

export interface LineCost {
  line: SweepLine;
  smallest: SweepPoint;
  /** The cheapest size (the smallest on a tie). */
  cheapest: SweepPoint;
  /** The cheapest size's cost interval does not overlap the smallest's. */
  clearlyCheaper: boolean;
  stopsHelping: { statistic: "p50" | "p99"; found: StopsHelping }[];
}

export function lineCosts(lines: readonly SweepLine[]): LineCost[] {
  return lines.map((line) => {
    const sizes = [...line.points].sort((x, y) => x.memoryMB - y.memoryMB);
    const smallest = sizes[0]!;
    const cheapest = [...sizes].sort((x, y) => x.usdPerMillion - y.usdPerMillion || x.memoryMB - y.memoryMB)[0]!;
    const clearlyCheaper = !overlaps(
      { lower: cheapest.usdPerMillionLower, upper: cheapest.usdPerMillionUpper },
      { lower: smallest.usdPerMillionLower, upper: smallest.usdPerMillionUpper },
    );
    const stops = (["p50", "p99"] as const).flatMap((statistic) => {
      const found = stopsHelping(
        sizes.map((p) => ({ memoryMB: p.memoryMB, value: p[statistic], lower: p[lowerColumn(statistic)], upper: p[upperColumn(statistic)] })),
      );
      return found ? [{ statistic, found }] : [];
    });
    return { line, smallest, cheapest, clearlyCheaper, stopsHelping: stops };
  });
}
