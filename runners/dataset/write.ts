// Writing datasets: every file goes to a temporary name first and is renamed into place, and
// meta.json says complete: true only after the CSVs are in place.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { DATASET_FILES, INVOCATION_COLUMNS, REQUEST_COLUMNS, metaSchema, type DatasetMeta, type InvocationRow, type RequestRow } from "./contract.js";
import { writeFileAtomic } from "./atomic.js";

/** Numbers without binary noise: at most 3 decimals, no trailing zeros. */
function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

const optionalNum = (n: number | null): string => (n === null ? "" : num(n));

export function invocationsCsv(rows: readonly InvocationRow[]): string {
  return stringify(
    rows.map((r) => [
      r.runtime,
      r.function,
      String(r.memoryMB),
      r.architecture,
      String(r.trial),
      r.requestId,
      r.timestamp,
      r.instanceId,
      num(r.durationMs),
      num(r.billedDurationMs),
      num(r.maxMemoryUsedMB),
      optionalNum(r.initDurationMs),
      optionalNum(r.restoreDurationMs),
      r.status,
      r.errorType,
    ]),
    { header: true, columns: [...INVOCATION_COLUMNS] },
  );
}

export function requestsCsv(rows: readonly RequestRow[]): string {
  return stringify(
    rows.map((r) => [r.runtime, r.function, String(r.memoryMB), String(r.trial), String(r.seq), r.startedAt, num(r.latencyMs), String(r.httpStatus)]),
    { header: true, columns: [...REQUEST_COLUMNS] },
  );
}

export function metaJson(meta: DatasetMeta): string {
  return JSON.stringify(metaSchema.parse(meta), null, 2) + "\n";
}

/**
 * Writes a whole dataset. meta.json is written last, with complete and counts taken from the
 * rows, so a reader never sees complete: true before both CSVs are in place.
 */
export function writeDataset(
  dir: string,
  meta: Omit<DatasetMeta, "complete" | "counts">,
  invocations: readonly InvocationRow[],
  requests: readonly RequestRow[],
): DatasetMeta {
  mkdirSync(dir, { recursive: true });
  const metaPath = join(dir, DATASET_FILES.meta);
  const full: DatasetMeta = { ...meta, complete: false, counts: { invocations: invocations.length, requests: requests.length } };
  writeFileAtomic(metaPath, metaJson(full));
  writeFileAtomic(join(dir, DATASET_FILES.invocations), invocationsCsv(invocations));
  writeFileAtomic(join(dir, DATASET_FILES.requests), requestsCsv(requests));
  const done: DatasetMeta = { ...full, complete: true };
  writeFileAtomic(metaPath, metaJson(done));
  return done;
}
