// What the report library bundle depends on, for the stamp kept beside it (`<bundle>.inputs.json`,
// functions/node/packaging/stamp.ts, as for the functions' artefacts): a build whose inputs all
// still hash the same reuses the bundle instead of running esbuild again.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const stampPathFor = (bundleFile: string): string => `${bundleFile}.inputs.json`;

/** The version of the esbuild package installed under `nodeModules`, read without loading esbuild. */
export function installedEsbuildVersion(nodeModules: string): string {
  return (JSON.parse(readFileSync(join(nodeModules, "esbuild", "package.json"), "utf8")) as { version: string }).version;
}

/**
 * Every file a bundle depends on, relative to `root`, sorted: those esbuild reports reading (a
 * path that is no file is kept, and the stamp then never matches); the package.json of every
 * package it read a file from (its `main`/`exports` decide which file is read, so an upgrade that
 * leaves the old file in place still counts as a change); and `extraFiles` (tsconfig, the recipe)
 * where they exist. Compared by content, node_modules included (about 750 files, 4.5 MB, plus the
 * 3.5 MB bundle: tens of milliseconds), not by mtime, which `npm ci` changes without changing content.
 */
export function inputFiles(root: string, metafileInputs: string[], extraFiles: string[]): string[] {
  const steering = [...extraFiles, ...metafileInputs.flatMap((f) => packageManifestOf(f) ?? [])];
  return [...new Set([...metafileInputs, ...steering.filter((f) => existsSync(resolve(root, f)))])].sort();
}

/** `node_modules/@scope/name/lib/x.js` → `node_modules/@scope/name/package.json` (nested node_modules too). */
function packageManifestOf(path: string): string | undefined {
  const parts = path.split(/[\\/]/);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const nameParts = parts[at + 1]!.startsWith("@") ? 2 : 1;
  return [...parts.slice(0, at + 1 + nameParts), "package.json"].join("/");
}
