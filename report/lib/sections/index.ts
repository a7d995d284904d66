// buildSection(id, data, options): the one entry point the notebooks and the renderer call per section.
import type { Datasets } from "../load/datasets.js";
import { averagesOnly } from "../findings/imported-averages.js";
import { memoryCostMessages } from "../narrative/memory-cost-messages.js";
import type { SectionId, SectionResult } from "../section.js";
import { bootstrapOptions } from "../uncertainty/index.js";
import { appendixSection } from "./appendix.js";
import { billedSection } from "./billed.js";
import { analysisUnder } from "../billing-rule.js";
import type { SectionBuilder, SectionOptions } from "./builder.js";
import { coldStartSection } from "./cold-start.js";
import { costSection } from "./cost.js";
import { expectedRangeSection } from "./expected-range.js";
import { labCalibrationSection } from "./lab-calibration.js";
import { memoryCostSection } from "./memory-cost.js";
import { memorySection } from "./memory.js";
import { mitigationsSection } from "./mitigations.js";
import { summarySection } from "./summary.js";
import { tailSection } from "./tail.js";
import { worstCaseSection } from "./worst-case.js";

export type { SectionBuilder, SectionInput, SectionOptions } from "./builder.js";

const BUILDERS: Record<SectionId, SectionBuilder> = {
  summary: summarySection,
  "expected-range": expectedRangeSection,
  "worst-case": worstCaseSection,
  tail: tailSection,
  "cold-start": coldStartSection,
  memory: memorySection,
  billed: billedSection,
  cost: costSection,
  "memory-cost": memoryCostSection,
  mitigations: mitigationsSection,
  appendix: appendixSection,
  "lab-calibration": labCalibrationSection,
};

export function buildSection(id: SectionId, data: Datasets, options: SectionOptions = {}): SectionResult {
  const build = BUILDERS[id];
  if (!build) throw new Error(`unknown section "${String(id)}" (known: ${Object.keys(BUILDERS).join(", ")})`);
  const analysis = analysisUnder(data, options.billingRule);
  const section = build({ analysis, bootstrap: bootstrapOptions({ seed: options.seed, resamples: options.resamples }), options });
  const averages = averagesOnly(analysis);
  // Datasets of averages (an aws-lambda-power-tuning import) appear only in Memory and cost; every
  // other section needs raw invocations and says so.
  if (averages.length === 0 || USES_AVERAGES.includes(id)) return section;
  return { ...section, blocks: [{ kind: "markdown", text: memoryCostMessages.averagesOnly(averages) }, ...section.blocks] };
}

const USES_AVERAGES: readonly SectionId[] = ["memory-cost", "appendix"];
