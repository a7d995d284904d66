// The one signature of a section builder: findings in, blocks out. Every builder in BUILDERS
// (index.ts) takes the same input, whatever it reads of it.
import type { Analysis } from "../analysis.js";
import type { FindingOptions } from "../findings/options.js";
import type { Strategy } from "../recommend/index.js";
import type { SectionResult } from "../section.js";
import type { BootstrapOptions } from "../uncertainty/index.js";

export interface SectionOptions extends FindingOptions {
  /** Seed of the confidence intervals' bootstrap (default fixed, so the same inputs give the same report). */
  seed?: number;
  /** Bootstrap resamples per interval (default DEFAULT_BOOTSTRAP.resamples). */
  resamples?: number;
  /** The recommendation strategy named in the text and the Summary (default: all three). */
  strategy?: Strategy;
}

export interface SectionInput {
  /** The datasets' analysis, under the report's billing rule. */
  analysis: Analysis;
  /** The bootstrap options from `options.seed` and `options.resamples`. */
  bootstrap: BootstrapOptions;
  options: SectionOptions;
}

export type SectionBuilder = (input: SectionInput) => SectionResult;
