// The bench protocol (DESIGN.md, issue 4): for each memory size, runtime and function in
// manifest order: warm-up calls, the measured load, a pause; REPORT lines collected per segment;
// one dataset per memory size, assembled atomically once all its segments are in.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { buildArtefacts } from "../../functions/build-artefacts.js";
import { findEntry, loadManifest, repoRoot, runtimeSpec, type Manifest } from "../../functions/manifest.js";
import { BILLING_RULES, DATASET_SCHEMA, billingRuleAt, type LabMeta, type RequestRow } from "../dataset/contract.js";
import { newCampaign } from "../dataset/campaign.js";
import { assertReplaceable, publishDataset } from "../dataset/publish.js";
import { allowedCpus } from "../lab/cgroups.js";
import { collectFunction } from "../lab/collect-local.js";
import { DEFAULT_DB_LATENCY, parseDbLatency } from "../lab/db-latency.js";
import { driveSegment, warmUp } from "./drive.js";
import { planLabRun } from "./lab-plan.js";
import { acquireLock, machineLockPath } from "./lock.js";
import { LocalTarget } from "./local-target.js";
import { benchMessages as msg } from "./messages.js";
import { datasetName, type BenchOptions } from "./options.js";
import { concurrencyAt } from "./sweep-concurrency.js";
import { architecture, gitState, machine, runtimeVersions } from "./provenance.js";
import { Teardown } from "./teardown.js";
import { WorkDir, type SegmentResult } from "./work-dir.js";

export interface BenchReporter {
  info(line: string): void;
  warn(line: string): void;
  segmentStart(label: string, total: number): void;
  segmentProgress(done: number): void;
  segmentEnd(): void;
}

export const silentReporter: BenchReporter = { info() {}, warn() {}, segmentStart() {}, segmentProgress() {}, segmentEnd() {} };



async function ensureArtefacts(manifest: Manifest, pairs: Array<[string, string]>, reporter: BenchReporter): Promise<void> {
  for (const [runtime, fn] of pairs) {
    const entry = findEntry(manifest, runtime, fn);
    if (!entry) throw new Error(msg.noEntry(runtime, fn));
    if (existsSync(resolve(repoRoot, entry.artefact))) continue;
    reporter.info(`building missing artefact ${runtime}/${fn} (${entry.artefact})`);
    try {
      await buildArtefacts({ manifest, runtimes: [runtime], functions: [fn], log: (l) => reporter.info(l) });
    } catch (e) {
      throw new Error(msg.missingArtefact(`${runtime}/${fn}`, entry.artefact, (e as Error).message), { cause: e });
    }
  }
}

export interface BenchRun {
  datasets: string[];
  segments: SegmentResult[];
}

/** The AWS target lives in runners/aws/ (loaded only when asked for: it pulls in the AWS SDK clients). */
async function runAws(options: BenchOptions & AwsExtras, teardown: Teardown, reporter: BenchReporter): Promise<BenchRun> {
  const { runAwsBench } = await import("../aws/index.js");
  return runAwsBench(options, reporter, teardown);
}

/** Options only the AWS target reads (runners/aws AwsBenchOptions). */
export interface AwsExtras {
  region?: string;
  stack?: string;
  stackPrefix?: string;
  deploy?: boolean;
  architecture?: "x86_64" | "arm64";
}

export async function runBench(options: BenchOptions & AwsExtras, reporter: BenchReporter, teardown: Teardown, manifest = loadManifest()): Promise<BenchRun> {
  const lock = acquireLock(machineLockPath(), resolve(options.workDir));
  teardown.add(() => lock.release());
  if (options.target === "aws") return runAws(options, teardown, reporter);

  const dbLatency = parseDbLatency(options.dbLatency ?? DEFAULT_DB_LATENCY);
  // Every size's CPU plan is checked before anything runs.
  const cpus = allowedCpus();
  const concurrencies = new Map(options.memorySizes.map((m) => [m, concurrencyAt(options, m)]));
  const plans = new Map(planLabRun(options.memorySizes.map((m) => ({ memoryMB: m, concurrency: concurrencies.get(m)!.concurrency })), options.oversubscribe ?? false, cpus).map((p) => [p.memoryMB, p]));

  const warmupFn = manifest.functions.find((f) => f.role === "warmup");
  const runtimes = options.runtimes.map((id) => runtimeSpec(manifest, id).id);
  const pairs: Array<[string, string]> = runtimes.flatMap((rt) => [
    ...(warmupFn && options.warmup > 0 ? [[rt, warmupFn.id] as [string, string]] : []),
    ...options.functions.map((fn) => [rt, fn] as [string, string]),
  ]);
  await ensureArtefacts(manifest, pairs, reporter);

  const work = new WorkDir(options.workDir, options.name);
  const protocol = work.open(options, new Date().toISOString(), newCampaign("bench"));
  const policy = { force: options.force, campaign: protocol.campaign };
  // Refused before anything is measured, not after the run.
  for (const memoryMB of options.memorySizes) assertReplaceable(resolve(options.out, datasetName(options, memoryMB)), policy);
  const target = await LocalTarget.start(manifest, work.logDir, options.timeoutMs, teardown, runtimes, { plan: plans.get(options.memorySizes[0]!)!.plan, dbLatency });
  const support = target.lab.cgroups.support;
  const limitWarning = support.cpu && support.memory ? null : msg.limitsNotEnforced(support.note);
  if (limitWarning) reporter.warn(limitWarning);
  const cpusetWarning = target.cpusetsEnforced ? null : msg.cpusetsNotEnforced();
  if (cpusetWarning) reporter.warn(cpusetWarning);

  const datasets: string[] = [];
  const segments: SegmentResult[] = [];
  for (const memoryMB of options.memorySizes) {
    const atSize = concurrencies.get(memoryMB)!;
    const planned = plans.get(memoryMB)!;
    reporter.info(atSize.source === "cpu-plan" ? msg.planConcurrency(memoryMB, atSize.concurrency) : msg.optionConcurrency(memoryMB, atSize.concurrency));
    for (const line of planned.warnings) reporter.warn(line);
    const lab: LabMeta = { cpuPlan: { ...planned.plan, enforced: target.cpusetsEnforced }, oversubscribed: planned.oversubscribed, dbLatency: dbLatency.model === "0" ? null : dbLatency };
    const sizeOptions = { ...options, concurrency: atSize.concurrency };
    const results: SegmentResult[] = [];
    for (const runtime of runtimes) {
      for (const fn of options.functions) {
        const key = { memoryMB, runtime, function: fn };
        const done = work.finished(key);
        if (done) {
          reporter.info(`${memoryMB} MB ${runtime}/${fn}: already measured (resume)`);
          results.push(done);
          continue;
        }
        const result = await runSegment(target, work, sizeOptions, manifest, key, warmupFn?.id ?? null, reporter);
        teardown.check();
        work.save(result);
        results.push(result);
        if (options.pauseMs > 0) await new Promise((r) => setTimeout(r, options.pauseMs));
      }
    }
    segments.push(...results);
    const name = datasetName(options, memoryMB);
    const finalDir = resolve(options.out, name);
    teardown.check();
    const rule = billingRuleAt(protocol.createdAt);
    const warnings = [...(limitWarning ? [limitWarning] : []), ...(cpusetWarning ? [cpusetWarning] : []), ...planned.warnings, ...results.flatMap((r) => r.warnings)];
    publishDataset(
      finalDir,
      {
        schema: DATASET_SCHEMA,
        name,
        target: "local",
        createdAt: protocol.createdAt,
        campaign: protocol.campaign,
        source: {
          kind: "bench",
          detail: `npm run bench -- --target local (local Lambda lab; CPU plan in meta.json lab.cpuPlan: at most ${target.lab.maxConcurrentInits} instance(s) initialising at once, one per init core, so each init has a core no running instance uses)`,
          corrections: [],
        },
        protocol: {
          requestsPerFunction: options.requests,
          concurrency: atSize.concurrency,
          concurrencySource: atSize.source,
          warmupRequests: options.warmup,
          pauseMs: options.pauseMs,
          runtimes,
          functions: options.functions,
        },
        memorySizes: [memoryMB],
        architecture: architecture(),
        runtimeVersions: runtimeVersions(manifest, runtimes, target.lab.interpreters),
        machine: machine(support),
        region: null,
        billing: { rule, description: BILLING_RULES[rule].description },
        git: gitState(),
        lab,
        warnings,
      },
      results.flatMap((r) => r.invocations),
      results.flatMap((r) => r.requests),
      policy,
    );
    datasets.push(finalDir);
    reporter.info(`dataset written: ${finalDir}`);
  }
  work.remove();
  return { datasets, segments };
}

async function runSegment(
  target: LocalTarget,
  work: WorkDir,
  options: BenchOptions,
  manifest: Manifest,
  key: { memoryMB: number; runtime: string; function: string },
  warmupFnId: string | null,
  reporter: BenchReporter,
): Promise<SegmentResult> {
  const label = `${key.memoryMB} MB ${key.runtime}/${key.function}`;
  const warnings: string[] = [];
  const fnSpec = manifest.functions.find((f) => f.id === key.function)!;
  const t0 = performance.now();
  if (warmupFnId && options.warmup > 0) {
    const warm = target.deploy(key.runtime, warmupFnId, key.memoryMB);
    work.clearLogs(warm.functionName);
    const spec = manifest.functions.find((f) => f.id === warmupFnId)!;
    await warmUp(warm.url, options.warmup, spec.payload);
  }
  const t1 = performance.now();
  const measured = target.deploy(key.runtime, key.function, key.memoryMB);
  work.clearLogs(measured.functionName);
  const load = await driveSegment(measured.url, options, fnSpec.payload, label, reporter);
  const t2 = performance.now();
  await target.drain();
  const { rows, unreadable } = collectFunction(work.logDir, {
    functionName: measured.functionName,
    runtime: key.runtime,
    function: key.function,
    memoryMB: key.memoryMB,
    architecture: architecture(),
  });
  const reachedLab = load.rows.filter((r) => r.httpStatus !== 0 && r.httpStatus !== 429 && r.httpStatus !== 404).length;
  if (rows.length !== reachedLab) warnings.push(msg.collectedMismatch(label, rows.length, reachedLab));
  if (unreadable.length > 0) warnings.push(msg.unreadable(label, unreadable.length, unreadable[0]!.reason));
  for (const w of warnings) reporter.warn(w);
  const requests: RequestRow[] = load.rows.map((r) => ({ runtime: key.runtime, function: key.function, memoryMB: key.memoryMB, trial: 1, ...r }));
  const statuses = Object.entries(load.statusCounts).map(([s, n]) => `${s}×${n}`).join(" ");
  const t3 = performance.now();
  reporter.info(`${label}: ${load.requestsPerSecond.toFixed(0)} req/s, HTTP ${statuses}, ${rows.length} REPORT lines, ${((t3 - t0) / 1000).toFixed(1)} s`);
  return {
    ...key,
    invocations: rows,
    requests,
    warnings,
    seconds: { warmup: (t1 - t0) / 1000, load: (t2 - t1) / 1000, collect: (t3 - t2) / 1000 },
  };
}
