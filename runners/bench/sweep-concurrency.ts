// The concurrency each memory size runs at in the lab: the largest the lab's CPU plan can hold at
// that size (so a sweep's sizes each run as loaded as the machine allows), or --concurrency.
//
// HOOK — the CPU plan lives in runners/lab (lab-fidelity work) and is not on main yet. Until it
// exposes its "largest concurrency for a memory size" function, LAB_CPU_PLAN_MAX_CONCURRENCY is
// null and every size runs at --concurrency (default 10); the dataset records which it was
// (meta.json protocol.concurrency and protocol.concurrencySource). Wire the plan's function here.
import type { BenchOptions } from "./options.js";

/** The largest concurrency the CPU plan holds at a memory size on this machine. */
export type MaxConcurrencyForMemory = (memoryMB: number) => number;

export const LAB_CPU_PLAN_MAX_CONCURRENCY: MaxConcurrencyForMemory | null = null;

export interface SizeConcurrency {
  concurrency: number;
  source: "option" | "cpu-plan";
}

export function concurrencyAt(options: Pick<BenchOptions, "concurrency" | "concurrencyFromPlan">, memoryMB: number, plan: MaxConcurrencyForMemory | null = LAB_CPU_PLAN_MAX_CONCURRENCY): SizeConcurrency {
  if (!options.concurrencyFromPlan || plan === null) return { concurrency: options.concurrency, source: "option" };
  const planned = plan(memoryMB);
  if (!Number.isInteger(planned) || planned < 1) throw new Error(`the CPU plan gave concurrency ${planned} at ${memoryMB} MB (expected a positive integer)`);
  return { concurrency: planned, source: "cpu-plan" };
}
