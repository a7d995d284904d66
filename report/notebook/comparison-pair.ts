// What the comparison notebook compares when opened without parameters: the first two complete
// datasets under the data folder (its subfolders included) that can be compared, i.e. measured on
// the same target and architecture with a memory size in common; or a clear error. Reference datasets
// (AWS numbers the lab is compared with) are never one of the two runs.
import { completeDatasetsBelow, type DatasetSummary } from "./datasets.js";
import { notebookMessages } from "./messages.js";

const comparable = (a: DatasetSummary, b: DatasetSummary): boolean =>
  a.target === b.target && a.architecture === b.architecture && a.memorySizes.some((m) => b.memorySizes.includes(m));

export function defaultComparisonPair(dataDir: string): [string[], string[]] {
  const found = completeDatasetsBelow(dataDir).filter((d) => !d.reference);
  for (const [i, baseline] of found.entries())
    for (const candidate of found.slice(i + 1)) if (comparable(baseline, candidate)) return [[baseline.dir], [candidate.dir]];
  throw new Error(notebookMessages.noComparablePair(dataDir, found.length));
}
