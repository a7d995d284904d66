// The concurrency each memory size runs at in the lab: without --concurrency, the default (the
// seed's 10) lowered to the largest the lab's CPU plan holds at that size on this machine
// (runners/lab/cpu-plan.ts), so a larger machine runs the seed's protocol unchanged; with
// --concurrency, that. The dataset records which (meta.json protocol.concurrency and
// protocol.concurrencySource); runners/bench/lab-plan.ts refuses a size the plan cannot hold.
import { allowedCpus } from "../lab/cgroups.js";
import { maxConcurrency } from "../lab/cpu-plan.js";
import type { BenchOptions } from "./options.js";

/** The largest concurrency the CPU plan holds at a memory size on this machine. */
export type MaxConcurrencyForMemory = (memoryMB: number) => number;

/**
 * The machine's CPUs as this process saw them first (before the lab pins the bench process to
 * its support cores, after which allowedCpus() names only those and the plan would hold nothing).
 */
let machineCpus: number[] | null = null;

export const LAB_CPU_PLAN_MAX_CONCURRENCY: MaxConcurrencyForMemory = (memoryMB) => maxConcurrency((machineCpus ??= allowedCpus()), memoryMB);

export interface SizeConcurrency {
  concurrency: number;
  source: "option" | "cpu-plan";
}

export function concurrencyAt(options: Pick<BenchOptions, "concurrency" | "concurrencyFromPlan">, memoryMB: number, plan: MaxConcurrencyForMemory | null = LAB_CPU_PLAN_MAX_CONCURRENCY): SizeConcurrency {
  if (!options.concurrencyFromPlan || plan === null) return { concurrency: options.concurrency, source: "option" };
  const planned = plan(memoryMB);
  if (!Number.isInteger(planned) || planned < 0) throw new Error(`the CPU plan gave concurrency ${planned} at ${memoryMB} MB (expected a non-negative integer)`);
  // The plan holds nothing at this size: keep the default, which runners/bench/lab-plan.ts refuses.
  if (planned < 1) return { concurrency: options.concurrency, source: "option" };
  // The plan chose this size's concurrency (the default, or lower where the machine holds less):
  // recorded as "cpu-plan" at every size, so one sweep's sizes share one protocol (lib/comparability.ts).
  return { concurrency: Math.min(planned, options.concurrency), source: "cpu-plan" };
}
