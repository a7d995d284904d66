import { renameSync, writeFileSync } from "node:fs";

/** Writes to `<path>.<pid>.tmp` then renames, so readers never see a half-written file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}
