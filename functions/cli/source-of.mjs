// `node functions/cli/source-of.mjs <function>`: the function whose code <function> ships (its
// manifest `sourceOf`, e.g. warmup → search, else itself), for the Go and Rust build scripts, so
// "warmup is search" is said once, in functions/manifest.json. Exits 2 for an unknown function.
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../manifest.json", import.meta.url), "utf8"));
const id = process.argv[2];
const spec = manifest.functions.find((f) => f.id === id);
if (!spec) {
  process.stderr.write(`source-of: no function "${id ?? ""}" in functions/manifest.json (has: ${manifest.functions.map((f) => f.id).join(", ")})\n`);
  process.exit(2);
}
process.stdout.write(`${spec.sourceOf ?? spec.id}\n`);
