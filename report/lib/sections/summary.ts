// The Summary: the headline findings, read from the findings layer (never from other sections).
import { billed } from "../findings/billed.js";
import { coldStart } from "../findings/cold-start.js";
import { leadingGains } from "../findings/concurrency-gain.js";
import type { SettingLeaders } from "../findings/leaders.js";
import { memorySizeEffects } from "../findings/memory-size-effect.js";
import { architecturesOf, comparableSizes } from "../findings/memory-sizes.js";
import { memorySweep } from "../findings/memory-sweep.js";
import { memoryUse } from "../findings/memory-use.js";
import type { PiResult } from "../findings/performance-index.js";
import { trialScopeOf } from "../findings/statistics.js";
import { worstCase } from "../findings/worst-case.js";
import { memoryCostMessages } from "../narrative/memory-cost-messages.js";
import { messages, type Ranked } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import type { SectionInput } from "./builder.js";
import { recommendationSentences, strategiesShown } from "./recommendations.js";
import { bullets, markdown, sizesNote, table, whenCompared, withIntervalColumns } from "./shared.js";

/** A headline from a setting's ranked runtimes and those level with the leader. */
type Headline = (setting: string, ranked: Ranked[], level: Ranked[]) => string;

interface Index {
  metric: string;
  pi: PiResult;
  leaders: SettingLeaders[];
  headline: Headline;
}

export function summarySection({ analysis: a, bootstrap, options }: SectionInput): SectionResult {
  const indexes: Index[] = [
    { metric: "worst case", ...worstCase(a, bootstrap), headline: messages.summaryWorstCase },
    { metric: "cold start", ...coldStart(a, bootstrap), headline: messages.summaryColdStart },
    { metric: "memory", ...memoryUse(a, bootstrap), headline: messages.summaryMemory },
    { metric: "billed", ...billed(a, bootstrap), headline: messages.summaryBilled },
  ];
  const findings: string[] = [];
  for (const s of a.settings) {
    for (const { leaders, headline } of indexes) {
      const { ranked, level } = leaders.find((l) => l.setting === s.label)!;
      if (ranked.length >= 2) findings.push(headline(s.label, ranked, level));
    }
  }
  if (findings.length === 0) {
    const alone = indexes[0]!.leaders.flatMap((l) => l.alone);
    const unique = alone.filter((x, i) => alone.findIndex((y) => y.function === x.function && y.runtime === x.runtime) === i);
    findings.push(
      messages.summaryNothingCompares(
        a.runtimes.map((r) => r.label),
        unique,
      ),
    );
  }
  const gains = leadingGains(a, bootstrap);
  if (gains) findings.push(messages.summaryConcurrency(gains.setting, gains.level, gains.all));
  const architectures = architecturesOf(a);
  const effects = [...memorySizeEffects(a, bootstrap)].sort((x, y) => Math.abs(y.worstChangePct) - Math.abs(x.worstChangePct));
  if (effects[0]) {
    const e = effects[0];
    findings.push(messages.summaryMemorySize(architectures.length > 1 ? `${e.runtime} (${e.architecture})` : e.runtime, e.worstChangePct, e.fromMB, e.toMB));
  }
  // Why a memory-size finding is missing, or which datasets it leaves out (different protocols).
  for (const architecture of architectures) {
    const note = sizesNote(comparableSizes(a, architecture).excluded);
    if (note) findings.push(note);
  }

  const sweep = memorySweep(a, bootstrap, options, "picks");
  const swept = sweep.lines.filter((l) => l.points.length >= 2);
  const severalArchitectures = new Set(swept.map((l) => l.architecture)).size > 1;
  const recommended = recommendationSentences(swept, strategiesShown(options), sweep.balancedWeight, severalArchitectures);

  const fixtures = a.data.datasets.filter((d) => d.meta.source.kind === "fixture").map((d) => d.name);
  const rows = indexes.flatMap(({ metric, pi }) =>
    pi.overall.map((o) => ({ metric, setting: o.setting, runtime: o.runtime, pi: o.pi, piLower: o.piLower, piUpper: o.piUpper })),
  );
  return {
    id: "summary",
    title: "Summary",
    blocks: [
      ...(fixtures.length ? [markdown(messages.fixtureWarning(fixtures))] : []),
      markdown(messages.summaryIntro(a.data.datasets.map((d) => d.name))),
      markdown(bullets(findings)),
      ...(recommended.length
        ? [markdown([memoryCostMessages.summaryHeading(strategiesShown(options)), "", ...recommended.map((r) => `- ${r}`)].join("\n"))]
        : []),
      ...whenCompared(a, markdown(`${messages.piDefinition()} ${messages.summaryIntervals(bootstrap.confidence, trialScopeOf(a))}`)),
      table(
        "summary-pi",
        `Overall Performance Index per metric, setting and runtime, with confidence intervals (${messages.unboundedNote()})`,
        ["metric", "setting", "runtime", ...withIntervalColumns(["pi"])],
        rows,
      ),
    ],
  };
}
