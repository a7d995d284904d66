// Every sentence of the comparison report, as functions of the numbers (STYLE habit 11).
import { list, mb, ms, pct } from "./format.js";

export interface RunDescription {
  names: string[];
  target: string;
  createdAt: string;
}

export interface ChangeLine {
  /** "Node.js · `search` · 128 MB" */
  where: string;
  metric: string;
  unit: "ms" | "MB";
  baseline: number;
  candidate: number;
  change: number;
  lower: number;
  upper: number;
  /** %; null when the baseline is 0. */
  relativePct: number | null;
}

const value = (x: number, unit: "ms" | "MB") => (unit === "ms" ? ms(Math.abs(x)) : mb(Math.abs(x)));
const signed = (x: number, unit: "ms" | "MB") => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${value(x, unit)}`;
const signedPct = (x: number) => `${x > 0 ? "+" : ""}${pct(x)}`;
const run = (r: RunDescription) => `${list(r.names.map((n) => `**${n}**`))} (${r.target}, created ${r.createdAt})`;

export const compareMessagesFor = {
  intro: (baseline: RunDescription, candidate: RunDescription) =>
    `This report compares the **candidate** run ${run(candidate)} with the **baseline** run ${run(baseline)}, group by group: the same runtime and function at the same memory size and architecture. A change is candidate − baseline, so a positive change is slower or larger (every metric here is lower-is-better).`,
  method: (o: { confidence: number; resamples: number; seed: number; minEffect: number; maxLevel: number; maxima: number; rule: string }) =>
    `Each change carries a ${Math.round(o.confidence * 100)} % percentile-bootstrap interval (both runs resampled independently, ${o.resamples.toLocaleString("en-US")} replicates, seed ${o.seed}). A change is a **regression** when its interval lies wholly above 0 and it is at least ${pct(o.minEffect * 100)} of the baseline, an **improvement** in the mirror case, and otherwise **no clear difference**. A maximum's bootstrap cannot reach beyond the sample, so a change of a max must also pass an exact exceedance test (how many of one run's values lie beyond the other run's max) at level ${o.maxLevel.toPrecision(2)} (${o.maxima} maxima compared, Bonferroni-corrected). Billed duration: ${o.rule === "as-reported" ? "as each run reports it" : `recomputed under \`${o.rule}\``}.`,
  counts: (total: number, regressions: number, improvements: number, groups: number, metrics: number) =>
    `Of ${total} changes (${groups} groups × up to ${metrics} metrics), **${regressions} ${regressions === 1 ? "is a regression" : "are regressions"}**, **${improvements} ${improvements === 1 ? "is an improvement" : "are improvements"}** and ${total - regressions - improvements} show no clear difference.`,
  change: (c: ChangeLine) =>
    `${c.where}: ${c.metric} ${value(c.baseline, c.unit)} → ${value(c.candidate, c.unit)} (${c.relativePct === null ? "baseline 0" : signedPct(c.relativePct)}; change ${signed(c.change, c.unit)}, interval ${signed(c.lower, c.unit)} … ${signed(c.upper, c.unit)}).`,
  regressionsHeading: (shown: number, total: number) => `**Regressions**${shown < total ? ` (the ${shown} largest of ${total}; the table has all)` : ""}:`,
  improvementsHeading: (shown: number, total: number) => `**Improvements**${shown < total ? ` (the ${shown} largest of ${total}; the table has all)` : ""}:`,
  noRegression: () => "**No regression**: no change of any metric is both clearly above 0 and large enough to count.",
  noImprovement: () => "No improvement: no change of any metric is both clearly below 0 and large enough to count.",
  onlyIn: (side: "baseline" | "candidate", groups: string[]) =>
    `Only in the ${side} (not compared): ${list(groups)}.`,
  figureSubtitle: (fixture: boolean) =>
    `relative change, candidate vs baseline; bars: ${fixture ? "interval — FIXTURE DATA (made-up numbers for tests)" : "interval"}`,
};
