// Notebooks → pages, for the report's sections and the comparison alike: each notebook's outputs
// reused from the cache (render/cache.ts) or executed, then collected back into blocks. Outputs are
// checked before they are cached, so an output the renderer refuses is not kept; the notebooks that
// did succeed are cached even when another failed, and any failure fails the build.
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Block } from "../lib/section.js";
import { executionHash, readCached, writeCached, type CachedExecution } from "./cache.js";
import { collectBlocks } from "./collect.js";
import { startExecutor, type Executor, type ExecutorOptions } from "./execute.js";
import type { FigureSvgs } from "./figure-svgs.js";
import { ReportBuildError, renderMessages } from "./messages.js";
import type { Page } from "./page.js";

export interface NotebookPage<Id extends string> {
  id: Id;
  title: string;
  /** The notebook's absolute path. */
  notebook: string;
  /** The source of its parameters cell. */
  parameters: string;
  /** Execute it even when its outputs are cached. */
  rerun: boolean;
}

export interface PageOutcome<Id extends string> {
  id: Id;
  status: "fresh" | "cached";
  seconds: number;
}

export interface NotebookRun {
  cacheDir: string;
  /** With each notebook and its parameters, the cache key: the datasets' fingerprints and the bundled library. */
  datasetFingerprints: string[];
  librarySource: string;
  /** Starts drawing each page's figures as soon as its outputs are there. */
  figures: FigureSvgs;
  /** An executor started ahead (its kernels start while the library is bundled), else one is started when a notebook must run. */
  executor: Executor | undefined;
  executorSettings: ExecutorOptions;
  log: (line: string) => void;
}

export async function notebookPages<Id extends string>(
  specs: readonly NotebookPage<Id>[],
  run: NotebookRun,
): Promise<{ pages: Page[]; outcomes: PageOutcome<Id>[] }> {
  const executions = new Map<Id, CachedExecution>();
  const outcomes = new Map<Id, PageOutcome<Id>>();
  const jobs: (NotebookPage<Id> & { hash: string })[] = [];
  for (const spec of specs) {
    if (!existsSync(spec.notebook)) throw new ReportBuildError(renderMessages.missingNotebook(spec.notebook));
    const hash = executionHash({
      notebookSource: readFileSync(spec.notebook, "utf8"),
      parameters: spec.parameters,
      datasetFingerprints: run.datasetFingerprints,
      librarySource: run.librarySource,
    });
    const cached = spec.rerun ? undefined : readCached(run.cacheDir, hash);
    if (cached) {
      executions.set(spec.id, cached);
      outcomes.set(spec.id, { id: spec.id, status: "cached", seconds: cached.seconds });
      run.log(renderMessages.progress.cached(spec.notebook, cached.seconds));
    } else jobs.push({ ...spec, hash });
  }
  for (const execution of executions.values()) run.figures.prerender(execution);

  const failures: string[] = [];
  const executor = run.executor ?? (jobs.length > 0 ? startExecutor(run.executorSettings) : undefined);
  if (jobs.length === 0) await executor?.cancel();
  else
    await executor!.run(
      jobs.map(({ notebook, parameters }) => ({ notebook, parameters })),
      (event) => {
        const job = jobs.find((j) => j.notebook === event.notebook)!;
        if (event.event === "start") run.log(renderMessages.progress.start(event.notebook));
        else if (event.event === "error") {
          run.log(renderMessages.progress.failed(event.notebook, event.seconds));
          failures.push(renderMessages.cellFailed(event.notebook, event.cell, event.firstLine, event.message));
        } else {
          const entry: CachedExecution = { hash: job.hash, notebook: basename(job.notebook), seconds: event.seconds, outputs: event.outputs };
          executions.set(job.id, entry);
          run.figures.prerender(entry); // figures are drawn while the other notebooks still run
          outcomes.set(job.id, { id: job.id, status: "fresh", seconds: event.seconds });
          run.log(renderMessages.progress.fresh(event.notebook, event.seconds));
        }
      },
    );

  const blocksById = new Map<Id, Block[]>();
  for (const { id } of specs) {
    const execution = executions.get(id);
    if (!execution) continue;
    try {
      const blocks = collectBlocks(execution.notebook, execution.outputs);
      if (blocks.length === 0) throw new ReportBuildError(renderMessages.missingSection(execution.notebook, id));
      blocksById.set(id, blocks);
      if (outcomes.get(id)?.status === "fresh") writeCached(run.cacheDir, execution);
    } catch (error) {
      if (!(error instanceof ReportBuildError)) throw error;
      failures.push(error.message);
    }
  }
  if (failures.length > 0) throw new ReportBuildError(renderMessages.buildFailed(failures.sort()));
  return {
    pages: specs.map(({ id, title }) => ({ id, title, blocks: blocksById.get(id)! })),
    outcomes: specs.map(({ id }) => outcomes.get(id)!),
  };
}
