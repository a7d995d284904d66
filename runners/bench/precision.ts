// The stopping rule of --target-precision (DESIGN.md "Protocol"): after each trial from the
// --trials-th on, the report's two-level bootstrap interval of every median Total Duration
// (memory size × runtime × function, the trials as the first level); the run stops once the widest
// half-width, relative to its median, is within the target, or at --max-trials.
import { stat } from "../../report/lib/metrics/statistics.js";
import { bootstrapInterval } from "../../report/lib/uncertainty/bootstrap.js";
import type { SegmentResult } from "./work-dir.js";

export interface MedianPrecision {
  /** The largest half-width of a median's interval relative to the median (0.05 = ±5 %). */
  relative: number;
  memoryMB: number;
  runtime: string;
  function: string;
}

/** The widest median interval over the segments measured so far (null: no group with two trials yet). */
export function widestMedianInterval(segments: readonly SegmentResult[]): MedianPrecision | null {
  const groups = new Map<string, { key: Omit<MedianPrecision, "relative">; trials: Map<number, number[]> }>();
  for (const s of segments) {
    const id = `${s.memoryMB}/${s.runtime}/${s.function}`;
    const group = groups.get(id) ?? groups.set(id, { key: { memoryMB: s.memoryMB, runtime: s.runtime, function: s.function }, trials: new Map() }).get(id)!;
    const values = group.trials.get(s.trial) ?? group.trials.set(s.trial, []).get(s.trial)!;
    // Total Duration, the report's headline value: Duration plus Init Duration on a cold start.
    for (const r of s.invocations) if (r.function === s.function) values.push(r.durationMs + (r.initDurationMs ?? 0));
  }
  let widest: MedianPrecision | null = null;
  for (const { key, trials } of groups.values()) {
    const samples = [...trials.values()].filter((v) => v.length > 0);
    if (samples.length < 2) continue;
    const interval = bootstrapInterval(samples, stat.median(), { stream: [key.memoryMB, key.runtime, key.function] });
    if (!(interval.estimate > 0)) continue;
    const relative = (interval.upper - interval.lower) / 2 / interval.estimate;
    if (!widest || relative > widest.relative) widest = { relative, ...key };
  }
  return widest;
}
