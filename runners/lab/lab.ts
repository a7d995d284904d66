// The Lambda service stand-in: routes invocations to warm instances or starts new ones (cold
// starts) up to the concurrency limit, throttles beyond it, reaps idle instances.
import { randomUUID } from "node:crypto";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { detectCgroups, type Cgroups } from "./cgroups.js";
import { Instance, type FunctionConfig, type InvokeResult } from "./instance.js";
import { resolveInterpreters, type ResolvedInterpreters } from "./interpreters.js";
import { labMessages } from "./messages.js";

export interface LabOptions {
  /** Where the per-instance log streams go. */
  logDir: string;
  /** Maximum instances alive at once across all functions (Lambda's account concurrency). */
  concurrencyLimit?: number;
  /**
   * How many instances may be in their init phase at once (default: one per CPU core). Lambda
   * gives every initialising instance its own CPU; on a small machine, ten simultaneous cold
   * starts would share two cores and inflate Init Duration, so further cold starts wait (before
   * their process starts, so the wait is not part of Init Duration).
   */
  maxConcurrentInits?: number;
  idleTimeoutMs?: number;
  cgroups?: Cgroups;
  interpreters?: ResolvedInterpreters;
}

export type LabInvokeResult = InvokeResult | { throttled: true };

export const routeOf = (runtime: string, fn: string) => `${runtime}/${fn}`;

export class Lab {
  readonly cgroups: Cgroups;
  readonly interpreters: ResolvedInterpreters;
  readonly concurrencyLimit: number;
  private readonly idleTimeoutMs: number;
  private readonly functions = new Map<string, FunctionConfig>();
  private readonly instances = new Set<Instance>();
  /** Instances being shut down (crashed, reaped); stop() waits for them too. */
  private readonly closing = new Set<Instance>();
  private readonly reaper: NodeJS.Timeout;
  /** Cold starts in progress count against the limit before their instance exists. */
  private starting = 0;
  private stopped = false;
  private initsRunning = 0;
  private readonly initQueue: Array<() => void> = [];
  readonly maxConcurrentInits: number;

  constructor(private readonly options: LabOptions) {
    this.cgroups = options.cgroups ?? detectCgroups();
    this.cgroups.cleanStale();
    this.interpreters = options.interpreters ?? resolveInterpreters();
    this.concurrencyLimit = options.concurrencyLimit ?? 32;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    this.maxConcurrentInits = options.maxConcurrentInits ?? Math.max(1, cpus().length);
    this.reaper = setInterval(() => this.reapIdle(this.idleTimeoutMs), Math.min(1000, this.idleTimeoutMs));
    this.reaper.unref();
  }

  /** Makes (or replaces) the function served at /<runtime>/<function>; old idle instances go. */
  deploy(config: FunctionConfig): void {
    const route = routeOf(config.runtime, config.function);
    const old = this.functions.get(route);
    this.functions.set(route, config);
    if (old && old !== config) {
      for (const i of this.instances) if (i.config === old && i.state === "idle") void i.shutdown();
    }
  }

  deployed(route: string): FunctionConfig | undefined {
    return this.functions.get(route);
  }

  get liveInstances(): readonly Instance[] {
    return [...this.instances];
  }

  async invoke(route: string, payload: Buffer, requestId = randomUUID()): Promise<LabInvokeResult> {
    const config = this.functions.get(route);
    if (!config) throw new Error(labMessages.notDeployedRoute(route));
    if (this.stopped) return { throttled: true };
    let warm: Instance | undefined;
    for (const i of this.instances) if (i.config === config && i.state === "idle") warm = i;
    if (warm) return warm.invoke(requestId, payload);
    if (this.instances.size + this.starting >= this.concurrencyLimit && !this.evictIdle()) return { throttled: true };
    this.starting++;
    const instance = new Instance(config, {
      cgroups: this.cgroups,
      interpreters: this.interpreters,
      logDir: this.options.logDir,
      onGone: (i) => {
        this.instances.delete(i);
        this.closing.add(i);
        void i.shutdown().then(() => this.closing.delete(i));
      },
    });
    await this.initSlot();
    if (this.stopped) {
      this.starting--;
      this.releaseInitSlot();
      return { throttled: true };
    }
    try {
      await instance.start();
    } catch (e) {
      this.releaseInitSlot();
      throw e;
    } finally {
      this.starting--;
    }
    void instance.initOver.then(() => this.releaseInitSlot());
    // stop() ran while this instance was starting: it must not outlive the lab.
    if (this.stopped) {
      await instance.shutdown();
      return { throttled: true };
    }
    this.instances.add(instance);
    return instance.invoke(requestId, payload);
  }

  private initSlot(): Promise<void> {
    if (this.initsRunning < this.maxConcurrentInits) {
      this.initsRunning++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.initQueue.push(resolve));
  }

  private releaseInitSlot(): void {
    const next = this.initQueue.shift();
    if (next) next();
    else this.initsRunning--;
  }

  /** Frees one slot by stopping the least recently used idle instance. */
  private evictIdle(): boolean {
    let lru: Instance | undefined;
    for (const i of this.instances) if (i.state === "idle" && (!lru || i.lastUsed < lru.lastUsed)) lru = i;
    if (!lru) return false;
    void lru.shutdown();
    return true;
  }

  /** Stops instances idle for at least maxIdleMs (0: every idle instance). */
  async reapIdle(maxIdleMs = 0): Promise<void> {
    const now = performance.now();
    const idle = [...this.instances].filter((i) => i.state === "idle" && now - i.lastUsed >= maxIdleMs);
    await Promise.all(idle.map((i) => i.shutdown()));
  }

  /**
   * Retires every instance, busy or idle, and waits until all are gone (those already closing
   * too): the next invocation of any function is a cold start in a new environment. The lab
   * keeps serving.
   */
  async retireAll(): Promise<void> {
    await Promise.all([...this.instances, ...this.closing].map((i) => i.shutdown()));
  }

  /** Kills every instance and removes its cgroup and server. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.reaper);
    for (const waiting of this.initQueue.splice(0)) waiting();
    await Promise.all([...this.instances, ...this.closing].map((i) => i.shutdown()));
    this.cgroups.release?.();
  }
}
