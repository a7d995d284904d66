// The local lab as a bench target: DynamoDB server, lab and API front, and one function per
// (runtime, function, memory) deployed from its manifest artefact.
import { join, resolve } from "node:path";
import { findEntry, repoRoot, runtimeSpec, type Manifest } from "../../functions/manifest.js";
import { unpackArtefact } from "../lab/artefacts.js";
import { startFront, type Front } from "../lab/front.js";
import type { FunctionConfig } from "../lab/instance.js";
import { detectCgroups } from "../lab/cgroups.js";
import { cpuList, type CpuPlan } from "../lab/cpu-plan.js";
import { DEFAULT_DB_LATENCY, parseDbLatency, type DbLatencyModel } from "../lab/db-latency.js";
import { resolveInterpreters, runtimeProblem } from "../lab/interpreters.js";
import { Lab, routeOf } from "../lab/lab.js";
import { LOCAL_CREDENTIALS, startLocalDynamoDb, type LocalDynamoDb } from "./dynamodb.js";
import { benchMessages as msg } from "./messages.js";
import type { Teardown } from "./teardown.js";

export const LOCAL_REGION = "us-east-1";
/** Lambda's default account concurrency; the load driver's concurrency is the real bound here. */
const ACCOUNT_CONCURRENCY = 1000;

export const functionNameOf = (runtime: string, fn: string, memoryMB: number) => `lambench-${runtime}-${fn}-${memoryMB}mb`;

export class LocalTarget {
  private constructor(
    readonly lab: Lab,
    readonly front: Front,
    readonly dynamo: LocalDynamoDb,
    private readonly manifest: Manifest,
    private readonly timeoutMs: number,
    readonly cpusetsEnforced: boolean,
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
    conditions: { plan?: CpuPlan | null; dbLatency?: DbLatencyModel } = {},
  ): Promise<LocalTarget> {
    const plan = conditions.plan ?? null;
    const dbLatency = conditions.dbLatency ?? parseDbLatency(DEFAULT_DB_LATENCY);
    const interpreters = resolveInterpreters();
    const problems = runtimes.map((id) => runtimeProblem(runtimeSpec(manifest, id).lambdaRuntime, interpreters)).filter((p) => p !== null);
    if (problems.length > 0) throw new Error([...new Set(problems)].join("\n"));
    const cgroups = detectCgroups();
    cgroups.cleanStale();
    const support = plan && plan.run.length > 0 ? (cgroups.partition?.({ support: cpuList(plan.support), init: cpuList(plan.init), run: cpuList(plan.run) }) ?? null) : null;
    if (support) {
      // Added first, so it runs last: after the DynamoDB server and the instances are gone.
      teardown.add(() => support.release());
      support.join(process.pid);
    }
    const dynamo = await startLocalDynamoDb(LOCAL_REGION, dbLatency);
    teardown.add(() => dynamo.stop());
    support?.join(dynamo.pid);
    const lab = new Lab({ logDir, concurrencyLimit: ACCOUNT_CONCURRENCY, interpreters, cgroups, ...(plan ? { maxConcurrentInits: plan.maxConcurrentInits } : {}) });
    teardown.add(() => lab.stop());
    const front = await startFront(lab);
    teardown.add(() => front.stop());
    return new LocalTarget(lab, front, dynamo, manifest, timeoutMs, support !== null);
  }

  /** Deploys runtime/fn at memoryMB and returns its URL and function name. */
  deploy(runtime: string, fn: string, memoryMB: number): { url: string; functionName: string } {
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
    return { url: `${this.front.url}/${routeOf(runtime, fn)}`, functionName };
  }

  /** Stops the (idle) instances so their log streams are complete and their memory is freed. */
  async drain(): Promise<void> {
    await this.lab.reapIdle(0);
  }
}
