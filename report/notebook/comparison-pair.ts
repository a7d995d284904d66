// What the comparison notebook compares when opened without parameters: the first two complete
// datasets in the data folder (baseline, candidate), or a clear error when there are fewer.
import { findCompleteDatasets } from "./datasets.js";

export function defaultComparisonPair(dataDir: string): [string[], string[]] {
  const found = findCompleteDatasets(dataDir);
  if (found.length < 2)
    throw new Error(`the comparison needs two complete datasets; ${dataDir} has ${found.length}: set baseline and candidate in the parameters cell`);
  return [[found[0]!], [found[1]!]];
}
