// Every user-facing message of the lab, so tests can assert on them by value.
export const labMessages = {
  missingArtefact: (path: string) => `artefact ${path} does not exist; build it first (npm run build:functions)`,
  badZip: (path: string, why: string) => `artefact ${path}: not a readable zip (${why})`,
  unknownRuntimeKind: (lambdaRuntime: string) =>
    `runtime "${lambdaRuntime}": the lab knows how to run nodejs*, python* and provided.* runtimes only`,
  limitsNotEnforced: (note: string) =>
    `WARNING: resource limits are NOT enforced (${note}). Durations measured on this machine are not comparable to capped runs.`,
  notDeployed: (route: string) => `no function deployed at /${route}`,
  methodNotAllowed: (method: string) => `method ${method} not allowed; use POST /<runtime>/<function>`,
};
