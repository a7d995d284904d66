// buildSection(id, data): the one entry point the notebooks and the renderer call per section.
import { analysisOf } from "../analysis.js";
import type { Datasets } from "../load/datasets.js";
import type { SectionId, SectionResult } from "../section.js";
import { billedSection } from "./billed.js";
import { coldStartSection } from "./cold-start.js";
import { expectedRangeSection } from "./expected-range.js";
import { memorySection } from "./memory.js";
import { mitigationsSection } from "./mitigations.js";
import { summarySection } from "./summary.js";
import { tailSection } from "./tail.js";
import { worstCaseSection } from "./worst-case.js";
import type { Analysis } from "../analysis.js";

const BUILDERS: Record<SectionId, (a: Analysis) => SectionResult> = {
  summary: summarySection,
  "expected-range": expectedRangeSection,
  "worst-case": worstCaseSection,
  tail: tailSection,
  "cold-start": coldStartSection,
  memory: memorySection,
  billed: billedSection,
  mitigations: mitigationsSection,
};

export function buildSection(id: SectionId, data: Datasets): SectionResult {
  const build = BUILDERS[id];
  if (!build) throw new Error(`unknown section "${String(id)}" (known: ${Object.keys(BUILDERS).join(", ")})`);
  return build(analysisOf(data));
}
