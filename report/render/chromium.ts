// Debian's Chromium driven by puppeteer-core, headless, with nothing that phones home.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { ReportBuildError, renderMessages } from "./messages.js";

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface ChromiumOptions {
  /**
   * Everything in one process (browser, renderer, GPU, network): enough to print one local page,
   * in about a third of the RSS the usual dozen processes sum to (0.4 GB instead of 1.2 GB printing
   * the report of npm run bench:large). Not for pages that need a browser's isolation (JupyterLab).
   */
  singleProcess?: boolean;
}

export async function withChromium<T>(use: (browser: Browser) => Promise<T>, options: ChromiumOptions = {}): Promise<T> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new ReportBuildError(renderMessages.noChromium(executablePath));
  const { default: puppeteer } = await import("puppeteer-core"); // only when a PDF or screenshot is made
  const profile = mkdtempSync(join(tmpdir(), "lambench-chromium-"));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--user-data-dir=${profile}`,
      ...(options.singleProcess ? ["--single-process", "--no-zygote"] : []),
    ],
  });
  try {
    return await use(browser);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
