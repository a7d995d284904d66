// Every user-facing message of the bench, so tests can assert on them by value.
import type { LockHolder } from "./lock-holder.js";

export const benchMessages = {
  sweepWithMemory: (memory: string) =>
    `--memory-sweep runs power-tuning's default sizes (128,256,512,1024,1536,3008 MB) and cannot be combined with --memory "${memory}": give one or the other`,
  planConcurrency: (memorySizes: readonly number[], concurrency: number, cap: number) =>
    `concurrency ${concurrency} at ${memorySizes.length === 1 ? `${memorySizes[0]} MB` : `every memory size (${memorySizes.join(", ")} MB)`}, from the lab's CPU plan (the default ${cap}, lowered where this machine holds less; one value for the whole campaign, so memory sizes compare like with like)`,
  optionConcurrency: (concurrency: number) => `concurrency ${concurrency} at every memory size (--concurrency, or its default)`,
  badList: (option: string, value: string) => `--${option}: expected a comma-separated list, got "${value}"`,
  badInteger: (option: string, value: string, min: number) => `--${option}: expected an integer >= ${min}, got "${value}"`,
  badPrecision: (value: string) => `--target-precision: expected a percentage between 0 and 100, such as 5%, got "${value}"`,
  maxTrialsWithoutPrecision: (value: string) =>
    `--max-trials ${value} needs --target-precision (the run adds trials only to reach a precision); for a fixed number of trials use --trials`,
  precisionNeedsTrials: (trials: number) =>
    `--target-precision needs at least 2 trials before it can judge the spread between them (--trials ${trials}); pass --trials 2 or more`,
  precisionCheck: (
    trial: number,
    widest: { relative: number; memoryMB: number; runtime: string; function: string } | null,
    target: number,
    verdict: "met" | "more" | "max",
  ) =>
    `after trial ${trial}: ${widest ? `the widest median interval is ±${(widest.relative * 100).toFixed(1)} % (${widest.memoryMB} MB ${widest.runtime}/${widest.function})` : "no median interval yet"}, target ±${(target * 100).toFixed(1)} %: ${verdict === "met" ? "met, stopping" : verdict === "more" ? "another trial" : "not met, and --max-trials is reached"}`,
  unknownIds: (option: string, unknown: string[], known: string[]) =>
    `--${option}: unknown ${unknown.map((x) => `"${x}"`).join(", ")} (manifest has: ${known.join(", ")})`,
  badTarget: (value: string) => `--target: expected "local" or "aws", got "${value}"`,
  badArchitecture: (value: string) => `--architecture: expected x86_64 or arm64, got "${value}"`,
  dynamoFirstLine: (line: string) => `DynamoDB server printed an unexpected first line: ${line}`,
  dynamoExited: (code: number | null) => `DynamoDB server exited before listening (code ${code})`,
  badPlannedConcurrency: (planned: number, memoryMB: number) => `the CPU plan gave concurrency ${planned} at ${memoryMB} MB (expected a non-negative integer)`,
  notBenchmark: (fn: string) => `--functions: "${fn}" is the warm-up function, not part of the measured set`,
  locked: (lock: string, holder: LockHolder) =>
    `another bench run is active on this machine: pid ${holder.pid}${holder.command ? ` (${holder.command})` : ""}${holder.workDir ? `, work folder ${holder.workDir}` : ""}${holder.startedAt ? `, since ${holder.startedAt}` : ""}; it holds ${lock}. Two benches at once would measure each other; wait for it to finish, or stop it, then retry.`,
  lockContended: (lock: string) => `${lock}: another bench took the lock while this one was starting; retry.`,
  missingArtefact: (entry: string, artefact: string, why: string) => `artefact for ${entry} is missing (${artefact}) and could not be built: ${why}`,
  noPairs: (runtimes: string[], functions: string[]) =>
    `the manifest has no entry for any of --runtimes ${runtimes.join(",")} × --functions ${functions.join(",")}: nothing to measure (add one with npm run function -- add)`,
  selectionWithoutEntry: (option: string, id: string, other: string, others: string[]) =>
    `--${option}: "${id}" has no manifest entry for any ${other} selected (${others.join(", ")}); drop it or add the entry (npm run function -- add)`,
  missingWarmup: (runtime: string, fn: string, warmup: string) =>
    `${runtime}/${fn} warms up with "${warmup}", which has no manifest entry for ${runtime}; add that entry, set the function's "warmup" to "self" or "none", or pass --warmup 0`,
  noEntry: (runtime: string, fn: string) => `functions/manifest.json has no entry for ${runtime}/${fn}`,
  corruptWorkFile: (file: string, why: string) =>
    `${file}: unreadable (${why}); it belongs to an interrupted run's work folder: rerun without --resume to start that run over.`,
  resumeMismatch: (file: string) => `${file}: the interrupted run used a different protocol; rerun without --resume to start over`,
  limitsNotEnforced: (note: string) =>
    `WARNING: CPU/memory limits are NOT enforced (${note}). Numbers from this run are not comparable to capped runs; meta.json records it.`,
  collectedMismatch: (segment: string, reports: number, invoked: number) =>
    `${segment}: ${reports} REPORT lines collected for ${invoked} invocations that reached the function`,
  badSeed: (value: string) => `--seed: expected an integer from 0 to 4294967295, got "${value}"`,
  adaptivePlan: (min: number, max: number, target: number) =>
    `trials: at least ${min}, then more until every median Total Duration's interval is within ±${(target * 100).toFixed(1)} % of it, at most ${max} (--target-precision, --max-trials)`,
  trialPlan: (trials: number, seed: number, segments: number, memorySizes: number[]) =>
    `${trials} trial(s) × ${segments} segment(s) at ${memorySizes.join(", ")} MB, segment order drawn per trial from seed ${seed} (--seed ${seed} repeats it)`,
  segmentLabel: (k: { trial: number; memoryMB: number; runtime: string; function: string }, trials: number, position: number, segments: number) =>
    `trial ${k.trial}/${trials} segment ${position}/${segments} ${k.memoryMB} MB ${k.runtime}/${k.function}`,
  tablePrimed: (memoryMB: number, pair: string, requests: number, seconds: number) =>
    `${memoryMB} MB: table primed with what ${pair} writes (${requests} unmeasured requests, ${seconds.toFixed(1)} s), so every segment of every trial queries the same items`,
  trialDone: (trial: number, trials: number, seconds: number) => `trial ${trial}/${trials} done in ${seconds.toFixed(1)} s`,
  alreadyMeasured: (label: string) => `${label}: already measured (resume)`,
  freshEnvironments: (trial: number, trials: number, memoryMB: number, seconds: number) =>
    `trial ${trial}/${trials}, ${memoryMB} MB: fresh execution environments (${seconds.toFixed(1)} s)`,
  segmentDone: (label: string, rps: number, statuses: string, reports: number, seconds: number) =>
    `${label}: ${rps.toFixed(0)} req/s, HTTP ${statuses}, ${reports} REPORT lines, ${seconds.toFixed(1)} s`,
  datasetWritten: (dir: string) => `dataset written: ${dir}`,
  unreadable: (segment: string, n: number, first: string) => `${segment}: ${n} unreadable REPORT line(s), first: ${first}`,
  planRefused: (concurrency: number, memoryMB: number, cores: number, runCores: number, needed: number, maxConcurrency: number, maxMemoryMB: number) =>
    `the lab cannot hold concurrency ${concurrency} at ${memoryMB} MB on this ${cores}-core machine: the running instances' CPU caps need ${concurrency} × ${memoryMB}/1769 = ${needed.toFixed(2)} cores, and ${runCores} core(s) are left for them once the database, front, load driver and initialising instances have theirs. ` +
    (maxConcurrency > 0
      ? `The largest concurrency it holds at ${memoryMB} MB is ${maxConcurrency}; the largest memory size at concurrency ${concurrency} is ${maxMemoryMB} MB. `
      : `It holds no concurrency at ${memoryMB} MB. `) +
    `Use --concurrency ${Math.max(1, maxConcurrency)} (or drop --concurrency for the machine's default), or --oversubscribe to run anyway (recorded in meta.json and the report).`,
  noCpuPlan: (cores: number) =>
    `the lab needs at least 2 cores to keep the measured instances off the database, front and load driver; this machine has ${cores}. Use --oversubscribe to run anyway (recorded in meta.json and the report).`,
  oversubscribed: (detail: string) => `WARNING: oversubscribed (--oversubscribe): ${detail}`,
  cpusetsNotEnforced: () => `WARNING: the CPU plan is not enforced (no writable cpuset cgroup); roles share the machine's cores. meta.json records it.`,
  interrupted: (signal: string) =>
    `interrupted by ${signal}: instances stopped, cgroups removed, DynamoDB stopped; no dataset written for unfinished memory sizes (use --resume to continue)`,
  done: (seconds: number, datasets: readonly string[]) => `done in ${seconds.toFixed(1)} s: ${datasets.join(", ")}`,
};
