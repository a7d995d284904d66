// Screenshots of the built site in headless Chromium (for the README and for looking at it).
// node --import tsx report/cli/screenshots.ts [--site report/site] [--out docs] [--pages index,worst-case] [--full | --element <css selector>]
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Command } from "commander";
import { withChromium } from "../render/chromium.js";
import { ReportBuildError, renderMessages } from "../render/messages.js";
import { paths } from "../render/paths.js";

const options = new Command()
  .option("--site <dir>", "built site", paths.site)
  .option("--out <dir>", "where the PNGs go", "docs")
  .option("--pages <names>", "page names without .html", "index,worst-case")
  .option("--prefix <text>", "file name prefix", "report-")
  .option("--full", "whole page instead of the first screen")
  .option("--element <selector>", "only the first element matching this CSS selector (e.g. #fig-memory-cost-cost-speed-frontier)")
  .parse()
  .opts<{ site: string; out: string; pages: string; prefix: string; full?: boolean; element?: string }>();

mkdirSync(resolve(options.out), { recursive: true });
await withChromium(async (browser) => {
  for (const name of options.pages.split(",")) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(resolve(options.site), `${name}.html`)).href, { waitUntil: "load" });
    await page.waitForFunction('document.querySelectorAll(".figure-view[data-spec]:not(.interactive)").length === 0', { timeout: 20_000 });
    const file = join(resolve(options.out), `${options.prefix}${name}.png`);
    const element = options.element === undefined ? null : await page.$(options.element);
    if (options.element !== undefined && element === null)
      throw new ReportBuildError(renderMessages.noScreenshotElement(options.element, join(options.site, `${name}.html`)));
    writeFileSync(file, element ? await element.screenshot({ type: "png" }) : await page.screenshot({ type: "png", fullPage: options.full === true }));
    console.log(`wrote ${file}`);
    await page.close();
  }
});
