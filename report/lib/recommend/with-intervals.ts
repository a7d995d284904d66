// A strategy's pick with its runner-up, and whether the pick is clear: "no clear difference" when
// the interval of the quantity the strategy ranks by (cost, duration, or the balanced value)
// overlaps between the best two sizes. The balanced value's interval is the value at both ends'
// lower bounds and at both upper bounds, with the normalising maxima held at their estimates.
import { overlaps } from "../uncertainty/index.js";
import { balancedValue, clampWeight, findBalanced, findCheapest, findFastest, type SizeAverages, type Strategy } from "./strategies.js";

export interface SizeWithIntervals extends SizeAverages {
  costLower: number;
  costUpper: number;
  durationLower: number;
  durationUpper: number;
}

export interface Pick<T extends SizeWithIntervals> {
  strategy: Strategy;
  best: T;
  /** The size the strategy ranks second (absent with one size). */
  runnerUp?: T;
  /** False when best and runner-up's intervals overlap (or there is no runner-up). */
  clear: boolean;
}

export function pickWithIntervals<T extends SizeWithIntervals>(stats: readonly T[], strategy: Strategy, balancedWeight: number): Pick<T> | undefined {
  const usable = stats.filter((s) => Boolean(s.duration));
  const weight = clampWeight(balancedWeight);
  const choose = (list: readonly T[]) => (strategy === "cost" ? findCheapest(list) : strategy === "speed" ? findFastest(list) : findBalanced(list, weight));
  const best = choose(usable);
  if (!best) return undefined;
  const runnerUp = choose(usable.filter((s) => s !== best));
  if (!runnerUp) return { strategy, best, clear: false };
  const maxCost = Math.max(...usable.map((s) => s.cost));
  const maxDuration = Math.max(...usable.map((s) => s.duration));
  const ranked = (s: T) => {
    if (strategy === "cost") return { lower: s.costLower, upper: s.costUpper };
    if (strategy === "speed") return { lower: s.durationLower, upper: s.durationUpper };
    return {
      lower: balancedValue({ power: s.power, cost: s.costLower, duration: s.durationLower }, weight, maxCost, maxDuration),
      upper: balancedValue({ power: s.power, cost: s.costUpper, duration: s.durationUpper }, weight, maxCost, maxDuration),
    };
  };
  return { strategy, best, runnerUp, clear: !overlaps(ranked(best), ranked(runnerUp)) };
}
