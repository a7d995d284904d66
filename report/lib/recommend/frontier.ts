// The cost/speed frontier: the memory sizes no other size beats on both cost and duration
// (Pareto set, both lower-is-better).

export interface CostSpeedPoint {
  memoryMB: number;
  cost: number;
  duration: number;
}

/** True when `a` is at least as good as `b` on both and strictly better on one. */
export function dominates(a: CostSpeedPoint, b: CostSpeedPoint): boolean {
  return a.cost <= b.cost && a.duration <= b.duration && (a.cost < b.cost || a.duration < b.duration);
}

/** The non-dominated points, by memory size ascending. */
export function paretoFrontier<T extends CostSpeedPoint>(points: readonly T[]): T[] {
  return points.filter((p) => !points.some((q) => q !== p && dominates(q, p))).sort((a, b) => a.memoryMB - b.memoryMB);
}
