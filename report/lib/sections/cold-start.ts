import type { Analysis } from "../analysis.js";
import { coldStartVsInit, COLD_START_MEASURES } from "../figures/cold-start-vs-init.js";
import { maxValueBars } from "../figures/max-value-bars.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { COLD_START } from "../metrics/cold-start.js";
import { stat } from "../metrics/statistics.js";
import { round } from "../narrative/format.js";
import { messages } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { figure, figureContext, leaders, leaderSentences, ranking, markdown, perFunction, performanceIndexOf, PI_FUNCTION_COLUMNS, PI_OVERALL_COLUMNS, piBars, table, valueBars, withIntervalColumns, type PiResult, piDefinition, whenCompared, trialScopeOf, perTrial } from "./shared.js";
import { subtitle } from "./subtitle.js";

export function coldStart(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): PiResult {
  return performanceIndexOf(a, COLD_START, stat.max(), bootstrap);
}

export function coldStartSection(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): SectionResult {
  const ctx = figureContext(a);
  const pi = coldStart(a, bootstrap);
  const trialMaxima = perTrial(a, COLD_START, stat.max());
  const init = perFunction(a, "initDurationMs", [stat.max("maxInit")], a.functions, bootstrap);
  const initOf = new Map(init.map((r) => [`${r.setting}|${r.function}|${r.runtime}`, r]));
  const pairs = pi.perFunction.map((r) => {
    const i = initOf.get(`${r.setting}|${r.function}|${r.runtime}`);
    return {
      setting: r.setting,
      function: r.function,
      runtime: r.runtime,
      maxColdStart: r.value as number | null,
      maxColdStartLower: r.valueLower as number | null,
      maxColdStartUpper: r.valueUpper as number | null,
      maxInit: (i?.maxInit as number | null | undefined) ?? null,
      maxInitLower: (i?.maxInitLower as number | null | undefined) ?? null,
      maxInitUpper: (i?.maxInitUpper as number | null | undefined) ?? null,
    };
  });
  const sentences: string[] = [];
  const undefinedPi = [...new Set(pi.perFunction.filter((r) => r.pi === null).map((r) => r.runtime))];
  for (const s of a.settings) {
    if (ranking(pi.overall, s.label).length === 0) {
      sentences.push(messages.noColdStarts(s.label));
      continue;
    }
    sentences.push(...leaderSentences(s.label, "cold starts (max Cold Start Duration)", leaders(pi, s.label), { pi, unit: "ms" }));
    const gaps = pairs.filter((p) => p.setting === s.label && p.maxColdStart !== null && p.maxInit !== null);
    const top = gaps.sort((x, y) => y.maxColdStart! - y.maxInit! - (x.maxColdStart! - x.maxInit!))[0];
    if (top) sentences.push(messages.coldStartGap(s.label, top.runtime, top.function, top.maxColdStart! - top.maxInit!));
  }
  if (undefinedPi.length) sentences.push(messages.piUndefined(undefinedPi, "max Cold Start Duration"));
  return {
    id: "cold-start",
    title: "Cold start",
    blocks: [
      markdown(`${messages.coldStartIntro()} ${messages.coldStartConvention()} ${piDefinition(a)}${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`),
      ...whenCompared(a, figure(
        "cold-start-pi",
        "Performance Index of max Cold Start Duration",
        performanceIndexBars(
          piBars(pi.overall),
          ctx,
          "Performance Index of max Cold Start Duration",
          subtitle(a, "mean over functions; error bars: confidence intervals; higher is better"),
        ),
      )),
      markdown(sentences.map((s) => `- ${s}`).join("\n")),
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
            { setting: p.setting, function: p.function, runtime: p.runtime, measure: COLD_START_MEASURES[0]!, value: round(p.maxColdStart), valueLower: round(p.maxColdStartLower), valueUpper: round(p.maxColdStartUpper) },
            { setting: p.setting, function: p.function, runtime: p.runtime, measure: COLD_START_MEASURES[1]!, value: round(p.maxInit), valueLower: round(p.maxInitLower), valueUpper: round(p.maxInitUpper) },
          ]),
          ctx,
          subtitle(a, "darker: max Cold Start; lighter: max Init Duration; error bars: confidence intervals"),
        ),
      ),
      table("cold-start-pi", `Performance Index of max Cold Start Duration per runtime (${messages.unboundedNote()})`, PI_OVERALL_COLUMNS, pi.overall),
      table("cold-start-index", "Max Cold Start Duration (ms) and its Performance Index per function", PI_FUNCTION_COLUMNS, pi.perFunction),
      table("cold-start-max", "Max Cold Start and max Init Duration (ms) per function", ["setting", "function", "runtime", ...withIntervalColumns(["maxColdStart", "maxInit"])], pairs),
    ],
  };
}
