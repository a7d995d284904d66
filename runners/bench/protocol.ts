// The bench protocol (DESIGN.md "Protocol"), one loop for every target: trials × segments. Each
// trial starts from fresh execution environments and visits every selected (runtime, function)
// in its own seeded random order; a segment is the warm-up calls, the measured load, the
// collection of its REPORT lines and a pause. Finished segments are kept in the work dir, so
// --resume continues within a trial; one dataset per memory size is written once every trial is in.
import { resolve } from "node:path";
import { existingPairs, functionSpec, warmupOf, type Manifest } from "../../functions/manifest.js";
import type { RequestRow, TrialsMeta } from "../dataset/contract.js";
import { datasetMeta } from "../dataset/meta.js";
import { gitState } from "./provenance.js";
import { assertReplaceable, publishDataset } from "../dataset/publish.js";
import { driveSegment, payloadFor, warmUp, type SegmentProgress } from "./drive.js";
import { runLoad } from "../load/index.js";
import { benchMessages as msg } from "./messages.js";
import { datasetName, trialLimit, type BenchOptions } from "./options.js";
import { segmentId, trialOrders } from "./order.js";
import { campaignConcurrency } from "./campaign-concurrency.js";
import { widestMedianInterval } from "./precision.js";
import { reachedFunction, type Target, type TrialSegmentKey } from "./target.js";
import type { Teardown } from "./teardown.js";
import type { RunProtocol, SegmentResult, WorkDir } from "./work-dir.js";

export interface BenchReporter extends SegmentProgress {
  info(line: string): void;
  warn(line: string): void;
}

export const silentReporter: BenchReporter = { info() {}, warn() {}, segmentStart() {}, segmentProgress() {}, segmentEnd() {} };

export interface BenchRun {
  datasets: string[];
  segments: SegmentResult[];
  /** Trial count, seed and each trial's order, as meta.json records them. */
  trials: TrialsMeta;
}

export interface ProtocolContext {
  manifest: Manifest;
  reporter: BenchReporter;
  teardown: Teardown;
  /** The run's work dir, opened (openWorkDir), and what it holds about the run. */
  work: WorkDir;
  run: RunProtocol;
  /** Waits between segments (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function runProtocol(target: Target, options: BenchOptions, ctx: ProtocolContext): Promise<BenchRun> {
  const { manifest, reporter, teardown, work, run } = ctx;
  const sleep = ctx.sleep ?? defaultSleep;
  // The tree that measures, read before the run writes anything: read later, the datasets it has
  // just written would make the tree look modified.
  const git = gitState();
  // Only the pairs the manifest has (it may be sparse).
  const pairs = existingPairs(manifest, options.runtimes, options.functions);
  // The warm-up functions' environments are renewed too: a trial's warm-up starts cold as well.
  const renewed = withWarmups(manifest, pairs, options.warmup);
  const maxTrials = trialLimit(options);
  // Orders for every trial the run may take (the first k do not depend on how many are drawn).
  const orders = trialOrders(
    pairs.map(([r, f]) => segmentId(r, f)),
    maxTrials,
    run.seed,
  );
  reporter.info(msg.trialPlan(maxTrials, run.seed, pairs.length, options.memorySizes));
  if (options.targetPrecision !== null) reporter.info(msg.adaptivePlan(options.trials, maxTrials, options.targetPrecision));
  let stopping: TrialsMeta["stopping"];
  // Existing datasets are refused before anything is deployed or measured, not after the run.
  const policy = { force: options.force, campaign: run.campaign };
  for (const memoryMB of options.memorySizes) assertReplaceable(resolve(options.out, datasetName(options, memoryMB)), policy);

  // One concurrency for every memory size and trial (the lab's CPU plan or --concurrency).
  const campaign = campaignConcurrency(options, options.memorySizes);
  reporter.info(
    campaign.source === "cpu-plan"
      ? msg.planConcurrency(options.memorySizes, campaign.concurrency, options.concurrency)
      : msg.optionConcurrency(campaign.concurrency),
  );
  for (const memoryMB of options.memorySizes) await target.prepare(memoryMB);
  let tablePrimedBy: string | null = null;
  for (const memoryMB of options.memorySizes)
    tablePrimedBy = await primeTable(target, { ...options, concurrency: campaign.concurrency }, manifest, pairs, memoryMB, reporter);
  const results = new Map<number, SegmentResult[]>(options.memorySizes.map((m) => [m, []]));
  let trialsRun = 0;
  for (let trial = 1; trial <= maxTrials; trial++) {
    const order = orders[trial - 1]!;
    const trialStart = Date.now();
    for (const memoryMB of options.memorySizes) {
      /** When this process renewed the environments for the trial (null: not yet). */
      let renewedAt: number | null = null;
      for (const [index, id] of order.entries()) {
        const [runtime, fn] = id.split("/") as [string, string];
        const key: TrialSegmentKey = { trial, memoryMB, runtime, function: fn };
        const label = msg.segmentLabel(key, maxTrials, index + 1, order.length);
        const done = work.finished(key);
        if (done) {
          reporter.info(msg.alreadyMeasured(label));
          results.get(memoryMB)!.push(done);
          continue;
        }
        // Fresh environments before the trial's first segment still to measure (after --resume too).
        if (renewedAt === null) {
          renewedAt = Date.now();
          await target.freshEnvironments(memoryMB, renewed);
          reporter.info(msg.freshEnvironments(trial, maxTrials, memoryMB, (Date.now() - renewedAt) / 1000));
        }
        const earlier = [...results.values()].flat().filter((s) => s.runtime === runtime && s.function === fn && s.memoryMB === memoryMB);
        const sizeOptions = { ...options, concurrency: campaign.concurrency };
        const result = await runSegment(target, key, label, sizeOptions, manifest, reporter, Math.max(renewedAt, latestTimestamp(earlier) + 1));
        teardown.check();
        work.save(result);
        results.get(memoryMB)!.push(result);
        if (options.pauseMs > 0) await sleep(options.pauseMs);
      }
    }
    reporter.info(msg.trialDone(trial, maxTrials, (Date.now() - trialStart) / 1000));
    trialsRun = trial;
    if (options.targetPrecision === null || trial < options.trials) continue;
    const widest = widestMedianInterval([...results.values()].flat());
    const met = widest !== null && widest.relative <= options.targetPrecision;
    reporter.info(msg.precisionCheck(trial, widest, options.targetPrecision, met ? "met" : trial < maxTrials ? "more" : "max"));
    stopping = {
      rule: "target-precision",
      targetPrecision: options.targetPrecision,
      minTrials: options.trials,
      maxTrials,
      achieved: widest?.relative ?? null,
      met,
    };
    if (met) break;
  }
  const trials: TrialsMeta = { count: trialsRun, seed: run.seed, orders: orders.slice(0, trialsRun), ...(stopping ? { stopping } : {}) };

  const datasets: string[] = [];
  for (const memoryMB of options.memorySizes) {
    const segments = results.get(memoryMB)!;
    const name = datasetName(options, memoryMB);
    const description = target.describe(memoryMB, run.createdAt);
    const { detail, warnings, ...where } = description;
    const meta = datasetMeta(
      {
        name,
        ...where,
        createdAt: run.createdAt,
        campaign: run.campaign,
        source: { kind: "bench", detail, corrections: [], ...duplicatesDropped(segments) },
        protocol: {
          requestsPerFunction: options.requests,
          concurrency: campaign.concurrency,
          concurrencySource: campaign.source,
          warmupRequests: options.warmup,
          pauseMs: options.pauseMs,
          ...(tablePrimedBy ? { tablePrimedBy } : {}),
          runtimes: options.runtimes,
          functions: options.functions,
        },
        memorySizes: [memoryMB],
        trials,
        warnings: [...warnings, ...segments.flatMap((s) => s.warnings)],
      },
      git,
    );
    const finalDir = resolve(options.out, name);
    teardown.check();
    publishDataset(
      finalDir,
      meta,
      segments.flatMap((s) => s.invocations),
      segments.flatMap((s) => s.requests),
      policy,
    );
    datasets.push(finalDir);
    reporter.info(msg.datasetWritten(finalDir));
  }
  work.remove();
  return { datasets, segments: [...results.values()].flat(), trials };
}

/**
 * Puts the table into the state every measured segment should find: the items a writing function
 * (tableAccess "put") writes in a segment, which are the same each time (its payload numbers them
 * by request). Without it, segments before the run's first writing segment query an empty table:
 * in trial 1 only, since later trials find the items earlier ones left, so a search was faster in
 * trial 1 for no reason of its own. Before any trial's fresh environments, so none of these
 * invocations is collected. Returns the segment that primed it (null: no writing function selected).
 */
async function primeTable(
  target: Target,
  options: BenchOptions,
  manifest: Manifest,
  pairs: readonly (readonly [string, string])[],
  memoryMB: number,
  reporter: BenchReporter,
): Promise<string | null> {
  const writer = pairs.find(([, fn]) => functionSpec(manifest, fn).tableAccess === "put");
  if (!writer) return null;
  const [runtime, fn] = writer;
  const started = Date.now();
  const url = await target.endpoint({ memoryMB, runtime, function: fn });
  await runLoad({
    url,
    requests: options.requests,
    concurrency: options.concurrency,
    body: payloadFor(functionSpec(manifest, fn).payload),
    timeoutMs: options.timeoutMs + 5000,
  });
  reporter.info(msg.tablePrimed(memoryMB, segmentId(runtime, fn), options.requests, (Date.now() - started) / 1000));
  return segmentId(runtime, fn);
}

/** Duplicate REPORT lines the collector dropped, for targets that count them (AWS). */
function duplicatesDropped(segments: readonly SegmentResult[]): { duplicatesDropped?: number } {
  const counted = segments.filter((s) => s.duplicates !== undefined);
  return counted.length === 0 ? {} : { duplicatesDropped: counted.reduce((n, s) => n + s.duplicates!, 0) };
}

function latestTimestamp(segments: readonly SegmentResult[]): number {
  let latest = -Infinity;
  for (const s of segments) for (const r of s.invocations) latest = Math.max(latest, Date.parse(r.timestamp));
  return latest;
}

async function runSegment(
  target: Target,
  key: TrialSegmentKey,
  label: string,
  options: BenchOptions,
  manifest: Manifest,
  reporter: BenchReporter,
  /**
   * Epoch ms before which no REPORT line belongs to this segment: when its trial's environments
   * were renewed (so not an interrupted attempt's lines either), and after the function's lines
   * of an earlier segment of the run.
   */
  notBefore: number,
): Promise<SegmentResult> {
  const { memoryMB, runtime } = key;
  const fnSpec = manifest.functions.find((f) => f.id === key.function)!;
  const t0 = performance.now();
  // The function's own warm-up (itself by default, another function, or none).
  const warmupFn = options.warmup > 0 ? warmupOf(manifest, key.function) : null;
  if (warmupFn !== null)
    await warmUp(await target.endpoint({ memoryMB, runtime, function: warmupFn }), options.warmup, functionSpec(manifest, warmupFn).payload);
  const t1 = performance.now();
  const url = await target.endpoint({ memoryMB, runtime, function: key.function });
  // A second of slack for clocks (REPORT lines are stamped by the target, the start by this
  // machine), but never back before the segment could have begun.
  const sinceMs = Math.max(Date.now() - 1000, notBefore);
  const load = await driveSegment(url, options, fnSpec.payload, label, reporter);
  const t2 = performance.now();
  const reached = load.rows.filter((r) => reachedFunction(r.httpStatus)).length;
  const { rows, unreadable, duplicates } = await target.collect(key, sinceMs, reached);
  const warnings: string[] = [];
  if (rows.length !== reached) warnings.push(msg.collectedMismatch(label, rows.length, reached));
  if (unreadable.length > 0) warnings.push(msg.unreadable(label, unreadable.length, unreadable[0]!.reason));
  for (const w of warnings) reporter.warn(w);
  const requests: RequestRow[] = load.rows.map((r) => ({ runtime, function: key.function, memoryMB, trial: key.trial, ...r }));
  const t3 = performance.now();
  const statuses = Object.entries(load.statusCounts)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
  reporter.info(msg.segmentDone(label, load.requestsPerSecond, statuses, rows.length, (t3 - t0) / 1000));
  return {
    ...key,
    invocations: rows,
    requests,
    warnings,
    ...(duplicates !== undefined ? { duplicates } : {}),
    seconds: { warmup: (t1 - t0) / 1000, load: (t2 - t1) / 1000, collect: (t3 - t2) / 1000 },
  };
}

/** `pairs` followed by the warm-up pairs they call (each once), when warm-up calls are made. */
export function withWarmups(manifest: Manifest, pairs: readonly (readonly [string, string])[], warmupCalls: number): [string, string][] {
  const all: [string, string][] = pairs.map(([r, f]) => [r, f]);
  if (warmupCalls === 0) return all;
  for (const [runtime, fn] of pairs) {
    const warm = warmupOf(manifest, fn);
    if (warm !== null && !all.some(([r, f]) => r === runtime && f === warm)) all.push([runtime, warm]);
  }
  return all;
}
