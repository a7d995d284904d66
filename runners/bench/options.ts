// The one place where bench options from the command line become typed values (STYLE.md habit 9).
import { createHash } from "node:crypto";
import { benchmarkFunctions, existingPairs, findEntry, warmupHelpers, warmupOf, type Manifest } from "../../functions/manifest.js";
import { checkDatasetName } from "../dataset/publish.js";
import { DEFAULT_DB_LATENCY, parseDbLatency } from "../lab/db-latency.js";
import { benchMessages as msg } from "./messages.js";

/** The AWS target's options (the lab ignores them). */
export interface AwsExtras {
  region?: string;
  stack?: string;
  stackPrefix?: string;
  deploy?: boolean;
  architecture?: "x86_64" | "arm64";
}

export interface BenchOptions {
  target: "local" | "aws";
  memorySizes: number[];
  /** In the lab without --concurrency: the campaign runs at the largest concurrency the CPU plan holds at every one of its memory sizes (runners/bench/campaign-concurrency.ts). */
  concurrencyFromPlan: boolean;
  runtimes: string[];
  functions: string[];
  requests: number;
  concurrency: number;
  /** Local lab: run even when the CPU plan does not fit (recorded in meta.json). */
  oversubscribe?: boolean;
  /** Local lab: the network-latency model of DynamoDB calls (runners/lab/db-latency.ts; absent: the default). */
  dbLatency?: string;
  warmup: number;
  pauseMs: number;
  /** Dataset name prefix; each memory size gets `<name>-<memory>mb`. */
  name: string;
  out: string;
  resume: boolean;
  /** Replace existing datasets of the same name. */
  force: boolean;
  /** Trials of the protocol: each from fresh environments, in its own random segment order. */
  trials: number;
  /**
   * --target-precision: after `trials` trials, keep adding trials until every median Total
   * Duration's interval half-width is within this share of the median (0.05 = ±5 %), up to
   * `maxTrials` (runners/bench/precision.ts); null: exactly `trials` trials.
   */
  targetPrecision: number | null;
  maxTrials: number;
  /** Seed of the trial orders; null draws one (recorded in meta.json either way). */
  seed: number | null;
  /** Per-invocation limit in the lab (Lambda's function timeout). */
  timeoutMs: number;
  /** Lock, segments and log streams of runs in progress. */
  workDir: string;
}

export interface RawBenchOptions {
  target?: string;
  memory?: string;
  memorySweep?: boolean;
  runtimes?: string;
  functions?: string;
  requests?: string;
  concurrency?: string;
  warmup?: string;
  pauseMs?: string;
  name?: string;
  out?: string;
  resume?: boolean;
  force?: boolean;
  oversubscribe?: boolean;
  dbLatency?: string;
  trials?: string;
  targetPrecision?: string;
  maxTrials?: string;
  seed?: string;
  timeoutMs?: string;
  workDir?: string;
}

/**
 * aws-lambda-power-tuning's default power values (its template.yml parameter PowerValues,
 * "Default: 128,256,512,1024,1536,3008"; README-SAR.md lists the same), for --memory-sweep.
 */
export const POWER_TUNING_DEFAULT_POWER_VALUES = [128, 256, 512, 1024, 1536, 3008] as const;

/**
 * Trials, requests and pause share the full default protocol's 20-minute budget on a 2-core
 * machine (README, "Why 8 trials"). A comparison's power comes from the number of trials, since the
 * spread between trials outweighs the sampling error of a median within one, so the budget buys
 * trials: 8 of 200 requests per function, with a 1 s pause, rather than 4 of 500 with 2 s.
 */
export const DEFAULTS = {
  memory: "128,256",
  trials: 8,
  requests: 200,
  concurrency: 10,
  warmup: 3,
  pauseMs: 1000,
  out: "data",
  timeoutMs: 30_000,
  workDir: ".lambench",
};

function list(option: string, value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const items = value.split(",").map((s) => s.trim());
  if (items.some((s) => s === "")) throw new Error(msg.badList(option, value));
  return items;
}

function integer(option: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new Error(msg.badInteger(option, value, min));
  return Number(value);
}

/** "5%", "5" or "0.5%" → 0.05, 0.05, 0.005: a share strictly between 0 and 100 %. */
function precision(value: string | undefined): number | null {
  if (value === undefined) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  const percent = m ? Number(m[1]) : NaN;
  if (!(percent > 0 && percent < 100)) throw new Error(msg.badPrecision(value));
  return percent / 100;
}

function seed(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value.trim()) || Number(value) > 0xffffffff) throw new Error(msg.badSeed(value));
  return Number(value);
}

function known(option: string, wanted: string[] | null, ids: string[]): string[] {
  if (wanted === null) return ids;
  const unknown = wanted.filter((w) => !ids.includes(w));
  if (unknown.length > 0) throw new Error(msg.unknownIds(option, unknown, ids));
  return ids.filter((id) => wanted.includes(id));
}

export function normalizeBenchOptions(raw: RawBenchOptions, manifest: Manifest): BenchOptions {
  const target = raw.target ?? "local";
  if (target !== "local" && target !== "aws") throw new Error(msg.badTarget(target));
  if (raw.memorySweep && raw.memory !== undefined) throw new Error(msg.sweepWithMemory(raw.memory));
  const memorySizes = raw.memorySweep
    ? [...POWER_TUNING_DEFAULT_POWER_VALUES]
    : (list("memory", raw.memory ?? DEFAULTS.memory) ?? []).map((m) => integer("memory", m, 0, 128));
  const fnIds = list("functions", raw.functions);
  const warmupFn = warmupHelpers(manifest).find((f) => fnIds?.includes(f.id));
  if (warmupFn) throw new Error(msg.notBenchmark(warmupFn.id));
  const allRuntimes = manifest.runtimes.map((r) => r.id);
  const allFunctions = benchmarkFunctions(manifest).map((f) => f.id);
  const options: BenchOptions = {
    target,
    memorySizes: [...new Set(memorySizes)],
    concurrencyFromPlan: target === "local" && raw.concurrency === undefined,
    runtimes: known("runtimes", list("runtimes", raw.runtimes), allRuntimes),
    functions: known("functions", fnIds, allFunctions),
    requests: integer("requests", raw.requests, DEFAULTS.requests, 1),
    concurrency: integer("concurrency", raw.concurrency, DEFAULTS.concurrency, 1),
    oversubscribe: raw.oversubscribe ?? false,
    dbLatency: parseDbLatency(raw.dbLatency ?? DEFAULT_DB_LATENCY).model,
    warmup: integer("warmup", raw.warmup, DEFAULTS.warmup, 0),
    pauseMs: integer("pause-ms", raw.pauseMs, DEFAULTS.pauseMs, 0),
    name: "",
    out: raw.out ?? DEFAULTS.out,
    resume: raw.resume ?? false,
    force: raw.force ?? false,
    trials: integer("trials", raw.trials, DEFAULTS.trials, 1),
    targetPrecision: precision(raw.targetPrecision),
    maxTrials: 0,
    seed: seed(raw.seed),
    timeoutMs: integer("timeout-ms", raw.timeoutMs, DEFAULTS.timeoutMs, 1),
    workDir: raw.workDir ?? DEFAULTS.workDir,
  };
  if (options.targetPrecision === null && raw.maxTrials !== undefined) throw new Error(msg.maxTrialsWithoutPrecision(raw.maxTrials));
  if (options.targetPrecision !== null && options.trials < 2) throw new Error(msg.precisionNeedsTrials(options.trials));
  options.maxTrials = options.targetPrecision === null ? options.trials : integer("max-trials", raw.maxTrials, 3 * options.trials, options.trials);
  checkSelection(manifest, options, { runtimes: raw.runtimes !== undefined, functions: raw.functions !== undefined });
  const partial =
    options.requests < DEFAULTS.requests ||
    options.trials < DEFAULTS.trials ||
    options.runtimes.length < allRuntimes.length ||
    options.functions.length < allFunctions.length;
  options.name = checkDatasetName(raw.name ?? (partial ? partialRunName(options) : target));
  return options;
}

/**
 * Every selection checked before anything is built: each runtime and function asked for by name
 * has an entry with the other selection, and every warm-up a pair needs exists. Runtimes left
 * without any pair (by default selection) are dropped, so the lab starts only what runs.
 */
function checkSelection(manifest: Manifest, o: BenchOptions, named: { runtimes: boolean; functions: boolean }): void {
  const pairs = existingPairs(manifest, o.runtimes, o.functions);
  if (pairs.length === 0) throw new Error(msg.noPairs(o.runtimes, o.functions));
  if (named.runtimes) {
    const idle = o.runtimes.find((rt) => !pairs.some(([r]) => r === rt));
    if (idle) throw new Error(msg.selectionWithoutEntry("runtimes", idle, "function", o.functions));
  }
  if (named.functions) {
    const idle = o.functions.find((fn) => !pairs.some(([, f]) => f === fn));
    if (idle) throw new Error(msg.selectionWithoutEntry("functions", idle, "runtime", o.runtimes));
  }
  if (o.warmup > 0) {
    for (const [rt, fn] of pairs) {
      const warm = warmupOf(manifest, fn);
      if (warm !== null && !findEntry(manifest, rt, warm)) throw new Error(msg.missingWarmup(rt, fn, warm));
    }
  }
  o.runtimes = o.runtimes.filter((rt) => pairs.some(([r]) => r === rt));
  o.functions = o.functions.filter((fn) => pairs.some(([, f]) => f === fn));
}

/**
 * The default name of a run shorter than the default protocol (fewer requests, trials, runtimes
 * or functions): `<target>-partial-<8 hex digits of its protocol>`, so it never lands on the
 * full-protocol datasets (`local-128mb`) and the same command (--resume) finds it again.
 */
export function partialRunName(
  o: Pick<BenchOptions, "target" | "runtimes" | "functions" | "requests" | "concurrency" | "warmup" | "pauseMs" | "trials"> &
    Partial<Pick<BenchOptions, "targetPrecision" | "maxTrials">>,
): string {
  const stopping = o.targetPrecision ? [o.targetPrecision, o.maxTrials] : [];
  const protocol = JSON.stringify([o.runtimes, o.functions, o.requests, o.concurrency, o.warmup, o.pauseMs, o.trials, ...stopping]);
  return `${o.target}-partial-${createHash("sha256").update(protocol).digest("hex").slice(0, 8)}`;
}

export const datasetName = (o: BenchOptions, memoryMB: number) => `${o.name}-${memoryMB}mb`;

/** The most trials a run takes: --trials, or --max-trials when --target-precision may add trials. */
export const trialLimit = (o: Pick<BenchOptions, "trials" | "targetPrecision" | "maxTrials">) =>
  o.targetPrecision === null ? o.trials : Math.max(o.trials, o.maxTrials);

export type RawAwsExtras = Omit<AwsExtras, "architecture"> & { architecture?: string };

/** The AWS target's extra options (ignored by the lab), checked with the rest. */
export function normalizeAwsExtras(raw: RawAwsExtras): AwsExtras {
  const architecture = raw.architecture ?? "x86_64";
  if (architecture !== "x86_64" && architecture !== "arm64") throw new Error(msg.badArchitecture(architecture));
  return { region: raw.region, stack: raw.stack, stackPrefix: raw.stackPrefix, deploy: raw.deploy, architecture };
}
