// What the notebooks say when they cannot start (the library is not loaded yet then), and what the
// checks on the committed notebooks say.

export const notebookMessages = {
  missingBundle: (path: string) =>
    `the report library bundle ${path} is missing: run \`npm run notebooks:prepare\` in the project folder, then run this cell again`,
  noComparablePair: (dataDir: string, found: number) =>
    `the comparison needs two complete datasets of the same target, architecture and memory size; ${dataDir} (with its subfolders) has ${found} complete dataset(s) and no such pair: set baseline and candidate in the parameters cell`,
  carriesOutputs: (file: string, cells: number) =>
    `${file} carries outputs in ${cells} cell(s) (JupyterLab saves them when a notebook is run): run \`npm run notebooks:clean\` to strip them before committing`,
  notGenerated: (file: string) =>
    `${file} differs from its template in report/notebook/notebook-source.ts: edit the template and run \`npm run notebooks:generate\`, or run \`npm run notebooks:generate\` to undo edits made in the notebook`,
  noJupyterLab: (path: string) => `JupyterLab not found at ${path}: run \`make setup\` (it installs requirements-dev.txt into .venv)`,
  jupyterLabFailed: (output: string) => `JupyterLab did not start:\n${output.trim().split("\n").slice(-10).join("\n")}`,
  unknownNotebooks: (unknown: readonly string[], known: readonly string[]) => `no such notebook: ${unknown.join(", ")} (notebooks: ${known.join(", ")})`,
  notebooksUsage: () => "usage: node --import tsx report/cli/notebooks.ts prepare|generate|clean",
};
