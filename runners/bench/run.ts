// `npm run bench`: picks the target (the local lab, or AWS from runners/aws), makes sure the
// artefacts exist, and runs the one protocol loop (protocol.ts) against it.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { buildArtefacts } from "../../functions/build-artefacts.js";
import { existingPairs, findEntry, loadManifest, repoRoot, type Manifest } from "../../functions/manifest.js";
import { allowedCpus } from "../lab/cgroups.js";
import { DEFAULT_DB_LATENCY, parseDbLatency } from "../lab/db-latency.js";
import { planLabRun } from "./lab-plan.js";
import { acquireLock, machineLockPath } from "./lock.js";
import { LocalTarget } from "./local-target.js";
import { benchMessages as msg } from "./messages.js";
import type { AwsExtras, BenchOptions } from "./options.js";
import { runProtocol, withWarmups, type BenchReporter, type BenchRun } from "./protocol.js";
import { campaignConcurrency } from "./campaign-concurrency.js";
import { Teardown } from "./teardown.js";
import { openWorkDir } from "./work-dir.js";

export { silentReporter, type BenchReporter, type BenchRun } from "./protocol.js";

async function ensureArtefacts(manifest: Manifest, pairs: Array<[string, string]>, reporter: BenchReporter): Promise<void> {
  for (const [runtime, fn] of pairs) {
    const entry = findEntry(manifest, runtime, fn);
    if (!entry) throw new Error(msg.noEntry(runtime, fn));
    if (existsSync(resolve(repoRoot, entry.artefact))) continue;
    reporter.info(`building missing artefact ${runtime}/${fn} (${entry.artefact})`);
    try {
      await buildArtefacts({ manifest, runtimes: [runtime], functions: [fn], log: (l) => reporter.info(l) });
    } catch (e) {
      throw new Error(msg.missingArtefact(`${runtime}/${fn}`, entry.artefact, (e as Error).message), { cause: e });
    }
  }
}

/** Options only the AWS target reads (runners/aws AwsBenchOptions), checked by normalizeAwsExtras in options.ts. */
export type { AwsExtras };

export async function runBench(options: BenchOptions & AwsExtras, reporter: BenchReporter, teardown: Teardown, manifest = loadManifest()): Promise<BenchRun> {
  const lock = acquireLock(machineLockPath(), resolve(options.workDir));
  teardown.add(() => lock.release());
  if (options.target === "aws") {
    // Loaded only when asked for: it pulls in the AWS SDK clients.
    const { startAwsTarget } = await import("../aws/index.js");
    const target = await startAwsTarget(options, manifest, reporter, teardown);
    return runProtocol(target, options, { manifest, reporter, teardown, ...openWorkDir(options) });
  }

  const dbLatency = parseDbLatency(options.dbLatency ?? DEFAULT_DB_LATENCY);
  // Every size's CPU plan is checked before anything runs.
  const { concurrency } = campaignConcurrency(options, options.memorySizes);
  const sizes = options.memorySizes.map((memoryMB) => ({ memoryMB, concurrency }));
  const plans = new Map(planLabRun(sizes, options.oversubscribe ?? false, allowedCpus()).map((p) => [p.memoryMB, p]));

  // Only the pairs the manifest has (it may be sparse), with the warm-ups they call.
  const pairs = withWarmups(manifest, existingPairs(manifest, options.runtimes, options.functions), options.warmup);
  await ensureArtefacts(manifest, pairs, reporter);
  const opened = openWorkDir(options);
  const target = await LocalTarget.start(manifest, opened.work.logDir, options.timeoutMs, teardown, options.runtimes, {
    plan: plans.get(options.memorySizes[0]!)!.plan,
    dbLatency,
    sizes: plans,
  });
  for (const warning of [target.limitWarning, target.cpusetWarning, ...[...plans.values()].flatMap((p) => p.warnings)]) if (warning) reporter.warn(warning);
  return runProtocol(target, options, { manifest, reporter, teardown, ...opened });
}
