// Prints the site's print page to PDF: A4, page numbers in the footer, only local files loaded.
import { pathToFileURL } from "node:url";
import { withChromium } from "./chromium.js";

const footerTemplate =
  '<div style="width:100%;font-size:8px;color:#5b6475;text-align:center;font-family:sans-serif;">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

export async function printPdf(printPage: string): Promise<Uint8Array> {
  return withChromium(async (browser) => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (request.url().startsWith("file:")) void request.continue();
      else void request.abort();
    });
    await page.goto(pathToFileURL(printPage).href, { waitUntil: "load" });
    await page.evaluate("document.fonts.ready.then(() => undefined)");
    return page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate,
      margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
      preferCSSPageSize: false,
      outline: true,
      tagged: true,
    });
  });
}

/** Pages in a PDF, from its page tree (enough for the progress line; tests use pdfinfo). */
export function countPdfPages(pdf: Uint8Array): number | undefined {
  const text = Buffer.from(pdf).toString("latin1");
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  return counts.length ? Math.max(...counts) : undefined;
}
