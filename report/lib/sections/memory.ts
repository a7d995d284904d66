import type { Analysis } from "../analysis.js";
import { memoryVsConfigured } from "../figures/memory-vs-configured.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { MAX_MEMORY } from "../metrics/max-memory.js";
import { stat } from "../metrics/statistics.js";
import { messages } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { figure, figureContext, leaders, leaderSentences, markdown, performanceIndexOf, PI_OVERALL_COLUMNS, piBars, table, valueBars, withIntervalColumns, type PiResult, piDefinition, whenCompared, trialScopeOf } from "./shared.js";
import { subtitle } from "./subtitle.js";

export function memoryUse(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): PiResult {
  return performanceIndexOf(a, MAX_MEMORY, stat.max(), bootstrap);
}

export function memorySection(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): SectionResult {
  const ctx = figureContext(a);
  const pi = memoryUse(a, bootstrap);
  const sentences: string[] = [];
  for (const s of a.settings) {
    sentences.push(...leaderSentences(s.label, "memory (Max Memory Used)", leaders(pi, s.label), { pi, unit: "MB" }));
    const top = pi.perFunction.filter((r) => r.setting === s.label && r.value !== null).sort((x, y) => (y.value as number) - (x.value as number))[0];
    if (top) sentences.push(messages.memoryHeadroom(s.label, top.runtime, top.function, top.value as number, s.memoryMB));
  }
  const rows = valueBars(pi.perFunction).map((r, i) => ({ ...r, configuredMB: pi.perFunction[i]!.memoryMB }));
  return {
    id: "memory",
    title: "Memory",
    blocks: [
      markdown(`${messages.memoryIntro()} ${piDefinition(a)}${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`),
      ...whenCompared(a, figure(
        "memory-pi",
        "Performance Index of Max Memory Used",
        performanceIndexBars(
          piBars(pi.overall),
          ctx,
          "Performance Index of Max Memory Used",
          subtitle(a, "mean over functions; error bars: confidence intervals; higher is better"),
        ),
      )),
      markdown(sentences.map((s) => `- ${s}`).join("\n")),
      figure("memory-max", "Max Memory Used per function and runtime", memoryVsConfigured(rows, ctx, subtitle(a, "dashed line: configured memory size; error bars: confidence intervals"))),
      table("memory-pi", "Performance Index of Max Memory Used per runtime", PI_OVERALL_COLUMNS, pi.overall),
      table(
        "memory-max",
        "Max Memory Used (MB) per function, with the configured size",
        ["setting", "function", "runtime", ...withIntervalColumns(["value"]), "configuredMB", ...withIntervalColumns(["pi"])],
        pi.perFunction.map((r, i) => ({ ...r, configuredMB: rows[i]!.configuredMB })),
      ),
    ],
  };
}
