// The one place where the collect and import commands' options become typed values (STYLE.md
// habit 9): each check names its option, and every message is in messages.ts.
import { ARCHITECTURES, type Architecture } from "../dataset/contract.js";
import { collectMessages, lambdaPerfMessages, optionMessages as msg } from "./messages.js";
import { parseTimeOption } from "./time-option.js";

/** Lambda's memory sizes, in MB. */
const MEMORY_MB = { min: 128, max: 10_240 } as const;

export function architectureOption(value: string): Architecture {
  if (!(ARCHITECTURES as readonly string[]).includes(value)) throw new Error(msg.badArchitecture(value, ARCHITECTURES));
  return value as Architecture;
}

/** --memory of an import: a configured memory size in MB (not bytes); undefined when not given. */
export function memoryOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < MEMORY_MB.min || Number(value) > MEMORY_MB.max) throw new Error(msg.badMemory(value));
  return Number(value);
}

export interface RawCollectOptions {
  since: string;
  until?: string;
  architecture: string;
  method: string;
  maxAttempts: string;
}

export interface CollectOptions {
  /** Epoch milliseconds, since < until. */
  since: number;
  until: number;
  architecture: Architecture;
  method: "filter" | "insights";
  maxAttempts: number;
}

/** The checked options of `npm run collect`; `now` (epoch ms) reads relative times and is the default --until. */
export function normalizeCollectOptions(raw: RawCollectOptions, now: number): CollectOptions {
  const architecture = architectureOption(raw.architecture);
  if (raw.method !== "filter" && raw.method !== "insights") throw new Error(msg.badMethod(raw.method));
  if (!/^\d+$/.test(raw.maxAttempts) || Number(raw.maxAttempts) < 1) throw new Error(msg.badMaxAttempts(raw.maxAttempts));
  const since = parseTimeOption("--since", raw.since, now);
  const until = raw.until ? parseTimeOption("--until", raw.until, now) : now;
  if (until <= since) throw new Error(collectMessages.untilBeforeSince(new Date(until).toISOString(), new Date(since).toISOString()));
  return { since, until, architecture, method: raw.method, maxAttempts: Number(raw.maxAttempts) };
}

export interface RawImportOptions {
  architecture: string;
  memory?: string;
  powerTuning?: boolean;
  lambdaPerf?: boolean;
  runtime?: string;
  function?: string;
}

export interface ImportOptions {
  architecture: Architecture;
  memoryMB?: number;
  /** --power-tuning: the one result file and the function it tuned (its output names neither). */
  powerTuning: { file: string; runtime: string; function: string } | null;
  /** --lambda-perf: the one maxday/lambda-perf daily file, imported as a reference dataset. */
  lambdaPerf: { file: string } | null;
}

/** The checked options of `npm run import` for its `files`. */
export function normalizeImportOptions(raw: RawImportOptions, files: readonly string[]): ImportOptions {
  const architecture = architectureOption(raw.architecture);
  const memoryMB = memoryOption(raw.memory);
  let powerTuning: ImportOptions["powerTuning"] = null;
  if (raw.powerTuning) {
    if (files.length !== 1 || !raw.runtime || !raw.function) throw new Error(msg.powerTuningArguments());
    powerTuning = { file: files[0]!, runtime: raw.runtime, function: raw.function };
  }
  let lambdaPerf: ImportOptions["lambdaPerf"] = null;
  if (raw.lambdaPerf) {
    if (files.length !== 1) throw new Error(lambdaPerfMessages.oneFile(files));
    lambdaPerf = { file: files[0]! };
  }
  return { architecture, ...(memoryMB === undefined ? {} : { memoryMB }), powerTuning, lambdaPerf };
}
