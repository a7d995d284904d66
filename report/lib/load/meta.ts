// Reads and validates a dataset's meta.json, refusing unfinished datasets.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DATASET_FILES, metaSchema, type DatasetMeta } from "../../../runners/dataset/contract.js";
import { DatasetError, loadMessages } from "./messages.js";

/** `shown` is the folder as the user gave it, so messages name the path they typed. */
export function readMeta(dir: string, shown = dir): DatasetMeta {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DatasetError(loadMessages.missingDataset(shown));
  const file = join(dir, DATASET_FILES.meta);
  const path = join(shown, DATASET_FILES.meta);
  if (!existsSync(file)) throw new DatasetError(loadMessages.missingMeta(path));
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new DatasetError(loadMessages.invalidJson(path, (e as Error).message));
  }
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DatasetError(loadMessages.invalidMeta(path, issue.path.join(".") || "(root)", issue.message));
  }
  if (parsed.data.complete !== true) throw new DatasetError(loadMessages.incomplete(path));
  return parsed.data;
}
