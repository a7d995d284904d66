// Writing without ever leaving half a file or losing the previous one: files go to a temporary
// name beside the target and are renamed over it; folders are built in a staging folder and
// swapped in. The one module for this in the repository (datasets, report site, cache, artefacts).
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

let sequence = 0;
/** Unique per process and call, so two writers of the same path never share a temporary name. */
const tempSuffix = (): string => `${process.pid}.${++sequence}`;

/** Writes to `<path>.<pid>.<n>.tmp` then renames, so readers never see half a file; the temporary file is removed on failure. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${tempSuffix()}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A fresh empty directory next to `target` (same filesystem, so it can be renamed onto it). */
export function stagingDirFor(target: string): string {
  const dir = join(dirname(target), `.${basename(target)}.${tempSuffix()}.staging`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Replaces `target` with the finished `staging` directory. The old one is moved aside, the new one
 * renamed in, and the old one removed only after that succeeded; if the second rename fails the
 * old one is put back, so a failure never loses it.
 */
export function swapDir(staging: string, target: string): void {
  const old = `${staging}.old`;
  rmSync(old, { recursive: true, force: true });
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (e) {
    if (hadTarget) renameSync(old, target);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}
