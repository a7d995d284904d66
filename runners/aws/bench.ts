// `npm run bench -- --target aws`: for each memory size, deploy (or reuse) the stack, run warm-up and
// the protocol with the load driver against <ApiUrl>/<runtime>/<function>, wait for the REPORT lines
// to reach CloudWatch Logs, collect them, and write one dataset per memory size.
import { resolve } from "node:path";
import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { loadManifest, type Manifest } from "../../functions/manifest.js";
import { BILLING_RULES, DATASET_SCHEMA, type Architecture, type InvocationRow, type RequestRow } from "../dataset/contract.js";
import { newCampaign } from "../dataset/campaign.js";
import { assertReplaceable, publishDataset } from "../dataset/publish.js";
import { gitState } from "../bench/provenance.js";
import { datasetName, type BenchOptions } from "../bench/options.js";
import type { BenchReporter, BenchRun } from "../bench/run.js";
import type { Teardown } from "../bench/teardown.js";
import type { SegmentResult } from "../bench/work-dir.js";
import { configuredRegion, createLogsClient, type LogsClient } from "../collect/cloudwatch.js";
import { collectFromCloudWatch } from "../collect/collect.js";
import { driveSegment, warmUp } from "../bench/drive.js";
import { deployStack, readStackOutputs, stackName, type StackOutputs } from "./stack.js";

/** What the AWS target adds to the bench options (all optional; the bench CLI may pass them). */
export interface AwsBenchOptions extends BenchOptions {
  region?: string;
  /** false with --no-deploy: use the existing stack(s). */
  deploy?: boolean;
  /** --stack <name>: an existing stack (with --no-deploy, for a single memory size). */
  stack?: string;
  /** Stack name prefix; stacks are <prefix>-<memory>. Default "lambench". */
  stackPrefix?: string;
  architecture?: Architecture;
  /** How long to wait for REPORT lines to reach CloudWatch after a function's load. Default 3 min. */
  logWaitMs?: number;
  logPollMs?: number;
  /** The campaign id the datasets record (default: a new one). */
  campaign?: string;
}

export interface AwsDeps {
  cfn: Pick<CloudFormationClient, "send">;
  logs: LogsClient;
  region: string;
  deploy: (stack: string, memoryMB: number, architecture: Architecture) => Promise<void>;
  sleep: (ms: number) => Promise<void>;
}

function reachedLambda(status: number): boolean {
  // 0: never sent/answered; 429: throttled before invoking; 403/404: API Gateway routing.
  return status !== 0 && status !== 429 && status !== 403 && status !== 404;
}

async function collectSegment(
  deps: AwsDeps,
  o: AwsBenchOptions,
  outputs: StackOutputs,
  key: { memoryMB: number; runtime: string; function: string },
  since: number,
  expected: number,
  architecture: Architecture,
  reporter: BenchReporter,
): Promise<{ rows: InvocationRow[]; warnings: string[]; duplicates: number }> {
  const fnName = outputs.functionNames[`${key.runtime}/${key.function}`];
  if (!fnName) throw new Error(`stack ${outputs.stackName} has no function for ${key.runtime}/${key.function} in its FunctionNames output`);
  const logGroupName = `/aws/lambda/${fnName}`;
  const deadline = Date.now() + (o.logWaitMs ?? 180_000);
  const mapping = () => ({ runtime: key.runtime, function: key.function, architecture, memoryMB: key.memoryMB });
  for (;;) {
    const result = await collectFromCloudWatch(deps.logs, { logGroupNames: [logGroupName], since, until: Date.now(), mapping });
    if (result.rows.length >= expected || Date.now() >= deadline) {
      const warnings: string[] = [];
      if (result.rows.length < expected) {
        warnings.push(`${key.memoryMB} MB ${key.runtime}/${key.function}: ${result.rows.length} REPORT lines arrived for ${expected} invocations within the wait`);
      }
      if (result.unreadable.length > 0) warnings.push(`${key.runtime}/${key.function}: ${result.unreadable.length} unreadable REPORT lines (${result.unreadable[0]!.reason})`);
      return { rows: result.rows, warnings, duplicates: result.duplicates };
    }
    reporter.info(`waiting for logs of ${fnName}: ${result.rows.length}/${expected} REPORT lines`);
    await deps.sleep(o.logPollMs ?? 10_000);
  }
}

export async function runAwsBenchWith(o: AwsBenchOptions, reporter: BenchReporter, deps: AwsDeps, manifest: Manifest = loadManifest()): Promise<BenchRun> {
  const architecture = o.architecture ?? "x86_64";
  if (o.stack && o.memorySizes.length > 1) throw new Error(`--stack ${o.stack} names one stack, but ${o.memorySizes.length} memory sizes were asked for`);
  const warmupFn = manifest.functions.find((f) => f.role === "warmup");
  const campaign = o.campaign ?? newCampaign("bench");
  const policy = { force: o.force, campaign };
  // Refused before anything is deployed or invoked (which costs money), not after the run.
  for (const memoryMB of o.memorySizes) assertReplaceable(resolve(o.out, datasetName(o, memoryMB)), policy);
  const datasets: string[] = [];
  const segments: SegmentResult[] = [];
  for (const memoryMB of o.memorySizes) {
    const name = o.stack ?? stackName(o.stackPrefix ?? "lambench", memoryMB);
    if (o.deploy !== false) {
      reporter.info(`deploying stack ${name} (${memoryMB} MB, ${architecture})`);
      await deps.deploy(name, memoryMB, architecture);
    }
    const outputs = await readStackOutputs(deps.cfn as CloudFormationClient, name);
    const createdAt = new Date().toISOString();
    const invocations: InvocationRow[] = [];
    const requests: RequestRow[] = [];
    const warnings: string[] = [];
    let duplicatesDropped = 0;
    for (const runtime of o.runtimes) {
      for (const fn of o.functions) {
        const key = { memoryMB, runtime, function: fn };
        const label = `${memoryMB} MB ${runtime}/${fn}`;
        const t0 = Date.now();
        if (warmupFn && o.warmup > 0) {
          await warmUp(`${outputs.apiUrl}/${runtime}/${warmupFn.id}`, o.warmup, warmupFn.payload);
        }
        const spec = manifest.functions.find((f) => f.id === fn)!;
        const t1 = Date.now();
        const since = t1 - 1000;
        const load = await driveSegment(`${outputs.apiUrl}/${runtime}/${fn}`, o, spec.payload, label, reporter);
        const t2 = Date.now();
        const expected = load.rows.filter((r) => reachedLambda(r.httpStatus)).length;
        const collected = await collectSegment(deps, o, outputs, key, since, expected, architecture, reporter);
        for (const w of collected.warnings) reporter.warn(w);
        warnings.push(...collected.warnings);
        duplicatesDropped += collected.duplicates;
        invocations.push(...collected.rows);
        const reqRows = load.rows.map((r) => ({ runtime, function: fn, memoryMB, trial: 1, ...r }));
        requests.push(...reqRows);
        const seconds = { warmup: (t1 - t0) / 1000, load: (t2 - t1) / 1000, collect: (Date.now() - t2) / 1000 };
        segments.push({ ...key, invocations: collected.rows, requests: reqRows, warnings: collected.warnings, seconds });
        reporter.info(`${label}: ${load.requestsPerSecond.toFixed(0)} req/s, ${collected.rows.length} REPORT lines`);
        if (o.pauseMs > 0) await deps.sleep(o.pauseMs);
      }
    }
    const dsName = datasetName(o, memoryMB);
    const finalDir = resolve(o.out, dsName);
    publishDataset(
      finalDir,
      {
        schema: DATASET_SCHEMA,
        name: dsName,
        target: "aws",
        createdAt,
        campaign,
        source: { kind: "bench", detail: `npm run bench -- --target aws (stack ${name}, ${outputs.apiUrl})`, corrections: [], duplicatesDropped },
        protocol: { requestsPerFunction: o.requests, concurrency: o.concurrency, warmupRequests: o.warmup, pauseMs: o.pauseMs, runtimes: o.runtimes, functions: o.functions },
        memorySizes: [memoryMB],
        architecture,
        runtimeVersions: Object.fromEntries(manifest.runtimes.filter((r) => o.runtimes.includes(r.id)).map((r) => [r.id, r.lambdaRuntime])),
        machine: null,
        region: deps.region,
        billing: { rule: "as-reported", description: BILLING_RULES["as-reported"].description },
        git: gitState(),
        warnings,
      },
      invocations,
      requests,
      policy,
    );
    datasets.push(finalDir);
    reporter.info(`dataset written: ${finalDir}`);
  }
  return { datasets, segments };
}

/** Entry point for the bench CLI (runners/bench/run.ts imports it). */
export async function runAwsBench(o: AwsBenchOptions, reporter: BenchReporter, teardown: Teardown): Promise<BenchRun> {
  const cfn = new CloudFormationClient({ ...(o.region ? { region: o.region } : {}), retryMode: "adaptive", maxAttempts: 8 });
  const logs = createLogsClient(o.region ? { region: o.region } : {});
  teardown.add(() => {
    cfn.destroy();
    logs.destroy();
  });
  const region = await configuredRegion(logs);
  return runAwsBenchWith(o, reporter, {
    cfn,
    logs,
    region,
    deploy: (stack, memoryMB, architecture) => deployStack({ stackName: stack, memoryMB, architecture, region, log: (l) => reporter.info(`sam: ${l}`) }),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });
}
