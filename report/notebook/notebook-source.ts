// The section notebooks, generated from one template so they stay alike. Committed without outputs.
import { SECTIONS, type SectionId } from "../lib/section.js";
import type { SectionOptions } from "../lib/sections/index.js";
import type { ComparisonOptions } from "../lib/sections/comparison.js";
import { notebookMessages } from "./messages.js";

/** Where the notebooks find the library bundle when opened from notebooks/ in JupyterLab. */
export const LIBRARY_REQUIRE_PATH = "../.cache/report-lib/report-lib.cjs";

export function notebookFileName(id: SectionId): string {
  const index = SECTIONS.findIndex((s) => s.id === id);
  return `${String(index + 1).padStart(2, "0")}-${id}.ipynb`;
}

/** The parameters cell's source; the renderer replaces the cell with its dataset list, options and bundle. */
export function parametersSource(datasets: readonly string[], library: string = LIBRARY_REQUIRE_PATH, options: SectionOptions = {}): string {
  return [
    "// Dataset folders (absolute, or relative to this notebook). Empty: every complete dataset in ../data.",
    `const datasets: string[] = ${JSON.stringify(datasets)};`,
    ...optionsLines(options),
    "// The report library, bundled for this kernel by `npm run notebooks:prepare`.",
    `const reportLibrary = ${JSON.stringify(library)};`,
  ].join("\n");
}

/** Report options (npm run report -- --billing-rule … --prices …); {} keeps the defaults. */
function optionsLines(options: SectionOptions): string[] {
  return [
    "// Report options: billingRule (aws-2025-08 | aws-pre-2025-08 | as-reported), prices (price table), seed, resamples.",
    `const options = ${JSON.stringify(options)};`,
  ];
}

/**
 * Loads the library bundle, or says which command makes it. With require, not import: in a tslab
 * kernel an import makes every later cell slower to compile (measured: a notebook's four cells
 * took 0.10 s with the imports, 0.07 s without, over the dozen notebooks a kernel runs in turn).
 */
function requireLibraryLines(): string[] {
  const [before, after] = notebookMessages.missingBundle("\0").split("\0");
  return [
    'const tslab = require("tslab");',
    'const { existsSync } = require("fs");',
    'const { resolve } = require("path");',
    `if (!existsSync(reportLibrary)) throw new Error(${JSON.stringify(before)} + resolve(reportLibrary) + ${JSON.stringify(after)});`,
    "const report = require(reportLibrary);",
  ];
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
        [...requireLibraryLines(), 'const data = await report.loadDatasets(datasets.length > 0 ? datasets : report.findCompleteDatasets("../data"));'].join(
          "\n",
        ),
      ),
      code("build", `const section = report.buildSection("${id}", data, options);`),
      code("show", "await report.showSection(section, report.tslabEmitter(tslab.display));"),
    ],
    metadata: NOTEBOOK_METADATA,
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

/** The notebook-level metadata every generated notebook carries. */
export const NOTEBOOK_METADATA = {
  kernelspec: { display_name: "TypeScript", language: "typescript", name: "tslab" },
  language_info: { file_extension: ".ts", mimetype: "text/typescript", name: "typescript" },
};

/** The comparison report's notebook (npm run report -- --compare <a> <b>); not a section of the report. */
export const COMPARISON_NOTEBOOK = "90-compare.ipynb";

/** The comparison notebook's parameters cell: the two runs, options and bundle. */
export function comparisonParametersSource(
  baseline: readonly string[],
  candidate: readonly string[],
  library: string = LIBRARY_REQUIRE_PATH,
  options: ComparisonOptions = {},
): string {
  return [
    "// Dataset folders of the two runs (absolute, or relative to this notebook). Empty: the first two comparable",
    "// complete datasets under ../data, subfolders included (same target and architecture, a memory size in common).",
    `const baseline: string[] = ${JSON.stringify(baseline)};`,
    `const candidate: string[] = ${JSON.stringify(candidate)};`,
    "// Report options: billingRule, seed, resamples, minEffect (smallest relative change that counts, e.g. 0.05).",
    `const options = ${JSON.stringify(options)};`,
    "// The report library, bundled for this kernel by `npm run notebooks:prepare`.",
    `const reportLibrary = ${JSON.stringify(library)};`,
  ].join("\n");
}

export function comparisonNotebook(): string {
  const notebook = {
    cells: [
      markdown(
        "about",
        [
          "# Comparison of two runs",
          "",
          "For every runtime, function, memory size and metric both runs measured: the change from the baseline to the",
          "candidate, its bootstrap interval and a verdict (regression, improvement or no clear difference). Every",
          "sentence and figure below is computed by the report library (`report/lib/`).",
          "",
          "Run `npm run notebooks:prepare` once, then run all cells with the TypeScript (tslab) kernel.",
          "`npm run report -- --compare data/<a> data/<b>` executes this notebook with its own runs.",
          "",
          "Two runs compare only where they measured the same runtime, function, memory size and architecture.",
          "With `baseline` and `candidate` left empty, the notebook takes the first two complete datasets under `data/`",
          "(subfolders such as `data/reruns/` included) of the same target and architecture with a memory size in common;",
          'to compare others, put their folders in `baseline` and `candidate` (e.g. `["../data/local-128mb"]`).',
        ].join("\n"),
      ),
      code("parameters", comparisonParametersSource([], []), ["parameters"]),
      code(
        "load",
        [
          ...requireLibraryLines(),
          'const [baselineDirs, candidateDirs] = baseline.length > 0 ? [baseline, candidate] : report.defaultComparisonPair("../data");',
          "const runs = [await report.loadDatasets(baselineDirs), await report.loadDatasets(candidateDirs)];",
        ].join("\n"),
      ),
      code("build", "const comparison = report.buildComparison(runs[0], runs[1], options);"),
      code("show", "await report.showSection(comparison, report.tslabEmitter(tslab.display));"),
    ],
    metadata: NOTEBOOK_METADATA,
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
