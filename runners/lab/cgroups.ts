// Per-instance resource limits with Linux cgroups (v1 here, v2 elsewhere). Instances live in
// <mount>/<our own cgroup>/lambench/<ownerPid>-<instanceId>, so a later run can tell a crashed
// run's leftovers (owner pid gone) from a concurrent run's live groups.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseCpuList } from "./cpu-list.js";
import { KernelFile } from "./pread.js";

/** Lambda gives a function one full vCPU at 1769 MB and CPU in proportion to memory below that. */
export const MB_PER_VCPU = 1769;
export const CFS_PERIOD_US = 100_000;
const GROUP_DIR = "lambench";

export interface CgroupSupport {
  version: 1 | 2 | null;
  cpu: boolean;
  memory: boolean;
  /** Why a limit is not enforced; empty when both are. */
  note: string;
}

export interface InstanceCgroup {
  /** cgroup.procs files the instance's process must join (before it execs the runtime). */
  readonly procsFiles: readonly string[];
  /** Caps CPU at memoryMB / 1769 of one core and moves to the run cores; called at the end of init. */
  capCpu(): void;
  /** Peak memory of the group in bytes, or null when memory is not accounted. */
  peakMemoryBytes(): number | null;
  /** How many times the kernel OOM-killed a process of this group. */
  oomKills(): number;
  remove(): Promise<void>;
}

/** The CPU lists (cpuset syntax, "0-1,3") of a plan's roles (cpu-plan.ts). */
export interface CpuPartitions {
  support: string;
  init: string;
  run: string;
  /**
   * The init cores are the support cores (a 2-core machine): an initialising instance then gets a
   * much larger CPU weight than the support processes, so it has the core nearly to itself, as an
   * init on Lambda does, and the support processes use what it leaves.
   */
  initPriority?: boolean;
}

/** CPU weights while an instance initialises on shared support cores, and after (the default). */
export const INIT_CPU_SHARES_V1 = 262_144;
export const DEFAULT_CPU_SHARES_V1 = 1024;
export const INIT_CPU_WEIGHT_V2 = 10_000;
export const DEFAULT_CPU_WEIGHT_V2 = 100;
/**
 * The CPU weight of the lab's parent group while a partition is in force, the same largest weight
 * an initialising instance gets: the lab as a whole (its support processes, DynamoDB server
 * included, and its instances) outweighs every process outside it, so a busy neighbour on the
 * machine does not slow the database the way it never would on AWS.
 */
export const LAB_CPU_SHARES_V1 = INIT_CPU_SHARES_V1;
export const LAB_CPU_WEIGHT_V2 = INIT_CPU_WEIGHT_V2;

/** The support partition in force: the processes that joined it, and how to leave it. */
export interface SupportPartition {
  /** Moves a process (the bench itself, the DynamoDB server) onto the support cores. */
  join(pid: number): void;
  /** Moves our own process back to where it was and removes the partition. */
  release(): Promise<void>;
}

export interface Cgroups {
  support: CgroupSupport;
  /** Whether CPUs can be partitioned (cpuset controller writable). */
  cpusets: boolean;
  /**
   * Partitions the CPUs: instances created afterwards initialise on `init` and run on `run`;
   * the returned partition holds the support processes. Null when cpusets are not available.
   */
  partition?(cpus: CpuPartitions): SupportPartition | null;
  create(instanceId: string, memoryMB: number): InstanceCgroup | null;
  /** Removes groups left by runs whose process is gone; returns their paths. */
  cleanStale(): string[];
  /** Removes our (empty) parent group(s); a concurrent run still using them keeps them. */
  release?(): void;
}

function removeIfEmpty(dir: string | null): void {
  if (!dir) return;
  try {
    rmdirSync(dir);
  } catch {
    /* still in use, or already gone */
  }
}

interface Mount {
  dir: string;
  type: string;
  options: string[];
}

function readMounts(): Mount[] {
  try {
    return readFileSync("/proc/self/mounts", "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => {
        const [, dir, type, opts] = l.split(" ");
        return { dir: dir ?? "", type: type ?? "", options: (opts ?? "").split(",") };
      });
  } catch {
    return [];
  }
}

/** Our own cgroup path per v1 controller (and "" for v2), from /proc/self/cgroup. */
function ownPaths(): Map<string, string> {
  const out = new Map<string, string>();
  try {
    for (const line of readFileSync("/proc/self/cgroup", "utf8").split("\n").filter(Boolean)) {
      const [, controllers, path] = line.split(":");
      for (const c of (controllers ?? "").split(",")) out.set(c, path ?? "/");
    }
  } catch {
    /* no procfs: no cgroups */
  }
  return out;
}

function canWrite(dir: string): boolean {
  const probe = join(dir, `probe-${process.pid}`);
  try {
    mkdirSync(probe, { recursive: true });
    rmdirSync(probe);
    return true;
  } catch {
    return false;
  }
}

function numberOf(text: string | null): number | null {
  if (text === null) return null;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function removeDir(dir: string): Promise<void> {
  // A group can be removed only once its last task has exited; a killed process may linger briefly.
  for (let i = 0; i < 50; i++) {
    if (!existsSync(dir)) return;
    try {
      rmdirSync(dir);
      return;
    } catch {
      killTasks(dir);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

function killTasks(dir: string): void {
  try {
    for (const pid of readFileSync(join(dir, "cgroup.procs"), "utf8").split("\n").filter(Boolean)) {
      try {
        process.kill(Number(pid), "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  } catch {
    /* no procs file */
  }
}

function cleanStaleIn(parent: string): string[] {
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const owner = Number(name.split("-")[0]);
    const dir = join(parent, name);
    if (!Number.isInteger(owner) || isAlive(owner)) continue;
    killTasks(dir);
    try {
      rmdirSync(dir);
      removed.push(dir);
    } catch {
      /* tasks still exiting; the next run retries */
    }
  }
  return removed;
}

/**
 * cgroup v1 cpuset groups: `<cpuset mount>/<own>/lambench/` (initialised with all our CPUs and memory
 * nodes, as v1 starts new cpusets empty), one `<pid>-support` group and one group per instance.
 */
class CpusetV1 {
  private partitions: CpuPartitions | null = null;
  private mems = "0";

  constructor(
    readonly ownDir: string,
    readonly parent: string,
  ) {}

  static detect(mounts: Mount[], own: Map<string, string>): CpusetV1 | null {
    const mount = mounts.find((m) => m.type === "cgroup" && m.options.includes("cpuset"));
    if (!mount) return null;
    const ownDir = join(mount.dir, own.get("cpuset") ?? "/");
    const parent = join(ownDir, GROUP_DIR);
    return canWrite(parent) ? new CpusetV1(ownDir, parent) : null;
  }

  private prepareParent(): void {
    mkdirSync(this.parent, { recursive: true });
    this.mems = readFileSync(join(this.ownDir, "cpuset.mems"), "utf8").trim();
    // A concurrent run may already have filled them in; rewriting the same values is harmless.
    writeFileSync(join(this.parent, "cpuset.cpus"), readFileSync(join(this.ownDir, "cpuset.cpus"), "utf8").trim());
    writeFileSync(join(this.parent, "cpuset.mems"), this.mems);
  }

  private group(name: string, cpus: string): string {
    const dir = join(this.parent, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "cpuset.cpus"), cpus);
    writeFileSync(join(dir, "cpuset.mems"), this.mems);
    return dir;
  }

  partition(cpus: CpuPartitions): SupportPartition {
    this.prepareParent();
    this.partitions = cpus;
    const dir = this.group(`${process.pid}-support`, cpus.support);
    return {
      join: (pid) => writeFileSync(join(dir, "cgroup.procs"), String(pid)),
      release: async () => {
        this.partitions = null;
        writeFileSync(join(this.ownDir, "cgroup.procs"), String(process.pid));
        await removeDir(dir);
        removeIfEmpty(this.parent);
      },
    };
  }

  /** The instance's cpuset group (init cores) and the switch to the run cores; null before partition(). */
  instance(instanceId: string): { dir: string; toRun(): void } | null {
    const p = this.partitions;
    if (!p) return null;
    const dir = this.group(`${process.pid}-${instanceId}`, p.init);
    return { dir, toRun: () => writeFileSync(join(dir, "cpuset.cpus"), p.run) };
  }
}

function v1(mounts: Mount[], own: Map<string, string>): Cgroups | null {
  const cpuMount = mounts.find((m) => m.type === "cgroup" && m.options.includes("cpu"));
  const memMount = mounts.find((m) => m.type === "cgroup" && m.options.includes("memory"));
  if (!cpuMount && !memMount) return null;
  const parent = (m: Mount | undefined, controller: string) => (m ? join(m.dir, own.get(controller) ?? "/", GROUP_DIR) : null);
  const cpuParent = parent(cpuMount, "cpu");
  const memParent = parent(memMount, "memory");
  const cpu = cpuParent !== null && canWrite(cpuParent);
  const memory = memParent !== null && canWrite(memParent);
  const cpuset = CpusetV1.detect(mounts, own);
  const missing = [!cpu && "CPU", !memory && "memory"].filter(Boolean).join(" and ");
  const support: CgroupSupport = {
    version: 1,
    cpu,
    memory,
    note: missing ? `cgroup v1 ${missing} controller not writable (root needed); ${missing} not limited` : "",
  };
  let initPriority = false;
  return {
    support,
    cpusets: cpuset !== null,
    partition(cpus) {
      const set = cpuset?.partition(cpus) ?? null;
      if (!set) return null;
      if (!cpu) return set;
      // Weights compete between siblings: the support processes join a group beside the instances',
      // and the lab's parent group outweighs the rest of the machine.
      initPriority = cpus.initPriority === true;
      const cpuOwn = join(cpuMount!.dir, own.get("cpu") ?? "/");
      const weighted = join(cpuParent!, `${process.pid}-support`);
      mkdirSync(weighted, { recursive: true });
      writeFileSync(join(cpuParent!, "cpu.shares"), String(LAB_CPU_SHARES_V1));
      return {
        join(pid) {
          set.join(pid);
          writeFileSync(join(weighted, "cgroup.procs"), String(pid));
        },
        async release() {
          initPriority = false;
          writeFileSync(join(cpuOwn, "cgroup.procs"), String(process.pid));
          await removeDir(weighted);
          if (existsSync(cpuParent!)) writeFileSync(join(cpuParent!, "cpu.shares"), String(DEFAULT_CPU_SHARES_V1));
          await set.release();
        },
      };
    },
    cleanStale: () => [...(cpu ? cleanStaleIn(cpuParent!) : []), ...(memory ? cleanStaleIn(memParent!) : []), ...(cpuset ? cleanStaleIn(cpuset.parent) : [])],
    release: () => {
      removeIfEmpty(cpuParent);
      removeIfEmpty(memParent);
      removeIfEmpty(cpuset?.parent ?? null);
    },
    create(instanceId, memoryMB) {
      const set = cpuset?.instance(instanceId) ?? null;
      if (!cpu && !memory && !set) return null;
      const name = `${process.pid}-${instanceId}`;
      const cpuDir = cpu ? join(cpuParent!, name) : null;
      const memDir = memory ? join(memParent!, name) : null;
      if (cpuDir) mkdirSync(cpuDir, { recursive: true });
      const prioritised = initPriority && cpuDir !== null;
      if (prioritised) writeFileSync(join(cpuDir, "cpu.shares"), String(INIT_CPU_SHARES_V1));
      if (memDir) {
        mkdirSync(memDir, { recursive: true });
        const bytes = String(memoryMB * 1024 * 1024);
        writeFileSync(join(memDir, "memory.limit_in_bytes"), bytes);
        // memsw (memory + swap) must be >= the memory limit, so it is written second.
        const memsw = join(memDir, "memory.memsw.limit_in_bytes");
        if (existsSync(memsw)) writeFileSync(memsw, bytes);
      }
      const peak = memDir ? new KernelFile(join(memDir, "memory.max_usage_in_bytes")) : null;
      return {
        procsFiles: [cpuDir, memDir, set?.dir ?? null].filter((d): d is string => d !== null).map((d) => join(d, "cgroup.procs")),
        capCpu() {
          set?.toRun();
          if (!cpuDir) return;
          if (prioritised) writeFileSync(join(cpuDir, "cpu.shares"), String(DEFAULT_CPU_SHARES_V1));
          writeFileSync(join(cpuDir, "cpu.cfs_period_us"), String(CFS_PERIOD_US));
          writeFileSync(join(cpuDir, "cpu.cfs_quota_us"), String(cpuQuotaUs(memoryMB)));
        },
        peakMemoryBytes: () => numberOf(peak?.read() ?? null),
        oomKills: () => (memDir ? oomKillCount(join(memDir, "memory.oom_control")) : 0),
        async remove() {
          peak?.close();
          if (cpuDir) await removeDir(cpuDir);
          if (memDir) await removeDir(memDir);
          if (set) await removeDir(set.dir);
        },
      };
    },
  };
}

function oomKillCount(file: string): number {
  try {
    const m = /^oom_kill (\d+)$/m.exec(readFileSync(file, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function v2(mounts: Mount[], own: Map<string, string>): Cgroups | null {
  const mount = mounts.find((m) => m.type === "cgroup2");
  if (!mount) return null;
  const base = join(mount.dir, own.get("") ?? "/");
  const parent = join(base, GROUP_DIR);
  let controllers: string[] = [];
  try {
    controllers = readFileSync(join(base, "cgroup.controllers"), "utf8").trim().split(/\s+/);
  } catch {
    /* none */
  }
  const writable = canWrite(parent);
  if (writable) {
    try {
      writeFileSync(join(parent, "cgroup.subtree_control"), "+cpu +memory");
    } catch {
      /* reported through the controllers check below */
    }
    try {
      writeFileSync(join(parent, "cgroup.subtree_control"), "+cpuset");
    } catch {
      /* no cpuset controller delegated: no CPU partitions */
    }
  }
  let enabled: string[] = [];
  try {
    enabled = readFileSync(join(parent, "cgroup.subtree_control"), "utf8").trim().split(/\s+/);
  } catch {
    /* none */
  }
  const cpu = writable && controllers.includes("cpu") && enabled.includes("cpu");
  const memory = writable && controllers.includes("memory") && enabled.includes("memory");
  const cpuset = writable && controllers.includes("cpuset") && enabled.includes("cpuset");
  const missing = [!cpu && "CPU", !memory && "memory"].filter(Boolean).join(" and ");
  let partitions: CpuPartitions | null = null;
  return {
    support: { version: 2, cpu, memory, note: missing ? `cgroup v2 ${missing} controller not available to us; ${missing} not limited` : "" },
    cpusets: cpuset,
    partition(cpus) {
      if (!cpuset) return null;
      partitions = cpus;
      const dir = join(parent, `${process.pid}-support`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "cpuset.cpus"), cpus.support);
      if (cpu) writeFileSync(join(parent, "cpu.weight"), String(LAB_CPU_WEIGHT_V2));
      return {
        join: (pid) => writeFileSync(join(dir, "cgroup.procs"), String(pid)),
        release: async () => {
          partitions = null;
          writeFileSync(join(base, "cgroup.procs"), String(process.pid));
          await removeDir(dir);
          if (cpu && existsSync(parent)) writeFileSync(join(parent, "cpu.weight"), String(DEFAULT_CPU_WEIGHT_V2));
          removeIfEmpty(parent);
        },
      };
    },
    cleanStale: () => (writable ? cleanStaleIn(parent) : []),
    release: () => removeIfEmpty(parent),
    create(instanceId, memoryMB) {
      const set = partitions;
      if (!cpu && !memory && !set) return null;
      const dir = join(parent, `${process.pid}-${instanceId}`);
      mkdirSync(dir, { recursive: true });
      if (set) writeFileSync(join(dir, "cpuset.cpus"), set.init);
      const prioritised = cpu && set?.initPriority === true;
      if (prioritised) writeFileSync(join(dir, "cpu.weight"), String(INIT_CPU_WEIGHT_V2));
      if (memory) {
        writeFileSync(join(dir, "memory.max"), String(memoryMB * 1024 * 1024));
        if (existsSync(join(dir, "memory.swap.max"))) writeFileSync(join(dir, "memory.swap.max"), "0");
      }
      const peak = memory ? new KernelFile(join(dir, "memory.peak")) : null;
      return {
        procsFiles: [join(dir, "cgroup.procs")],
        capCpu() {
          if (set) writeFileSync(join(dir, "cpuset.cpus"), set.run);
          if (prioritised) writeFileSync(join(dir, "cpu.weight"), String(DEFAULT_CPU_WEIGHT_V2));
          if (cpu) writeFileSync(join(dir, "cpu.max"), `${cpuQuotaUs(memoryMB)} ${CFS_PERIOD_US}`);
        },
        peakMemoryBytes: () => numberOf(peak?.read() ?? null),
        oomKills() {
          try {
            const m = /^oom_kill (\d+)$/m.exec(readFileSync(join(dir, "memory.events"), "utf8"));
            return m ? Number(m[1]) : 0;
          } catch {
            return 0;
          }
        },
        remove: () => {
          peak?.close();
          return removeDir(dir);
        },
      };
    },
  };
}

/** The CPU ids this process may run on (its affinity, which a cpuset narrows), else every core. */
export function allowedCpus(): number[] {
  try {
    const m = /^Cpus_allowed_list:\s*(\S+)$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return parseCpuList(m[1]!);
  } catch {
    /* no procfs */
  }
  return cpus().map((_, i) => i);
}

export function cpuQuotaUs(memoryMB: number): number {
  return Math.max(1000, Math.round((memoryMB / MB_PER_VCPU) * CFS_PERIOD_US));
}

const NONE: Cgroups = {
  support: { version: null, cpu: false, memory: false, note: "no cgroup filesystem found; CPU and memory not limited" },
  cpusets: false,
  create: () => null,
  cleanStale: () => [],
  release: () => {},
};

/** Detects what this machine lets us limit. v1 is preferred where both are mounted (hybrid hosts). */
export function detectCgroups(): Cgroups {
  const mounts = readMounts();
  const own = ownPaths();
  const one = v1(mounts, own);
  if (one && (one.support.cpu || one.support.memory)) return one;
  return v2(mounts, own) ?? one ?? NONE;
}
