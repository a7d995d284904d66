// Prints the site's print page to PDF: A4, page numbers in the footer, only local files loaded.
// Printed twice when pdftotext is there: a draft (without outline and tags) tells on which page
// each chapter starts, the final print carries those numbers in the table of contents.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import { withChromium } from "./chromium.js";

export interface Chapter {
  id: string;
  title: string;
}

const footerTemplate =
  '<div style="width:100%;font-size:8px;color:#5b6475;text-align:center;font-family:sans-serif;">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/** `draft`: only to read where chapters start, so without the outline and tags (layout is the same, printing faster). */
function toPdf(page: Page, draft = false): Promise<Uint8Array> {
  return page.pdf({
    format: "A4",
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate,
    margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
    outline: !draft,
    tagged: !draft,
  });
}

export async function printPdf(printPage: string, chapters: readonly Chapter[]): Promise<Uint8Array> {
  return withChromium(
    async (browser) => {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        if (request.url().startsWith("file:")) void request.continue();
        else void request.abort();
      });
      await page.goto(pathToFileURL(printPage).href, { waitUntil: "load" });
      await page.evaluate("document.fonts.ready.then(() => undefined)");
      const starts = chapterStartPages(await toPdf(page, true), chapters);
      if (!starts) return toPdf(page);
      await page.evaluate(
        `for (const [id, n] of Object.entries(${JSON.stringify(Object.fromEntries(starts))})) {
         const el = document.querySelector('[data-toc-page="' + id + '"]');
         if (el) el.textContent = String(n);
       }`,
      );
      return toPdf(page);
    },
    { singleProcess: true },
  );
}

/** Page (1-based) on which each chapter's title opens a page; null without pdftotext or a match for every chapter. */
export function chapterStartPages(pdf: Uint8Array, chapters: readonly Chapter[]): Map<string, number> | null {
  const dir = mkdtempSync(join(tmpdir(), "lambench-pdf-"));
  try {
    const file = join(dir, "draft.pdf");
    writeFileSync(file, pdf);
    let text: string;
    try {
      text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      return null;
    }
    const firstLines = text.split("\f").map(
      (p) =>
        p
          .split("\n")
          .map((l) => l.trim())
          .find((l) => l !== "") ?? "",
    );
    const starts = new Map<string, number>();
    for (const chapter of chapters) {
      const index = firstLines.findIndex((line, i) => line === chapter.title && ![...starts.values()].includes(i + 1));
      if (index < 0) return null;
      starts.set(chapter.id, index + 1);
    }
    return starts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pages in a PDF, from its page tree (enough for the progress line; tests use pdfinfo). */
export function countPdfPages(pdf: Uint8Array): number | undefined {
  const text = Buffer.from(pdf).toString("latin1");
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  return counts.length ? Math.max(...counts) : undefined;
}
