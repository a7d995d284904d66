// The analysis under a report-wide billing rule (--billing-rule): billed duration and GB-s
// recomputed for every section, and each dataset's recorded rule replaced by a note saying so,
// so the sections that name the rule name the one their numbers follow.
import { BILLING_RULES, type BillingRuleId } from "../../runners/dataset/contract.js";
import { analysisOf, type Analysis } from "./analysis.js";
import type { Datasets } from "./load/datasets.js";
import { withBilledDuration } from "./metrics/billed.js";
import { memo } from "./metrics/memo.js";
import { costMessagesFor } from "./narrative/cost-messages.js";

export function analysisUnder(data: Datasets, rule: BillingRuleId | undefined): Analysis {
  const base = analysisOf(data);
  if (rule === undefined || rule === "as-reported") return base;
  return memo(data, `analysis:${rule}`, () => {
    const recomputed: Datasets = {
      ...data,
      datasets: data.datasets.map((d) => ({
        ...d,
        meta: { ...d.meta, billing: { rule, description: costMessagesFor.recomputedRule(BILLING_RULES[rule].description, rule, d.meta.billing.rule) } },
      })),
    };
    return { ...base, table: withBilledDuration(base.table, rule), data: recomputed };
  });
}
