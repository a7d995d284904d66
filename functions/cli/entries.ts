// `node --import tsx functions/cli/entries.ts [<runtime>]`: the manifest's entries as JSON, derived
// (runtimes × functions from each family's template, plus the explicit ones), so code in other
// languages (the Python tests) reads the same entries as the runners instead of deriving them again.
import { loadManifest } from "../manifest.js";

const runtime = process.argv[2];
const entries = loadManifest().entries.filter((e) => runtime === undefined || e.runtime === runtime);
process.stdout.write(`${JSON.stringify(entries, null, 1)}\n`);
