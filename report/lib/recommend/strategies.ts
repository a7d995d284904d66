// Power-tuning's three strategies, with its exact definitions (alexcasalboni/aws-lambda-power-tuning,
// lambda/analyzer.js: findCheapest, findFastest, findBalanced), so the same per-size averages pick
// the same size. Ties keep input order, as its Array.prototype.sort (stable) does.

export const STRATEGIES = ["cost", "speed", "balanced"] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Power-tuning's defaults (analyzer.js: defaultStrategy, defaultBalancedWeight). */
export const DEFAULT_STRATEGY: Strategy = "cost";
export const DEFAULT_BALANCED_WEIGHT = 0.5;

/** One memory size's averages: power-tuning's {power, cost, duration} (analyzer.js extractStatistics). */
export interface SizeAverages {
  power: number;
  /** Per invocation (any unit, the same for every size). */
  cost: number;
  /** Per invocation, ms. */
  duration: number;
}

/** The cheapest size; the fastest among equally cheap ones. */
export function findCheapest<T extends SizeAverages>(stats: readonly T[]): T | undefined {
  return [...stats].sort((a, b) => (a.cost === b.cost ? a.duration - b.duration : a.cost - b.cost))[0];
}

/** The fastest size; the cheapest among equally fast ones. */
export function findFastest<T extends SizeAverages>(stats: readonly T[]): T | undefined {
  return [...stats].sort((a, b) => (a.duration === b.duration ? a.cost - b.cost : a.duration - b.duration))[0];
}

/** weight·cost/maxCost + (1 − weight)·duration/maxDuration, minimised (0 = speed, 1 = cost). */
export function balancedValue(s: SizeAverages, weight: number, maxCost: number, maxDuration: number): number {
  return (weight * s.cost) / maxCost + ((1 - weight) * s.duration) / maxDuration;
}

export function findBalanced<T extends SizeAverages>(stats: readonly T[], weight: number): T | undefined {
  const maxCost = Math.max(...stats.map((s) => s.cost));
  const maxDuration = Math.max(...stats.map((s) => s.duration));
  const value = (s: SizeAverages) => balancedValue(s, weight, maxCost, maxDuration);
  return [...stats].sort((a, b) => value(a) - value(b))[0];
}

/** Power-tuning clamps the weight to [0, 1] (analyzer.js getBalancedWeight). */
export function clampWeight(weight: number): number {
  return Math.min(Math.max(weight, 0), 1);
}

/**
 * The size a strategy picks. Sizes without an average duration are left out first, as
 * power-tuning's extractStatistics does (`stat && stat.averageDuration`).
 */
export function recommend<T extends SizeAverages>(stats: readonly T[], strategy: Strategy, balancedWeight = DEFAULT_BALANCED_WEIGHT): T | undefined {
  const usable = stats.filter((s) => Boolean(s.duration));
  switch (strategy) {
    case "cost":
      return findCheapest(usable);
    case "speed":
      return findFastest(usable);
    case "balanced":
      return findBalanced(usable, clampWeight(balancedWeight));
  }
}
