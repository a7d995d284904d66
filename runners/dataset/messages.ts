// Every user-facing message about where a dataset goes (names, replacing one), shared by bench,
// import and collect so tests can assert on them by value.
export const datasetMessages = {
  badName: (option: string, value: string) =>
    `${option}: "${value}" is not a usable dataset name (letters, digits, dot, dash and underscore; no path separators, no "..", not starting with a dot)`,
  exists: (dir: string, what: string) => `${dir} already holds ${what}; refusing to replace it. Pass --force to replace it, or choose another --name.`,
  existingDataset: (invocations: number, createdAt: string) => `a dataset (${invocations} invocation${invocations === 1 ? "" : "s"}, created ${createdAt})`,
  existingFolder: () => "a folder that is not a dataset",
  /** The dataset-writing commands' (bench, collect, import, combine) warning and failure lines. */
  warning: (text: string) => `warning: ${text}`,
  failed: (command: string, why: string) => `${command}: ${why}`,
};

/** `npm run combine`: what it refuses and how it describes what it made. */
export const combineMessages = {
  tooFew: () => "combine: give two or more dataset folders",
  unreadable: (path: string, why: string) => `${path}: cannot read (${why})`,
  incomplete: (dir: string) => `${dir}: the dataset is incomplete (meta.json says complete: false); finish or resume its run first`,
  badField: (path: string, line: number, field: string, value: string) => `${path}: line ${line}, field ${field}: unreadable value "${value}"`,
  mismatch: (field: string, values: readonly string[]) => `cannot combine datasets whose ${field} differs (${values.join("; ")})`,
  sharedRequests: (n: number) =>
    `${n} invocation${n === 1 ? "" : "s"} appear in more than one dataset (same request id): these datasets overlap, so combining them would count them twice`,
  part: (name: string, campaign: string | null, fromTrial: number, toTrial: number) =>
    `${name}${campaign ? ` (campaign ${campaign})` : ""} as trial${fromTrial === toTrial ? ` ${fromTrial}` : `s ${fromTrial}–${toTrial}`}`,
  detail: (parts: readonly string[]) => `combined from ${parts.join(", ")}`,
  protocolsDiffer: () => "the combined runs used different protocols (requests, concurrency, warm-up or pause); their trials are pooled as they are",
  machinesDiffer: () => "the combined runs ran on different machines or under different resource limits; their trials are pooled as they are",
  combined: (detail: string | undefined, invocations: number, dir: string) => `${detail}: ${invocations} invocations → ${dir}`,
};
