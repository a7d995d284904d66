// Bootstrap options, normalised in one place (STYLE habit 9) with explicit defaults.
import { UncertaintyError, uncertaintyMessages } from "./messages.js";

/**
 * How replicates are drawn (replicates.ts). "auto" draws the resample's order statistics
 * directly (percentile, median, max, min: exact, O(1) per replicate) and a large sample's mean
 * from its third-order expansion; "resample" draws all n values of every resample (O(n)). The
 * tests check the two agree; the report uses "auto".
 */
export type ResampleMethod = "auto" | "resample";

export interface BootstrapOptions {
  /** Bootstrap replicates per interval. */
  resamples: number;
  /** Confidence level in (0, 1), e.g. 0.95. */
  confidence: number;
  /** Master seed; each group and statistic gets its own stream derived from it. */
  seed: number;
  method: ResampleMethod;
}

/**
 * 2,000 replicates: the Monte Carlo error of a 95 % percentile-interval endpoint is then small
 * next to the interval's width (Efron & Tibshirani recommend ≥ 1,000 for percentile intervals);
 * bench/uncertainty.ts measures the cost on 1,000,000 rows.
 */
export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 2000, confidence: 0.95, seed: 20250801, method: "auto" };

/** Defaults filled in, every field checked. */
export function bootstrapOptions(input: Partial<BootstrapOptions> = {}): BootstrapOptions {
  const o = { ...DEFAULT_BOOTSTRAP, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  if (!Number.isInteger(o.resamples) || o.resamples < 1) throw bad("resamples", o.resamples, "a positive integer");
  if (!(typeof o.confidence === "number" && o.confidence > 0 && o.confidence < 1)) throw bad("confidence", o.confidence, "a number strictly between 0 and 1");
  if (!Number.isInteger(o.seed)) throw bad("seed", o.seed, "an integer");
  if (!["auto", "resample"].includes(o.method)) throw bad("method", o.method, '"auto" or "resample"');
  return o;
}

function bad(field: string, value: unknown, expected: string): UncertaintyError {
  return new UncertaintyError(uncertaintyMessages.badOption(field, value, expected));
}
