// Who leads, said only as far as the intervals allow: the runtimes whose interval overlaps the
// leader's are level with it ("no clear difference"), so the text never ranks on noise.
import { compareIntervals } from "../uncertainty/index.js";
import type { OverallPi, PiResult } from "./performance-index.js";

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

/** An overall PI that exists. */
export type RankedPi = OverallPi & { pi: number };

/** Runtimes of one setting ranked best first by overall PI (runtimes with no PI left out). */
export function ranking(overall: readonly OverallPi[], setting: string): RankedPi[] {
  return overall.filter((o): o is RankedPi => o.setting === setting && o.pi !== null).sort((x, y) => y.pi - x.pi);
}

export interface Leaders {
  /** Runtimes that share a function with another runtime, best first by overall PI. */
  ranked: RankedPi[];
  /** Those level with the leader (intervals overlapping). */
  level: RankedPi[];
  /** Functions of the setting measured on one runtime only (runtime labels). */
  alone: { function: string; runtime: string }[];
  /** Runtimes present in the setting (labels). */
  runtimes: string[];
}

/**
 * One setting's runtimes ranked best first, and those level with the leader. A runtime is ranked
 * only if it shares a function with another runtime: an index over a function no other runtime
 * ran is 1× by definition and compares nothing.
 */
export function leaders(pi: PiResult, setting: string): Leaders {
  const rows = pi.perFunction.filter((r) => r.setting === setting && r.value !== null);
  const byFunction = new Map<string, string[]>();
  for (const r of rows) byFunction.set(r.function, [...(byFunction.get(r.function) ?? []), r.runtime]);
  const alone = [...byFunction].filter(([, rs]) => rs.length === 1).map(([fn, rs]) => ({ function: fn, runtime: rs[0]! }));
  const shared = new Set([...byFunction.values()].filter((rs) => rs.length > 1).flat());
  const ranked = ranking(pi.overall, setting).filter((r) => shared.has(r.runtime));
  const runtimes = [...new Set(rows.map((r) => r.runtime))];
  return { ranked, level: levelWithFirst(ranked, piRange, (r) => r.pi), alone, runtimes };
}

/** One setting's leaders (report order of settings). */
export type SettingLeaders = Leaders & { setting: string };

/** The leaders of every setting of the analysis, in report order. */
export const leadersBySetting = (settings: readonly { label: string }[], pi: PiResult): SettingLeaders[] =>
  settings.map((s) => ({ setting: s.label, ...leaders(pi, s.label) }));
