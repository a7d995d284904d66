// Benchmark: loading and analysing a 1,000,000-invocation fixture dataset (generated in a temp
// dir, deleted afterwards). Prints seconds (wall and CPU: on a shared machine the CPU time is the
// steadier figure) and peak RSS; targets are printed, never enforced.
//   node --import tsx bench/analysis.ts [invocations] [--trials N] [--fixture <dataset dir>]
// --trials splits each function's invocations into N trials (with between-trial variation), so
// every interval is the two-level one.
// --fixture reuses a dataset from an earlier `--generate` (nothing is deleted), e.g.
//   node --import tsx bench/analysis.ts --generate /tmp/bench 50000   (50,000 per function = 1M)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadManifest } from "../functions/manifest.js";
import { buildSection, loadDatasets, sectionIds } from "../report/lib/index.js";
import { generateFixtureDataset } from "../report/test/fixtures/generate.js";

const manifest = loadManifest();

// The fixture is generated in a child process so its memory does not count against the load.
if (process.argv[2] === "--generate") {
  const [dir, perFunction, trials] = [process.argv[3]!, Number(process.argv[4]), Number(process.argv[5] ?? 1)];
  generateFixtureDataset(join(dir, "fixture-bench"), {
    invocationsPerFunction: Math.round(perFunction / trials),
    coldStarts: 10,
    memorySizes: [128],
    ...(trials > 1 ? { trials, trialSpread: 0.05 } : {}),
  });
  process.exit(0);
}

const args = process.argv.slice(2);
const trialsFlag = args.indexOf("--trials");
const trials = trialsFlag >= 0 ? Number(args.splice(trialsFlag, 2)[1]) : 1;
const fixtureFlag = args.indexOf("--fixture");
const existing = fixtureFlag >= 0 ? args.splice(fixtureFlag, 2)[1] : undefined;
const target = Number(args[0] ?? 1_000_000);
const perFunction = Math.round(target / (manifest.runtimes.length * manifest.functions.length));
const dir = existing ?? mkdtempSync(join(tmpdir(), "lambench-bench-analysis-"));
// The kernel's high-water mark: a timer-based sampler misses peaks inside synchronous work.
const peakRss = () => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`;
const cpuSeconds = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return ((c.user + c.system) / 1e6).toFixed(2);
};
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(2);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

try {
  let t0 = performance.now();
  const dataset = existing ?? join(dir, "fixture-bench");
  if (!existing) {
    const child = spawnSync(process.execPath, ["--import", "tsx", process.argv[1]!, "--generate", dir, String(perFunction), String(trials)], {
      stdio: "inherit",
    });
    if (child.status !== 0) throw new Error(`fixture generation failed (exit ${child.status})`);
    console.log(`generate fixture (child process): ${seconds(t0)} s (not part of the targets)`);
  }
  console.log(`load average (1, 5, 15 min) before: ${load()} on a shared machine`);

  t0 = performance.now();
  let c0 = process.cpuUsage();
  const data = await loadDatasets([dataset], { manifest });
  console.log(
    `load ${data.invocations.numRows().toLocaleString("en-US")} invocations + ${data.requests.numRows().toLocaleString("en-US")} requests: ${seconds(t0)} s (CPU ${cpuSeconds(c0)} s), peak RSS ${peakRss()}`,
  );

  t0 = performance.now();
  c0 = process.cpuUsage();
  for (const id of sectionIds) {
    const t1 = performance.now();
    const result = buildSection(id, data);
    console.log(`  ${id.padEnd(15)} ${seconds(t1)} s (${result.blocks.length} blocks)`);
  }
  console.log(`analysis of every section: ${seconds(t0)} s (CPU ${cpuSeconds(c0)} s) (target ≤ 3 s)`);
  console.log(`peak RSS over load + analysis: ${peakRss()} (target ≤ 1024 MiB)`);
  console.log(`load average after: ${load()}`);
} finally {
  if (!existing) rmSync(dir, { recursive: true, force: true });
}
