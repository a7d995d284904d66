// Usage: node --import tsx functions/node/build.ts <function>
import { relative } from "node:path";
import { repoRoot } from "../../manifest.js";
import { buildNodeFunction } from "../packaging/build-function.js";

const fn = process.argv[2];
if (!fn || process.argv.length > 3) {
  console.error("usage: node --import tsx functions/node/build.ts <function>");
  process.exit(2);
}
try {
  const result = await buildNodeFunction(fn);
  console.log(`node/${fn}: ${result.status} ${relative(repoRoot, result.artefact)} (${result.bytes} bytes)`);
} catch (e) {
  console.error(`node/${fn}: build failed: ${(e as Error).message}`);
  process.exit(1);
}
