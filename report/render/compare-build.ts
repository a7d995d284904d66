// The comparison report: execute (or reuse) the comparison notebook on two runs, then publish its
// page with an overview of both runs' provenance as the site and the PDF (render/publish.ts).
import { join } from "node:path";
import { COMPARISON_TITLE } from "../lib/sections/comparison.js";
import { COMPARISON_NOTEBOOK, comparisonParametersSource } from "../notebook/notebook-source.js";
import { checkDatasets, requireDatasetFolders, type CheckedDatasets } from "./check-datasets.js";
import { FigureSvgs } from "./figure-svgs.js";
import { provenanceHtml } from "./html.js";
import { bundleLibrary } from "./library-bundle.js";
import { renderMessages } from "./messages.js";
import { notebookPages } from "./notebook-pages.js";
import type { CompareBuildOptions } from "./options.js";
import { publish, secondsSince as seconds } from "./publish.js";

export interface CompareBuildResult {
  status: "fresh" | "cached";
  pages: number;
  pdfPages: number | undefined;
  seconds: number;
}

export const COMPARISON_PAGE_ID = "compare";
const PDF_NAME = "lambench-comparison.pdf";

export async function buildComparisonReport(o: CompareBuildOptions): Promise<CompareBuildResult> {
  const started = performance.now();
  requireDatasetFolders([o.baseline, o.candidate]);

  const bundleStarted = performance.now();
  const library = await bundleLibrary();
  o.log(renderMessages.progress.bundle(seconds(bundleStarted), library.reused));
  // Each run is checked on its own (two runs may share a dataset name), once, before the notebook
  // runs, into the columnar copy the notebook reads; what the overview says of it is cached with it.
  const check = (dir: string): Promise<CheckedDatasets> => checkDatasets({ datasets: [dir], cacheDir: o.cacheDir, log: o.log }, library);
  const baseline = await check(o.baseline);
  const candidate = await check(o.candidate);
  const checked = [baseline, candidate];
  const figures = new FigureSvgs(o.cacheDir);
  const { pages, outcomes } = await notebookPages(
    [
      {
        id: COMPARISON_PAGE_ID,
        title: COMPARISON_TITLE,
        notebook: join(o.notebooksDir, COMPARISON_NOTEBOOK),
        parameters: comparisonParametersSource(baseline.columnar, candidate.columnar, library.path, o.options),
        rerun: o.force,
      },
    ],
    {
      cacheDir: o.cacheDir,
      datasetFingerprints: checked.flatMap((c) => c.fingerprints),
      librarySource: library.code,
      figures,
      executor: undefined,
      executorSettings: { concurrency: 1, cwd: o.notebooksDir },
      log: o.log,
    },
  );

  const published = await publish(pages, {
    ...o,
    pdfName: PDF_NAME,
    provenance: provenanceHtml(checked.flatMap((c) => c.described)),
    datasetNames: checked.flatMap((c) => c.names),
    figures,
  });
  const total = seconds(started);
  o.log(renderMessages.progress.comparisonDone(o.siteDir, total));
  return { status: outcomes[0]!.status, ...published, seconds: total };
}
