import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, basename } from "node:path";

/** Writes to `<path>.<pid>.tmp` then renames, so readers never see half a file. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** A fresh empty directory next to `target` (same filesystem, so it can be renamed onto it). */
export function stagingDirFor(target: string): string {
  const dir = join(dirname(target), `.${basename(target)}.${process.pid}.staging`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Replaces `target` with the finished `staging` directory; the old one is removed only after. */
export function swapDir(staging: string, target: string): void {
  const old = `${staging}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(staging, target);
  rmSync(old, { recursive: true, force: true });
}
