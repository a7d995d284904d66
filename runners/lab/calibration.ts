// The lab next to AWS: a hello-world-like function's Init Duration and Max Memory Used in a lab
// dataset beside lambda-perf's AWS measurements for the same runtime, memory size and
// architecture, with their ratio and each side's order of runtimes. Nothing is rescaled: the lab
// measures, and this shows how far that is from AWS.
import { percentileOfSorted } from "../../report/lib/metrics/percentile.js";
import { findLambdaPerf, lambdaPerfKey, type LambdaPerfDay } from "./lambda-perf.js";

export interface LabColdRow {
  runtime: string;
  initDurationMs: number;
  maxMemoryUsedMB: number;
}

export interface CalibrationRow {
  runtime: string;
  lambdaPerfName: string | null;
  labInitMedianMs: number | null;
  awsInitMedianMs: number | null;
  /** lab / AWS */
  initRatio: number | null;
  labMaxMemoryMedianMB: number | null;
  awsMaxMemoryMB: number | null;
  memoryRatio: number | null;
  labColdStarts: number;
}

const median = (xs: number[]) => (xs.length === 0 ? null : percentileOfSorted(Float64Array.from(xs).sort(), 0.5));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

export function calibrate(
  day: LambdaPerfDay,
  runtimes: ReadonlyArray<{ id: string; lambdaRuntime: string; kind: "managed" | "custom"; language: string }>,
  cold: readonly LabColdRow[],
  memoryMB: number,
  architecture: string,
): CalibrationRow[] {
  return runtimes.map((r) => {
    const aws = findLambdaPerf(day, lambdaPerfKey(r), memoryMB, architecture) ?? null;
    const mine = cold.filter((c) => c.runtime === r.id);
    const labInit = median(mine.map((c) => c.initDurationMs));
    const labMem = median(mine.map((c) => c.maxMemoryUsedMB));
    const awsInit = aws ? median(aws.initDurationsMs) : null;
    return {
      runtime: r.id,
      lambdaPerfName: aws?.name ?? null,
      labInitMedianMs: labInit,
      awsInitMedianMs: awsInit,
      initRatio: ratio(labInit, awsInit),
      labMaxMemoryMedianMB: labMem,
      awsMaxMemoryMB: aws?.maxMemoryUsedMB ?? null,
      memoryRatio: ratio(labMem, aws?.maxMemoryUsedMB ?? null),
      labColdStarts: mine.length,
    };
  });
}

/** Runtime ids from the lowest value to the highest (runtimes without a value left out). */
export function orderBy(rows: readonly CalibrationRow[], value: (r: CalibrationRow) => number | null): string[] {
  return rows.filter((r) => value(r) !== null).sort((a, b) => value(a)! - value(b)!).map((r) => r.runtime);
}
