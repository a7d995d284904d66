// The local lab as a bench target: DynamoDB server, lab and API front, and one function per
// (runtime, function, memory) deployed from its manifest artefact.
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { findEntry, repoRoot, runtimeSpec, type Manifest } from "../../functions/manifest.js";
import { BILLING_RULES, billingRuleAt } from "../dataset/contract.js";
import { unpackArtefact } from "../lab/artefacts.js";
import { collectFunction } from "../lab/collect-local.js";
import { startFront, type Front } from "../lab/front.js";
import type { FunctionConfig } from "../lab/instance.js";
import { detectCgroups } from "../lab/cgroups.js";
import { cpuList, type CpuPlan } from "../lab/cpu-plan.js";
import { DEFAULT_DB_LATENCY, parseDbLatency, type DbLatencyModel } from "../lab/db-latency.js";
import { resolveInterpreters, runtimeProblem } from "../lab/interpreters.js";
import { Lab, routeOf } from "../lab/lab.js";
import { LOCAL_CREDENTIALS, startLocalDynamoDb, type LocalDynamoDb } from "./dynamodb.js";
import type { LabPlanAtSize } from "./lab-plan.js";
import { benchMessages as msg } from "./messages.js";
import { architecture, machine, runtimeVersions } from "./provenance.js";
import type { Collected, SegmentKey, Target, TargetDescription, TrialSegmentKey } from "./target.js";
import type { Teardown } from "./teardown.js";

export const LOCAL_REGION = "us-east-1";
/** Lambda's default account concurrency; the load driver's concurrency is the real bound here. */
const ACCOUNT_CONCURRENCY = 1000;

export const functionNameOf = (runtime: string, fn: string, memoryMB: number) => `lambench-${runtime}-${fn}-${memoryMB}mb`;

export class LocalTarget implements Target {
  private constructor(
    readonly lab: Lab,
    readonly front: Front,
    readonly dynamo: LocalDynamoDb,
    private readonly manifest: Manifest,
    private readonly logDir: string,
    private readonly timeoutMs: number,
    private readonly runtimes: string[],
    readonly cpusetsEnforced: boolean,
    /** The CPU plan at each memory size (runners/bench/lab-plan.ts), for meta.json. */
    private readonly sizes: ReadonlyMap<number, LabPlanAtSize>,
    private readonly dbLatency: DbLatencyModel,
  ) {}

  /**
   * Starts the DynamoDB server, the lab and the front. With a CPU plan and writable cpusets, this
   * process (front, load driver, Runtime API servers) and the DynamoDB server move to the support
   * cores and instances initialise on the init cores and run on the run cores; `cpusetsEnforced`
   * says whether that happened. Every DynamoDB call waits the declared latency model's delay
   * (default: DEFAULT_DB_LATENCY).
   */
  static async start(
    manifest: Manifest,
    logDir: string,
    timeoutMs: number,
    teardown: Teardown,
    runtimes: string[] = manifest.runtimes.map((r) => r.id),
    conditions: { plan?: CpuPlan | null; dbLatency?: DbLatencyModel; sizes?: ReadonlyMap<number, LabPlanAtSize> } = {},
  ): Promise<LocalTarget> {
    const plan = conditions.plan ?? null;
    const dbLatency = conditions.dbLatency ?? parseDbLatency(DEFAULT_DB_LATENCY);
    const interpreters = resolveInterpreters();
    const problems = runtimes.map((id) => runtimeProblem(runtimeSpec(manifest, id), interpreters)).filter((p) => p !== null);
    if (problems.length > 0) throw new Error([...new Set(problems)].join("\n"));
    const cgroups = detectCgroups();
    cgroups.cleanStale();
    const support =
      plan && plan.run.length > 0
        ? (cgroups.partition?.({ support: cpuList(plan.support), init: cpuList(plan.init), run: cpuList(plan.run), initPriority: plan.initSharesSupport }) ??
          null)
        : null;
    if (support) {
      // Added first, so it runs last: after the DynamoDB server and the instances are gone.
      teardown.add(() => support.release());
      support.join(process.pid);
    }
    const dynamo = await startLocalDynamoDb(LOCAL_REGION, dbLatency);
    teardown.add(() => dynamo.stop());
    support?.join(dynamo.pid);
    const lab = new Lab({
      logDir,
      concurrencyLimit: ACCOUNT_CONCURRENCY,
      interpreters,
      cgroups,
      ...(plan ? { maxConcurrentInits: plan.maxConcurrentInits } : {}),
    });
    teardown.add(() => lab.stop());
    const front = await startFront(lab);
    teardown.add(() => front.stop());
    return new LocalTarget(lab, front, dynamo, manifest, logDir, timeoutMs, runtimes, support !== null, conditions.sizes ?? new Map(), dbLatency);
  }

  /** A warning when the lab cannot cap CPU and memory (meta.json records it). */
  get limitWarning(): string | null {
    const support = this.lab.cgroups.support;
    return support.cpu && support.memory ? null : msg.limitsNotEnforced(support.note);
  }

  /** A warning when the CPU plan's cpusets could not be enforced (meta.json records it). */
  get cpusetWarning(): string | null {
    return this.cpusetsEnforced ? null : msg.cpusetsNotEnforced();
  }

  async prepare(): Promise<void> {}

  /** Deploys runtime/fn at memoryMB with empty log streams and returns its URL. */
  async endpoint(key: SegmentKey): Promise<string> {
    const { runtime, function: fn, memoryMB } = key;
    const entry = findEntry(this.manifest, runtime, fn);
    if (!entry) throw new Error(msg.noEntry(runtime, fn));
    const spec = runtimeSpec(this.manifest, runtime);
    const functionName = functionNameOf(runtime, fn, memoryMB);
    const config: FunctionConfig = {
      functionName,
      runtime,
      function: fn,
      lambdaRuntime: spec.lambdaRuntime,
      kind: spec.kind,
      start: spec.family.start,
      handler: entry.handler,
      codeDir: unpackArtefact(resolve(repoRoot, entry.artefact), join(repoRoot, ".cache", "lab", "artefacts")),
      memoryMB,
      timeoutMs: this.timeoutMs,
      region: LOCAL_REGION,
      environment: {
        ...LOCAL_CREDENTIALS,
        AWS_ENDPOINT_URL_DYNAMODB: this.dynamo.endpoint,
        TABLE_NAME: this.dynamo.tableName,
      },
    };
    this.lab.deploy(config);
    // A segment's rows are its function's log streams: those of an earlier trial go first.
    rmSync(join(this.logDir, functionName), { recursive: true, force: true });
    return `${this.front.url}/${routeOf(runtime, fn)}`;
  }

  /** Every instance of the lab is retired (whatever the pairs): the next calls all start cold. */
  async freshEnvironments(): Promise<void> {
    await this.lab.retireAll();
  }

  async collect(key: TrialSegmentKey): Promise<Collected> {
    // Stopping the (idle) instances completes their log streams and frees their memory.
    await this.lab.reapIdle(0);
    return collectFunction(this.logDir, {
      functionName: functionNameOf(key.runtime, key.function, key.memoryMB),
      runtime: key.runtime,
      function: key.function,
      memoryMB: key.memoryMB,
      architecture: architecture(),
      trial: key.trial,
    });
  }

  describe(memoryMB: number, createdAt: string): TargetDescription {
    const rule = billingRuleAt(createdAt);
    const planned = this.sizes.get(memoryMB);
    const warnings = [this.limitWarning, this.cpusetWarning, ...(planned?.warnings ?? [])].filter((w): w is string => w !== null);
    return {
      target: "local",
      detail: `npm run bench -- --target local (local Lambda lab; CPU plan in meta.json lab.cpuPlan: at most ${this.lab.maxConcurrentInits} instance(s) initialising at once, one per init core, so each init has a core no running instance uses)`,
      architecture: architecture(),
      runtimeVersions: runtimeVersions(this.manifest, this.runtimes, this.lab.interpreters),
      machine: machine(this.lab.cgroups.support),
      region: null,
      billing: { rule, description: BILLING_RULES[rule].description },
      ...(planned
        ? {
            lab: {
              cpuPlan: { ...planned.plan, enforced: this.cpusetsEnforced },
              oversubscribed: planned.oversubscribed,
              dbLatency: this.dbLatency.model === "0" ? null : this.dbLatency,
            },
          }
        : {}),
      warnings,
    };
  }
}
