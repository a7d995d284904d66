// The bench's CPU plan per memory size and its refusal, on invented machines.
import { describe, expect, it } from "vitest";
import { planLabRun } from "./lab-plan.js";
import { benchMessages } from "./messages.js";
import { campaignConcurrency } from "./campaign-concurrency.js";

const cores = (n: number) => Array.from({ length: n }, (_, i) => i);
const fromPlan = { concurrency: 10, concurrencyFromPlan: true };

describe("planLabRun", () => {
  it("2 cores, no --concurrency: 6 at both 128 and 256 MB (what one run core holds at 256 MB), each fitting its run core", () => {
    const cpus = cores(2);
    const { concurrency } = campaignConcurrency(fromPlan, [128, 256], (m) => Math.floor((1 * 1769) / m));
    const sizes = [128, 256].map((memoryMB) => ({ memoryMB, concurrency }));
    expect(sizes).toEqual([
      { memoryMB: 128, concurrency: 6 },
      { memoryMB: 256, concurrency: 6 },
    ]);
    const plans = planLabRun(sizes, false, cpus);
    expect(plans.map((p) => [p.plan.concurrency, p.plan.fits, p.oversubscribed])).toEqual([
      [6, true, false],
      [6, true, false],
    ]);
    expect(plans[1]!.plan).toMatchObject({ support: [0], init: [0], run: [1], initSharesSupport: true });
  });

  it("8 cores: the seed's protocol (10 at 128 and 256 MB) unchanged", () => {
    const plans = planLabRun(
      [
        { memoryMB: 128, concurrency: 10 },
        { memoryMB: 256, concurrency: 10 },
      ],
      false,
      cores(8),
    );
    expect(plans.every((p) => p.plan.fits && !p.oversubscribed)).toBe(true);
  });

  it("2 cores, --concurrency 10 at 256 MB: refused, naming the largest concurrency and memory size it holds", () => {
    expect(() =>
      planLabRun(
        [
          { memoryMB: 128, concurrency: 10 },
          { memoryMB: 256, concurrency: 10 },
        ],
        false,
        cores(2),
      ),
    ).toThrow(
      "the lab cannot hold concurrency 10 at 256 MB on this 2-core machine: the running instances' CPU caps need 10 × 256/1769 = 1.45 cores, and 1 core(s) are left for them once the database, front, load driver and initialising instances have theirs. The largest concurrency it holds at 256 MB is 6; the largest memory size at concurrency 10 is 176 MB. Use --concurrency 6 (or drop --concurrency for the machine's default), or --oversubscribe to run anyway (recorded in meta.json and the report).",
    );
  });

  it("a size the machine holds at no concurrency (3008 MB on 2 cores) is refused", () => {
    expect(() => planLabRun([{ memoryMB: 3008, concurrency: 1 }], false, cores(2))).toThrow("It holds no concurrency at 3008 MB.");
  });

  it("--oversubscribe runs anyway and records it", () => {
    const [p] = planLabRun([{ memoryMB: 256, concurrency: 10 }], true, cores(2));
    expect(p).toMatchObject({ oversubscribed: true, plan: { concurrency: 10, fits: false } });
    expect(p!.warnings).toHaveLength(1);
    expect(p!.warnings[0]).toMatch(/^WARNING: oversubscribed \(--oversubscribe\): the lab cannot hold concurrency 10 at 256 MB/);
  });

  it("1 core: refused whatever the concurrency", () => {
    expect(() => planLabRun([{ memoryMB: 128, concurrency: 1 }], false, cores(1))).toThrow(benchMessages.noCpuPlan(1));
  });
});
