// `npm run notebooks:prepare`: bundles the report library the notebooks require.
// `npm run notebooks:generate`: rewrites notebooks/*.ipynb from report/notebook/notebook-source.ts.
// `npm run notebooks:clean`: strips outputs JupyterLab saved into notebooks/*.ipynb (sources kept).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { SECTIONS } from "../lib/section.js";
import { cellsWithOutputs, stripOutputs } from "../notebook/clean.js";
import { notebookMessages } from "../notebook/messages.js";
import { COMPARISON_NOTEBOOK, comparisonNotebook, NOTEBOOK_METADATA, notebookFileName, notebookFor } from "../notebook/notebook-source.js";
import { writeFileAtomic } from "../../runners/dataset/atomic.js";
import { bundleLibrary } from "../render/library-bundle.js";
import { paths } from "../render/paths.js";

const command = process.argv[2];
if (command === "prepare") {
  try {
    const bundle = await bundleLibrary();
    console.log(`report library ${bundle.reused ? "bundle reused (sources unchanged)" : "bundled"} for the notebooks: ${bundle.path}`);
  } catch (error) {
    console.error(`notebooks:prepare: ${(error as Error).message}`);
    process.exit(1);
  }
} else if (command === "generate") {
  for (const section of SECTIONS) {
    const file = join(paths.notebooks, notebookFileName(section.id));
    writeFileAtomic(file, notebookFor(section.id));
    console.log(`wrote ${file}`);
  }
  const comparison = join(paths.notebooks, COMPARISON_NOTEBOOK);
  writeFileAtomic(comparison, comparisonNotebook());
  console.log(`wrote ${comparison}`);
} else if (command === "clean") {
  for (const name of readdirSync(paths.notebooks)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()) {
    const file = join(paths.notebooks, name);
    const text = readFileSync(file, "utf8");
    const clean = stripOutputs(text, NOTEBOOK_METADATA);
    if (clean === text) continue;
    const cells = cellsWithOutputs(text);
    writeFileAtomic(file, clean);
    console.log(`cleaned ${relative(process.cwd(), file)}${cells ? ` (outputs in ${cells} cell(s))` : ""}`);
  }
} else {
  console.error(notebookMessages.notebooksUsage());
  process.exit(2);
}
