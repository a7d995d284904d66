// Every user-facing message about where a dataset goes (names, replacing one), shared by bench,
// import and collect so tests can assert on them by value.
export const datasetMessages = {
  badName: (option: string, value: string) =>
    `${option}: "${value}" is not a usable dataset name (letters, digits, dot, dash and underscore; no path separators, no "..", not starting with a dot)`,
  exists: (dir: string, what: string) =>
    `${dir} already holds ${what}; refusing to replace it. Pass --force to replace it, or choose another --name.`,
  existingDataset: (invocations: number, createdAt: string) => `a dataset (${invocations} invocation${invocations === 1 ? "" : "s"}, created ${createdAt})`,
  existingFolder: () => "a folder that is not a dataset",
};
