import type { Analysis } from "../analysis.js";
import { coldStartVsInit, COLD_START_MEASURES } from "../figures/cold-start-vs-init.js";
import { maxValueBars } from "../figures/max-value-bars.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { COLD_START } from "../metrics/cold-start.js";
import { stat } from "../metrics/statistics.js";
import { round } from "../narrative/format.js";
import { messages, type Ranked } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { figure, figureContext, markdown, perFunction, performanceIndexOf, ranking, table, type PiResult } from "./shared.js";
import { subtitle } from "./subtitle.js";

export function coldStart(a: Analysis): PiResult {
  return performanceIndexOf(a, COLD_START, stat.max());
}

export function coldStartSection(a: Analysis): SectionResult {
  const ctx = figureContext(a);
  const pi = coldStart(a);
  const init = perFunction(a, "initDurationMs", [stat.max("maxInit")]);
  const initOf = new Map(init.map((r) => [`${r.setting}|${r.function}|${r.runtime}`, r.maxInit as number | null]));
  const pairs = pi.perFunction.map((r) => ({
    setting: r.setting,
    function: r.function,
    runtime: r.runtime,
    maxColdStart: r.value as number | null,
    maxInit: initOf.get(`${r.setting}|${r.function}|${r.runtime}`) ?? null,
  }));
  const sentences: string[] = [];
  const undefinedPi = [...new Set(pi.perFunction.filter((r) => r.pi === null).map((r) => r.runtime))];
  for (const s of a.settings) {
    const ranked = ranking(pi.overall, s.label) as Ranked[];
    if (ranked.length === 0) {
      sentences.push(messages.noColdStarts(s.label));
      continue;
    }
    sentences.push(messages.piLeader(s.label, "cold starts (max Cold Start Duration)", ranked));
    const gaps = pairs.filter((p) => p.setting === s.label && p.maxColdStart !== null && p.maxInit !== null);
    const top = gaps.sort((x, y) => y.maxColdStart! - y.maxInit! - (x.maxColdStart! - x.maxInit!))[0];
    if (top) sentences.push(messages.coldStartGap(s.label, top.runtime, top.function, top.maxColdStart! - top.maxInit!));
  }
  if (undefinedPi.length) sentences.push(messages.piUndefined(undefinedPi, "max Cold Start Duration"));
  return {
    id: "cold-start",
    title: "Cold start",
    blocks: [
      markdown(`${messages.coldStartIntro()} ${messages.coldStartConvention()} ${messages.piDefinition()}`),
      figure(
        "cold-start-pi",
        "Performance Index of max Cold Start Duration",
        performanceIndexBars(
          pi.overall.map((o) => ({ setting: o.setting, runtime: o.runtime, pi: round(o.pi) })),
          ctx,
          "Performance Index of max Cold Start Duration",
          subtitle(a, "mean over functions; higher is better"),
        ),
      ),
      markdown(sentences.map((s) => `- ${s}`).join("\n")),
      figure(
        "cold-start-max",
        "Max Cold Start Duration per function and runtime",
        maxValueBars(
          pi.perFunction.map((r) => ({ setting: r.setting, function: r.function, runtime: r.runtime, value: round(r.value as number | null) })),
          ctx,
          "Max Cold Start Duration per function and runtime",
          "Max Cold Start Duration (ms)",
          subtitle(a, "lower is better"),
        ),
      ),
      figure(
        "cold-start-vs-init",
        "Max Cold Start Duration vs max Init Duration",
        coldStartVsInit(
          pairs.flatMap((p) => [
            { setting: p.setting, function: p.function, runtime: p.runtime, measure: COLD_START_MEASURES[0]!, value: round(p.maxColdStart) },
            { setting: p.setting, function: p.function, runtime: p.runtime, measure: COLD_START_MEASURES[1]!, value: round(p.maxInit) },
          ]),
          ctx,
          subtitle(a, "darker: max Cold Start; lighter: max Init Duration"),
        ),
      ),
      table("cold-start-pi", "Performance Index of max Cold Start Duration per runtime", ["setting", "runtime", "pi", "functions"], pi.overall),
      table("cold-start-max", "Max Cold Start and max Init Duration (ms) per function", ["setting", "function", "runtime", "maxColdStart", "maxInit"], pairs),
    ],
  };
}
