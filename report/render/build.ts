// The report build: execute (or reuse) every section notebook, then write the site and the PDF
// into a staging folder and swap it in only when everything succeeded.
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { SECTIONS, type Block, type SectionId, type SectionResult } from "../lib/section.js";
import type { SectionOptions } from "../lib/sections/index.js";
import { notebookFileName, parametersSource } from "../notebook/notebook-source.js";
import { stagingDirFor, swapDir, writeFileAtomic } from "../../runners/dataset/atomic.js";
import { datasetFingerprint, executionHash, readCached, sha256, writeCached, type CachedExecution } from "./cache.js";
import { collectBlocks, drawnSvgs } from "./collect.js";
import { startExecutor, type ExecutionJob, type Executor, type ExecutorOptions } from "./execute.js";
import { provenanceHtml, type RenderedSection } from "./html.js";
import type { DatasetProvenance, LoadedDataset } from "../lib/index.js";
import { ReportBuildError, renderMessages } from "./messages.js";
import { bundleLibrary } from "./library-bundle.js";
import { countPdfPages, printPdf, type Chapter } from "./pdf.js";
import { writeSite } from "./site.js";
import { scopeSvgIds, specToSvg } from "./svg.js";
import type { OutputOptions } from "./options.js";
import { sectionOptionsFor } from "./section-options.js";

export interface BuildOptions extends OutputOptions {
  /** Absolute dataset folders. */
  datasets: string[];
  /**
   * The user named the datasets (--data): one that cannot be loaded fails the build. Otherwise (the
   * default, every dataset found in data/) it is left out with a warning on the title page.
   */
  datasetsExplicit?: boolean;
  /** Execute this section's notebook even when cached (the others come from the cache). */
  section: SectionId | null;
  concurrency: number;
  /** A fresh kernel per notebook (slower; each kernel otherwise runs several notebooks in turn). */
  isolateKernels: boolean;
  /** Report options the notebooks receive (--billing-rule, --prices); default {}. */
  sectionOptions?: SectionOptions;
  log: (line: string) => void;
}

export interface SectionOutcome {
  id: SectionId;
  status: "fresh" | "cached";
  seconds: number;
}

export interface BuildResult {
  sections: SectionOutcome[];
  pages: number;
  pdfPages: number | undefined;
  seconds: number;
}

const PDF_NAME = "lambench-report.pdf";
const seconds = (since: number): number => (performance.now() - since) / 1000;

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
  const fingerprints = checked.fingerprints;
  const executions = new Map<SectionId, CachedExecution>();
  const outcomes = new Map<SectionId, SectionOutcome>();
  const jobs: (ExecutionJob & { id: SectionId; hash: string })[] = [];
  for (const { id } of SECTIONS) {
    const notebook = join(options.notebooksDir, notebookFileName(id));
    if (!existsSync(notebook)) throw new ReportBuildError(renderMessages.missingNotebook(notebook));
    const parameters = parametersSource(options.datasets, library.path, sectionOptionsFor(id, options.sectionOptions ?? {}));
    const hash = executionHash({ notebookSource: readFileSync(notebook, "utf8"), parameters, datasetFingerprints: fingerprints, librarySource: library.code });
    const cached = options.force || options.section === id ? undefined : readCached(options.cacheDir, hash);
    if (cached) {
      executions.set(id, cached);
      outcomes.set(id, { id, status: "cached", seconds: cached.seconds });
      options.log(renderMessages.progress.cached(notebook, cached.seconds));
    } else jobs.push({ id, hash, notebook, parameters });
  }

  // Independent of the notebooks: computed while they run.

  const svgs = new SvgRenderer(options.cacheDir);
  for (const execution of executions.values()) svgs.prerender(execution);

  const failures: string[] = [];
  const executor = headStart ?? (jobs.length > 0 ? startExecutor(executorSettings(options)) : undefined);
  if (jobs.length === 0) await executor?.cancel();
  else await executor!.run(jobs, (event) => {
      const job = jobs.find((j) => j.notebook === event.notebook)!;
      if (event.event === "start") options.log(renderMessages.progress.start(event.notebook));
      else if (event.event === "error") {
        options.log(renderMessages.progress.failed(event.notebook, event.seconds));
        failures.push(renderMessages.cellFailed(event.notebook, event.cell, event.firstLine, event.message));
      } else {
        const entry: CachedExecution = { hash: job.hash, notebook: notebookFileName(job.id), seconds: event.seconds, outputs: event.outputs };
        executions.set(job.id, entry);
        svgs.prerender(entry); // figures render while the other notebooks still run
        outcomes.set(job.id, { id: job.id, status: "fresh", seconds: event.seconds });
        options.log(renderMessages.progress.fresh(event.notebook, event.seconds));
      }
  });
  // Outputs are checked before they are cached, so an output the renderer refuses is not kept; the
  // notebooks that did succeed are cached even when another failed.
  const blocksById = new Map<SectionId, Block[]>();
  for (const { id } of SECTIONS) {
    const execution = executions.get(id);
    if (!execution) continue;
    try {
      const blocks = collectBlocks(execution.notebook, execution.outputs);
      if (blocks.length === 0) throw new ReportBuildError(renderMessages.missingSection(execution.notebook, id));
      blocksById.set(id, blocks);
      if (outcomes.get(id)?.status === "fresh") writeCached(options.cacheDir, execution);
    } catch (error) {
      if (!(error instanceof ReportBuildError)) throw error;
      failures.push(error.message);
    }
  }
  if (failures.length > 0) throw new ReportBuildError(renderMessages.buildFailed(failures.sort()));

  const siteStarted = performance.now();
  const rendered: RenderedSection[] = [];
  for (const { id, title } of SECTIONS) {
    const section: SectionResult = { id, title, blocks: blocksById.get(id)! };
    rendered.push({ section, svgs: await svgs.forSection(section) });
  }

  const staging = stagingDirFor(options.siteDir);
  try {
    const pages = writeSite(staging, {
      sections: rendered,
      provenance: checked.provenance,
      datasetNames: options.datasets.map(datasetName),
      pdfName: options.pdfPath ? PDF_NAME : null,
      templatesDir: options.templatesDir,
    });
    options.log(renderMessages.progress.site(options.siteDir, pages, seconds(siteStarted)));

    let pdf: Uint8Array | undefined;
    if (options.pdfPath) {
      const pdfStarted = performance.now();
      const result = await cachedPdf(staging, options.cacheDir, SECTIONS);
      pdf = result.pdf;
      writeFileAtomic(join(staging, PDF_NAME), pdf);
      options.log(renderMessages.progress.pdf(options.pdfPath, countPdfPages(pdf), seconds(pdfStarted), result.cached));
    }
    swapDir(staging, options.siteDir);
    if (options.pdfPath && pdf) writeFileAtomic(options.pdfPath, pdf);
    const total = seconds(started);
    options.log(renderMessages.progress.total(total));
    return {
      sections: SECTIONS.map(({ id }) => outcomes.get(id)!),
      pages,
      pdfPages: pdf ? countPdfPages(pdf) : undefined,
      seconds: total,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
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

/** Static SVGs, cached by spec; renders one figure at a time, as soon as its notebook is done. */
class SvgRenderer {
  private readonly pending = new Map<string, Promise<string>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly cacheDir: string) {}

  prerender(execution: CachedExecution): void {
    let blocks: Block[];
    try {
      blocks = collectBlocks(execution.notebook, execution.outputs);
    } catch {
      return; // reported when the outputs are collected for real
    }
    // The notebooks display each figure's SVG too (report/notebook/show.ts), drawn by specToSvg.
    const drawn = drawnSvgs(execution.outputs);
    for (const block of blocks) if (block.kind === "figure") void this.svg(block.spec, drawn.get(block.spec)).catch(() => undefined);
  }

  async forSection(section: SectionResult): Promise<Map<string, string>> {
    const svgs = new Map<string, string>();
    for (const block of section.blocks)
      if (block.kind === "figure") svgs.set(block.id, scopeSvgIds(await this.svg(block.spec), `${section.id}-${block.id}`));
    return svgs;
  }

  private svg(spec: Record<string, unknown>, drawn?: string): Promise<string> {
    const key = sha256(JSON.stringify(spec));
    let promise = this.pending.get(key);
    if (!promise) {
      const file = join(this.cacheDir, "svg", `${key}.svg`);
      promise = this.queue.then(async () => {
        if (existsSync(file)) return readFileSync(file, "utf8");
        const svg = drawn ?? (await specToSvg(spec));
        writeFileAtomic(file, svg);
        return svg;
      });
      this.queue = promise.catch(() => undefined);
      this.pending.set(key, promise);
    }
    return promise;
  }
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
    const file = join(options.cacheDir, "datasets-checked", `${sha256(JSON.stringify({ fingerprint, library: sha256(librarySource) }))}.json`);
    try {
      let entry = readCheckedEntry(file);
      if (!entry) {
        const data = await library.loadDatasets([dir]);
        entry = { described: library.describeDatasets(data), datasets: data.datasets.map(({ name, meta }) => ({ name, meta })) };
        writeFileAtomic(file, JSON.stringify(entry));
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

/** A cache entry of checkDatasets; a damaged one is a miss. */
function readCheckedEntry(file: string): CheckedDataset | null {
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as CheckedDataset;
    return Array.isArray(entry.described) && Array.isArray(entry.datasets) && entry.datasets.length > 0 ? entry : null;
  } catch {
    return null;
  }
}

async function cachedPdf(siteDir: string, cacheDir: string, chapters: readonly Chapter[]): Promise<{ pdf: Uint8Array; cached: boolean }> {
  const inputs = ["print.html", "assets/style.css", "assets/print.css"].map((f) => readFileSync(join(siteDir, f), "utf8"));
  const file = join(cacheDir, "pdf", `${sha256(JSON.stringify(inputs))}.pdf`);
  if (existsSync(file)) return { pdf: readFileSync(file), cached: true };
  const pdf = await printPdf(join(siteDir, "print.html"), chapters);
  writeFileAtomic(file, pdf);
  return { pdf, cached: false };
}
