// The comparison report (npm run report -- --compare <a> <b>): for every group both runs measured
// and every metric, the change, its interval and a verdict; the largest changes as a figure.
import { largestChanges, COMPARISON_METRICS, type Change, type Comparison } from "../compare/index.js";
import { largestChangesBars, type ChangeBar } from "../figures/largest-changes.js";
import { runComparison, type RunComparison } from "../findings/comparison.js";
import type { Datasets } from "../load/datasets.js";
import { compareMessagesFor as say, type ChangeLine, type RunDescription } from "../narrative/compare-messages.js";
import type { Block, Cell } from "../section.js";
import type { SectionOptions } from "./builder.js";

export interface ComparisonOptions extends Omit<SectionOptions, "prices"> {
  /** Smallest relative change that counts (fraction of the baseline, e.g. 0.05). */
  minEffect?: number;
}

export interface ComparisonResult {
  id: "compare";
  title: string;
  blocks: Block[];
}

export const COMPARISON_TITLE = "Comparison of two runs";
/** Bars in the figure, and changes of each verdict spelled out in the text. */
const FIGURE_BARS = 20;
const LISTED = 10;

export const CHANGE_COLUMNS = [
  "runtime",
  "function",
  "memoryMB",
  "architecture",
  "metric",
  "unit",
  "baseline",
  "candidate",
  "change",
  "changeLower",
  "changeUpper",
  "relativePct",
  "verdict",
] as const;

export function buildComparison(baseline: Datasets, candidate: Datasets, options: ComparisonOptions = {}): ComparisonResult {
  // Verdicts only between runs of one protocol: otherwise a change could come from the protocol.
  const found = runComparison(baseline, candidate, options);
  if (!found.comparable) {
    return {
      id: "compare",
      title: COMPARISON_TITLE,
      blocks: [{ kind: "markdown", text: [say.intro(describe(baseline), describe(candidate)), say.notComparable(found.protocols)].join("\n\n") }],
    };
  }
  const { comparison, labelOf, severalArchitectures } = found;
  const where = (g: Record<string, unknown>, code = true) => {
    const fn = code ? `\`${String(g.function)}\`` : String(g.function);
    return `${labelOf(String(g.runtime))} · ${fn} · ${String(g.memoryMB)} MB${severalArchitectures ? ` · ${String(g.architecture)}` : ""}`;
  };
  const fixture = [...baseline.datasets, ...candidate.datasets].some((d) => d.meta.source.kind === "fixture");

  const blocks: Block[] = [
    { kind: "markdown", text: [say.intro(describe(baseline), describe(candidate)), methodText(comparison)].join("\n\n") },
    { kind: "markdown", text: findings(found, where) },
    {
      kind: "figure",
      id: "largest-changes",
      title: "Largest changes",
      spec: largestChangesBars(
        bars(largestChanges(comparison.changes, FIGURE_BARS), (g) => where(g, false)),
        "Largest changes",
        say.figureSubtitle(fixture),
      ),
    },
    changeTable(comparison, labelOf),
  ];
  return { id: "compare", title: COMPARISON_TITLE, blocks };
}

function describe(data: Datasets): RunDescription {
  const first = data.datasets[0]!.meta;
  return { names: data.datasets.map((d) => d.name), target: first.target, createdAt: first.createdAt };
}

function methodText(c: Comparison): string {
  const o = c.options;
  return say.method({
    confidence: o.bootstrap.confidence,
    resamples: o.bootstrap.resamples,
    seed: o.bootstrap.seed,
    minEffect: o.minEffect,
    maxLevel: o.maxLevel,
    maxima: c.changes.filter((x) => x.exceedance).length,
    rule: o.rule,
    trials: o.trials,
  });
}

function findings(
  { comparison: c, regressions, improvements, groups }: Extract<RunComparison, { comparable: true }>,
  where: (g: Record<string, unknown>) => string,
): string {
  const lines = [say.counts(c.changes.length, regressions.length, improvements.length, groups, COMPARISON_METRICS.length), ""];
  const section = (list: Change[], heading: string, none: string) => {
    if (list.length === 0) return lines.push(none, "");
    lines.push(heading, "", ...list.slice(0, LISTED).map((x) => `- ${say.change(line(x, where))}`), "");
  };
  section(regressions, say.regressionsHeading(Math.min(LISTED, regressions.length), regressions.length), say.noRegression());
  section(improvements, say.improvementsHeading(Math.min(LISTED, improvements.length), improvements.length), say.noImprovement());
  if (c.onlyInBaseline.length) lines.push(say.onlyIn("baseline", c.onlyInBaseline.map(where)));
  if (c.onlyInCandidate.length) lines.push(say.onlyIn("candidate", c.onlyInCandidate.map(where)));
  return lines.join("\n").trim();
}

function line(c: Change, where: (g: Record<string, unknown>) => string): ChangeLine {
  return {
    where: where(c.group),
    metric: c.label,
    unit: c.unit as ChangeLine["unit"],
    baseline: c.baseline.estimate,
    candidate: c.candidate.estimate,
    change: c.change.estimate,
    lower: c.change.lower,
    upper: c.change.upper,
    relativePct: c.relative === null ? null : c.relative * 100,
  };
}

function bars(changes: Change[], where: (g: Record<string, unknown>) => string): ChangeBar[] {
  return changes.map((c) => {
    const b = c.baseline.estimate;
    const pct = (x: number) => round3((x / b) * 100);
    return {
      label: `${where(c.group)} · ${c.label}`,
      relativePct: round3(c.relative! * 100)!,
      lowerPct: pct(c.change.lower),
      upperPct: pct(c.change.upper),
      verdict: c.verdict,
    };
  });
}

function changeTable(c: Comparison, labelOf: (name: string) => string): Block {
  const rows = c.changes.map((x): Record<string, Cell> => ({
    runtime: labelOf(String(x.group.runtime)),
    function: String(x.group.function),
    memoryMB: x.group.memoryMB as number,
    architecture: String(x.group.architecture),
    metric: x.label,
    unit: x.unit,
    baseline: round3(x.baseline.estimate),
    candidate: round3(x.candidate.estimate),
    change: round3(x.change.estimate),
    changeLower: round3(x.change.lower),
    changeUpper: round3(x.change.upper),
    relativePct: x.relative === null ? null : round3(x.relative * 100),
    verdict: x.verdict,
  }));
  return { kind: "table", id: "changes", title: "Every change, its interval and verdict", columns: [...CHANGE_COLUMNS], rows };
}

function round3(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null;
}
