// `npm run bench`: runs the benchmark protocol against the local lab (or AWS) and writes datasets.
import { Command } from "commander";
import cliProgress from "cli-progress";
import { defaultManifestPath, loadManifest } from "../../functions/manifest.js";
import { benchMessages } from "../bench/messages.js";
import { DEFAULTS, normalizeAwsExtras, normalizeBenchOptions, type RawAwsExtras, type RawBenchOptions } from "../bench/options.js";
import { runBench, type BenchReporter } from "../bench/run.js";
import { Teardown } from "../bench/teardown.js";
import { quietSdkNodeVersionWarning, sdkErrorMessage } from "../aws/sdk-env.js";
import { datasetMessages } from "../dataset/messages.js";

quietSdkNodeVersionWarning();

const program = new Command()
  .name("bench")
  .description("Measure the manifest's functions and write one dataset per memory size")
  .option("--target <target>", "local | aws", "local")
  .option("--memory <sizes>", `memory sizes in MB, comma-separated (default: ${DEFAULTS.memory})`)
  .option("--memory-sweep", "power-tuning's default memory sizes: 128,256,512,1024,1536,3008 MB")
  .option("--runtimes <ids>", "runtimes to measure (default: all in the manifest)")
  .option("--functions <ids>", "functions to measure (default: every benchmark function)")
  .option("--requests <n>", "requests per function", String(DEFAULTS.requests))
  .option(
    "--concurrency <n>",
    `requests in flight (default: ${DEFAULTS.concurrency}; in the lab, lowered at a memory size to the largest the CPU plan holds there)`,
  )
  .option(
    "--db-latency <model>",
    'local: network latency added to every DynamoDB call: "soto-202" (default; published same-region Lambda→DynamoDB call times), "fixed:<ms>", or "0" (none)',
  )
  .option("--oversubscribe", "local: run even when the machine cannot hold the protocol's CPU plan (recorded in meta.json)", false)
  .option("--warmup <n>", "calls of the warm-up function before each function", String(DEFAULTS.warmup))
  .option("--pause-ms <ms>", "pause after each function", String(DEFAULTS.pauseMs))
  .option("--timeout-ms <ms>", "function timeout in the lab", String(DEFAULTS.timeoutMs))
  .option(
    "--name <name>",
    "dataset name prefix (datasets are <name>-<memory>mb; default: the target, or <target>-partial-<protocol hash> for a run shorter than the default protocol)",
  )
  .option("--out <dir>", "output folder", DEFAULTS.out)
  .option("--work-dir <dir>", "lock, segments and logs of runs in progress", DEFAULTS.workDir)
  .option(
    "--trials <n>",
    'trials: each from fresh execution environments, in its own random segment order; requests are per trial. Default 8: a trial of the full default protocol takes about 127 s on a quiet 2-core machine (CPU plan and DynamoDB latency included), so 8 fit in 20 min (README "Why 8 trials"); with --target-precision, the trials run before the rule is first checked',
    String(DEFAULTS.trials),
  )
  .option(
    "--target-precision <percent>",
    "keep adding trials until every median Total Duration's 95 % interval is within ± this share of the median (e.g. 5%), up to --max-trials; recorded in meta.json",
  )
  .option("--max-trials <n>", "with --target-precision: the most trials to run (default: 3 × --trials)")
  .option("--seed <n>", "seed of the trial orders (default: drawn, and recorded in meta.json)")
  .option("--resume", "continue an interrupted run with the same options, at the first segment not measured", false)
  .option("--force", "replace existing datasets of the same name", false)
  .option("--manifest <path>", "the manifest listing runtimes and functions", defaultManifestPath)
  .option("--region <region>", "aws: region (default: the standard AWS configuration)")
  .option("--stack <name>", "aws: use this existing stack (one memory size)")
  .option("--stack-prefix <prefix>", "aws: stacks are <prefix>-<memory>")
  .option("--no-deploy", "aws: use the existing stacks instead of deploying")
  .option("--architecture <arch>", "aws: x86_64 | arm64 (the artefacts must be built for it)", "x86_64")
  .parse();

const teardown = new Teardown();
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    bar.stop();
    console.error(`\n${benchMessages.interrupted(signal)}`);
    void teardown.run().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

const bar = new cliProgress.SingleBar(
  { format: "{label} [{bar}] {value}/{total} {duration_formatted}", hideCursor: true, noTTYOutput: false, clearOnComplete: false },
  cliProgress.Presets.shades_classic,
);
const reporter: BenchReporter = {
  info: (line) => console.log(line),
  warn: (line) => console.error(line),
  segmentStart: (label, total) => bar.start(total, 0, { label: label.padEnd(24) }),
  segmentProgress: (done) => bar.update(done),
  segmentEnd: () => bar.stop(),
};

try {
  const raw = program.opts<RawBenchOptions & RawAwsExtras & { manifest: string }>();
  const manifest = loadManifest(raw.manifest);
  const options = { ...normalizeBenchOptions(raw, manifest), ...normalizeAwsExtras(raw) };
  const started = Date.now();
  const run = await runBench(options, reporter, teardown, manifest);
  await teardown.run();
  console.log(benchMessages.done((Date.now() - started) / 1000, run.datasets));
  process.exit(0);
} catch (e) {
  bar.stop();
  await teardown.run();
  if (!interrupted) {
    console.error(datasetMessages.failed("bench", sdkErrorMessage(e)));
    process.exit(1);
  }
}
