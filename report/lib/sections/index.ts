// buildSection(id, data, options): the one entry point the notebooks and the renderer call per section.
import type { BillingRuleId } from "../../../runners/dataset/contract.js";
import type { Analysis } from "../analysis.js";
import type { PriceTable } from "../cost/index.js";
import type { Datasets } from "../load/datasets.js";
import type { Strategy } from "../recommend/index.js";
import type { SectionId, SectionResult } from "../section.js";
import { bootstrapOptions, type BootstrapOptions } from "../uncertainty/index.js";
import { appendixSection } from "./appendix.js";
import { billedSection } from "./billed.js";
import { analysisUnder } from "./billing-rule.js";
import { coldStartSection } from "./cold-start.js";
import { costSection } from "./cost.js";
import { expectedRangeSection } from "./expected-range.js";
import { memorySection } from "./memory.js";
import { memoryCostMessages } from "../narrative/memory-cost-messages.js";
import { averagesOnly } from "./imported-averages.js";
import { memoryCostSection } from "./memory-cost.js";
import { mitigationsSection } from "./mitigations.js";
import { summarySection } from "./summary.js";
import { tailSection } from "./tail.js";
import { worstCaseSection } from "./worst-case.js";

export interface SectionOptions {
  /** Recompute billed duration (and cost) under this rule for every section (default: as each dataset reports it). */
  billingRule?: BillingRuleId;
  /** A price table (path or validated object) for the cost section (default: the bundled one). */
  prices?: string | PriceTable;
  /** Seed of the confidence intervals' bootstrap (default fixed, so the same inputs give the same report). */
  seed?: number;
  /** Bootstrap resamples per interval (default DEFAULT_BOOTSTRAP.resamples). */
  resamples?: number;
  /** The recommendation strategy named in the text and the Summary (default: all three). */
  strategy?: Strategy;
  /** power-tuning's balancedWeight in [0, 1] (0 = speed, 1 = cost; default 0.5). */
  balancedWeight?: number;
}

type Builder = (a: Analysis, bootstrap: BootstrapOptions, options: SectionOptions) => SectionResult;

const BUILDERS: Record<SectionId, Builder> = {
  summary: summarySection,
  "expected-range": expectedRangeSection,
  "worst-case": worstCaseSection,
  tail: tailSection,
  "cold-start": coldStartSection,
  memory: memorySection,
  billed: billedSection,
  cost: (a, _bootstrap, options) => costSection(a, options),
  "memory-cost": memoryCostSection,
  mitigations: mitigationsSection,
  appendix: appendixSection,
};

export function buildSection(id: SectionId, data: Datasets, options: SectionOptions = {}): SectionResult {
  const build = BUILDERS[id];
  if (!build) throw new Error(`unknown section "${String(id)}" (known: ${Object.keys(BUILDERS).join(", ")})`);
  const analysis = analysisUnder(data, options.billingRule);
  const section = build(analysis, bootstrapOptions({ seed: options.seed, resamples: options.resamples }), options);
  const averages = averagesOnly(analysis);
  // Datasets of averages (an aws-lambda-power-tuning import) appear only in Memory and cost; every
  // other section needs raw invocations and says so.
  if (averages.length === 0 || USES_AVERAGES.includes(id)) return section;
  return { ...section, blocks: [{ kind: "markdown", text: memoryCostMessages.averagesOnly(averages) }, ...section.blocks] };
}

const USES_AVERAGES: readonly SectionId[] = ["memory-cost", "appendix"];
