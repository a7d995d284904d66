// The --target-precision stopping rule's measure on tiny literal segments (FIXTURE values).
import { describe, expect, it } from "vitest";
import type { InvocationRow } from "../dataset/contract.js";
import { widestMedianInterval } from "./precision.js";
import type { SegmentResult } from "./work-dir.js";

function segment(trial: number, fn: string, durations: number[], init: number | null = null): SegmentResult {
  const invocations: InvocationRow[] = durations.map((durationMs, i) => ({
    runtime: "go",
    function: fn,
    memoryMB: 128,
    architecture: "x86_64",
    trial,
    requestId: `${fn}-${trial}-${i}`,
    timestamp: "2026-01-01T00:00:00.000Z",
    instanceId: "i",
    durationMs,
    billedDurationMs: Math.ceil(durationMs),
    maxMemoryUsedMB: 10,
    initDurationMs: i === 0 ? init : null,
    restoreDurationMs: null,
    status: "success",
    errorType: "",
  }));
  return { trial, memoryMB: 128, runtime: "go", function: fn, invocations, requests: [], warnings: [], seconds: { warmup: 0, load: 0, collect: 0 } };
}

describe("widest median interval", () => {
  it("is null until some group has two trials", () => {
    expect(widestMedianInterval([])).toBeNull();
    expect(widestMedianInterval([segment(1, "a", [10, 11, 12])])).toBeNull();
  });

  it("is zero when the trials agree exactly, and names the group whose trials disagree most", () => {
    const same = [segment(1, "steady", [10, 10, 10, 10, 10]), segment(2, "steady", [10, 10, 10, 10, 10])];
    expect(widestMedianInterval(same)).toMatchObject({ relative: 0, function: "steady" });
    const noisy = [segment(1, "noisy", [10, 11, 12, 13, 14]), segment(2, "noisy", [20, 21, 22, 23, 24]), segment(3, "noisy", [15, 16, 17, 18, 19])];
    const widest = widestMedianInterval([...same, ...noisy])!;
    expect(widest).toMatchObject({ function: "noisy", memoryMB: 128, runtime: "go" });
    // Per-trial medians 12, 22 and 17: the interval of the pooled median spans much of that spread.
    expect(widest.relative).toBeGreaterThan(0.1);
    expect(widest.relative).toBeLessThan(1);
  });

  it("measures Total Duration: a cold start's Init Duration counts", () => {
    const warm = [segment(1, "f", [10, 10, 10]), segment(2, "f", [10, 10, 10])];
    const cold = [segment(1, "f", [10, 10, 10], 1000), segment(2, "f", [10, 10, 10], 1000)];
    expect(widestMedianInterval(warm)!.relative).toBe(0);
    // A resample that draws the cold start (1,010 ms) twice of three has a median of 1,010 ms.
    expect(widestMedianInterval(cold)!.relative).toBeGreaterThan(1);
  });
});
