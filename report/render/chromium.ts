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

/** A Chromium started ahead of its use (the PDF's, while the notebooks run); close() is idempotent. */
export interface LaunchedChromium {
  browser: Promise<Browser>;
  close(): Promise<void>;
}

export function launchChromium(options: ChromiumOptions = {}): LaunchedChromium {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new ReportBuildError(renderMessages.noChromium(executablePath));
  const profile = mkdtempSync(join(tmpdir(), "lambench-chromium-"));
  const browser = (async () => {
    const { default: puppeteer } = await import("puppeteer-core"); // only when a PDF or screenshot is made
    return puppeteer.launch({
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
  })();
  browser.catch(() => undefined); // reported to whoever awaits it
  let closed: Promise<void> | undefined;
  return {
    browser,
    close: () =>
      (closed ??= (async () => {
        try {
          await (await browser.catch(() => undefined))?.close();
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      })()),
  };
}

/** Runs `use` on a Chromium (the one launched ahead, if given), closed after. */
export async function withChromium<T>(use: (browser: Browser) => Promise<T>, options: ChromiumOptions = {}, launched?: LaunchedChromium): Promise<T> {
  const chromium = launched ?? launchChromium(options);
  try {
    return await use(await chromium.browser);
  } finally {
    await chromium.close();
  }
}
