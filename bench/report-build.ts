// Report build benchmark: two generated FIXTURE datasets of ~8,000 invocations each (made-up
// numbers; only the build is being timed). Times `npm run report` as a user runs it: full build
// (empty cache, all notebooks + site + PDF), one section rerun, a rebuild with nothing changed;
// then `jupyter nbconvert --execute --to html` on the same notebooks with the same parameters.
// First, the Memory and cost section's analysis over a 6-size sweep of the full protocol (the
// bench's defaults, runners/bench/options.ts DEFAULTS: its trials × its requests per segment, for
// every runtime and benchmark function at each size; generated FIXTURE invocations, so every
// interval is the two-level one), in process: what that section and the Summary's
// recommendations add to the build (target ≤ 1 s); --sweep-only stops there; --sweep-trials N
// and --sweep-requests N (per runtime, function and size, all trials together) change the
// sweep's shape (--sweep-trials 1 --sweep-requests 500: the 6 × 8,000 invocations of one trial
// the target was first stated for).
// Prints the figures; never fails on time.
// Run: node --import tsx bench/report-build.ts [--isolated] [--sweep-only] [--sweep-trials N] [--sweep-requests N]
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadManifest } from "../functions/manifest.js";
import { buildSection, loadDatasets } from "../report/lib/index.js";
import { SECTIONS } from "../report/lib/section.js";
import { memorySweep } from "../report/lib/findings/memory-sweep.js";
import { analysisUnder } from "../report/lib/billing-rule.js";
import { DEFAULTS } from "../runners/bench/options.js";
import { bootstrapOptions } from "../report/lib/uncertainty/index.js";
import { notebookFileName, parametersSource } from "../report/notebook/notebook-source.js";
import { paths, repoRoot } from "../report/render/paths.js";
import { generateFixtureDataset } from "../report/test/fixtures/generate.js";

const TARGET_INVOCATIONS = 8_000;
const root = mkdtempSync(join(tmpdir(), "lambench-bench-report-"));
const manifest = loadManifest();

function dataset(name: string, seed: number, memorySizes: number[]): { dir: string; invocations: number } {
  const dir = join(root, "data", name);
  const perFunction = Math.ceil(TARGET_INVOCATIONS / (manifest.runtimes.length * manifest.functions.length * memorySizes.length));
  const meta = generateFixtureDataset(dir, { name, seed, memorySizes, invocationsPerFunction: perFunction });
  return { dir, invocations: meta.counts.invocations };
}

function timed(label: string, command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`${label} failed (exit ${String(result.status)})`);
  }
  const tail = result.stdout
    .trim()
    .split("\n")
    .filter((l) => /^\[(fresh|cached|pdf|site|done)\]/.test(l));
  console.log(`\n${label}: ${seconds.toFixed(1)} s\n  ${tail.join("\n  ")}`);
  return seconds;
}

/** The full protocol per memory size: every runtime × benchmark function × the bench's default requests per segment, in its default trials. */
const SWEEP_SIZES = [128, 256, 512, 1024, 1536, 3008];
const flag = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const SWEEP_TRIALS = flag("--sweep-trials", DEFAULTS.trials);
/** Invocations per runtime, function and size, all trials together. */
const SWEEP_REQUESTS = flag("--sweep-requests", DEFAULTS.requests * SWEEP_TRIALS);
if (![SWEEP_REQUESTS, SWEEP_TRIALS].every((n) => Number.isInteger(n) && n >= 1) || SWEEP_REQUESTS % SWEEP_TRIALS !== 0) {
  throw new Error("--sweep-requests and --sweep-trials must be positive integers, the trials dividing the requests");
}
async function sweepAnalysis(): Promise<void> {
  const benchmark = manifest.functions.filter((f) => f.role === "benchmark").map((f) => f.id);
  const dirs = SWEEP_SIZES.map((memoryMB, i) => {
    const dir = join(root, "sweep", `fixture-sweep-${memoryMB}mb`);
    generateFixtureDataset(dir, {
      name: `fixture-sweep-${memoryMB}mb`,
      seed: 200 + i,
      memorySizes: [memoryMB],
      invocationsPerFunction: SWEEP_REQUESTS / SWEEP_TRIALS,
      // As bench/analysis.ts: trials that differ a little, so the two-level intervals have work to do.
      ...(SWEEP_TRIALS > 1 ? { trials: SWEEP_TRIALS, trialSpread: 0.05 } : {}),
      dropFunctions: manifest.functions.filter((f) => f.role !== "benchmark").map((f) => f.id),
    });
    return dir;
  });
  const loaded = performance.now();
  const data = await loadDatasets(dirs);
  const loadSeconds = (performance.now() - loaded) / 1000;
  const invocations = data.datasets.reduce((t, d) => t + d.meta.counts.invocations, 0);
  // Each notebook runs in its own kernel: the section and the Summary each compute the sweep once.
  // CPU time is printed next to wall time: on a loaded machine the wall time mostly measures the wait.
  const cpu = (since: NodeJS.CpuUsage) => {
    const c = process.cpuUsage(since);
    return (c.user + c.system) / 1e6;
  };
  let started = performance.now();
  let cpuStart = process.cpuUsage();
  buildSection("memory-cost", data);
  const section = (performance.now() - started) / 1000;
  const sectionCpu = cpu(cpuStart);
  const fresh = await loadDatasets(dirs);
  started = performance.now();
  cpuStart = process.cpuUsage();
  memorySweep(analysisUnder(fresh, undefined), bootstrapOptions({}), {}, "picks");
  const summaryPart = (performance.now() - started) / 1000;
  const summaryCpu = cpu(cpuStart);
  console.log(
    `memory sweep: ${SWEEP_SIZES.length} sizes × ${benchmark.length} functions × ${manifest.runtimes.length} runtimes, ${invocations} invocations in ${SWEEP_TRIALS} trial${SWEEP_TRIALS > 1 ? "s" : ""} of ${SWEEP_REQUESTS / SWEEP_TRIALS} per segment (bench defaults: ${DEFAULTS.trials} × ${DEFAULTS.requests}; FIXTURES; loading ${loadSeconds.toFixed(2)} s, common to every notebook)`,
  );
  console.log(`  Memory and cost section (analysis + blocks)   ${section.toFixed(2)} s (CPU ${sectionCpu.toFixed(2)} s)`);
  console.log(`  Summary's recommendations (picks only)         ${summaryPart.toFixed(2)} s (CPU ${summaryCpu.toFixed(2)} s)`);
  console.log(
    `  added to the build (target ≤ 1 s)              CPU ${(sectionCpu + summaryCpu).toFixed(2)} s over ${availableParallelism()} notebooks in parallel ≈ ${((sectionCpu + summaryCpu) / availableParallelism()).toFixed(2)} s of wall time on an idle machine; load average now ${loadavg()[0]!.toFixed(1)}`,
  );
}
await sweepAnalysis();
if (process.argv.includes("--sweep-only")) {
  rmSync(root, { recursive: true, force: true });
  process.exit(0);
}

const a = dataset("fixture-bench-a", 101, [128, 1024]);
const b = dataset("fixture-bench-b", 102, [512, 1769]);
console.log(
  `datasets: ${a.invocations} + ${b.invocations} invocations (FIXTURES), ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load ${loadavg()[0]!.toFixed(1)}`,
);

const report = (extra: string[]): string[] => [
  "--import",
  "tsx",
  "report/cli/report.ts",
  "--data",
  `${a.dir},${b.dir}`,
  "--out",
  join(root, "site"),
  "--pdf",
  join(root, "report.pdf"),
  "--cache",
  join(root, "cache"),
  ...(process.argv.includes("--isolated") ? ["--isolated-kernels"] : []),
  ...extra,
];
const full = timed(`full build (empty cache: ${SECTIONS.length} notebooks + site + PDF)`, "node", report([]));
const rerun = timed("one section rerun (--section cold-start)", "node", report(["--section", "cold-start"]));
const unchanged = timed("rebuild, nothing changed", "node", report([]));

// nbconvert on the same notebooks, with the renderer's parameters written into their parameters cell.
const nbDir = join(root, "nbconvert");
cpSync(paths.notebooks, nbDir, { recursive: true });
const parameters = parametersSource([a.dir, b.dir], paths.libraryBundle).split("\n");
for (const { id } of SECTIONS) {
  const file = join(nbDir, notebookFileName(id));
  const nb = JSON.parse(readFileSync(file, "utf8")) as { cells: { id: string; source: string[] }[] };
  nb.cells.find((c) => c.id === "parameters")!.source = parameters.map((l, i) => (i < parameters.length - 1 ? `${l}\n` : l));
  writeFileSync(file, JSON.stringify(nb));
}
execFileSync("node", ["--import", "tsx", "report/cli/notebooks.ts", "prepare"], { cwd: repoRoot });
const jupyter = join(repoRoot, ".venv", "bin", "jupyter");
const nbconvert = timed(`jupyter nbconvert --execute --to html (same ${SECTIONS.length} notebooks, HTML only, no PDF)`, jupyter, [
  "nbconvert",
  "--execute",
  "--to",
  "html",
  "--output-dir",
  join(root, "nbconvert-html"),
  ...SECTIONS.map(({ id }) => join(nbDir, notebookFileName(id))),
]);

console.log("\nsummary (targets: full ≤ 20 s, section ≤ 5 s, unchanged ≤ 3 s)");
console.log(`  full build          ${full.toFixed(1)} s`);
console.log(`  one section rerun   ${rerun.toFixed(1)} s`);
console.log(`  nothing changed     ${unchanged.toFixed(1)} s`);
console.log(`  nbconvert           ${nbconvert.toFixed(1)} s  (nbconvert / full build = ${(nbconvert / full).toFixed(2)}×)`);
console.log(
  `  concurrency ${availableParallelism()}${process.argv.includes("--isolated") ? ", fresh kernel per notebook" : ", kernels reused across notebooks"}`,
);
rmSync(root, { recursive: true, force: true });
