import type { Analysis } from "../analysis.js";
import { maxValueBars } from "../figures/max-value-bars.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { stat } from "../metrics/statistics.js";
import { TOTAL_DURATION } from "../metrics/total-duration.js";
import { messages } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { figure, figureContext, leaders, leaderSentences, markdown, performanceIndexOf, PI_FUNCTION_COLUMNS, PI_OVERALL_COLUMNS, piBars, table, valueBars, type PiResult, piDefinition, whenCompared, trialScopeOf, perTrial, trialDisagreements } from "./shared.js";
import { subtitle } from "./subtitle.js";

export function worstCase(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): PiResult {
  return performanceIndexOf(a, TOTAL_DURATION, stat.max(), bootstrap);
}

export function worstCaseSection(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): SectionResult {
  const ctx = figureContext(a);
  const pi = worstCase(a, bootstrap);
  const trialMaxima = perTrial(a, TOTAL_DURATION, stat.max());
  const sentences: string[] = [];
  for (const s of a.settings) {
    const lead = leaders(pi, s.label);
    sentences.push(...leaderSentences(s.label, "the worst case (max Total Duration)", lead, { pi, unit: "ms" }));
    const { ranked } = lead;
    if (ranked.length < 2) continue;
    const rows = pi.perFunction.filter((r) => r.setting === s.label && r.value !== null);
    const best = ranked[0]!.runtime;
    const bestMax = Math.max(...rows.filter((r) => r.runtime === best).map((r) => r.value as number));
    const top = [...rows].sort((x, y) => (y.value as number) - (x.value as number))[0]!;
    if (top.runtime !== best) sentences.push(messages.worstCaseSpread(s.label, best, bestMax, top.runtime, top.value as number, top.function));
  }
  for (const d of trialDisagreements(trialMaxima)) sentences.push(messages.trialsDisagree(d.setting, d.function, "max Total Duration", d.leaders));
  return {
    id: "worst-case",
    title: "Worst case",
    blocks: [
      markdown(`${messages.worstCaseIntro()} ${piDefinition(a)}${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`),
      ...whenCompared(a, figure(
        "worst-case-pi",
        "Performance Index of max Total Duration",
        performanceIndexBars(
          piBars(pi.overall),
          ctx,
          "Performance Index of max Total Duration",
          subtitle(a, "mean over functions; error bars: confidence intervals; higher is better"),
        ),
      )),
      markdown(sentences.map((s) => `- ${s}`).join("\n")),
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
