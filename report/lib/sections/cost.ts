// Cost: dollars per million invocations per runtime, function and memory size, under the billing
// rule in force and the dated price table; the "more memory can be cheaper" cases when they occur.
import type { CostRow } from "../cost/index.js";
import { costByMemory, type CostPoint } from "../figures/cost-by-memory.js";
import { cost, type Cost } from "../findings/cost.js";
import { trialScopeOf } from "../findings/statistics.js";
import { costMessagesFor as say } from "../narrative/cost-messages.js";
import type { Block, SectionResult } from "../section.js";
import type { SectionInput } from "./builder.js";
import { bullets, exactTable, figure, figureContext, markdown, significant } from "./shared.js";
import { subtitle } from "./subtitle.js";

/** Memory-size cases spelled out in the text; the table has them all. */
const MEMORY_CASES_SHOWN = 8;

export const COST_COLUMNS = [
  "dataset",
  "architecture",
  "memoryMB",
  "runtime",
  "function",
  "rule",
  "invocations",
  "meanBilledMs",
  "meanGbSeconds",
  "computeUsdPerMillion",
  "requestUsdPerMillion",
  "usdPerMillion",
  "usdPerMillionLower",
  "usdPerMillionUpper",
] as const;

export function costSection({ analysis: a, bootstrap, options }: SectionInput): SectionResult {
  const ctx = figureContext(a);
  const found = cost(a, bootstrap, options);
  const { rule, rows, prices, labelOf, functions, severalArchitectures, pooled } = found;
  const seriesOf = (r: CostRow) =>
    pooled ? (severalArchitectures ? r.architecture : "all datasets") : `${String(r.dataset)}${severalArchitectures ? ` · ${r.architecture}` : ""}`;
  const series = [...new Set(rows.map(seriesOf))];
  const sentences = found.comparisons.map((c) =>
    c.dearest === null
      ? say.onlyOneRuntime(c.setting, c.function, c.cheapest.runtime, c.cheapest.usd)
      : say.cheapest({ setting: c.setting, function: c.function, cheapest: c.cheapest, dearest: c.dearest, clear: c.clear }),
  );
  const points: CostPoint[] = rows.map((r) => ({
    series: seriesOf(r),
    dataset: String(r.dataset),
    function: r.function as string,
    runtime: labelOf(r.runtime as string),
    memoryMB: r.memoryMB,
    usdPerMillion: significant(r.usdPerMillion),
    lower: significant(r.usdPerMillionLower),
    upper: significant(r.usdPerMillionUpper),
  }));
  const title = "Cost per million invocations by memory size";
  const blocks: Block[] = [
    markdown(
      [
        say.formula(),
        say.ruleInForce(
          rule,
          a.data.datasets.map((d) => ({ dataset: d.name, rule: d.meta.billing.rule })),
        ),
        say.priceTable(prices.table, prices.shown),
      ].join("\n\n"),
    ),
    figure("cost-by-memory", title, costByMemory(points, { ...ctx, functions }, series, title, subtitle(a, say.figureSubtitle()))),
    markdown([say.intervalNote(bootstrap.confidence, trialScopeOf(a)), "", ...sentences.map((s) => `- ${s}`)].join("\n")),
    markdown(memorySentences(found)),
    costTable(rows, labelOf),
  ];
  return { id: "cost", title: "Cost", blocks };
}

function memorySentences({ rows, labelOf, severalArchitectures, pooled, oneMemorySize, moreMemoryCheaper: cases }: Cost): string {
  if (oneMemorySize) return say.oneMemorySize();
  const datasets = [...new Set(rows.map((r) => String(r.dataset)))];
  const across = pooled ? [say.acrossDatasets(datasets), ""] : [];
  if (cases.length === 0) return [...across, say.neverCheaper()].join("\n");
  const shown = cases.slice(0, MEMORY_CASES_SHOWN).map((c) =>
    say.moreMemoryCheaper({
      runtime: labelOf(String(c.keys.runtime)),
      function: String(c.keys.function),
      where: pooled
        ? severalArchitectures
          ? String(c.keys.architecture)
          : "across datasets"
        : `${String(c.keys.dataset)}${severalArchitectures ? `, ${String(c.keys.architecture)}` : ""}`,
      smallerMB: c.smallerMB,
      largerMB: c.largerMB,
      smallerUsd: c.smallerUsdPerMillion,
      largerUsd: c.largerUsdPerMillion,
      savingPct: c.savingPct,
      clear: c.clear,
    }),
  );
  const rest = cases.length - shown.length;
  return [...across, say.moreMemoryCheaperHeading(cases.length), "", bullets(shown), ...(rest > 0 ? [`- ${say.moreMemoryCheaperMore(rest)}`] : [])].join("\n");
}

function costTable(rows: CostRow[], labelOf: (name: string) => string): Block {
  const labelled = rows.map((r) => ({ ...r, runtime: labelOf(r.runtime as string) }));
  return exactTable("cost", "Cost per million invocations (USD) per dataset, memory size, runtime and function", [...COST_COLUMNS], labelled);
}
