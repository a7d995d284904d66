// The one publish stage of the report and the comparison: the pages' figures drawn, the site
// written into a staging folder, the PDF printed from it, then both swapped in. Only a publish that
// succeeded replaces anything, so a failure leaves the previous site and PDF untouched.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { stagingDirFor, swapDir, writeFileAtomic } from "../../runners/dataset/atomic.js";
import { pdfKey, readEntry, writeEntry } from "./cache.js";
import type { FigureSvgs } from "./figure-svgs.js";
import { renderMessages } from "./messages.js";
import type { Page, RenderedPage } from "./page.js";
import { countPdfPages, printPdf } from "./pdf.js";
import { writeSite } from "./site.js";

export interface PublishOutput {
  siteDir: string;
  /** null: no PDF. */
  pdfPath: string | null;
  /** The PDF's file name inside the site. */
  pdfName: string;
  cacheDir: string;
  templatesDir: string;
  /** The datasets' provenance (HTML) for the overview and the title page. */
  provenance: string;
  /** The datasets' names for the pages' footer. */
  datasetNames: string[];
  /** Draws the figures; it may have started on them while the notebooks ran. */
  figures: FigureSvgs;
  log: (line: string) => void;
}

export interface Published {
  /** HTML pages written (the overview, one per page, the print page). */
  pages: number;
  pdfPages: number | undefined;
}

export const secondsSince = (start: number): number => (performance.now() - start) / 1000;

export async function publish(pages: readonly Page[], output: PublishOutput): Promise<Published> {
  const siteStarted = performance.now();
  const rendered: RenderedPage[] = [];
  for (const page of pages) rendered.push({ page, svgs: await output.figures.forPage(page) });

  const staging = stagingDirFor(output.siteDir);
  try {
    const written = writeSite(staging, {
      pages: rendered,
      provenance: output.provenance,
      datasetNames: output.datasetNames,
      pdfName: output.pdfPath ? output.pdfName : null,
      templatesDir: output.templatesDir,
    });
    output.log(renderMessages.progress.site(output.siteDir, written, secondsSince(siteStarted)));

    let pdf: Uint8Array | undefined;
    if (output.pdfPath) {
      const pdfStarted = performance.now();
      const printed = await cachedPdf(staging, output.cacheDir, pages);
      pdf = printed.pdf;
      writeFileAtomic(join(staging, output.pdfName), pdf);
      output.log(renderMessages.progress.pdf(output.pdfPath, countPdfPages(pdf), secondsSince(pdfStarted), printed.cached));
    }
    swapDir(staging, output.siteDir);
    if (output.pdfPath && pdf) writeFileAtomic(output.pdfPath, pdf);
    return { pages: written, pdfPages: pdf ? countPdfPages(pdf) : undefined };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The PDF of the staged site, reused while the print page and its stylesheets are unchanged. */
async function cachedPdf(siteDir: string, cacheDir: string, chapters: readonly Page[]): Promise<{ pdf: Uint8Array; cached: boolean }> {
  const key = pdfKey(["print.html", "assets/style.css", "assets/print.css"].map((f) => readFileSync(join(siteDir, f), "utf8")));
  const cached = readEntry(cacheDir, "pdf", key);
  if (cached !== undefined) return { pdf: cached, cached: true };
  const pdf = await printPdf(join(siteDir, "print.html"), chapters);
  writeEntry(cacheDir, "pdf", key, pdf);
  return { pdf, cached: false };
}
