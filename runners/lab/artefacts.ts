// Artefact zips are unpacked once per content hash into a cache dir; the instance's working
// directory (LAMBDA_TASK_ROOT) is that unpacked tree. Unpacked into a staging folder
// (runners/dataset/atomic.ts) and renamed in; an existing tree of the same hash is never replaced.
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, normalize, sep } from "node:path";
import { unzipSync } from "fflate";
import { stagingDirFor } from "../dataset/atomic.js";
import { labMessages } from "./messages.js";

export function unpackArtefact(zipPath: string, cacheDir: string): string {
  if (!existsSync(zipPath)) throw new Error(labMessages.missingArtefact(zipPath));
  const bytes = readFileSync(zipPath);
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const target = join(cacheDir, hash);
  if (existsSync(target)) return target;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(bytes));
  } catch (e) {
    throw new Error(labMessages.badZip(zipPath, (e as Error).message), { cause: e });
  }
  const staging = stagingDirFor(target);
  try {
    for (const [name, data] of Object.entries(files)) {
      const rel = normalize(name);
      if (rel.startsWith("..") || rel.startsWith(sep)) throw new Error(labMessages.badZip(zipPath, `entry escapes the archive: ${name}`));
      const out = join(staging, rel);
      if (name.endsWith("/")) {
        mkdirSync(out, { recursive: true });
        continue;
      }
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, data);
    }
    // Zip permission bits are not kept by the unpacker; a custom runtime's bootstrap must be executable.
    if (existsSync(join(staging, "bootstrap"))) chmodSync(join(staging, "bootstrap"), 0o755);
    renameSync(staging, target);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    // Another process unpacked the same artefact first: use theirs.
    if (existsSync(target)) return target;
    throw e;
  }
  return target;
}
