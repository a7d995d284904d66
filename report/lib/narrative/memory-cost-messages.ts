// Every sentence of the Memory and cost section and of its Summary lines, as functions of the
// numbers (STYLE habit 11). The section computes the numbers; this module only words them.
import type { Strategy } from "../recommend/index.js";
import type { StopsHelping } from "../recommend/index.js";
import { usd } from "./cost-messages.js";
import { level, list, mb, ms, pct } from "./format.js";

export interface StrategyPick {
  strategy: Strategy;
  memoryMB: number;
  /** p99 basis: the size ranked second and whether the pick is clear of it. */
  runnerUpMB?: number | null;
  clear?: boolean | null;
}

const strategyName = (s: Strategy, weight: number) => (s === "balanced" ? `balanced (weight ${+weight.toFixed(3)})` : s);

const pickText = (p: StrategyPick, weight: number) =>
  `${strategyName(p.strategy, weight)} ${mb(p.memoryMB)}${p.clear === false && p.runnerUpMB != null ? ` (no clear difference from ${mb(p.runnerUpMB)})` : ""}`;

export const memoryCostMessages = {
  intro: (confidence: number) =>
    `Per runtime and function, Total Duration (p50, p99 and max) and cost per million invocations against memory size, each with its ${level(confidence)} bootstrap interval. Memory sizes are taken from every dataset loaded (the first dataset holding a size, per architecture), so sizes measured in separate runs are compared across runs.`,
  needsTwoSizes: (sizes: number[]) =>
    `**This section needs ≥ 2 memory sizes** of the same runtime and function; these data hold ${sizes.length === 0 ? "none" : `only ${list(sizes.map(mb))}`} per line, so there is no curve, frontier or recommendation to draw. Run the benchmark at several sizes (\`npm run bench -- --memory 128,256,512,1024\` or \`--memory-sweep\`) and load them together.`,
  strategies: (weight: number) =>
    `**Recommendations** follow aws-lambda-power-tuning's strategies exactly (lambda/analyzer.js): *cost* picks the cheapest size (the fastest among equally cheap), *speed* the fastest (the cheapest among equally fast), *balanced* the size minimising weight × cost / max cost + (1 − weight) × duration / max duration, here with weight ${+weight.toFixed(3)} (\`--balanced-weight\`; 0 is speed, 1 is cost). On **power-tuning's averages** they use its own numbers: the 20 % trimmed mean of Total Duration and ⌈trimmed mean billed ms⌉ × the price of a ms at that size, so the same averages pick the same size. **Tail-aware**, lambench runs each strategy on p99 Total Duration and the cost per million (mean billed duration, request fee included), and says *no clear difference* when the best two sizes' intervals overlap (for balanced: the value at both ends' lower and upper bounds).`,
  frontier: () =>
    "The **cost/speed frontier** is the set of memory sizes that no other size of the same runtime and function beats on both cost per million and median Total Duration; every other size is both slower and no cheaper (or dearer and no faster) than some frontier size.",
  costsLess: (runtime: string, fn: string, smallest: { memoryMB: number; usd: number }, cheapest: { memoryMB: number; usd: number }, clear: boolean) =>
    `${runtime} · \`${fn}\`: **more memory costs less** — ${mb(cheapest.memoryMB)} costs ${usd(cheapest.usd)} per million against ${usd(smallest.usd)} at ${mb(smallest.memoryMB)} (${pct(((smallest.usd - cheapest.usd) / smallest.usd) * 100)} less)${clear ? "" : ", though the intervals overlap, so this may be noise"}.`,
  cheapestAtSmallest: (runtime: string, fn: string, smallest: { memoryMB: number; usd: number }) =>
    `${runtime} · \`${fn}\`: the smallest size, ${mb(smallest.memoryMB)}, is the cheapest (${usd(smallest.usd)} per million).`,
  stopsHelping: (statistic: string, s: StopsHelping) => {
    switch (s.kind) {
      case "never helps":
        return `no larger size is clearly faster at ${statistic} than ${mb(s.at.memoryMB)} (${ms(s.at.value)})`;
      case "keeps helping":
        return `${statistic} keeps falling clearly up to the largest size measured (${ms(s.from.value)} at ${mb(s.from.memoryMB)}, ${ms(s.at.value)} at ${mb(s.at.memoryMB)})`;
      case "stops":
        return `${statistic} falls from ${ms(s.from.value)} at ${mb(s.from.memoryMB)} to ${ms(s.at.value)} at ${mb(s.at.memoryMB)}, and **stops helping** there: no larger size up to ${mb(s.largest.memoryMB)} is clearly faster`;
    }
  },
  lineSpeed: (runtime: string, fn: string, parts: string[]) => `${runtime} · \`${fn}\`: ${parts.join("; ")}.`,
  recommendation: (runtime: string, fn: string, averages: StrategyPick[], tail: StrategyPick[], weight: number) =>
    `${runtime} · \`${fn}\`: on power-tuning's averages ${list(averages.map((p) => pickText(p, weight)))}; tail-aware (p99) ${list(tail.map((p) => pickText(p, weight)))}.`,
  summaryHeading: (strategies: Strategy[]) =>
    `Recommended memory size per function (${list(strategies)} strateg${strategies.length === 1 ? "y" : "ies"}; power-tuning's averages, then tail-aware p99 — see Memory and cost):`,
  averagesOnly: (datasets: string[]) =>
    `${list(datasets.map((d) => `**${d}**`))} ${datasets.length > 1 ? "hold" : "holds"} averages only (imported from aws-lambda-power-tuning, no raw invocations): this section needs raw invocations, so ${datasets.length > 1 ? "they are" : "it is"} left out here; the Memory and cost section shows ${datasets.length > 1 ? "them" : "it"}.`,
  noRawInvocations: () =>
    "No dataset here holds raw invocations, so there are no percentiles, intervals or lambench cost to draw; only imported averages follow.",
  importedIntro: (datasets: string[]) =>
    `**Imported averages** (${list(datasets.map((d) => `**${d}**`))}): aws-lambda-power-tuning's own numbers per memory size — its trimmed-mean duration and its average price per invocation (compute only, no request fee), with no intervals, since no raw invocations were imported. The strategies below run on exactly these numbers.`,
  importedPicks: (dataset: string, runtime: string, fn: string, picks: StrategyPick[], weight: number) =>
    `${runtime} · \`${fn}\` (${dataset}): ${list(picks.map((p) => pickText(p, weight)))}.`,
  importedOneSize: (dataset: string, runtime: string, fn: string, memoryMB: number) =>
    `${runtime} · \`${fn}\` (${dataset}): one memory size only (${mb(memoryMB)}), so there is nothing to recommend between.`,
  averagesTitle: () => "Imported averages against memory size",
  averagesSubtitle: () => "aws-lambda-power-tuning's averages; no intervals (no raw invocations imported)",
  averageDurationMeasure: () => "Average duration (ms)",
  averageCostMeasure: () => "Average cost ($ per million, compute only)",
  latencyTitle: () => "Total Duration against memory size (p50, p99, max)",
  latencySubtitle: () => "bars: interval; lower is faster",
  costTitle: () => "Cost per million invocations against memory size",
  costSubtitle: () => "mean billed GB-s × price + request price; bars: interval; lower is cheaper",
  frontierTitle: () => "Cost/speed frontier by memory size",
  frontierSubtitle: () => "filled, joined: on the frontier; hollow: beaten on both by another size; labels: memory (MB)",
};
