import type { Analysis } from "../analysis.js";
import { maxValueBars } from "../figures/max-value-bars.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { BILLED, GB_SECONDS } from "../metrics/billed.js";
import { stat } from "../metrics/statistics.js";
import { round } from "../narrative/format.js";
import { messages } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { figure, figureContext, leaders, leaderSentences, markdown, perFunction, performanceIndexOf, PI_OVERALL_COLUMNS, piBars, table, valueBars, withIntervalColumns, type PiResult, whenCompared, trialScopeOf } from "./shared.js";
import { subtitle } from "./subtitle.js";

/** PI of the mean billed duration per invocation (proportional to the run's duration cost). */
export function billedIndex(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): PiResult {
  return performanceIndexOf(a, BILLED, stat.mean(), bootstrap);
}

/** GB-seconds per 1,000 invocations, per function and runtime, with the interval of the mean behind it. */
export function gbSecondsPerThousand(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP) {
  const perThousand = (x: unknown) => (typeof x === "number" ? x * 1000 : null);
  return perFunction(a, GB_SECONDS, [stat.mean()], a.functions, bootstrap).map((r) => ({
    ...r,
    gbSecondsPer1000: (r.mean as number) * 1000,
    gbSecondsPer1000Lower: perThousand(r.meanLower),
    gbSecondsPer1000Upper: perThousand(r.meanUpper),
  }));
}

export function billedSection(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): SectionResult {
  const ctx = figureContext(a);
  const pi = billedIndex(a, bootstrap);
  const gbs = gbSecondsPerThousand(a, bootstrap);
  const rules = a.data.datasets.map((d) => messages.billedRule(d.name, d.meta.billing.rule, d.meta.billing.description));
  const sentences: string[] = [];
  for (const s of a.settings) {
    const lead = leaders(pi, s.label);
    sentences.push(...leaderSentences(s.label, "billed duration (mean per invocation)", lead, { pi, unit: "ms" }));
    // GB-seconds summed over functions compare runtimes only when they ran the same functions.
    if (lead.ranked.length < 2 || lead.alone.length > 0) continue;
    const totals = a.runtimes
      .map((r) => ({ runtime: r.label, total: gbs.filter((g) => g.setting === s.label && g.runtimeId === r.id).reduce((sum, g) => sum + g.gbSecondsPer1000, 0) }))
      .filter((t) => t.total > 0)
      .sort((x, y) => x.total - y.total);
    if (totals.length > 1) sentences.push(messages.billedGbs(s.label, totals[0]!.runtime, totals[0]!.total, totals[totals.length - 1]!.runtime, totals[totals.length - 1]!.total));
  }
  return {
    id: "billed",
    title: "Billed duration",
    blocks: [
      markdown(`${messages.billedIntro()} ${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}\n\n${rules.map((r) => `- ${r}`).join("\n")}`),
      ...whenCompared(a, figure(
        "billed-pi",
        "Performance Index of mean Billed Duration",
        performanceIndexBars(
          piBars(pi.overall),
          ctx,
          "Performance Index of mean Billed Duration",
          subtitle(a, "mean over functions; error bars: confidence intervals; higher is better"),
        ),
      )),
      markdown(sentences.map((s) => `- ${s}`).join("\n")),
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
