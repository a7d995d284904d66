import { coldStartVsInit, COLD_START_MEASURES } from "../figures/cold-start-vs-init.js";
import { maxValueBars } from "../figures/max-value-bars.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { coldStart } from "../findings/cold-start.js";
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
  PI_FUNCTION_COLUMNS,
  PI_OVERALL_COLUMNS,
  piBars,
  piDefinition,
  table,
  valueBars,
  whenCompared,
  withIntervalColumns,
} from "./shared.js";
import { subtitle } from "./subtitle.js";

export function coldStartSection({ analysis: a, bootstrap }: SectionInput): SectionResult {
  const ctx = figureContext(a);
  const { pi, leaders, withoutColdStarts, gaps, pairs, undefinedPi, trialMaxima } = coldStart(a, bootstrap);
  const sentences: string[] = [];
  for (const lead of leaders) {
    if (withoutColdStarts.includes(lead.setting)) {
      sentences.push(messages.noColdStarts(lead.setting));
      continue;
    }
    sentences.push(...leaderSentences(lead.setting, "cold starts (max Cold Start Duration)", lead, { pi, unit: "ms" }));
    const gap = gaps.find((g) => g.setting === lead.setting);
    if (gap) sentences.push(messages.coldStartGap(gap.setting, gap.runtime, gap.function, gap.gapMs));
  }
  if (undefinedPi.length) sentences.push(messages.piUndefined(undefinedPi, "max Cold Start Duration"));
  return {
    id: "cold-start",
    title: "Cold start",
    blocks: [
      markdown(
        `${messages.coldStartIntro()} ${messages.coldStartConvention()} ${piDefinition(a)}${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`,
      ),
      ...whenCompared(
        a,
        figure(
          "cold-start-pi",
          "Performance Index of max Cold Start Duration",
          performanceIndexBars(
            piBars(pi.overall),
            ctx,
            "Performance Index of max Cold Start Duration",
            subtitle(a, "mean over functions; error bars: confidence intervals; higher is better"),
          ),
        ),
      ),
      markdown(bullets(sentences)),
      figure(
        "cold-start-max",
        "Max Cold Start Duration per function and runtime",
        maxValueBars(
          valueBars(pi.perFunction),
          ctx,
          "Max Cold Start Duration per function and runtime",
          "Max Cold Start Duration (ms)",
          subtitle(a, `error bars: confidence intervals${trialMaxima.length ? "; open circles: each trial's max" : ""}; lower is better`),
          trialMaxima,
        ),
      ),
      figure(
        "cold-start-vs-init",
        "Max Cold Start Duration vs max Init Duration",
        coldStartVsInit(
          pairs.flatMap((p) => [
            {
              setting: p.setting,
              function: p.function,
              runtime: p.runtime,
              measure: COLD_START_MEASURES[0]!,
              value: round(p.maxColdStart),
              valueLower: round(p.maxColdStartLower),
              valueUpper: round(p.maxColdStartUpper),
            },
            {
              setting: p.setting,
              function: p.function,
              runtime: p.runtime,
              measure: COLD_START_MEASURES[1]!,
              value: round(p.maxInit),
              valueLower: round(p.maxInitLower),
              valueUpper: round(p.maxInitUpper),
            },
          ]),
          ctx,
          subtitle(a, "darker: max Cold Start; lighter: max Init Duration; error bars: confidence intervals"),
        ),
      ),
      table("cold-start-pi", `Performance Index of max Cold Start Duration per runtime (${messages.unboundedNote()})`, PI_OVERALL_COLUMNS, pi.overall),
      table("cold-start-index", "Max Cold Start Duration (ms) and its Performance Index per function", PI_FUNCTION_COLUMNS, pi.perFunction),
      table(
        "cold-start-max",
        "Max Cold Start and max Init Duration (ms) per function",
        ["setting", "function", "runtime", ...withIntervalColumns(["maxColdStart", "maxInit"])],
        pairs,
      ),
    ],
  };
}
