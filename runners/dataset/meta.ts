// meta.json for every producer (bench on either target, collect, import, combine): the one place
// that stamps the schema and the project's git state on what the producer knows.
import { gitState } from "../bench/provenance.js";
import { DATASET_SCHEMA, type DatasetMeta } from "./contract.js";

/** What a producer says about its dataset; counts and complete come from writeDataset. */
export type MetaInput = Omit<DatasetMeta, "schema" | "git" | "complete" | "counts">;

/** `git` defaults to this checkout's state (callers that are pure functions pass it in). */
export function datasetMeta(input: MetaInput, git: DatasetMeta["git"] = gitState()): Omit<DatasetMeta, "complete" | "counts"> {
  return { schema: DATASET_SCHEMA, ...input, git };
}
