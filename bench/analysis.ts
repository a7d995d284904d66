// Benchmark: loading and analysing a 1,000,000-invocation fixture dataset (generated in a temp
// dir, deleted afterwards). Prints seconds and peak RSS; targets are printed, never enforced.
//   node --import tsx bench/analysis.ts [invocations]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadManifest } from "../functions/manifest.js";
import { buildSection, loadDatasets, sectionIds } from "../report/lib/index.js";
import { generateFixtureDataset } from "../report/test/fixtures/generate.js";

const manifest = loadManifest();

// The fixture is generated in a child process so its memory does not count against the load.
if (process.argv[2] === "--generate") {
  const [dir, perFunction] = [process.argv[3]!, Number(process.argv[4])];
  generateFixtureDataset(join(dir, "fixture-bench"), { invocationsPerFunction: perFunction, coldStarts: 10, memorySizes: [128] });
  process.exit(0);
}

const target = Number(process.argv[2] ?? 1_000_000);
const perFunction = Math.round(target / (manifest.runtimes.length * manifest.functions.length));
const dir = mkdtempSync(join(tmpdir(), "lambench-bench-analysis-"));
let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const sampler = setInterval(sample, 20);
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(2);

try {
  let t0 = performance.now();
  const child = spawnSync(process.execPath, ["--import", "tsx", process.argv[1]!, "--generate", dir, String(perFunction)], { stdio: "inherit" });
  if (child.status !== 0) throw new Error(`fixture generation failed (exit ${child.status})`);
  console.log(`generate fixture (child process): ${seconds(t0)} s (not part of the targets)`);

  t0 = performance.now();
  const data = await loadDatasets([join(dir, "fixture-bench")], { manifest });
  sample();
  console.log(`load ${data.invocations.numRows().toLocaleString("en-US")} invocations + ${data.requests.numRows().toLocaleString("en-US")} requests: ${seconds(t0)} s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);

  t0 = performance.now();
  for (const id of sectionIds) {
    const t1 = performance.now();
    const result = buildSection(id, data);
    sample();
    console.log(`  ${id.padEnd(15)} ${seconds(t1)} s (${result.blocks.length} blocks)`);
  }
  sample();
  console.log(`analysis of every section: ${seconds(t0)} s (target ≤ 3 s)`);
  console.log(`peak RSS over load + analysis: ${(peakRss / 2 ** 20).toFixed(0)} MiB (target ≤ 1024 MiB)`);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
