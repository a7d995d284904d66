import type { Analysis } from "../analysis.js";
import { memoryVsConfigured } from "../figures/memory-vs-configured.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { MAX_MEMORY } from "../metrics/max-memory.js";
import { stat } from "../metrics/statistics.js";
import { round } from "../narrative/format.js";
import { messages, type Ranked } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { figure, figureContext, markdown, performanceIndexOf, ranking, table, type PiResult } from "./shared.js";
import { subtitle } from "./subtitle.js";

export function memoryUse(a: Analysis): PiResult {
  return performanceIndexOf(a, MAX_MEMORY, stat.max());
}

export function memorySection(a: Analysis): SectionResult {
  const ctx = figureContext(a);
  const pi = memoryUse(a);
  const sentences: string[] = [];
  for (const s of a.settings) {
    const ranked = ranking(pi.overall, s.label) as Ranked[];
    if (ranked.length === 0) continue;
    sentences.push(messages.piLeader(s.label, "memory (Max Memory Used)", ranked));
    const top = pi.perFunction.filter((r) => r.setting === s.label && r.value !== null).sort((x, y) => (y.value as number) - (x.value as number))[0];
    if (top) sentences.push(messages.memoryHeadroom(s.label, top.runtime, top.function, top.value as number, s.memoryMB));
  }
  const rows = pi.perFunction.map((r) => ({ setting: r.setting, function: r.function, runtime: r.runtime, value: round(r.value as number | null), configuredMB: r.memoryMB }));
  return {
    id: "memory",
    title: "Memory",
    blocks: [
      markdown(`${messages.memoryIntro()} ${messages.piDefinition()}`),
      figure(
        "memory-pi",
        "Performance Index of Max Memory Used",
        performanceIndexBars(
          pi.overall.map((o) => ({ setting: o.setting, runtime: o.runtime, pi: round(o.pi) })),
          ctx,
          "Performance Index of Max Memory Used",
          subtitle(a, "mean over functions; higher is better"),
        ),
      ),
      markdown(sentences.map((s) => `- ${s}`).join("\n")),
      figure("memory-max", "Max Memory Used per function and runtime", memoryVsConfigured(rows, ctx, subtitle(a, "dashed line: configured memory size"))),
      table("memory-pi", "Performance Index of Max Memory Used per runtime", ["setting", "runtime", "pi", "functions"], pi.overall),
      table("memory-max", "Max Memory Used (MB) per function, with the configured size", ["setting", "function", "runtime", "value", "configuredMB", "pi"], pi.perFunction.map((r, i) => ({ ...r, configuredMB: rows[i]!.configuredMB }))),
    ],
  };
}
