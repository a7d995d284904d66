// The recommendation sentences the Memory and cost section and the Summary both print: one per
// swept line, naming its pick per strategy shown on both bases.
import type { Recommendation, SweepLine } from "../findings/memory-sweep.js";
import { memoryCostMessages as say, type StrategyPick } from "../narrative/memory-cost-messages.js";
import { STRATEGIES, type Strategy } from "../recommend/index.js";
import type { SectionOptions } from "./builder.js";

/** The strategies named in the text and the Summary: the one chosen with --strategy, or all three. */
export const strategiesShown = (options: SectionOptions): Strategy[] => (options.strategy ? [options.strategy] : [...STRATEGIES]);

/** A line's runtime, with its architecture when several are present. */
export const who = (l: SweepLine, severalArchitectures: boolean): string => (severalArchitectures ? `${l.runtime} (${l.architecture})` : l.runtime);

/** One sentence per swept line naming its pick per strategy shown, on both bases. */
export function recommendationSentences(lines: SweepLine[], strategies: Strategy[], weight: number, severalArchitectures: boolean): string[] {
  const picks = (rs: Recommendation[], basis: Recommendation["basis"]): StrategyPick[] =>
    strategies.flatMap((s) =>
      rs.filter((r) => r.strategy === s && r.basis === basis).map((r) => ({ strategy: s, memoryMB: r.memoryMB, runnerUpMB: r.runnerUpMB, clear: r.clear })),
    );
  return lines
    .filter((l) => l.recommendations.length > 0)
    .map((l) =>
      say.recommendation(who(l, severalArchitectures), l.function, picks(l.recommendations, "power-tuning averages"), picks(l.recommendations, "p99"), weight),
    );
}
