// Who leads, said only as far as the intervals allow: the runtimes whose interval overlaps the
// leader's are level with it ("no clear difference"), so the text never ranks on noise.
import { compareIntervals } from "../uncertainty/index.js";

export interface Ranged {
  lower: number | null;
  upper: number | null;
}

/**
 * The items level with the first of `ranked` (best first): those whose interval overlaps the
 * first's, the first included. An item without an interval counts as the point `estimate(item)`.
 */
export function levelWithFirst<T>(ranked: readonly T[], range: (item: T) => Ranged, estimate: (item: T) => number): T[] {
  const first = ranked[0];
  if (first === undefined) return [];
  const bounds = (item: T) => {
    const r = range(item);
    const e = estimate(item);
    return { lower: r.lower ?? e, upper: r.upper ?? e };
  };
  const lead = bounds(first);
  return ranked.filter((item) => compareIntervals(lead, bounds(item)) === "no clear difference");
}

/** A PI row's interval. */
export const piRange = (r: { piLower: number | null; piUpper: number | null }): Ranged => ({ lower: r.piLower, upper: r.piUpper });
