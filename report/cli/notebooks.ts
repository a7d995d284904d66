// `npm run notebooks:prepare`: bundles the report library the notebooks require.
// `npm run notebooks:generate`: rewrites notebooks/*.ipynb from report/notebook/notebook-source.ts.
import { join } from "node:path";
import { SECTIONS } from "../lib/section.js";
import { COMPARISON_NOTEBOOK, comparisonNotebook, notebookFileName, notebookFor } from "../notebook/notebook-source.js";
import { writeFileAtomic } from "../../runners/dataset/atomic.js";
import { bundleLibrary } from "../render/library-bundle.js";
import { paths } from "../render/paths.js";

const command = process.argv[2];
if (command === "prepare") {
  try {
    const bundle = await bundleLibrary();
    console.log(`report library bundled for the notebooks: ${bundle.path}`);
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
} else {
  console.error("usage: node --import tsx report/cli/notebooks.ts prepare|generate");
  process.exit(2);
}
