// Test support: the project's own runtimes and services, named once for the tests that check the
// built-in grid (one entry per runtime × function, every golden built from it). A user's functions
// added to the manifest are not part of it, so those tests keep passing with them.
import { parseManifest, type Manifest } from "../manifest.js";

export const BUILT_IN_RUNTIMES = ["node", "python", "go", "rust"] as const;
export const BUILT_IN_FUNCTIONS = ["warmup", "wave", "save", "search", "conc"] as const;

const builtInRuntime = (id: string) => (BUILT_IN_RUNTIMES as readonly string[]).includes(id);
const builtInFunction = (id: string) => (BUILT_IN_FUNCTIONS as readonly string[]).includes(id);

/** The manifest with only the built-in runtimes, functions and their entries. */
export function builtInManifest(m: Manifest): Manifest {
  return parseManifest({
    ...m,
    runtimes: m.runtimes.filter((r) => builtInRuntime(r.id)),
    functions: m.functions.filter((f) => builtInFunction(f.id)),
    entries: m.entries.filter((e) => builtInRuntime(e.runtime) && builtInFunction(e.function)),
  });
}
