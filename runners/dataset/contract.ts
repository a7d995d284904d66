// The data contract between the runners (which write datasets) and the report (which reads them).
// DESIGN.md "Datasets" is the prose version of this file.
import { z } from "zod";

export const DATASET_SCHEMA = "lambench.dataset/1";

export const INVOCATION_COLUMNS = [
  "runtime",
  "function",
  "memoryMB",
  "architecture",
  "trial",
  "requestId",
  "timestamp",
  "instanceId",
  "durationMs",
  "billedDurationMs",
  "maxMemoryUsedMB",
  "initDurationMs",
  "restoreDurationMs",
  "status",
  "errorType",
] as const;

export const REQUEST_COLUMNS = ["runtime", "function", "memoryMB", "trial", "seq", "startedAt", "latencyMs", "httpStatus"] as const;

/**
 * What a runtime or function name may look like: manifest ids, Lambda runtime ids (nodejs20.x,
 * provided.al2023) and Lambda function names (letters, digits, "-", "_"; at most 64).
 */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const ARCHITECTURES = ["x86_64", "arm64"] as const;
export const INVOCATION_STATUSES = ["success", "error", "timeout"] as const;

export type Architecture = (typeof ARCHITECTURES)[number];
export type InvocationStatus = (typeof INVOCATION_STATUSES)[number];

export interface InvocationRow {
  runtime: string;
  function: string;
  memoryMB: number;
  architecture: Architecture;
  /** 1-based trial of the run (DESIGN.md "Protocol"); 1 for single-trial sources (collect, import). */
  trial: number;
  requestId: string;
  /** ISO-8601 UTC, millisecond precision. */
  timestamp: string;
  /** The log stream (one per execution environment); empty when the source does not say. */
  instanceId: string;
  durationMs: number;
  billedDurationMs: number;
  maxMemoryUsedMB: number;
  /** null when the invocation was warm. */
  initDurationMs: number | null;
  /** null unless SnapStart restored the instance. */
  restoreDurationMs: number | null;
  status: InvocationStatus;
  /** empty unless status is error or timeout. */
  errorType: string;
}

export interface RequestRow {
  runtime: string;
  function: string;
  memoryMB: number;
  /** 1-based trial of the run, as in invocations.csv. */
  trial: number;
  seq: number;
  /** ISO-8601 UTC, millisecond precision. */
  startedAt: string;
  latencyMs: number;
  /** 0 when the request failed before any HTTP status (connection error, client timeout). */
  httpStatus: number;
}

/**
 * Billing rules (DESIGN.md "Metrics"): duration rounded up to 1 ms; INIT billed for custom
 * runtimes always and for managed runtimes on invocations from 2025-08-01.
 */
export const BILLING_RULES = {
  "aws-2025-08": {
    description: "Duration rounded up to the next 1 ms; INIT billed for every runtime (AWS rule for invocations from 2025-08-01).",
    initBilled: { managed: true, custom: true },
  },
  "aws-pre-2025-08": {
    description: "Duration rounded up to the next 1 ms; INIT billed for custom runtimes only (AWS rule before 2025-08-01).",
    initBilled: { managed: false, custom: true },
  },
  "as-reported": {
    description: "Billed Duration taken as AWS reported it in the REPORT line.",
    initBilled: null,
  },
} as const;
export type BillingRuleId = keyof typeof BILLING_RULES;
export const BILLING_RULE_CHANGE = "2025-08-01T00:00:00.000Z";

/** The rule AWS applied at a given invocation time. */
export function billingRuleAt(timestamp: string): Exclude<BillingRuleId, "as-reported"> {
  return timestamp >= BILLING_RULE_CHANGE ? "aws-2025-08" : "aws-pre-2025-08";
}

/** Billed duration under a rule: ceil(duration [+ init when billed]) to the millisecond. */
export function billedDurationMs(
  rule: Exclude<BillingRuleId, "as-reported">,
  kind: "managed" | "custom" | "unknown",
  durationMs: number,
  initDurationMs: number | null,
): number {
  const rules = BILLING_RULES[rule].initBilled;
  // A runtime of unknown kind can be billed only under a rule that treats both kinds alike.
  if (kind === "unknown" && rules.managed !== rules.custom) throw new Error(unknownKindMessage(rule));
  const initBilled = kind === "unknown" ? rules.managed : rules[kind];
  const total = durationMs + (initBilled && initDurationMs !== null ? initDurationMs : 0);
  // Guard against binary noise such as 12.000000000001 turning into 13.
  return Math.ceil(Math.round(total * 1e6) / 1e6);
}

export function unknownKindMessage(rule: string): string {
  return `billing rule "${rule}" bills INIT differently for managed and custom runtimes, and a runtime of this dataset is neither listed in functions/manifest.json nor a Lambda runtime id whose kind is known; use --billing-rule as-reported or aws-2025-08`;
}

/** One memory size's averages, as aws-lambda-power-tuning reports them (its output's results.stats). */
export const averageRowSchema = z.object({
  runtime: z.string().min(1),
  function: z.string().min(1),
  memoryMB: z.number().int().min(128),
  architecture: z.enum(ARCHITECTURES),
  /** power-tuning's averageDuration: trimmed mean of Duration + Init Duration, ms. */
  averageDurationMs: z.number().nonnegative(),
  /** power-tuning's averagePrice: USD per invocation, compute only (no request fee). */
  averagePriceUsd: z.number().nonnegative(),
});
export type AverageRow = z.infer<typeof averageRowSchema>;

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "ISO-8601 timestamp");

/** One function measured by maxday/lambda-perf on one day, as published (never rescaled). */
export const referenceEntrySchema = z.object({
  /** lambda-perf's function name, e.g. lambda-perf-nodejs22x-zip-128-x86_64. */
  name: z.string().min(1),
  /** lambda-perf's runtime name as published ("nodejs22.x", "go (prov.al2023)"). */
  runtime: z.string().min(1),
  packaging: z.string().min(1),
  memoryMB: z.number().int().positive(),
  architecture: z.enum(ARCHITECTURES),
  /** The Init Durations of the day's cold starts, ms. */
  initDurationsMs: z.array(z.number().nonnegative()).min(1),
  maxMemoryUsedMB: z.number().nonnegative(),
  avgWarmDurationMs: z.number().nonnegative(),
  avgColdDurationMs: z.number().nonnegative(),
});
export type ReferenceEntry = z.infer<typeof referenceEntrySchema>;

/** A reference dataset's measurements, with the day they were taken and where they come from. */
export const referenceSchema = z.object({
  kind: z.literal("lambda-perf"),
  /** The day the measurements were generated (YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"),
  generatedAt: isoTime,
  /** Where the numbers come from, and their licence. */
  source: z.string().min(1),
  /** The file that was imported, as it was named on the command line. */
  file: z.string().min(1),
  entries: z.array(referenceEntrySchema).min(1),
});
export type ReferenceMeta = z.infer<typeof referenceSchema>;

export const trialsSchema = z
  .object({
    count: z.number().int().positive(),
    /** Seed of the order generator (32-bit unsigned integer). */
    seed: z.number().int().nonnegative().max(0xffffffff),
    orders: z.array(z.array(z.string().regex(/^[^/]+\/[^/]+$/, 'expected "runtime/function"'))),
    /**
     * Optional: the stopping rule of --target-precision. From `minTrials` on, trials were added until
     * the widest interval of a median Total Duration (memory size × runtime × function; the report's
     * two-level bootstrap) was within ±targetPrecision of it, or `maxTrials` were run. `achieved` is
     * that widest relative half-width after the last trial. Absent: a fixed number of trials.
     */
    stopping: z
      .object({
        rule: z.literal("target-precision"),
        targetPrecision: z.number().positive().lt(1),
        minTrials: z.number().int().positive(),
        maxTrials: z.number().int().positive(),
        achieved: z.number().nonnegative().nullable(),
        met: z.boolean(),
      })
      .optional(),
  })
  .refine((t) => t.orders.length === t.count, { message: "orders must hold one segment order per trial (count)", path: ["orders"] });
export type TrialsMeta = z.infer<typeof trialsSchema>;

const cpuIds = z.array(z.number().int().nonnegative());

/** Local lab conditions (runners/lab/cpu-plan.ts, runners/lab/db-latency.ts). */
export const labSchema = z.object({
  cpuPlan: z.object({
    cpus: cpuIds,
    /** DynamoDB server, API front and load driver. */
    support: cpuIds,
    init: cpuIds,
    run: cpuIds,
    initSharesSupport: z.boolean(),
    maxConcurrentInits: z.number().int().positive(),
    concurrency: z.number().int().positive(),
    memoryMB: z.number().int().positive(),
    /** Each running instance's CPU cap, in cores (memoryMB / 1769). */
    instanceCap: z.number().nonnegative(),
    instanceCores: z.number().nonnegative(),
    fits: z.boolean(),
    /** Whether cpusets placed the roles on those cores. */
    enforced: z.boolean(),
  }),
  /** Ran with --oversubscribe although the plan did not fit. */
  oversubscribed: z.boolean(),
  /** The network latency added to every DynamoDB call (null: none). */
  dbLatency: z
    .object({
      model: z.string(),
      description: z.string(),
      parameters: z.record(z.string(), z.number()),
      source: z.string(),
    })
    .nullable(),
});
export type LabMeta = z.infer<typeof labSchema>;

export const metaSchema = z.object({
  schema: z.literal(DATASET_SCHEMA),
  name: z.string().min(1),
  target: z.enum(["local", "aws", "import"]),
  createdAt: isoTime,
  /** One bench invocation (every memory size it wrote) or one import/collect; absent in datasets written before campaigns were recorded. */
  campaign: z.string().min(1).optional(),
  complete: z.boolean(),
  /** How the rows were obtained: a bench run, a CloudWatch collection, an import, or a generated test fixture (never a result). */
  source: z.object({
    kind: z.enum(["bench", "collect", "import", "fixture"]),
    detail: z.string().optional(),
    /** What an import corrected and how (e.g. the seed's aliased BilledDuration). */
    corrections: z.array(z.string()).default([]),
    /** Duplicate REPORT lines (same request id, e.g. overlapping log ranges) the collector dropped. */
    duplicatesDropped: z.number().int().nonnegative().optional(),
  }),
  protocol: z
    .object({
      requestsPerFunction: z.number().int().positive(),
      concurrency: z.number().int().positive(),
      /** Optional: how concurrency was chosen — "option" (--concurrency or its default) or "cpu-plan" (the lab's largest at this memory size). Absent: option. */
      concurrencySource: z.enum(["option", "cpu-plan"]).optional(),
      warmupRequests: z.number().int().nonnegative(),
      pauseMs: z.number().nonnegative(),
      /** Optional: the runtime/function whose writes, unmeasured, filled the table before trial 1 (e.g. "go/save"). Absent: the table was not primed (older datasets, or no writing function in the run). */
      tablePrimedBy: z.string().optional(),
      runtimes: z.array(z.string()),
      functions: z.array(z.string()),
    })
    .nullable(),
  memorySizes: z.array(z.number().int().positive()).min(1),
  architecture: z.enum(ARCHITECTURES),
  /** Runtime id → what actually ran (e.g. "node v20.20.2", "go1.26.8", "rustc 1.95.0"). */
  runtimeVersions: z.record(z.string(), z.string()),
  /** Local lab: the machine and whether limits were enforced. */
  machine: z
    .object({
      cpuModel: z.string(),
      cores: z.number().int().positive(),
      os: z.string(),
      cpuLimitEnforced: z.boolean(),
      memoryLimitEnforced: z.boolean(),
      limitNote: z.string().optional(),
    })
    .nullable(),
  /** AWS: where it ran. */
  region: z.string().nullable(),
  billing: z.object({
    rule: z.enum(Object.keys(BILLING_RULES) as [BillingRuleId, ...BillingRuleId[]]),
    description: z.string(),
  }),
  git: z.object({ commit: z.string(), dirty: z.boolean() }).nullable(),
  counts: z.object({ invocations: z.number().int().nonnegative(), requests: z.number().int().nonnegative() }),
  /**
   * A run of several trials (absent: one trial, e.g. imports and older datasets). Each trial visits
   * every (runtime, function) segment in a seeded random order; orders[k] is trial k+1's order as
   * "runtime/function" ids.
   */
  trials: trialsSchema.optional(),
  /** Local lab: CPU plan, oversubscription, database latency model (absent: older datasets, AWS). */
  lab: labSchema.optional(),
  /** Free-form warnings the runner wants readers to see (e.g. limits not enforced). */
  warnings: z.array(z.string()).default([]),
  /**
   * Optional extension: a dataset of averages instead of raw invocations (an imported
   * aws-lambda-power-tuning result). Its invocations.csv and requests.csv hold a header and no
   * rows; sections that need raw invocations say so and leave it out. Absent: raw invocations.
   */
  averages: z.array(averageRowSchema).min(1).optional(),
  /**
   * Optional extension: a reference dataset (an imported maxday/lambda-perf daily file), AWS's own
   * measurements that the lab is compared with and never part of the findings. Its
   * invocations.csv and requests.csv hold a header and no rows; the report keeps it apart from
   * the measured datasets (report/lib/load/datasets.ts) and only the Lab vs AWS section reads it.
   */
  reference: referenceSchema.optional(),
});

export type DatasetMeta = z.infer<typeof metaSchema>;

export const DATASET_FILES = {
  meta: "meta.json",
  invocations: "invocations.csv",
  requests: "requests.csv",
} as const;
