// The lab's CPU plan: which cores serve which role, so the machine's own contention cannot decide a
// finding. Pure: the cores are given, nothing is read or written here (cgroups.ts enforces it).
//
// Roles, on whole cores (cpusets):
// - support: the DynamoDB server (and its latency proxy), the API front and the load driver;
// - init: instances in their init phase, one at a time per init core, with nothing running there
//   (Lambda boosts init and gives every environment its own slice of a host);
// - run: instances after init, each capped at memoryMB / 1769 of a core (cgroups.ts), so their caps
//   must add up to no more than the run cores.
// With 3 or more cores the three roles are disjoint. A 2-core machine cannot give each its own
// core: there the init phase shares the support core (never a core a running instance uses), and
// the plan says so (`initSharesSupport`). One core cannot separate anything and holds no protocol.
import { MB_PER_VCPU } from "./cgroups.js";

export { cpuList, parseCpuList } from "./cpu-list.js";

export interface CpuPlan {
  /** The machine's usable CPU ids. */
  cpus: number[];
  support: number[];
  init: number[];
  run: number[];
  /** True on machines too small to give the init phase a core of its own (2 cores). */
  initSharesSupport: boolean;
  /** Instances initialising at once: one per init core. */
  maxConcurrentInits: number;
  concurrency: number;
  /** The largest memory size of the campaign (one protocol across its memory sizes). */
  memoryMB: number;
  /** Each running instance's CPU cap, in cores. */
  instanceCap: number;
  /** concurrency × instanceCap: what the running instances may use at once, in cores. */
  instanceCores: number;
  /** instanceCores fits in the run cores. */
  fits: boolean;
}

const EPSILON = 1e-9;

/** How the machine's CPUs are split into roles (independent of the protocol). */
export function layout(cpus: readonly number[]): Pick<CpuPlan, "support" | "init" | "run" | "initSharesSupport"> {
  const ids = [...cpus].sort((a, b) => a - b);
  if (ids.length < 2) return { support: ids, init: ids, run: [], initSharesSupport: true };
  if (ids.length === 2) return { support: [ids[0]!], init: [ids[0]!], run: [ids[1]!], initSharesSupport: true };
  // Larger machines give support a quarter of the cores and init an eighth, at least one each.
  const support = Math.max(1, Math.floor(ids.length / 4));
  const init = Math.max(1, Math.floor(ids.length / 8));
  return { support: ids.slice(0, support), init: ids.slice(support, support + init), run: ids.slice(support + init), initSharesSupport: false };
}

export const instanceCapCores = (memoryMB: number) => memoryMB / MB_PER_VCPU;

/** The plan for a protocol: `concurrency` instances of up to `max(memorySizes)` MB running at once. */
export function planCpus(cpus: readonly number[], concurrency: number, memorySizes: readonly number[]): CpuPlan {
  const memoryMB = Math.max(...memorySizes);
  const roles = layout(cpus);
  const instanceCap = instanceCapCores(memoryMB);
  const instanceCores = concurrency * instanceCap;
  return {
    cpus: [...cpus].sort((a, b) => a - b),
    ...roles,
    maxConcurrentInits: Math.max(1, roles.init.length),
    concurrency,
    memoryMB,
    instanceCap,
    instanceCores,
    fits: roles.run.length > 0 && instanceCores <= roles.run.length + EPSILON,
  };
}

/** The largest concurrency the plan holds at `memoryMB` on a machine with these CPUs (0: none). */
export function maxConcurrency(cpus: readonly number[], memoryMB: number): number {
  return Math.floor(layout(cpus).run.length / instanceCapCores(memoryMB) + EPSILON);
}

/** The largest memory size (MB) at which the plan holds `concurrency` instances (0: none). */
export function maxMemoryMB(cpus: readonly number[], concurrency: number): number {
  return Math.floor((layout(cpus).run.length * MB_PER_VCPU) / concurrency + EPSILON);
}

/** The seed's concurrency where the machine holds it; otherwise the largest it holds at the campaign's largest memory size. */
export function defaultConcurrency(cpus: readonly number[], memorySizes: readonly number[], seedConcurrency: number): number {
  return Math.min(seedConcurrency, maxConcurrency(cpus, Math.max(...memorySizes)));
}
