// The section notebooks, generated from one template so they stay alike. Committed without outputs.
import { SECTIONS, type SectionId } from "../lib/section.js";

/** Where the notebooks find the library bundle when opened from notebooks/ in JupyterLab. */
export const LIBRARY_REQUIRE_PATH = "../.cache/report-lib/report-lib.cjs";

export function notebookFileName(id: SectionId): string {
  const index = SECTIONS.findIndex((s) => s.id === id);
  return `${String(index + 1).padStart(2, "0")}-${id}.ipynb`;
}

/** The parameters cell's source; the renderer replaces the cell with its dataset list and bundle. */
export function parametersSource(datasets: readonly string[], library: string = LIBRARY_REQUIRE_PATH): string {
  return [
    "// Dataset folders (absolute, or relative to this notebook). Empty: every complete dataset in ../data.",
    `const datasets: string[] = ${JSON.stringify(datasets)};`,
    "// The report library, bundled for this kernel by `npm run notebooks:prepare`.",
    `const reportLibrary = ${JSON.stringify(library)};`,
  ].join("\n");
}

function code(id: string, source: string, tags: string[] = []): object {
  return { cell_type: "code", execution_count: null, id, metadata: tags.length ? { tags } : {}, outputs: [], source: lines(source) };
}

function markdown(id: string, source: string): object {
  return { cell_type: "markdown", id, metadata: {}, source: lines(source) };
}

function lines(source: string): string[] {
  const parts = source.split("\n");
  return parts.map((line, i) => (i < parts.length - 1 ? `${line}\n` : line));
}

export function notebookFor(id: SectionId): string {
  const section = SECTIONS.find((s) => s.id === id)!;
  const notebook = {
    cells: [
      markdown(
        "about",
        [
          `# ${section.title}`,
          "",
          `The *${section.title}* section of the lambench report. Every sentence and figure below is computed by the`,
          "report library (`report/lib/`) from the datasets listed in the parameters cell.",
          "",
          "Run `npm run notebooks:prepare` once (it bundles the library for this kernel), then run all cells",
          "with the TypeScript (tslab) kernel. `npm run report` executes this notebook with its own dataset list.",
        ].join("\n"),
      ),
      code("parameters", parametersSource([]), ["parameters"]),
      code(
        "load",
        [
          'import * as tslab from "tslab";',
          "const report = require(reportLibrary);",
          'const data = await report.loadDatasets(datasets.length > 0 ? datasets : report.findCompleteDatasets("../data"));',
        ].join("\n"),
      ),
      code("build", `const section = report.buildSection("${id}", data);`),
      code("show", "report.showSection(section, report.tslabEmitter(tslab.display));"),
    ],
    metadata: {
      kernelspec: { display_name: "TypeScript", language: "typescript", name: "tslab" },
      language_info: { file_extension: ".ts", mimetype: "text/typescript", name: "typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
