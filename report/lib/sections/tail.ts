import type { Analysis } from "../analysis.js";
import { tailLines } from "../figures/tail-lines.js";
import { PERCENTILE_DEFINITION } from "../metrics/percentile.js";
import { stat } from "../metrics/statistics.js";
import { TOTAL_DURATION } from "../metrics/total-duration.js";
import { round } from "../narrative/format.js";
import { messages } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { figure, figureContext, markdown, perFunction, table } from "./shared.js";
import { subtitle } from "./subtitle.js";

/** p95 to p100 in steps of 0.5. */
export const TAIL_PERCENTILES = Array.from({ length: 11 }, (_, i) => 95 + i * 0.5);
const STATS = TAIL_PERCENTILES.map((p) => stat.percentile(p / 100, `p${p}`));

export function tailSection(a: Analysis): SectionResult {
  const ctx = figureContext(a);
  const rows = perFunction(a, TOTAL_DURATION, STATS);
  const lines = rows.flatMap((r) =>
    TAIL_PERCENTILES.map((p) => ({ setting: r.setting, function: r.function, runtime: r.runtime, percentile: p, value: round(r[`p${p}`] as number | null) })),
  );
  const sentences: string[] = [];
  for (const s of a.settings) {
    for (const fn of a.functions) {
      const group = rows.filter((r) => r.setting === s.label && r.function === fn && r.p99 !== null);
      if (group.length === 0) continue;
      const lowest = [...group].sort((x, y) => (x.p99 as number) - (y.p99 as number))[0]!;
      const ratio = (r: (typeof group)[number]) => ((r.p95 as number) > 0 ? (r.p100 as number) / (r.p95 as number) : Infinity);
      const steadiest = [...group].sort((x, y) => ratio(x) - ratio(y))[0]!;
      sentences.push(messages.tailFunction(s.label, fn, lowest.runtime, lowest.p99 as number, steadiest.runtime, ratio(steadiest)));
    }
  }
  return {
    id: "tail",
    title: "Tail",
    blocks: [
      markdown(`${messages.tailIntro()} ${messages.percentileDefinition(PERCENTILE_DEFINITION)}`),
      figure("tail", "Tail of Total Duration (p95 to p100)", tailLines(lines, ctx, subtitle(a, "one panel per function; lower is better"))),
      markdown(sentences.map((s) => `- ${s}`).join("\n")),
      table("tail", "Total Duration (ms) from p95 to p100", ["setting", "function", "runtime", ...STATS.map((s) => s.name)], rows),
    ],
  };
}
