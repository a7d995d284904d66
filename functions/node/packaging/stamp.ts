// Incremental builds: a stamp beside each artefact records the hash of every input file the
// bundler read, the bundle settings and the artefact itself. The artefact is up to date while
// all of them still match.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../../../runners/dataset/atomic.js";

export interface Stamp {
  settings: string;
  inputs: Record<string, string>;
  artefact: string;
}

export const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

const fileHash = (path: string): string | undefined => (existsSync(path) ? sha256(readFileSync(path)) : undefined);

export function makeStamp(settings: string, inputs: string[], workingDir: string, artefact: Uint8Array): Stamp {
  const hashes: Record<string, string> = {};
  for (const input of [...inputs].sort()) hashes[input] = fileHash(join(workingDir, input)) ?? "";
  return { settings, inputs: hashes, artefact: sha256(artefact) };
}

export function isUpToDate(stampPath: string, artefactPath: string, settings: string, workingDir: string): boolean {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath, "utf8")) as Stamp;
  } catch {
    return false;
  }
  if (typeof stamp !== "object" || stamp === null) return false; // valid JSON, but not a stamp
  if (stamp.settings !== settings || fileHash(artefactPath) !== stamp.artefact) return false;
  return Object.entries(stamp.inputs ?? {}).every(([input, hash]) => fileHash(join(workingDir, input)) === hash);
}

export function writeStamp(stampPath: string, stamp: Stamp): void {
  writeFileAtomic(stampPath, JSON.stringify(stamp, null, 1) + "\n");
}
