import { memoryVsConfigured } from "../figures/memory-vs-configured.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { memoryUse } from "../findings/memory-use.js";
import { trialScopeOf } from "../findings/statistics.js";
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
  piDefinition,
  table,
  valueBar,
  whenCompared,
  withIntervalColumns,
} from "./shared.js";
import { subtitle } from "./subtitle.js";

export function memorySection({ analysis: a, bootstrap }: SectionInput): SectionResult {
  const ctx = figureContext(a);
  const { pi, leaders, headroom } = memoryUse(a, bootstrap);
  const sentences: string[] = [];
  for (const lead of leaders) {
    sentences.push(...leaderSentences(lead.setting, "memory (Max Memory Used)", lead, { pi, unit: "MB" }));
    const top = headroom.find((h) => h.setting === lead.setting);
    if (top) sentences.push(messages.memoryHeadroom(top.setting, top.runtime, top.function, top.maxMemoryMB, top.configuredMB));
  }
  return {
    id: "memory",
    title: "Memory",
    blocks: [
      markdown(`${messages.memoryIntro()} ${piDefinition(a)}${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`),
      ...whenCompared(
        a,
        figure(
          "memory-pi",
          "Performance Index of Max Memory Used",
          performanceIndexBars(
            piBars(pi.overall),
            ctx,
            "Performance Index of Max Memory Used",
            subtitle(a, "mean over functions; error bars: confidence intervals; higher is better"),
          ),
        ),
      ),
      markdown(bullets(sentences)),
      figure(
        "memory-max",
        "Max Memory Used per function and runtime",
        memoryVsConfigured(
          pi.perFunction.map((r) => ({ ...valueBar(r), configuredMB: r.memoryMB })),
          ctx,
          subtitle(a, "dashed line: configured memory size; error bars: confidence intervals"),
        ),
      ),
      table("memory-pi", "Performance Index of Max Memory Used per runtime", PI_OVERALL_COLUMNS, pi.overall),
      table(
        "memory-max",
        "Max Memory Used (MB) per function, with the configured size",
        ["setting", "function", "runtime", ...withIntervalColumns(["value"]), "configuredMB", ...withIntervalColumns(["pi"])],
        pi.perFunction.map((r) => ({ ...r, configuredMB: r.memoryMB })),
      ),
    ],
  };
}
