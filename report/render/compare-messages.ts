// Messages of the report options and the comparison build, in one place (STYLE habit 11).
import { relative } from "node:path";

const rel = (p: string): string => {
  const r = relative(process.cwd(), p);
  return r === "" || r.startsWith("..") ? p : r;
};
const secs = (s: number): string => `${s.toFixed(1)} s`;

export const compareRenderMessages = {
  badInteger: (option: string, value: string, min: number) =>
    `${option} "${value}": expected a whole number${min > Number.MIN_SAFE_INTEGER ? ` of at least ${min}` : ""}`,
  badBillingRule: (value: string, known: readonly string[]) => `--billing-rule "${value}": expected one of ${known.join(", ")}`,
  badPrices: (reason: string) => `--prices: ${reason}`,
  badStrategy: (value: string, known: readonly string[]) => `--strategy "${value}": expected one of ${known.join(", ")} (power-tuning's strategies)`,
  badBalancedWeight: (value: string) => `--balanced-weight "${value}": expected a number from 0 (speed) to 1 (cost)`,
  badMinEffect: (value: string) => `--min-effect "${value}": expected a number ≥ 0 (a fraction of the baseline, e.g. 0.05 for 5 %)`,
  compareArity: (count: number) => `--compare takes two dataset folders (baseline, then candidate), got ${count}`,
  compareConflict: (option: string) => `${option} cannot be used with --compare (the comparison is one notebook of its own)`,
  sameRun: (dir: string) => `--compare: baseline and candidate are the same folder (${rel(dir)})`,
  notComplete: (dir: string) => `--compare: ${rel(dir)} is not a complete dataset (no meta.json with complete: true)`,
  progress: {
    done: (dir: string, seconds: number) => `[done]   comparison report in ${rel(dir)}/ (${secs(seconds)})`,
  },
};
