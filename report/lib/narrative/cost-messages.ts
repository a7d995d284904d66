// Every sentence of the cost section, as functions of the numbers (STYLE habit 11). The section
// computes the numbers; this module only words them.
import { BILLING_RULES, type BillingRuleId } from "../../../runners/dataset/contract.js";
import type { PriceTable } from "../cost/prices.js";
import { factor, list, pct } from "./format.js";
import { trialsNote } from "./messages.js";
import type { TrialScope } from "../uncertainty/trials.js";

/** Dollars: cents resolution above $1 (and for whole cents), three significant digits below. */
export function usd(x: number): string {
  if (x >= 1000) return `$${Math.round(x).toLocaleString("en-US")}`;
  if (x >= 1 || Math.abs(x * 100 - Math.round(x * 100)) < 1e-9) return `$${x.toFixed(2)}`;
  return `$${x.toPrecision(3)}`;
}

const trimZeros = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);

export interface CheapestCase {
  setting: string;
  function: string;
  cheapest: { runtime: string; usd: number };
  dearest: { runtime: string; usd: number };
  /** True when the two runtimes' intervals do not overlap. */
  clear: boolean;
}

export interface MemoryCase {
  runtime: string;
  function: string;
  where: string;
  smallerMB: number;
  largerMB: number;
  smallerUsd: number;
  largerUsd: number;
  savingPct: number;
  clear: boolean;
}

export const costMessagesFor = {
  formula: () =>
    "Cost per million invocations = mean billed GB-seconds per invocation × price per GB-second × 1,000,000 + price per million requests, where billed GB-seconds = billed duration (s) × configured memory (GB, 1 GB = 1,024 MB). The price depends on the architecture (x86_64 or arm64). The free tier is not deducted.",
  ruleInForce: (rule: BillingRuleId, recorded: { dataset: string; rule: string }[]) =>
    rule === "as-reported"
      ? `Billed duration is taken **as each dataset reports it**: ${list(recorded.map((r) => `${r.dataset} under \`${r.rule}\``))}. Rerun with \`--billing-rule aws-2025-08\` or \`aws-pre-2025-08\` to recompute every dataset under one rule.`
      : `Billed duration is **recomputed under \`${rule}\`** (report option \`--billing-rule\`): ${BILLING_RULES[rule].description}`,
  recomputedRule: (description: string, rule: BillingRuleId, recorded: string) =>
    `${description} Recomputed for this report (--billing-rule ${rule}); the dataset recorded ${recorded}.`,
  priceTable: (t: PriceTable, shown: string) =>
    [
      `**Prices** (${t.currency}, ${t.region}, ${t.tier}), retrieved **${t.retrieved}**, from ${shown}:`,
      "",
      ...Object.entries(t.architectures).map(
        ([arch, p]) => `- ${arch}: $${trimZeros(p.usdPerGbSecond.toFixed(10))} per GB-second, ${usd(p.usdPerMillionRequests)} per million requests`,
      ),
      "",
      `Sources: ${t.sources.map((s) => `[${s.name}](${s.url})`).join("; ")}.`,
    ].join("\n"),
  intervalNote: (confidence: number, trials: TrialScope) =>
    `Each cost carries a ${Math.round(confidence * 100)} % bootstrap interval of its mean billed duration (cost is linear in it); "clearly" below means the intervals do not overlap. ${trialsNote(trials)}`,
  cheapest: (c: CheapestCase) =>
    `In **${c.setting}**, \`${c.function}\` costs least on ${c.cheapest.runtime} (${usd(c.cheapest.usd)} per million) and most on ${c.dearest.runtime} (${usd(c.dearest.usd)}, ${factor(c.dearest.usd / c.cheapest.usd)} as much)${c.clear ? "" : "; their intervals overlap, so the gap may be noise"}.`,
  onlyOneRuntime: (setting: string, fn: string, runtime: string, cost: number) =>
    `In **${setting}**, only ${runtime} has data for \`${fn}\` (${usd(cost)} per million), so there is nothing to compare.`,
  moreMemoryCheaperHeading: (count: number) =>
    `**More memory can be cheaper**: in ${count} case${count === 1 ? "" : "s"} a larger memory size costs less per million invocations than a smaller one of the same runtime and function (possible when the extra CPU shortens the billed duration more than the price per second grows).`,
  moreMemoryCheaper: (c: MemoryCase) =>
    `${c.runtime} · \`${c.function}\` (${c.where}): ${c.largerMB} MB costs ${usd(c.largerUsd)} per million against ${usd(c.smallerUsd)} at ${c.smallerMB} MB, ${pct(c.savingPct)} less${c.clear ? ", and the intervals do not overlap" : ", though the intervals overlap, so this may be noise"}.`,
  moreMemoryCheaperMore: (rest: number) => `…and ${rest} more (see the table).`,
  acrossDatasets: (datasets: string[]) =>
    `Each memory size was measured in one dataset only (${list(datasets)}), so memory sizes are compared across these datasets.`,
  neverCheaper: () =>
    "In these data **more memory never costs less**: for every runtime and function, each larger memory size costs more per million invocations than every smaller one.",
  oneMemorySize: () =>
    "Each dataset holds **one memory size** per architecture, so whether more memory can be cheaper cannot be seen here: run the benchmark at two or more memory sizes in one dataset.",
  figureSubtitle: () => "mean billed GB-s × price + request price; bars: interval; lower is cheaper",
};
