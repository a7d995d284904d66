// The comparison report: execute (or reuse) the comparison notebook on two runs, then write its
// site (overview with both runs' provenance + the comparison page) and PDF, swapped in only when
// everything succeeded.
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { SectionResult } from "../lib/section.js";
import { COMPARISON_TITLE as title, type ComparisonOptions } from "../lib/sections/comparison.js";
import { COMPARISON_NOTEBOOK, comparisonParametersSource } from "../notebook/notebook-source.js";
import { stagingDirFor, swapDir, writeFileAtomic } from "../../runners/dataset/atomic.js";
import { datasetFingerprint, executionHash, readCached, writeCached, type CachedExecution } from "./cache.js";
import { collectBlocks, drawnSvgs } from "./collect.js";
import { compareRenderMessages } from "./compare-messages.js";
import { executeNotebooks } from "./execute.js";
import { provenanceHtml } from "./html.js";
import { bundleLibrary } from "./library-bundle.js";
import { ReportBuildError, renderMessages } from "./messages.js";
import { countPdfPages, printPdf } from "./pdf.js";
import type { OutputOptions } from "./options.js";
import { writeSite } from "./site.js";
import { scopeSvgIds, specToSvg } from "./svg.js";

export interface CompareBuildOptions extends OutputOptions {
  /** Absolute dataset folders. */
  baseline: string;
  candidate: string;
  options: ComparisonOptions;
  log: (line: string) => void;
}

export interface CompareBuildResult {
  status: "fresh" | "cached";
  pages: number;
  pdfPages: number | undefined;
  seconds: number;
}

export const COMPARISON_PAGE_ID = "compare";
const PDF_NAME = "lambench-comparison.pdf";
const seconds = (since: number): number => (performance.now() - since) / 1000;

export async function buildComparisonReport(o: CompareBuildOptions): Promise<CompareBuildResult> {
  const started = performance.now();
  for (const dir of [o.baseline, o.candidate])
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ReportBuildError(renderMessages.missingDataset(dir));
  const notebook = join(o.notebooksDir, COMPARISON_NOTEBOOK);
  if (!existsSync(notebook)) throw new ReportBuildError(renderMessages.missingNotebook(notebook));

  const bundleStarted = performance.now();
  const library = await bundleLibrary();
  o.log(renderMessages.progress.bundle(seconds(bundleStarted)));
  const parameters = comparisonParametersSource([o.baseline], [o.candidate], library.path, o.options);
  const hash = executionHash({
    notebookSource: readFileSync(notebook, "utf8"),
    parameters,
    datasetFingerprints: [o.baseline, o.candidate].map(datasetFingerprint),
    librarySource: library.code,
  });
  let execution = o.force ? undefined : readCached(o.cacheDir, hash);
  const status = execution ? "cached" : "fresh";
  if (execution) o.log(renderMessages.progress.cached(notebook, execution.seconds));
  else execution = await execute(notebook, parameters, hash, o.log);

  const blocks = collectBlocks(execution.notebook, execution.outputs);
  if (blocks.length === 0) throw new ReportBuildError(renderMessages.missingSection(execution.notebook, COMPARISON_PAGE_ID));
  if (status === "fresh") writeCached(o.cacheDir, execution);
  // The site writer is made for report sections; the comparison page has the same shape under its own id.
  const section = { id: COMPARISON_PAGE_ID, title, blocks } as unknown as SectionResult;
  const svgs = new Map<string, string>();
  const drawn = drawnSvgs(execution.outputs);
  for (const block of blocks)
    if (block.kind === "figure") svgs.set(block.id, scopeSvgIds(drawn.get(block.spec) ?? (await specToSvg(block.spec)), `${COMPARISON_PAGE_ID}-${block.id}`));

  const staging = stagingDirFor(o.siteDir);
  try {
    const siteStarted = performance.now();
    const { provenance, names } = await runsProvenance([o.baseline, o.candidate]);
    const pages = writeSite(staging, {
      sections: [{ section, svgs }],
      provenance,
      datasetNames: names,
      pdfName: o.pdfPath ? PDF_NAME : null,
      templatesDir: o.templatesDir,
    });
    o.log(renderMessages.progress.site(o.siteDir, pages, seconds(siteStarted)));
    let pdf: Uint8Array | undefined;
    if (o.pdfPath) {
      const pdfStarted = performance.now();
      pdf = await printPdf(join(staging, "print.html"), [{ id: COMPARISON_PAGE_ID, title }]);
      writeFileAtomic(join(staging, PDF_NAME), pdf);
      o.log(renderMessages.progress.pdf(o.pdfPath, countPdfPages(pdf), seconds(pdfStarted), false));
    }
    swapDir(staging, o.siteDir);
    if (o.pdfPath && pdf) writeFileAtomic(o.pdfPath, pdf);
    const total = seconds(started);
    o.log(compareRenderMessages.progress.done(o.siteDir, total));
    return { status, pages, pdfPages: pdf ? countPdfPages(pdf) : undefined, seconds: total };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function execute(notebook: string, parameters: string, hash: string, log: (line: string) => void): Promise<CachedExecution> {
  let result: CachedExecution | undefined;
  let failure: string | undefined;
  await executeNotebooks([{ notebook, parameters }], {
    concurrency: 1,
    onEvent: (event) => {
      if (event.event === "start") log(renderMessages.progress.start(event.notebook));
      else if (event.event === "error") {
        log(renderMessages.progress.failed(event.notebook, event.seconds));
        failure = renderMessages.cellFailed(event.notebook, event.cell, event.firstLine, event.message);
      } else {
        log(renderMessages.progress.fresh(event.notebook, event.seconds));
        result = { hash, notebook: COMPARISON_NOTEBOOK, seconds: event.seconds, outputs: event.outputs };
      }
    },
  });
  if (failure !== undefined || !result) throw new ReportBuildError(renderMessages.buildFailed([failure ?? `${COMPARISON_NOTEBOOK}: no result`]));
  return result;
}

/** Each run loaded on its own (two runs may share a dataset name). */
async function runsProvenance(dirs: string[]): Promise<{ provenance: string; names: string[] }> {
  const library = await import("../notebook/library.js");
  const described = [];
  for (const dir of dirs) described.push(...library.describeDatasets(await library.loadDatasets([dir])));
  return { provenance: provenanceHtml(described), names: described.map((d) => d.name) };
}
