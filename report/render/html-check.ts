// `jupyter nbconvert --to html --execute` on one notebook, then the page in headless Chromium: what a
// reader of the HTML sees (figures as drawn SVG, no error output, no figure left as text).
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Browser } from "puppeteer-core";
import { paths } from "./paths.js";

export interface HtmlResult {
  notebook: string;
  seconds: number;
  figures: number;
  problems: string[];
}

interface PageElement {
  /** Images only: 0 until decoded, and for a picture that does not decode. */
  naturalWidth?: number;
  querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
  getBoundingClientRect(): { width: number; height: number };
  innerText: string;
  scrollIntoView(options?: object): void;
  querySelector(selector: string): PageElement | null;
}
declare const document: PageElement & { body: PageElement };

export async function checkHtml(browser: Browser, notebook: string, outDir: string, options: { screenshot?: string } = {}): Promise<HtmlResult> {
  const started = performance.now();
  const name = notebook
    .split("/")
    .pop()!
    .replace(/\.ipynb$/, "");
  const problems: string[] = [];
  try {
    await promisify(execFile)(join(dirname(paths.python), "jupyter"), ["nbconvert", "--to", "html", "--execute", "--output-dir", outDir, notebook], {
      env: {
        ...process.env,
        PATH: `${join(paths.nodeModules, ".bin")}:${dirname(paths.python)}:${process.env.PATH ?? ""}`,
        PYDEVD_DISABLE_FILE_VALIDATION: "1",
      },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message);
    return {
      notebook,
      seconds: (performance.now() - started) / 1000,
      figures: 0,
      problems: [`nbconvert failed: ${stderr.trim().split("\n").slice(-3).join(" | ")}`],
    };
  }
  const page = await browser.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${String((error as Error).message ?? error).split("\n")[0]}`));
  try {
    await page.setViewport({ width: 1280, height: 1000, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(outDir, `${name}.html`)).href, { waitUntil: "load" }); // images decoded by then
    const seen = await page.evaluate(() => {
      // nbconvert's lab template puts an SVG output in an <img> with a data: URL.
      const svgs = [...document.querySelectorAll('[data-mime-type="image/svg+xml"] img, [data-mime-type="image/svg+xml"] svg')];
      return {
        figures: svgs.length,
        drawn: svgs.filter((el) => (el.naturalWidth ?? 1) > 0 && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0).length,
        errors: [...document.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]')].map((el) => el.innerText.split("\n")[0]!),
        figureTexts: document.body.innerText.split("\n").filter((line) => line.startsWith("[figure]")).length,
      };
    });
    if (seen.drawn !== seen.figures) problems.push(`${seen.figures} figures, ${seen.drawn} drawn with a size`);
    if (seen.figureTexts > 0) problems.push(`${seen.figureTexts} figure(s) shown as text`);
    problems.push(...seen.errors.map((e) => `error output: ${e}`));
    if (options.screenshot) {
      await page.evaluate(() => document.querySelector('[data-mime-type="image/svg+xml"]')?.scrollIntoView({ block: "center" }));
      await page.screenshot({ path: options.screenshot as `${string}.png`, type: "png" });
    }
    return { notebook, seconds: (performance.now() - started) / 1000, figures: seen.figures, problems };
  } finally {
    await page.close();
  }
}
