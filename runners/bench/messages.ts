// Every user-facing message of the bench, so tests can assert on them by value.
export const benchMessages = {
  sweepWithMemory: (memory: string) =>
    `--memory-sweep runs power-tuning's default sizes (128,256,512,1024,1536,3008 MB) and cannot be combined with --memory "${memory}": give one or the other`,
  planConcurrency: (memoryMB: number, concurrency: number) => `${memoryMB} MB: concurrency ${concurrency}, the largest the lab's CPU plan holds at this size`,
  noPlanConcurrency: (concurrency: number) =>
    `concurrency ${concurrency} at every memory size (--concurrency, or its default: no CPU plan is available to size it per memory size)`,
  badList: (option: string, value: string) => `--${option}: expected a comma-separated list, got "${value}"`,
  badInteger: (option: string, value: string, min: number) => `--${option}: expected an integer >= ${min}, got "${value}"`,
  unknownIds: (option: string, unknown: string[], known: string[]) =>
    `--${option}: unknown ${unknown.map((x) => `"${x}"`).join(", ")} (manifest has: ${known.join(", ")})`,
  badTarget: (value: string) => `--target: expected "local" or "aws", got "${value}"`,
  badName: (value: string) => `--name: "${value}" is not a usable folder name (letters, digits, dot, dash, underscore)`,
  notBenchmark: (fn: string) => `--functions: "${fn}" is the warm-up function, not part of the measured set`,
  locked: (lock: string, pid: number) =>
    `another bench run (pid ${pid}) is active; it holds ${lock}. Wait for it to finish, or stop it, then retry.`,
  missingArtefact: (entry: string, artefact: string, why: string) =>
    `artefact for ${entry} is missing (${artefact}) and could not be built: ${why}`,
  noEntry: (runtime: string, fn: string) => `functions/manifest.json has no entry for ${runtime}/${fn}`,
  resumeMismatch: (file: string) =>
    `${file}: the interrupted run used a different protocol; rerun without --resume to start over`,
  limitsNotEnforced: (note: string) =>
    `WARNING: CPU/memory limits are NOT enforced (${note}). Numbers from this run are not comparable to capped runs; meta.json records it.`,
  collectedMismatch: (segment: string, reports: number, invoked: number) =>
    `${segment}: ${reports} REPORT lines collected for ${invoked} invocations that reached the lab`,
  unreadable: (segment: string, n: number, first: string) => `${segment}: ${n} unreadable REPORT line(s), first: ${first}`,
  interrupted: (signal: string) => `interrupted by ${signal}: instances stopped, cgroups removed, DynamoDB stopped; no dataset written for unfinished memory sizes (use --resume to continue)`,
};
