// Report options that reach the notebooks (--billing-rule, --prices), checked once here so a bad
// value fails before any notebook runs, with a message naming the option.
import { resolve } from "node:path";
import { BILLING_RULES, type BillingRuleId } from "../../runners/dataset/contract.js";
import { CostError } from "../lib/cost/messages.js";
import { loadPriceTable } from "../lib/cost/prices.js";
import type { SectionId } from "../lib/section.js";
import type { SectionOptions } from "../lib/sections/index.js";
import { ReportBuildError } from "./messages.js";
import { compareRenderMessages } from "./compare-messages.js";

export interface RawSectionOptions {
  billingRule?: string;
  prices?: string;
  seed?: string;
  resamples?: string;
}

export function normalizeSectionOptions(raw: RawSectionOptions, cwd: string): SectionOptions {
  const options: SectionOptions = {};
  if (raw.billingRule !== undefined) options.billingRule = billingRule(raw.billingRule);
  if (raw.seed !== undefined) options.seed = integer("--seed", raw.seed, Number.MIN_SAFE_INTEGER);
  if (raw.resamples !== undefined) options.resamples = integer("--resamples", raw.resamples, 1);
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

function billingRule(raw: string): BillingRuleId {
  const known = Object.keys(BILLING_RULES) as BillingRuleId[];
  if (!known.includes(raw as BillingRuleId)) throw new ReportBuildError(compareRenderMessages.badBillingRule(raw, known));
  return raw as BillingRuleId;
}

/** What one section's notebook receives: the price table only where prices are used, so a new table re-runs only that notebook. */
export function sectionOptionsFor(id: SectionId, options: SectionOptions): SectionOptions {
  if (id === "cost" || options.prices === undefined) return options;
  const { prices: _unused, ...rest } = options;
  return rest;
}
