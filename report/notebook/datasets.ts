// The dataset lists the notebooks use when opened without parameters, from the one validated
// dataset index (report/lib/load/dataset-index.ts).
import type { DatasetMeta } from "../../runners/dataset/contract.js";
import { datasetIndex, type DatasetIndex } from "../lib/load/dataset-index.js";

/** What the notebooks read from a dataset's meta.json before loading it. */
export interface DatasetSummary {
  dir: string;
  target: DatasetMeta["target"];
  architecture: DatasetMeta["architecture"];
  memorySizes: number[];
  /** A reference dataset (meta.reference, e.g. an imported lambda-perf day): never one of two runs compared. */
  reference: boolean;
}

/**
 * The dataset folders under dataDir said to be complete, sorted by name; one whose meta.json is
 * refused is listed too, so that loading it reports why.
 */
export function findCompleteDatasets(dataDir: string, index: DatasetIndex = datasetIndex): string[] {
  return index.listed(dataDir);
}

/** The valid complete datasets in dataDir and in its subfolders that are not datasets (e.g. data/reruns/), sorted by path. */
export function completeDatasetsBelow(dataDir: string, index: DatasetIndex = datasetIndex): DatasetSummary[] {
  return index.validBelow(dataDir).map(({ dir, meta }) => ({
    dir,
    target: meta.target,
    architecture: meta.architecture,
    memorySizes: meta.memorySizes,
    reference: meta.reference !== undefined,
  }));
}
