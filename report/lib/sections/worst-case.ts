import { maxValueBars } from "../figures/max-value-bars.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { trialScopeOf } from "../findings/statistics.js";
import { worstCase } from "../findings/worst-case.js";
import { messages } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import type { SectionInput } from "./builder.js";
import {
  bullets,
  figure,
  figureContext,
  leaderSentences,
  markdown,
  PI_FUNCTION_COLUMNS,
  PI_OVERALL_COLUMNS,
  piBars,
  piDefinition,
  table,
  valueBars,
  whenCompared,
} from "./shared.js";
import { subtitle } from "./subtitle.js";

export function worstCaseSection({ analysis: a, bootstrap }: SectionInput): SectionResult {
  const ctx = figureContext(a);
  const { pi, leaders, spreads, trialMaxima, disagreements } = worstCase(a, bootstrap);
  const sentences: string[] = [];
  for (const lead of leaders) {
    sentences.push(...leaderSentences(lead.setting, "the worst case (max Total Duration)", lead, { pi, unit: "ms" }));
    const spread = spreads.find((x) => x.setting === lead.setting);
    if (spread)
      sentences.push(
        messages.worstCaseSpread(spread.setting, spread.best.runtime, spread.best.maxMs, spread.top.runtime, spread.top.maxMs, spread.top.function),
      );
  }
  for (const d of disagreements) sentences.push(messages.trialsDisagree(d.setting, d.function, "max Total Duration", d.leaders));
  return {
    id: "worst-case",
    title: "Worst case",
    blocks: [
      markdown(`${messages.worstCaseIntro()} ${piDefinition(a)}${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`),
      ...whenCompared(
        a,
        figure(
          "worst-case-pi",
          "Performance Index of max Total Duration",
          performanceIndexBars(
            piBars(pi.overall),
            ctx,
            "Performance Index of max Total Duration",
            subtitle(a, "mean over functions; error bars: confidence intervals; higher is better"),
          ),
        ),
      ),
      markdown(bullets(sentences)),
      figure(
        "worst-case-max",
        "Max Total Duration per function and runtime",
        maxValueBars(
          valueBars(pi.perFunction),
          ctx,
          "Max Total Duration per function and runtime",
          "Max Total Duration (ms)",
          subtitle(a, `error bars: confidence intervals${trialMaxima.length ? "; open circles: each trial's max" : ""}; lower is better`),
          trialMaxima,
        ),
      ),
      table("worst-case-pi", "Performance Index of max Total Duration per runtime", PI_OVERALL_COLUMNS, pi.overall),
      table("worst-case-max", "Max Total Duration (ms) and its Performance Index per function", PI_FUNCTION_COLUMNS, pi.perFunction),
    ],
  };
}
