// The report build: execute (or reuse) every section notebook, then publish the sections as the
// site and the PDF (render/publish.ts).
import { existsSync } from "node:fs";
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
import { chromiumPath, type LaunchedChromium } from "./chromium.js";
import { launchPdfChromium } from "./pdf.js";

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
  const chromium = new PdfChromiumAhead(options.pdfPath !== null);
  // A kernel started ahead takes a core while it starts: Chromium starts once it is ready (else as the notebooks start).
  void executor?.kernelReady.then(() => chromium.launch());
  try {
    return await build(options, started, executor, chromium);
  } catch (error) {
    await executor?.cancel(); // stops kernels started ahead if the build failed before using them
    throw error;
  } finally {
    await chromium.close(); // publish closed it already, unless the build failed before
  }
}

/** The PDF's Chromium, started while the build still runs notebooks; none once the build is over. */
class PdfChromiumAhead {
  launched: LaunchedChromium | undefined;
  private over = false;

  constructor(private readonly wanted: boolean) {}

  launch(): void {
    // Without a Chromium, the PDF step says so, after the notebooks' outputs are cached, as it always has.
    if (this.wanted && !this.over && !this.launched && existsSync(chromiumPath())) this.launched = launchPdfChromium();
  }

  async close(): Promise<void> {
    this.over = true;
    await this.launched?.close();
  }
}

function executorSettings(options: BuildOptions): ExecutorOptions {
  return { concurrency: options.concurrency, cwd: options.notebooksDir, isolateKernels: options.isolateKernels };
}

async function build(buildOptions: BuildOptions, started: number, headStart: Executor | undefined, chromium: PdfChromiumAhead): Promise<BuildResult> {
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
      // One kernel leaves a core to spare on a small machine: Chromium starts while the notebooks run, when some do.
      beforeExecute: () => chromium.launch(),
      log: options.log,
    },
  );

  const published = await publish(pages, {
    ...options,
    pdfName: PDF_NAME,
    provenance: checked.provenance,
    datasetNames: checked.names,
    figures,
    chromium: chromium.launched,
  });
  const total = seconds(started);
  options.log(renderMessages.progress.total(total));
  return { sections: outcomes, pages: published.pages, pdfPages: published.pdfPages, seconds: total };
}
