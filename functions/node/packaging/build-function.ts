// Builds one Node.js function artefact: dist/<function>.zip holding index.mjs (handler
// index.handler). The function's code comes from src/<source>.ts, where the source is the
// manifest's `sourceOf` (warmup ships the search code) or the function's own id.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { functionSpec, loadManifest, repoRoot, type Manifest } from "../../manifest.js";
import { writeFileAtomic } from "../../../runners/dataset/atomic.js";
import { BUNDLE_FILE, bundle, bundleSettingsKey } from "./bundle.js";
import { isUpToDate, makeStamp, sha256, writeStamp } from "./stamp.js";
import { zipSingleFile } from "./zip.js";

export const nodeFolder = join(repoRoot, "functions", "node");
export const defaultDistDir = join(nodeFolder, "dist");

export interface BuildResult {
  function: string;
  status: "built" | "up to date";
  artefact: string;
  bytes: number;
}

export interface BuildOptions {
  manifest?: Manifest;
  /** Where `<function>.zip` goes; the default is functions/node/dist. */
  distDir?: string;
}

// The packaging code itself shapes the zip (bundle options, zip format), so a change to it
// invalidates every stamp.
const packagingDir = join(nodeFolder, "packaging");
const packagingDigest = sha256(
  readdirSync(packagingDir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort()
    .map((f) => `${f}\0${readFileSync(join(packagingDir, f), "utf8")}`)
    .join("\0"),
);

export function sourceEntry(manifest: Manifest, fn: string): string {
  const spec = functionSpec(manifest, fn);
  const entry = join(nodeFolder, "src", `${spec.sourceOf ?? spec.id}.ts`);
  if (!existsSync(entry)) throw new Error(`node/${fn}: no source file ${relative(repoRoot, entry)}`);
  return entry;
}

export async function buildNodeFunction(fn: string, options: BuildOptions = {}): Promise<BuildResult> {
  const manifest = options.manifest ?? loadManifest();
  const distDir = options.distDir ?? defaultDistDir;
  const entry = relative(repoRoot, sourceEntry(manifest, fn));
  const artefact = join(distDir, `${fn}.zip`);
  const stampPath = join(distDir, `${fn}.inputs.json`);
  const settings = `${bundleSettingsKey(entry)}\n${packagingDigest}`;

  if (isUpToDate(stampPath, artefact, settings, repoRoot)) {
    return { function: fn, status: "up to date", artefact, bytes: statSync(artefact).size };
  }
  const { code, inputs } = await bundle(entry, repoRoot);
  const zip = zipSingleFile(BUNDLE_FILE, code);
  mkdirSync(distDir, { recursive: true });
  writeFileAtomic(artefact, zip);
  writeStamp(stampPath, makeStamp(settings, inputs, repoRoot, zip));
  return { function: fn, status: "built", artefact, bytes: zip.byteLength };
}
