// The comparison report: execute (or reuse) the comparison notebook on two runs, then publish its
// page with an overview of both runs' provenance as the site and the PDF (render/publish.ts).
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { COMPARISON_TITLE } from "../lib/sections/comparison.js";
import { COMPARISON_NOTEBOOK, comparisonParametersSource } from "../notebook/notebook-source.js";
import { datasetFingerprint } from "./cache.js";
import { FigureSvgs } from "./figure-svgs.js";
import { provenanceHtml } from "./html.js";
import { bundleLibrary } from "./library-bundle.js";
import { ReportBuildError, renderMessages } from "./messages.js";
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
  const runs = [o.baseline, o.candidate];
  for (const dir of runs) if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ReportBuildError(renderMessages.missingDataset(dir));

  const bundleStarted = performance.now();
  const library = await bundleLibrary();
  o.log(renderMessages.progress.bundle(seconds(bundleStarted)));
  const figures = new FigureSvgs(o.cacheDir);
  const { pages, outcomes } = await notebookPages(
    [
      {
        id: COMPARISON_PAGE_ID,
        title: COMPARISON_TITLE,
        notebook: join(o.notebooksDir, COMPARISON_NOTEBOOK),
        parameters: comparisonParametersSource([o.baseline], [o.candidate], library.path, o.options),
        rerun: o.force,
      },
    ],
    {
      cacheDir: o.cacheDir,
      datasetFingerprints: runs.map(datasetFingerprint),
      librarySource: library.code,
      figures,
      executor: undefined,
      executorSettings: { concurrency: 1, cwd: o.notebooksDir },
      log: o.log,
    },
  );

  const { provenance, names } = await runsProvenance(runs);
  const published = await publish(pages, { ...o, pdfName: PDF_NAME, provenance, datasetNames: names, figures });
  const total = seconds(started);
  o.log(renderMessages.progress.comparisonDone(o.siteDir, total));
  return { status: outcomes[0]!.status, ...published, seconds: total };
}

/** Each run loaded on its own (two runs may share a dataset name). */
async function runsProvenance(dirs: string[]): Promise<{ provenance: string; names: string[] }> {
  const library = await import("../notebook/library.js");
  const described = [];
  for (const dir of dirs) described.push(...library.describeDatasets(await library.loadDatasets([dir])));
  return { provenance: provenanceHtml(described), names: described.map((d) => d.name) };
}
