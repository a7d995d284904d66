// The local lab's CPU plan at each memory size of a bench run: the plan for the concurrency that
// campaign runs at (campaign-concurrency.ts), or a refusal naming what the machine holds, before anything
// runs. --oversubscribe runs a plan that does not fit and records it.
import { layout, maxConcurrency, maxMemoryMB, planCpus, type CpuPlan } from "../lab/cpu-plan.js";
import { benchMessages as msg } from "./messages.js";

export interface LabPlanAtSize {
  memoryMB: number;
  plan: CpuPlan;
  oversubscribed: boolean;
  /** For the run's output and the dataset's meta.json warnings. */
  warnings: string[];
}

/** Why the plan for `concurrency` at `memoryMB` does not fit on these CPUs, or null when it does. */
export function planRefusal(plan: CpuPlan, cpus: readonly number[]): string | null {
  if (plan.fits) return null;
  if (layout(cpus).run.length === 0) return msg.noCpuPlan(cpus.length);
  return msg.planRefused(
    plan.concurrency,
    plan.memoryMB,
    cpus.length,
    plan.run.length,
    plan.instanceCores,
    maxConcurrency(cpus, plan.memoryMB),
    maxMemoryMB(cpus, plan.concurrency),
  );
}

/** The plan at every size; throws the first refusal unless `oversubscribe`. */
export function planLabRun(sizes: Array<{ memoryMB: number; concurrency: number }>, oversubscribe: boolean, cpus: readonly number[]): LabPlanAtSize[] {
  return sizes.map(({ memoryMB, concurrency }) => {
    const plan = planCpus(cpus, concurrency, [memoryMB]);
    const refusal = planRefusal(plan, cpus);
    if (refusal === null) return { memoryMB, plan, oversubscribed: false, warnings: [] };
    if (!oversubscribe) throw new Error(refusal);
    return { memoryMB, plan, oversubscribed: true, warnings: [msg.oversubscribed(refusal)] };
  });
}
