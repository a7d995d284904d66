// Every sentence of the comparison report, as functions of the numbers (STYLE habit 11).
import { list, mb, ms, pct } from "./format.js";
import type { TrialScope } from "../uncertainty/trials.js";

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
  method: (o: {
    confidence: number;
    resamples: number;
    seed: number;
    minEffect: number;
    maxLevel: number;
    maxima: number;
    rule: string;
    trials: { baseline: TrialScope; candidate: TrialScope };
  }) =>
    `Each change carries a ${Math.round(o.confidence * 100)} % bootstrap interval (both runs resampled independently, ${o.resamples.toLocaleString("en-US")} replicates, seed ${o.seed}). ${trialsOfRuns(o.trials)} A change is a **regression** when its interval lies wholly above 0 and it is at least ${pct(o.minEffect * 100)} of the baseline, an **improvement** in the mirror case, and otherwise **no clear difference**. A maximum's bootstrap cannot reach beyond the sample, so a change of a max must also pass an exact exceedance test (how many of one run's values lie beyond the other run's max) at level ${o.maxLevel.toPrecision(2)} (${o.maxima} maxima compared, Bonferroni-corrected). Billed duration: ${o.rule === "as-reported" ? "as each run reports it" : `recomputed under \`${o.rule}\``}.`,
  counts: (total: number, regressions: number, improvements: number, groups: number, metrics: number) =>
    `Of ${total} changes (${groups} groups × up to ${metrics} metrics), **${regressions} ${regressions === 1 ? "is a regression" : "are regressions"}**, **${improvements} ${improvements === 1 ? "is an improvement" : "are improvements"}** and ${total - regressions - improvements} show no clear difference.`,
  change: (c: ChangeLine) =>
    `${c.where}: ${c.metric} ${value(c.baseline, c.unit)} → ${value(c.candidate, c.unit)} (${c.relativePct === null ? "baseline 0" : signedPct(c.relativePct)}; change ${signed(c.change, c.unit)}, interval ${signed(c.lower, c.unit)} … ${signed(c.upper, c.unit)}).`,
  regressionsHeading: (shown: number, total: number) => `**Regressions**${shown < total ? ` (the ${shown} largest of ${total}; the table has all)` : ""}:`,
  improvementsHeading: (shown: number, total: number) => `**Improvements**${shown < total ? ` (the ${shown} largest of ${total}; the table has all)` : ""}:`,
  notComparable: (groups: readonly { datasets: string[]; fields: Record<string, string> }[]) =>
    `**No verdicts**: the runs were measured under different protocols (${groups
      .map(
        (g) =>
          `${list(g.datasets)}: ${Object.entries(g.fields)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}`,
      )
      .join(
        "; ",
      )}), so a change between them could come from the protocol rather than from the code or the platform. Compare runs of one protocol: rerun the candidate with the baseline's options.`,
  noRegression: () => "**No regression**: no change of any metric is both clearly above 0 and large enough to count.",
  noImprovement: () => "No improvement: no change of any metric is both clearly below 0 and large enough to count.",
  onlyIn: (side: "baseline" | "candidate", groups: string[]) => `Only in the ${side} (not compared): ${list(groups)}.`,
  figureSubtitle: (fixture: boolean) =>
    `relative change, candidate vs baseline; bars: ${fixture ? "interval — FIXTURE DATA (made-up numbers for tests)" : "interval"}`,
};

/** Whether the changes' intervals include run-to-run variation, from each run's trial counts. */
function trialsOfRuns(t: { baseline: TrialScope; candidate: TrialScope }): string {
  const count = (x: TrialScope) => (x.min === x.max ? `${x.min} trial${x.min === 1 ? "" : "s"}` : `${x.min} to ${x.max} trials`);
  const both = `The baseline has ${count(t.baseline)} per group and the candidate ${count(t.candidate)}.`;
  if (t.baseline.min >= 2 && t.candidate.min >= 2)
    return `${both} Each run is resampled at two levels (trials, then invocations within them, calibrated for the number of trials; see the report's Method section), so the intervals include run-to-run variation.`;
  if (t.baseline.max <= 1 && t.candidate.max <= 1)
    return `${both} **Run-to-run variation was not measured**: the intervals describe the spread of invocations inside each run, so two runs of the same code can differ by more than they allow and show "changes" that are noise; measure each run in several trials for verdicts that hold on identical runs.`;
  return `${both} Groups with several trials are resampled at two levels (trials, then invocations); for groups with one trial, **run-to-run variation was not measured**.`;
}
