// Command-line input → the options of a report build or of a comparison build: the one normaliser
// of report options, with the defaults in one place (STYLE habit 9). Every value is checked here, so
// a bad one fails before any notebook runs, with a message naming the option (render/messages.ts).
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { BILLING_RULES, type BillingRuleId } from "../../runners/dataset/contract.js";
import { CostError } from "../lib/cost/messages.js";
import { loadPriceTable } from "../lib/cost/prices.js";
import { STRATEGIES, type Strategy } from "../lib/recommend/strategies.js";
import { SECTIONS, type SectionId } from "../lib/section.js";
import type { ComparisonOptions } from "../lib/sections/comparison.js";
import type { SectionOptions } from "../lib/sections/index.js";
import { datasetIndex } from "../lib/load/dataset-index.js";
import { findCompleteDatasets } from "../notebook/datasets.js";
import { ReportBuildError, renderMessages as say } from "./messages.js";
import { paths } from "./paths.js";

/** What the command line gives (commander's option names), unchecked. */
export interface RawReportOptions {
  data?: string;
  section?: string;
  out?: string;
  pdf?: string | boolean;
  force?: boolean;
  cache?: string;
  jobs?: string;
  isolatedKernels?: boolean;
  billingRule?: string;
  prices?: string;
  seed?: string;
  resamples?: string;
  strategy?: string;
  balancedWeight?: string;
  compare?: string[];
  minEffect?: string;
}

/** Where a build writes and how it treats the cache; shared by the report and the comparison. */
export interface OutputOptions {
  siteDir: string;
  /** null: no PDF. */
  pdfPath: string | null;
  cacheDir: string;
  notebooksDir: string;
  templatesDir: string;
  /** Execute every notebook even when its outputs are cached. */
  force: boolean;
}

export interface BuildOptions extends OutputOptions {
  /** Absolute dataset folders. */
  datasets: string[];
  /**
   * The user named the datasets (--data): one that cannot be loaded fails the build. Otherwise (the
   * default, every dataset found in data/) it is left out with a warning on the title page.
   */
  datasetsExplicit?: boolean;
  /** Execute this section's notebook even when cached (the others come from the cache). */
  section: SectionId | null;
  concurrency: number;
  /** A fresh kernel per notebook (slower; each kernel otherwise runs several notebooks in turn). */
  isolateKernels: boolean;
  /** Report options the notebooks receive (--billing-rule, --prices, …); default {}. */
  sectionOptions?: SectionOptions;
  log: (line: string) => void;
}

export interface CompareBuildOptions extends OutputOptions {
  /** Absolute dataset folders. */
  baseline: string;
  candidate: string;
  options: ComparisonOptions;
  log: (line: string) => void;
}

/** The build the command line asks for: the report, or a comparison of two runs (--compare). */
export type ReportRequest = { kind: "report"; options: BuildOptions } | { kind: "compare"; options: CompareBuildOptions };

export function normalizeReportOptions(raw: RawReportOptions, log: (line: string) => void, cwd = process.cwd()): ReportRequest {
  return raw.compare !== undefined || raw.minEffect !== undefined
    ? { kind: "compare", options: comparisonBuild(raw, log, cwd) }
    : { kind: "report", options: reportBuild(raw, log, cwd) };
}

function reportBuild(raw: RawReportOptions, log: (line: string) => void, cwd: string): BuildOptions {
  const datasets = raw.data
    ? raw.data
        .split(",")
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => resolve(cwd, d))
    : findCompleteDatasets(paths.data);
  if (datasets.length === 0) throw new ReportBuildError(say.noDatasets(raw.data ?? paths.data));

  let section: SectionId | null = null;
  if (raw.section !== undefined) {
    const known = SECTIONS.map((s) => s.id);
    if (!known.includes(raw.section as SectionId)) throw new ReportBuildError(say.unknownSection(raw.section, known));
    section = raw.section as SectionId;
  }
  const jobs = raw.jobs === undefined ? defaultJobs(datasets, log) : Number(raw.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new ReportBuildError(say.badJobs(raw.jobs));

  const sectionOptions: SectionOptions = notebookOptions(raw);
  if (raw.strategy !== undefined) sectionOptions.strategy = strategy(raw.strategy);
  if (raw.balancedWeight !== undefined) sectionOptions.balancedWeight = balancedWeight(raw.balancedWeight);
  if (raw.prices !== undefined) sectionOptions.prices = prices(raw.prices, cwd);
  return {
    datasets,
    datasetsExplicit: raw.data !== undefined,
    ...outputOptions(raw, cwd, { site: paths.site, pdf: paths.pdf }),
    section,
    concurrency: jobs,
    isolateKernels: raw.isolatedKernels === true,
    sectionOptions,
    log,
  };
}

/**
 * Above this many invocations (all datasets together), one kernel runs the notebooks unless --jobs
 * says otherwise: every kernel loads every row (about 450 MB more RSS per million rows), and a
 * second kernel repeats the load and the analysis, which at 1,000,000 invocations (npm run
 * bench:large) took about as long as the notebooks it ran in parallel saved.
 */
export const ONE_KERNEL_ABOVE_INVOCATIONS = 500_000;

/** One kernel per core, or one for very large datasets (ONE_KERNEL_ABOVE_INVOCATIONS), said in the build's log. */
function defaultJobs(datasets: readonly string[], log: (line: string) => void): number {
  let invocations = 0;
  for (const dir of datasets) {
    const reading = datasetIndex.reading(dir);
    if (reading.status === "ok") invocations += reading.meta.counts.invocations;
  }
  if (invocations <= ONE_KERNEL_ABOVE_INVOCATIONS) return availableParallelism();
  log(say.progress.oneKernel(invocations, ONE_KERNEL_ABOVE_INVOCATIONS));
  return 1;
}

function comparisonBuild(raw: RawReportOptions, log: (line: string) => void, cwd: string): CompareBuildOptions {
  const dirs = raw.compare ?? [];
  if (dirs.length !== 2) throw new ReportBuildError(say.compareArity(dirs.length));
  if (raw.data !== undefined) throw new ReportBuildError(say.compareConflict("--data"));
  if (raw.section !== undefined) throw new ReportBuildError(say.compareConflict("--section"));
  const [baseline, candidate] = dirs.map((d) => resolve(cwd, d)) as [string, string];
  if (baseline === candidate) throw new ReportBuildError(say.sameRun(baseline));
  for (const dir of [baseline, candidate]) {
    const reading = datasetIndex.reading(dir);
    if (reading.status === "refused") throw new ReportBuildError(say.badDataset(reading.error.message));
    if (reading.status !== "ok") throw new ReportBuildError(say.notComplete(dir));
    // A reference dataset holds AWS numbers to compare the lab with, not a run.
    if (reading.meta.reference !== undefined) throw new ReportBuildError(say.referenceRun(dir));
  }

  const options: ComparisonOptions = notebookOptions(raw);
  if (raw.prices !== undefined) throw new ReportBuildError(say.compareConflict("--prices"));
  if (raw.minEffect !== undefined) options.minEffect = minEffect(raw.minEffect);
  return { baseline, candidate, ...outputOptions(raw, cwd, { site: paths.compareSite, pdf: paths.comparePdf }), options, log };
}

function outputOptions(raw: RawReportOptions, cwd: string, defaults: { site: string; pdf: string }): OutputOptions {
  return {
    siteDir: raw.out ? resolve(cwd, raw.out) : defaults.site,
    pdfPath: raw.pdf === false ? null : typeof raw.pdf === "string" ? resolve(cwd, raw.pdf) : defaults.pdf,
    cacheDir: raw.cache ? resolve(cwd, raw.cache) : paths.cache,
    notebooksDir: paths.notebooks,
    templatesDir: paths.templates,
    force: raw.force === true,
  };
}

/** The options every notebook takes, the report's and the comparison's alike. */
function notebookOptions(raw: RawReportOptions): Pick<SectionOptions, "billingRule" | "seed" | "resamples"> {
  return {
    ...(raw.billingRule !== undefined ? { billingRule: billingRule(raw.billingRule) } : {}),
    ...(raw.seed !== undefined ? { seed: integer("--seed", raw.seed, Number.MIN_SAFE_INTEGER) } : {}),
    ...(raw.resamples !== undefined ? { resamples: integer("--resamples", raw.resamples, 1) } : {}),
  };
}

function integer(option: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min) throw new ReportBuildError(say.badInteger(option, raw, min));
  return value;
}

function billingRule(raw: string): BillingRuleId {
  const known = Object.keys(BILLING_RULES) as BillingRuleId[];
  if (!known.includes(raw as BillingRuleId)) throw new ReportBuildError(say.badBillingRule(raw, known));
  return raw as BillingRuleId;
}

/** Validated now and passed by value, so the notebook cache key covers the prices themselves. */
function prices(file: string, cwd: string): NonNullable<SectionOptions["prices"]> {
  try {
    return loadPriceTable(resolve(cwd, file), file);
  } catch (error) {
    if (error instanceof CostError) throw new ReportBuildError(say.badPrices(error.message));
    throw error;
  }
}

function strategy(raw: string): Strategy {
  if (!(STRATEGIES as readonly string[]).includes(raw)) throw new ReportBuildError(say.badStrategy(raw, STRATEGIES));
  return raw as Strategy;
}

/** power-tuning clamps a weight outside [0, 1]; here it is refused, so a typo does not silently become speed or cost. */
function balancedWeight(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) throw new ReportBuildError(say.badBalancedWeight(raw));
  return value;
}

function minEffect(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0) throw new ReportBuildError(say.badMinEffect(raw));
  return value;
}

/** Sections that read prices, and those that name recommendations (--strategy, --balanced-weight). */
const USES_PRICES: readonly SectionId[] = ["cost", "memory-cost", "summary"];
const USES_STRATEGY: readonly SectionId[] = ["memory-cost", "summary"];

/** What one section's notebook receives: each option only where it is used, so changing it re-runs only those notebooks. */
export function sectionOptionsFor(id: SectionId, options: SectionOptions): SectionOptions {
  const { prices, strategy, balancedWeight, ...rest } = options;
  return {
    ...rest,
    ...(prices !== undefined && USES_PRICES.includes(id) ? { prices } : {}),
    ...(strategy !== undefined && USES_STRATEGY.includes(id) ? { strategy } : {}),
    ...(balancedWeight !== undefined && USES_STRATEGY.includes(id) ? { balancedWeight } : {}),
  };
}
