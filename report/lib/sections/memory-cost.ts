// Memory and cost: per runtime and function, Total Duration and cost per million against memory
// size with intervals, the cost/speed frontier, where more memory costs less and where it stops
// helping, and power-tuning's recommendations next to tail-aware ones.
import type { Analysis } from "../analysis.js";
import { costByMemory, type CostPoint } from "../figures/cost-by-memory.js";
import { costSpeedFrontier, type FrontierPoint } from "../figures/cost-speed-frontier.js";
import { averagesByMemory, type AveragePoint } from "../figures/averages-by-memory.js";
import { latencyByMemory, type LatencyPoint } from "../figures/latency-by-memory.js";
import { importedAverages, type ImportedLine } from "../findings/imported-averages.js";
import { lineCosts, type LineCost } from "../findings/memory-cost-lines.js";
import { LATENCY_STATS, memorySweep, type SweepLine } from "../findings/memory-sweep.js";
import { round } from "../narrative/format.js";
import { lowerColumn, upperColumn } from "../uncertainty/index.js";
import { memoryCostMessages as say } from "../narrative/memory-cost-messages.js";
import type { Strategy } from "../recommend/index.js";
import type { Block, SectionResult } from "../section.js";
import type { SectionInput } from "./builder.js";
import { recommendationSentences, strategiesShown, who } from "./recommendations.js";
import { bullets, exactTable, figure, figureContext, markdown, significant, table, withIntervalColumns } from "./shared.js";
import { subtitle } from "./subtitle.js";

export const MEMORY_COST_COLUMNS = [
  "architecture",
  "runtime",
  "function",
  "memoryMB",
  "dataset",
  "invocations",
  ...withIntervalColumns(["p50", "p99", "max", "usdPerMillion"]),
  "ptAverageDurationMs",
  "ptAveragePriceUsdPerMillion",
  "onFrontier",
];
export const RECOMMENDATION_COLUMNS = ["architecture", "runtime", "function", "strategy", "basis", "memoryMB", "runnerUpMB", "clear"];

export function memoryCostSection({ analysis: a, bootstrap, options }: SectionInput): SectionResult {
  const ctx = figureContext(a);
  const sweep = memorySweep(a, bootstrap, options);
  const severalArchitectures = new Set(sweep.lines.map((l) => l.architecture)).size > 1;
  const panelOf = (l: SweepLine) => (severalArchitectures ? `${l.function} · ${l.architecture}` : l.function);
  const functions = [...new Set(sweep.lines.map((l) => l.function))];
  const panels = [...new Set(sweep.lines.map(panelOf))];
  const points = sweep.lines.flatMap((l) => l.points);
  const swept = sweep.lines.filter((l) => l.points.length >= 2);

  const latency: LatencyPoint[] = points.flatMap((p) =>
    LATENCY_STATS.map((s) => ({
      statistic: s.name,
      function: p.function,
      runtime: p.runtime,
      memoryMB: p.memoryMB,
      value: round(p[s.name as "p50"]),
      valueLower: round(p[lowerColumn(s.name as "p50")]),
      valueUpper: round(p[upperColumn(s.name as "p50")]),
    })),
  );
  const costs: CostPoint[] = points.map((p) => ({
    series: p.architecture,
    dataset: p.dataset,
    function: p.function,
    runtime: p.runtime,
    memoryMB: p.memoryMB,
    usdPerMillion: significant(p.usdPerMillion),
    lower: significant(p.usdPerMillionLower),
    upper: significant(p.usdPerMillionUpper),
  }));
  const frontier: FrontierPoint[] = swept.flatMap((l) =>
    l.points.map((p) => ({
      panel: panelOf(l),
      runtime: p.runtime,
      memoryMB: p.memoryMB,
      p50: round(p.p50),
      usdPerMillion: significant(p.usdPerMillion),
      onFrontier: p.onFrontier,
    })),
  );
  const figureCtx = { ...ctx, functions };
  const series = [...new Set(costs.map((c) => c.series))];

  const imported = importedAverages(a, sweep.balancedWeight);
  const blocks: Block[] = [markdown(say.intro(bootstrap.confidence))];
  if (points.length === 0) blocks.push(markdown(say.noRawInvocations()));
  else {
    if (sweep.maxSizes < 2) blocks.push(markdown(say.needsTwoSizes([...new Set(points.map((p) => p.memoryMB))].sort((x, y) => x - y))));
    blocks.push(
      figure(
        "latency-by-memory",
        say.latencyTitle(),
        latencyByMemory(
          latency,
          figureCtx,
          LATENCY_STATS.map((s) => s.name),
          say.latencyTitle(),
          subtitle(a, say.latencySubtitle()),
        ),
      ),
      figure("cost-by-memory", say.costTitle(), costByMemory(costs, figureCtx, series, say.costTitle(), subtitle(a, say.costSubtitle()))),
    );
  }
  if (swept.length > 0) {
    blocks.push(
      figure("cost-speed-frontier", say.frontierTitle(), costSpeedFrontier(frontier, ctx, panels, say.frontierTitle(), subtitle(a, say.frontierSubtitle()))),
      markdown(say.frontier()),
      markdown(bullets(lineCosts(swept).flatMap((l) => lineSentences(l, severalArchitectures)))),
      markdown(say.strategies(sweep.balancedWeight)),
      markdown(bullets(recommendationSentences(swept, strategiesShown(options), sweep.balancedWeight, severalArchitectures))),
    );
  }
  if (imported.length > 0) blocks.push(...importedBlocks(a, imported, sweep.balancedWeight, strategiesShown(options)));
  blocks.push(
    exactTable(
      "memory-cost",
      "Total Duration (ms), cost (USD per million) and power-tuning's averages per memory size, runtime and function",
      MEMORY_COST_COLUMNS,
      points.map((p) => ({ ...p, ptAveragePriceUsdPerMillion: p.ptAveragePriceUsd * 1e6 })),
    ),
    table(
      "recommendations",
      "Recommended memory size per strategy and basis (power-tuning averages, or p99 with intervals)",
      RECOMMENDATION_COLUMNS,
      swept.flatMap((l) => l.recommendations.map((r) => ({ ...r }))),
    ),
  );
  return { id: "memory-cost", title: "Memory and cost", blocks };
}

function lineSentences({ line: l, smallest, cheapest, clearlyCheaper, stopsHelping }: LineCost, severalArchitectures: boolean): string[] {
  const name = who(l, severalArchitectures);
  const cost =
    cheapest.memoryMB === smallest.memoryMB
      ? say.cheapestAtSmallest(name, l.function, { memoryMB: smallest.memoryMB, usd: smallest.usdPerMillion })
      : say.costsLess(
          name,
          l.function,
          { memoryMB: smallest.memoryMB, usd: smallest.usdPerMillion },
          { memoryMB: cheapest.memoryMB, usd: cheapest.usdPerMillion },
          clearlyCheaper,
        );
  return [
    cost,
    say.lineSpeed(
      name,
      l.function,
      stopsHelping.map((s) => say.stopsHelping(s.statistic, s.found)),
    ),
  ];
}

export const IMPORTED_COLUMNS = ["dataset", "architecture", "runtime", "function", "memoryMB", "averageDurationMs", "averagePriceUsdPerMillion"];

function importedBlocks(a: Analysis, imported: ImportedLine[], weight: number, strategies: Strategy[]): Block[] {
  const name = (l: ImportedLine) => `${l.dataset} · ${l.runtime} · ${l.function}`;
  const [duration, cost] = [say.averageDurationMeasure(), say.averageCostMeasure()];
  const rows: AveragePoint[] = imported.flatMap((l) =>
    l.points.flatMap((p) => [
      { line: name(l), measure: duration, memoryMB: p.memoryMB, value: round(p.averageDurationMs) },
      { line: name(l), measure: cost, memoryMB: p.memoryMB, value: significant(p.averagePriceUsd * 1e6) },
    ]),
  );
  const sentences = imported.map((l) =>
    l.picks.length === 0
      ? say.importedOneSize(l.dataset, l.runtime, l.function, l.points[0]!.memoryMB)
      : say.importedPicks(
          l.dataset,
          l.runtime,
          l.function,
          l.picks.filter((p) => strategies.includes(p.strategy)),
          weight,
        ),
  );
  return [
    markdown(say.importedIntro([...new Set(imported.map((l) => l.dataset))])),
    figure(
      "averages-by-memory",
      say.averagesTitle(),
      averagesByMemory(rows, imported.map(name), [duration, cost], say.averagesTitle(), subtitle(a, say.averagesSubtitle())),
    ),
    markdown(sentences.map((t) => `- ${t}`).join("\n")),
    exactTable(
      "imported-averages",
      "Imported averages per memory size (aws-lambda-power-tuning): average duration (ms) and average cost (USD per million, compute only)",
      IMPORTED_COLUMNS,
      imported.flatMap((l) =>
        l.points.map((p) => ({
          dataset: l.dataset,
          architecture: p.architecture,
          runtime: l.runtime,
          function: l.function,
          memoryMB: p.memoryMB,
          averageDurationMs: p.averageDurationMs,
          averagePriceUsdPerMillion: p.averagePriceUsd * 1e6,
        })),
      ),
    ),
  ];
}
