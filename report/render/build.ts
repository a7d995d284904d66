// The report build: execute (or reuse) every section notebook, then publish the sections as the
// site and the PDF (render/publish.ts).
import { join } from "node:path";
import { SECTIONS, type SectionId } from "../lib/section.js";
import { notebookFileName, parametersSource } from "../notebook/notebook-source.js";
import { checkDatasets, requireDatasetFolders } from "./check-datasets.js";
import { startExecutor, type Executor, type ExecutorOptions } from "./execute.js";
import { FigureSvgs } from "./figure-svgs.js";
import { renderMessages } from "./messages.js";
import { bundleLibrary } from "./library-bundle.js";
import { sectionOptionsFor, type BuildOptions } from "./options.js";
import { notebookPages, type PageOutcome } from "./notebook-pages.js";
import { publish, secondsSince as seconds } from "./publish.js";

export type SectionOutcome = PageOutcome<SectionId>;

export interface BuildResult {
  sections: SectionOutcome[];
  pages: number;
  pdfPages: number | undefined;
  seconds: number;
}

const PDF_NAME = "lambench-report.pdf";

export async function buildReport(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  requireDatasetFolders(options.datasets);

  // When some notebook will surely run, its kernel starts while the library is bundled.
  const headStart = options.force ? options.concurrency : options.section ? 1 : 0;
  const executor = headStart > 0 ? startExecutor({ ...executorSettings(options), prestart: headStart }) : undefined;
  try {
    return await build(options, started, executor);
  } catch (error) {
    await executor?.cancel(); // stops kernels started ahead if the build failed before using them
    throw error;
  }
}

function executorSettings(options: BuildOptions): ExecutorOptions {
  return { concurrency: options.concurrency, cwd: options.notebooksDir, isolateKernels: options.isolateKernels };
}

async function build(buildOptions: BuildOptions, started: number, headStart: Executor | undefined): Promise<BuildResult> {
  const bundleStarted = performance.now();
  const library = await bundleLibrary();
  buildOptions.log(renderMessages.progress.bundle(seconds(bundleStarted), library.reused));

  // Every dataset is loaded and checked here, once, before any notebook runs; the notebooks read its columnar copy.
  const checked = await checkDatasets(buildOptions, library);
  const options = { ...buildOptions, datasets: checked.usable };
  const figures = new FigureSvgs(options.cacheDir);
  const { pages, outcomes } = await notebookPages(
    SECTIONS.map(({ id, title }) => ({
      id,
      title,
      notebook: join(options.notebooksDir, notebookFileName(id)),
      parameters: parametersSource(checked.columnar, library.path, sectionOptionsFor(id, options.sectionOptions ?? {})),
      rerun: options.force || options.section === id,
    })),
    {
      cacheDir: options.cacheDir,
      datasetFingerprints: checked.fingerprints,
      librarySource: library.code,
      figures,
      executor: headStart,
      executorSettings: executorSettings(options),
      log: options.log,
    },
  );

  const published = await publish(pages, {
    ...options,
    pdfName: PDF_NAME,
    provenance: checked.provenance,
    datasetNames: checked.names,
    figures,
  });
  const total = seconds(started);
  options.log(renderMessages.progress.total(total));
  return { sections: outcomes, pages: published.pages, pdfPages: published.pdfPages, seconds: total };
}
