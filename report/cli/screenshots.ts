// Screenshots of the built site in headless Chromium (for the README and for looking at it).
// node --import tsx report/cli/screenshots.ts [--site report/site] [--out docs] [--pages index,worst-case] [--full]
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Command } from "commander";
import { withChromium } from "../render/chromium.js";
import { paths } from "../render/paths.js";

const options = new Command()
  .option("--site <dir>", "built site", paths.site)
  .option("--out <dir>", "where the PNGs go", "docs")
  .option("--pages <names>", "page names without .html", "index,worst-case")
  .option("--prefix <text>", "file name prefix", "report-")
  .option("--full", "whole page instead of the first screen")
  .parse()
  .opts<{ site: string; out: string; pages: string; prefix: string; full?: boolean }>();

mkdirSync(resolve(options.out), { recursive: true });
await withChromium(async (browser) => {
  for (const name of options.pages.split(",")) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(resolve(options.site), `${name}.html`)).href, { waitUntil: "load" });
    await page.waitForFunction('document.querySelectorAll(".figure-view[data-spec]:not(.interactive)").length === 0', { timeout: 20_000 });
    const file = join(resolve(options.out), `${options.prefix}${name}.png`);
    writeFileSync(file, await page.screenshot({ type: "png", fullPage: options.full === true }));
    console.log(`wrote ${file}`);
    await page.close();
  }
});
