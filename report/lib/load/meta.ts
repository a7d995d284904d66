// Reads and validates a dataset's meta.json, refusing unfinished datasets.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DATASET_FILES, metaSchema, type DatasetMeta } from "../../../runners/dataset/contract.js";
import { DatasetError, loadMessages } from "./messages.js";

/**
 * What a folder's meta.json says: a valid, complete dataset; no dataset at all (no folder, no
 * meta.json); one still being written or whose run failed (`complete` is not true); or one that
 * claims to be complete but is refused (bad JSON, a bad field). The error words the first problem.
 */
export type MetaReading = { status: "ok"; meta: DatasetMeta } | { status: "not-a-dataset" | "incomplete" | "refused"; error: DatasetError };

/** `shown` is the folder as the user gave it, so messages name the path they typed. */
export function inspectMeta(dir: string, shown = dir): MetaReading {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { status: "not-a-dataset", error: new DatasetError(loadMessages.missingDataset(shown)) };
  const file = join(dir, DATASET_FILES.meta);
  const path = join(shown, DATASET_FILES.meta);
  if (!existsSync(file)) return { status: "not-a-dataset", error: new DatasetError(loadMessages.missingMeta(path)) };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return { status: "refused", error: new DatasetError(loadMessages.invalidJson(path, (e as Error).message)) };
  }
  const claimsComplete = (raw as { complete?: unknown } | null)?.complete === true;
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const error = new DatasetError(loadMessages.invalidMeta(path, issue.path.join(".") || "(root)", issue.message));
    return { status: claimsComplete ? "refused" : "incomplete", error };
  }
  if (parsed.data.complete !== true) return { status: "incomplete", error: new DatasetError(loadMessages.incomplete(path)) };
  return { status: "ok", meta: parsed.data };
}

/** The dataset's validated meta.json, or the DatasetError naming its file and field. */
export function readMeta(dir: string, shown = dir): DatasetMeta {
  const reading = inspectMeta(dir, shown);
  if (reading.status !== "ok") throw reading.error;
  return reading.meta;
}
