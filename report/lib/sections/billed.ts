import { maxValueBars } from "../figures/max-value-bars.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { billed } from "../findings/billed.js";
import { trialScopeOf } from "../findings/statistics.js";
import { round } from "../narrative/format.js";
import { messages } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import type { SectionInput } from "./builder.js";
import {
  bullets,
  figure,
  figureContext,
  leaderSentences,
  markdown,
  PI_OVERALL_COLUMNS,
  piBars,
  table,
  valueBars,
  whenCompared,
  withIntervalColumns,
} from "./shared.js";
import { subtitle } from "./subtitle.js";

export function billedSection({ analysis: a, bootstrap }: SectionInput): SectionResult {
  const ctx = figureContext(a);
  const { pi, leaders, gbSeconds: gbs, totals } = billed(a, bootstrap);
  const rules = a.data.datasets.map((d) => messages.billedRule(d.name, d.meta.billing.rule, d.meta.billing.description));
  const sentences: string[] = [];
  for (const lead of leaders) {
    sentences.push(...leaderSentences(lead.setting, "billed duration (mean per invocation)", lead, { pi, unit: "ms" }));
    const t = totals.find((x) => x.setting === lead.setting);
    if (t) sentences.push(messages.billedGbs(t.setting, t.least.runtime, t.least.total, t.most.runtime, t.most.total));
  }
  return {
    id: "billed",
    title: "Billed duration",
    blocks: [
      markdown(`${messages.billedIntro()} ${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}\n\n${bullets(rules)}`),
      ...whenCompared(
        a,
        figure(
          "billed-pi",
          "Performance Index of mean Billed Duration",
          performanceIndexBars(
            piBars(pi.overall),
            ctx,
            "Performance Index of mean Billed Duration",
            subtitle(a, "mean over functions; error bars: confidence intervals; higher is better"),
          ),
        ),
      ),
      markdown(bullets(sentences)),
      figure(
        "billed-mean",
        "Mean Billed Duration per function and runtime",
        maxValueBars(
          valueBars(pi.perFunction),
          ctx,
          "Mean Billed Duration per function and runtime",
          "Mean Billed Duration (ms)",
          subtitle(a, "error bars: confidence intervals; lower is better"),
        ),
      ),
      figure(
        "billed-gb-seconds",
        "GB-seconds per 1,000 invocations",
        maxValueBars(
          gbs.map((r) => ({
            setting: r.setting,
            function: r.function,
            runtime: r.runtime,
            value: round(r.gbSecondsPer1000),
            valueLower: round(r.gbSecondsPer1000Lower),
            valueUpper: round(r.gbSecondsPer1000Upper),
          })),
          ctx,
          "GB-seconds per 1,000 invocations",
          "GB-s per 1,000 invocations",
          subtitle(a, "billed seconds × configured GB; error bars: confidence intervals; lower is cheaper"),
        ),
      ),
      table("billed-pi", "Performance Index of mean Billed Duration per runtime", PI_OVERALL_COLUMNS, pi.overall),
      table(
        "billed-values",
        "Mean Billed Duration (ms) and GB-seconds per 1,000 invocations per function",
        ["setting", "function", "runtime", ...withIntervalColumns(["value", "pi", "gbSecondsPer1000"])],
        pi.perFunction.map((r, i) => ({
          ...r,
          gbSecondsPer1000: gbs[i]!.gbSecondsPer1000,
          gbSecondsPer1000Lower: gbs[i]!.gbSecondsPer1000Lower,
          gbSecondsPer1000Upper: gbs[i]!.gbSecondsPer1000Upper,
        })),
      ),
    ],
  };
}
