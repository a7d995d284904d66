// Where a dataset goes and how it replaces an older one (DESIGN.md "Datasets"): names are plain
// folder names, an existing dataset is replaced only with --force (or by the campaign that wrote
// it, when a resumed run rewrites its own output), and the new dataset is built in a staging
// folder and swapped in, so the old one is never lost.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { DATASET_FILES, type DatasetMeta, type InvocationRow, type RequestRow } from "./contract.js";
import { stagingDirFor, swapDir } from "./atomic.js";
import { datasetMessages as msg } from "./messages.js";
import { writeDataset } from "./write.js";

const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** The name, or an error naming the option: no path separator, no "..", no leading dot. */
export function checkDatasetName(name: string, option = "--name"): string {
  if (!NAME.test(name) || name.includes("..")) throw new Error(msg.badName(option, name));
  return name;
}

export interface ReplacePolicy {
  /** --force: replace whatever is there. */
  force: boolean;
  /** The campaign writing now: a dataset it wrote itself (an earlier attempt of a resumed run) may be replaced. */
  campaign?: string;
}

function existing(dir: string): { what: string; campaign: string | undefined } {
  try {
    const meta = JSON.parse(readFileSync(join(dir, DATASET_FILES.meta), "utf8")) as Partial<DatasetMeta>;
    const what = msg.existingDataset(meta.counts?.invocations ?? 0, String(meta.createdAt ?? "at an unknown time"));
    return { what, campaign: typeof meta.campaign === "string" ? meta.campaign : undefined };
  } catch {
    return { what: msg.existingFolder(), campaign: undefined };
  }
}

/** Refuses, with the remedy, when `dir` exists and may not be replaced under `policy`. */
export function assertReplaceable(dir: string, policy: ReplacePolicy): void {
  if (policy.force || !existsSync(dir)) return;
  const found = existing(dir);
  if (policy.campaign !== undefined && found.campaign === policy.campaign) return;
  throw new Error(msg.exists(dir, found.what));
}

/** `<out>/<name>` after checking the name and that it may be written. */
export function datasetDir(out: string, name: string, policy: ReplacePolicy, option = "--name"): string {
  const dir = resolve(out, checkDatasetName(name, option));
  assertReplaceable(dir, policy);
  return dir;
}

/** Writes the dataset into a staging folder beside `dir` and swaps it in (checking `policy` again just before). */
export function publishDataset(
  dir: string,
  meta: Omit<DatasetMeta, "complete" | "counts">,
  invocations: readonly InvocationRow[],
  requests: readonly RequestRow[],
  policy: ReplacePolicy,
): DatasetMeta {
  assertReplaceable(dir, policy);
  const staging = stagingDirFor(dir);
  try {
    const written = writeDataset(staging, meta, invocations, requests);
    assertReplaceable(dir, policy);
    swapDir(staging, dir);
    return written;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
