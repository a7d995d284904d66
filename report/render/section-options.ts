// Report options that reach the notebooks (--billing-rule, --prices), checked once here so a bad
// value fails before any notebook runs, with a message naming the option.
import { resolve } from "node:path";
import { BILLING_RULES, type BillingRuleId } from "../../runners/dataset/contract.js";
import { CostError } from "../lib/cost/messages.js";
import { loadPriceTable } from "../lib/cost/prices.js";
import { STRATEGIES, type Strategy } from "../lib/recommend/index.js";
import type { SectionId } from "../lib/section.js";
import type { SectionOptions } from "../lib/sections/index.js";
import { ReportBuildError } from "./messages.js";
import { compareRenderMessages } from "./compare-messages.js";

export interface RawSectionOptions {
  billingRule?: string;
  prices?: string;
  seed?: string;
  resamples?: string;
  strategy?: string;
  balancedWeight?: string;
}

export function normalizeSectionOptions(raw: RawSectionOptions, cwd: string): SectionOptions {
  const options: SectionOptions = {};
  if (raw.billingRule !== undefined) options.billingRule = billingRule(raw.billingRule);
  if (raw.seed !== undefined) options.seed = integer("--seed", raw.seed, Number.MIN_SAFE_INTEGER);
  if (raw.resamples !== undefined) options.resamples = integer("--resamples", raw.resamples, 1);
  if (raw.strategy !== undefined) options.strategy = strategy(raw.strategy);
  if (raw.balancedWeight !== undefined) options.balancedWeight = balancedWeight(raw.balancedWeight);
  if (raw.prices !== undefined) {
    try {
      // Validated now and passed by value, so the notebook cache key covers the prices themselves.
      options.prices = loadPriceTable(resolve(cwd, raw.prices), raw.prices);
    } catch (error) {
      if (error instanceof CostError) throw new ReportBuildError(compareRenderMessages.badPrices(error.message));
      throw error;
    }
  }
  return options;
}

function integer(option: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new ReportBuildError(compareRenderMessages.badInteger(option, raw, min));
  }
  return value;
}

function strategy(raw: string): Strategy {
  if (!(STRATEGIES as readonly string[]).includes(raw)) throw new ReportBuildError(compareRenderMessages.badStrategy(raw, STRATEGIES));
  return raw as Strategy;
}

/** power-tuning clamps a weight outside [0, 1]; here it is refused, so a typo does not silently become speed or cost. */
function balancedWeight(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) throw new ReportBuildError(compareRenderMessages.badBalancedWeight(raw));
  return value;
}

function billingRule(raw: string): BillingRuleId {
  const known = Object.keys(BILLING_RULES) as BillingRuleId[];
  if (!known.includes(raw as BillingRuleId)) throw new ReportBuildError(compareRenderMessages.badBillingRule(raw, known));
  return raw as BillingRuleId;
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
