import type { Analysis } from "../analysis.js";
import { memoryCostMessages } from "../narrative/memory-cost-messages.js";
import { messages, type Ranked } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { billedIndex } from "./billed.js";
import { coldStart } from "./cold-start.js";
import { memoryUse } from "./memory.js";
import type { SectionOptions } from "./index.js";
import { recommendationSentences, strategiesShown } from "./memory-cost.js";
import { memorySweep } from "./memory-sweep.js";
import { architecturesOf, comparableSizes, leadingGains, memorySizeEffects } from "./mitigations.js";
import { leaders, markdown, whenCompared, table, withIntervalColumns, type PiResult, trialScopeOf } from "./shared.js";
import { worstCase } from "./worst-case.js";

/** A headline from a setting's ranked runtimes and those level with the leader. */
type Headline = (setting: string, ranked: Ranked[], level: Ranked[]) => string;

export function summarySection(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP, options: SectionOptions = {}): SectionResult {
  const indexes: [string, PiResult, Headline][] = [
    ["worst case", worstCase(a, bootstrap), messages.summaryWorstCase],
    ["cold start", coldStart(a, bootstrap), messages.summaryColdStart],
    ["memory", memoryUse(a, bootstrap), messages.summaryMemory],
    ["billed", billedIndex(a, bootstrap), messages.summaryBilled],
  ];
  const findings: string[] = [];
  for (const s of a.settings) {
    for (const [, pi, headline] of indexes) {
      const { ranked, level } = leaders(pi, s.label);
      if (ranked.length >= 2) findings.push(headline(s.label, ranked, level));
    }
  }
  if (findings.length === 0) {
    const alone = a.settings.flatMap((s) => leaders(indexes[0]![1], s.label).alone);
    const unique = alone.filter((x, i) => alone.findIndex((y) => y.function === x.function && y.runtime === x.runtime) === i);
    findings.push(messages.summaryNothingCompares(a.runtimes.map((r) => r.label), unique));
  }
  const gains = leadingGains(a, bootstrap);
  if (gains) findings.push(messages.summaryConcurrency(gains.setting, gains.level, gains.all));
  const architectures = new Set(a.settings.map((s) => s.architecture)).size;
  const effects = memorySizeEffects(a, bootstrap).sort((x, y) => Math.abs(y.worstChangePct) - Math.abs(x.worstChangePct));
  if (effects[0]) {
    const e = effects[0];
    findings.push(messages.summaryMemorySize(architectures > 1 ? `${e.runtime} (${e.architecture})` : e.runtime, e.worstChangePct, e.fromMB, e.toMB));
  }
  // Why a memory-size finding is missing, or which datasets it leaves out (different protocols).
  for (const architecture of architecturesOf(a)) {
    const { note } = comparableSizes(a, architecture);
    if (note) findings.push(note);
  }

  const sweep = memorySweep(a, bootstrap, options, "picks");
  const swept = sweep.lines.filter((l) => l.points.length >= 2);
  const severalArchitectures = new Set(swept.map((l) => l.architecture)).size > 1;
  const recommended = recommendationSentences(swept, strategiesShown(options), sweep.balancedWeight, severalArchitectures);

  const fixtures = a.data.datasets.filter((d) => d.meta.source.kind === "fixture").map((d) => d.name);
  const rows = indexes.flatMap(([metric, pi]) => pi.overall.map((o) => ({ metric, setting: o.setting, runtime: o.runtime, pi: o.pi, piLower: o.piLower, piUpper: o.piUpper })));
  return {
    id: "summary",
    title: "Summary",
    blocks: [
      ...(fixtures.length ? [markdown(messages.fixtureWarning(fixtures))] : []),
      markdown(messages.summaryIntro(a.data.datasets.map((d) => d.name))),
      markdown(findings.map((f) => `- ${f}`).join("\n")),
      ...(recommended.length ? [markdown([memoryCostMessages.summaryHeading(strategiesShown(options)), "", ...recommended.map((r) => `- ${r}`)].join("\n"))] : []),
      ...whenCompared(a, markdown(`${messages.piDefinition()} ${messages.summaryIntervals(bootstrap.confidence, trialScopeOf(a))}`)),
      table("summary-pi", `Overall Performance Index per metric, setting and runtime, with confidence intervals (${messages.unboundedNote()})`, ["metric", "setting", "runtime", ...withIntervalColumns(["pi"])], rows),
    ],
  };
}
