// The concurrency a bench campaign runs at in the lab: without --concurrency, the default (the
// seed's 10) lowered to the largest the lab's CPU plan holds at every memory size of the campaign
// (runners/lab/cpu-plan.ts), so a larger machine runs the seed's protocol unchanged. One value
// for all sizes: the number of instances (and so of cold starts in each segment) must not change
// with memory size, or a memory-size effect on a tail or a maximum would be the lab's artefact.
// With --concurrency, that. The dataset records which (meta.json protocol.concurrency and
// protocol.concurrencySource); runners/bench/lab-plan.ts refuses a size the plan cannot hold.
import { allowedCpus } from "../lab/cgroups.js";
import { maxConcurrency } from "../lab/cpu-plan.js";
import { benchMessages } from "./messages.js";
import type { BenchOptions } from "./options.js";

/** The largest concurrency the CPU plan holds at a memory size on this machine. */
export type MaxConcurrencyForMemory = (memoryMB: number) => number;

// The CPUs are read once, before the bench pins itself to the plan's support cores (after which
// allowedCpus() would see only those and the plan would shrink).
let machineCpus: number[] | null = null;
export const LAB_CPU_PLAN_MAX_CONCURRENCY: MaxConcurrencyForMemory = (memoryMB) => maxConcurrency((machineCpus ??= allowedCpus()), memoryMB);

export interface CampaignConcurrency {
  concurrency: number;
  source: "option" | "cpu-plan";
}

export function campaignConcurrency(
  options: Pick<BenchOptions, "concurrency" | "concurrencyFromPlan">,
  memorySizes: readonly number[],
  plan: MaxConcurrencyForMemory | null = LAB_CPU_PLAN_MAX_CONCURRENCY,
): CampaignConcurrency {
  if (!options.concurrencyFromPlan || plan === null) return { concurrency: options.concurrency, source: "option" };
  const held = memorySizes.map((memoryMB) => {
    const planned = plan(memoryMB);
    if (!Number.isInteger(planned) || planned < 0) throw new Error(benchMessages.badPlannedConcurrency(planned, memoryMB));
    return planned;
  });
  const fewest = Math.min(...held);
  // The plan holds nothing at some size: keep the default, which runners/bench/lab-plan.ts refuses.
  if (fewest < 1) return { concurrency: options.concurrency, source: "option" };
  return { concurrency: Math.min(fewest, options.concurrency), source: "cpu-plan" };
}
