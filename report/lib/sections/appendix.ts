// The appendix: how every number was made, generated from the parameters actually used (the
// bootstrap options, the percentile definition, the datasets' billing rules), never typed in.
import { PERCENTILE_DEFINITION } from "../metrics/percentile.js";
import { messages } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { orderStatisticGroupsOf, trialScopeOf } from "../findings/statistics.js";
import { bootstrapMethod, ORDER_STATISTIC_MIN } from "../uncertainty/index.js";
import type { SectionInput } from "./builder.js";
import { markdown, table } from "./shared.js";

export function appendixSection({ analysis: a, bootstrap }: SectionInput): SectionResult {
  const rules = a.data.datasets.map((d) => ({ dataset: d.name, rule: d.meta.billing.rule, description: d.meta.billing.description }));
  const lab = a.data.datasets.flatMap((d) => {
    const l = d.meta.lab;
    if (!l) return [];
    return [
      messages.labCpuPlan(d.name, l.cpuPlan),
      ...(l.oversubscribed ? [messages.labOversubscribed(d.name)] : []),
      l.dbLatency ? messages.labDbLatency(d.name, l.dbLatency.description, l.dbLatency.source) : messages.labNoDbLatency(d.name),
    ];
  });
  const tableState = a.data.datasets.flatMap(({ name, meta: { protocol: p } }) =>
    p ? [p.tablePrimedBy ? messages.tablePrimed(name, p.tablePrimedBy, p.requestsPerFunction) : messages.tableNotPrimed(name)] : [],
  );
  const stopping = a.data.datasets.flatMap(({ name, meta: { trials } }) =>
    trials?.stopping ? [messages.stoppingRule(name, trials.stopping, trials.count)] : [],
  );
  const exactGroups = orderStatisticGroupsOf(a);
  return {
    id: "appendix",
    title: "Method",
    blocks: [
      markdown(messages.appendixIntro()),
      markdown(`### Percentiles\n\n${messages.percentileDefinition(PERCENTILE_DEFINITION)}`),
      markdown(`### Cold Start Duration\n\n${messages.coldStartConvention()}`),
      markdown(`### Performance Index\n\n${messages.piDefinition()}`),
      ...(stopping.length > 0 ? [markdown(`### Stopping rule\n\n${stopping.map((line) => `- ${line}`).join("\n")}`)] : []),
      ...(tableState.length > 0 ? [markdown(`### Table state\n\n${tableState.map((line) => `- ${line}`).join("\n")}`)] : []),
      ...(lab.length > 0 ? [markdown(`### Lab conditions\n\n${lab.map((line) => `- ${line}`).join("\n")}`)] : []),
      markdown(`### Billing rules\n\n${rules.map((r) => `- ${messages.billedRule(r.dataset, r.rule, r.description)}`).join("\n")}`),
      markdown(`${bootstrapMethod(bootstrap, { trials: trialScopeOf(a), orderStatisticGroups: exactGroups })}\n\n${messages.descriptiveStatements()}`),
      table(
        "appendix-parameters",
        "Parameters of the confidence intervals",
        ["parameter", "value"],
        [
          { parameter: "confidence", value: bootstrap.confidence },
          { parameter: "resamples", value: bootstrap.resamples },
          { parameter: "seed", value: bootstrap.seed },
          { parameter: "method", value: bootstrap.method },
          { parameter: "trials per group", value: trialsText(trialScopeOf(a)) },
          {
            parameter: "scheme",
            value:
              trialScopeOf(a).max > 1 ? "two-level (trials, then invocations), t-calibrated" : "one level (invocations); run-to-run variation not measured",
          },
          ...(exactGroups > 0
            ? [
                {
                  parameter: "order-statistic intervals (percentiles)",
                  value: `${exactGroups} one-trial group(s) of at least ${ORDER_STATISTIC_MIN.toLocaleString("en-US")} invocations`,
                },
              ]
            : []),
        ],
      ),
      table("appendix-billing", "Billing rule of each dataset", ["dataset", "rule", "description"], rules),
    ],
  };
}

const trialsText = (t: { min: number; max: number }) => (t.min === t.max ? String(t.min) : `${t.min}–${t.max}`);
