// The report build: execute (or reuse) every section notebook, then publish the sections as the
// site and the PDF (render/publish.ts).
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { SECTIONS, type SectionId } from "../lib/section.js";
import { notebookFileName, parametersSource } from "../notebook/notebook-source.js";
import { datasetFingerprint, provenanceKey, readJsonEntry, writeEntry } from "./cache.js";
import { startExecutor, type Executor, type ExecutorOptions } from "./execute.js";
import { FigureSvgs } from "./figure-svgs.js";
import { provenanceHtml } from "./html.js";
import type { DatasetProvenance, LoadedDataset } from "../lib/index.js";
import { ReportBuildError, renderMessages } from "./messages.js";
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
  for (const dir of options.datasets)
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ReportBuildError(renderMessages.missingDataset(dir));

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
  buildOptions.log(renderMessages.progress.bundle(seconds(bundleStarted)));

  // Every dataset is loaded and checked here, once, before any notebook runs.
  const checked = await checkDatasets(buildOptions, library.code);
  const options = { ...buildOptions, datasets: checked.usable };
  const figures = new FigureSvgs(options.cacheDir);
  const { pages, outcomes } = await notebookPages(
    SECTIONS.map(({ id, title }) => ({
      id,
      title,
      notebook: join(options.notebooksDir, notebookFileName(id)),
      parameters: parametersSource(options.datasets, library.path, sectionOptionsFor(id, options.sectionOptions ?? {})),
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
    datasetNames: options.datasets.map(datasetName),
    figures,
  });
  const total = seconds(started);
  options.log(renderMessages.progress.total(total));
  return { sections: outcomes, pages: published.pages, pdfPages: published.pdfPages, seconds: total };
}

function datasetName(dir: string): string {
  try {
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { name?: unknown };
    if (typeof meta.name === "string") return meta.name;
  } catch {
    // the notebooks already refused a dataset without a readable meta.json
  }
  return dir.split("/").pop() ?? dir;
}

/** What the title page needs of a dataset that loaded, cached by its content and the library. */
interface CheckedDataset {
  described: DatasetProvenance[];
  datasets: Pick<LoadedDataset, "name" | "meta">[];
}

/**
 * Loads every dataset once (what the title page needs is cached by content and library, so an
 * unchanged dataset is not loaded again), so a bad dataset is reported once, by the build, instead
 * of by every notebook. Named datasets (--data) must all load; of the datasets found in data/, one
 * that does not is left out with a title-page warning. Returns the title page's provenance HTML.
 */
async function checkDatasets(options: BuildOptions, librarySource: string): Promise<{ usable: string[]; fingerprints: string[]; notices: string[]; provenance: string }> {
  const explicit = options.datasetsExplicit ?? true;
  const library = await import("../notebook/library.js");
  const usable: string[] = [];
  const fingerprints: string[] = [];
  const notices: string[] = [];
  const checked: CheckedDataset[] = [];
  const names = new Map<string, string>();
  for (const dir of options.datasets) {
    const fingerprint = datasetFingerprint(dir);
    const key = provenanceKey(fingerprint, librarySource);
    try {
      let entry = readJsonEntry<CheckedDataset>(options.cacheDir, "provenance", key, isCheckedDataset);
      if (!entry) {
        const data = await library.loadDatasets([dir]);
        entry = { described: library.describeDatasets(data), datasets: data.datasets.map(({ name, meta }) => ({ name, meta })) };
        writeEntry(options.cacheDir, "provenance", key, JSON.stringify(entry));
      }
      const name = entry.datasets[0]!.name;
      const twin = names.get(name);
      if (twin !== undefined) throw new library.DatasetError(renderMessages.duplicateDataset(name, twin, dir));
      names.set(name, dir);
      checked.push(entry);
    } catch (error) {
      if (!(error instanceof library.DatasetError)) throw error;
      if (explicit) throw new ReportBuildError(renderMessages.badDataset(error.message));
      notices.push(renderMessages.skippedDataset(dir, error.message));
      options.log(renderMessages.progress.skipped(dir, error.message));
      continue;
    }
    usable.push(dir);
    fingerprints.push(fingerprint);
  }
  if (usable.length === 0) throw new ReportBuildError(renderMessages.noUsableDataset(notices));
  const all = checked.flatMap((c) => c.datasets);
  const provenance = provenanceHtml(checked.flatMap((c) => c.described), library.protocolGroups(all as LoadedDataset[]), notices);
  return { usable, fingerprints, notices, provenance };
}

/** A cache entry of checkDatasets (a damaged one is a miss). */
function isCheckedDataset(entry: CheckedDataset): boolean {
  return Array.isArray(entry.described) && Array.isArray(entry.datasets) && entry.datasets.length > 0;
}
