// Command-line input → BuildOptions, with the defaults in one place (STYLE habit 9).
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { SECTIONS, type SectionId } from "../lib/section.js";
import { findCompleteDatasets } from "../notebook/datasets.js";
import type { BuildOptions } from "./build.js";
import { ReportBuildError, renderMessages } from "./messages.js";
import { paths } from "./paths.js";
import { normalizeSectionOptions, type RawSectionOptions } from "./section-options.js";

export interface RawReportOptions extends RawSectionOptions {
  data?: string;
  section?: string;
  out?: string;
  pdf?: string | boolean;
  force?: boolean;
  cache?: string;
  jobs?: string;
  isolatedKernels?: boolean;
}

/** Where a build writes and how it treats the cache; shared by the report and the comparison. */
export interface OutputOptions {
  siteDir: string;
  /** null: no PDF. */
  pdfPath: string | null;
  cacheDir: string;
  notebooksDir: string;
  templatesDir: string;
  /** Execute every notebook even when its outputs are cached. */
  force: boolean;
}

export function normalizeOutputOptions(raw: RawReportOptions, cwd: string, defaults: { site: string; pdf: string }): OutputOptions {
  return {
    siteDir: raw.out ? resolve(cwd, raw.out) : defaults.site,
    pdfPath: raw.pdf === false ? null : typeof raw.pdf === "string" ? resolve(cwd, raw.pdf) : defaults.pdf,
    cacheDir: raw.cache ? resolve(cwd, raw.cache) : paths.cache,
    notebooksDir: paths.notebooks,
    templatesDir: paths.templates,
    force: raw.force === true,
  };
}

export function normalizeReportOptions(raw: RawReportOptions, log: (line: string) => void, cwd = process.cwd()): BuildOptions {
  const datasets = raw.data
    ? raw.data.split(",").map((d) => d.trim()).filter(Boolean).map((d) => resolve(cwd, d))
    : findCompleteDatasets(paths.data);
  if (datasets.length === 0) throw new ReportBuildError(renderMessages.noDatasets(raw.data ?? paths.data));

  let section: SectionId | null = null;
  if (raw.section !== undefined) {
    const known = SECTIONS.map((s) => s.id);
    if (!known.includes(raw.section as SectionId)) throw new ReportBuildError(renderMessages.unknownSection(raw.section, known));
    section = raw.section as SectionId;
  }
  const jobs = raw.jobs === undefined ? availableParallelism() : Number(raw.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new ReportBuildError(`--jobs must be a positive integer, got "${raw.jobs}"`);

  return {
    datasets,
    datasetsExplicit: raw.data !== undefined,
    ...normalizeOutputOptions(raw, cwd, { site: paths.site, pdf: paths.pdf }),
    section,
    concurrency: jobs,
    isolateKernels: raw.isolatedKernels === true,
    sectionOptions: normalizeSectionOptions(raw, cwd),
    log,
  };
}
