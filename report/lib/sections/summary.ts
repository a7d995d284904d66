import type { Analysis } from "../analysis.js";
import { messages, type Ranked } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { billedIndex } from "./billed.js";
import { coldStart } from "./cold-start.js";
import { memoryUse } from "./memory.js";
import { concurrencyGains, memorySizeEffects } from "./mitigations.js";
import { markdown, ranking, table, type PiResult } from "./shared.js";
import { worstCase } from "./worst-case.js";

type Headline = (setting: string, first: Ranked, last: Ranked) => string;

export function summarySection(a: Analysis): SectionResult {
  const indexes: [string, PiResult, Headline][] = [
    ["worst case", worstCase(a), messages.summaryWorstCase],
    ["cold start", coldStart(a), messages.summaryColdStart],
    ["memory", memoryUse(a), messages.summaryMemory],
    ["billed", billedIndex(a), messages.summaryBilled],
  ];
  const findings: string[] = [];
  for (const s of a.settings) {
    for (const [, pi, headline] of indexes) {
      const ranked = ranking(pi.overall, s.label) as Ranked[];
      if (ranked.length >= 2) findings.push(headline(s.label, ranked[0]!, ranked[ranked.length - 1]!));
    }
  }
  const gains = concurrencyGains(a).filter((g) => g.gainPct !== null).sort((x, y) => y.gainPct! - x.gainPct!);
  if (gains[0]) findings.push(messages.summaryConcurrency(gains[0].runtime, gains[0].setting, gains[0].gainPct!));
  const effects = memorySizeEffects(a).sort((x, y) => Math.abs(y.worstChangePct) - Math.abs(x.worstChangePct));
  if (effects[0]) findings.push(messages.summaryMemorySize(effects[0].runtime, effects[0].worstChangePct, effects[0].fromMB, effects[0].toMB));

  const fixtures = a.data.datasets.filter((d) => d.meta.source.kind === "fixture").map((d) => d.name);
  const rows = indexes.flatMap(([metric, pi]) => pi.overall.map((o) => ({ metric, setting: o.setting, runtime: o.runtime, pi: o.pi })));
  return {
    id: "summary",
    title: "Summary",
    blocks: [
      ...(fixtures.length ? [markdown(messages.fixtureWarning(fixtures))] : []),
      markdown(messages.summaryIntro(a.data.datasets.map((d) => d.name))),
      markdown(findings.map((f) => `- ${f}`).join("\n")),
      markdown(messages.piDefinition()),
      table("summary-pi", "Overall Performance Index per metric, setting and runtime", ["metric", "setting", "runtime", "pi"], rows),
    ],
  };
}
