// GB-seconds per 1,000 invocations per function and runtime (billed seconds × configured GB),
// with the interval of the mean behind it.
import type { Analysis } from "../analysis.js";
import { GB_SECONDS } from "../metrics/billed.js";
import { stat } from "../metrics/statistics.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { perFunction, type StatRow } from "./statistics.js";

export type GbSecondsRow = StatRow & { gbSecondsPer1000: number; gbSecondsPer1000Lower: number | null; gbSecondsPer1000Upper: number | null };

export function gbSecondsPerThousand(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): GbSecondsRow[] {
  const perThousand = (x: unknown) => (typeof x === "number" ? x * 1000 : null);
  return perFunction(a, GB_SECONDS, [stat.mean()], a.functions, bootstrap).map((r) => ({
    ...r,
    gbSecondsPer1000: (r.mean as number) * 1000,
    gbSecondsPer1000Lower: perThousand(r.meanLower),
    gbSecondsPer1000Upper: perThousand(r.meanUpper),
  }));
}
