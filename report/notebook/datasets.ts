import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The dataset folders under dataDir whose meta.json says `complete: true`, sorted by name. */
export function findCompleteDatasets(dataDir: string): string[] {
  const root = resolve(dataDir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, entry.name))
    .filter((dir) => {
      try {
        const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { complete?: unknown };
        return meta.complete === true;
      } catch {
        return false;
      }
    })
    .sort();
}
