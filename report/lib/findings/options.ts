// What a finding may depend on besides the analysis and the bootstrap options: the choices a
// reader makes that change numbers (billing rule, price table, power-tuning's weight).
import type { BillingRuleId } from "../../../runners/dataset/contract.js";
import type { PriceTable } from "../cost/index.js";

export interface FindingOptions {
  /** Recompute billed duration (and cost) under this rule (default: as each dataset reports it). */
  billingRule?: BillingRuleId;
  /** A price table (path or validated object) for the cost findings (default: the bundled one). */
  prices?: string | PriceTable;
  /** power-tuning's balancedWeight in [0, 1] (0 = speed, 1 = cost; default 0.5). */
  balancedWeight?: number;
}

/** The part of the options a finding's cache key depends on. */
export const findingKey = (o: FindingOptions): string => `${o.billingRule ?? ""}:${JSON.stringify(o.prices ?? null)}:${o.balancedWeight ?? ""}`;
